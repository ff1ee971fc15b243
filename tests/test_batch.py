"""disclosure-gen batch: a folder or a manifest, in processes or on a Dask cluster.

Every output must be byte-identical to what ``generate`` writes for the same workbook, a
bad workbook is a failed row that stops nothing, and the summaries are deterministic
except for their seconds. PDFs only where a test needs them (--no-pdf elsewhere).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from disclosure_gen.batch import cluster
from disclosure_gen.batch.local import WORKER_DIED, run_local
from disclosure_gen.batch.sources import Job, SourceError, jobs_from
from disclosure_gen.batch.task import Options, Result, run
from disclosure_gen.cli import app
from tests import builders
from tests.conftest import EXAMPLE
from tests.test_reader import edit

runner = CliRunner()
UNITS = ("甲市数据局", "乙县信息中心", "丙区大数据中心")


def unit_workbook(path: Path, name: str) -> Path:
    data = builders.sample()
    data["forms"]["profile"]["name"] = name
    return builders.write(path, data)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three good units, one workbook with an error (S004), one that is not a workbook, and
    things a folder scan must skip (an Excel lock file, a hidden file, a subfolder)."""
    root = tmp_path_factory.mktemp("units")
    for i, name in enumerate(UNITS):
        unit_workbook(root / f"unit{i}.xlsx", name)
    edit(unit_workbook(root / "with-error.xlsx", "丁镇财政所"), "支出明细", "F3", "abc")
    (root / "broken.xlsx").write_text("not a workbook", encoding="utf-8")
    (root / "~$unit0.xlsx").write_bytes(b"lock")
    (root / ".hidden.xlsx").write_bytes(b"hidden")
    (root / "notes.txt").write_text("ignored", encoding="utf-8")
    (root / "sub").mkdir()
    shutil.copy(root / "unit0.xlsx", root / "sub" / "deeper.xlsx")
    return root


def batch(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, ["batch", *map(str, args)])
    return result.exit_code, result.output


def summary(out: Path) -> dict[str, Any]:
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def without_seconds(document: dict[str, Any]) -> dict[str, Any]:
    rows = [{k: v for k, v in row.items() if k != "seconds"} for row in document["workbooks"]]
    return {**{k: v for k, v in document.items() if k != "seconds"}, "workbooks": rows}


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture(scope="module")
def folder_run(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, Path]:
    out = tmp_path_factory.mktemp("out")
    code, output = batch(folder, "-o", out, "--no-pdf", "--jobs", "2")
    return code, output, out


def test_a_folder_with_bad_workbooks_reports_them_and_writes_the_rest(
    folder_run: tuple[int, str, Path],
) -> None:
    code, output, out = folder_run
    assert code == 1, output
    rows = {row["workbook"]: row for row in summary(out)["workbooks"]}
    assert (
        list(rows)
        == sorted(rows)
        == [
            "broken.xlsx",
            "unit0.xlsx",
            "unit1.xlsx",
            "unit2.xlsx",
            "with-error.xlsx",
        ]
    )
    for i, name in enumerate(UNITS):
        row = rows[f"unit{i}.xlsx"]
        assert row["status"] == "ok" and row["unit"] == name and row["errors"] == 0
        assert row["warnings"] >= 1  # the sample's 补充科目 (C004)
        assert len(row["outputs"]) == 1 and row["outputs"][0].startswith(f"unit{i}/")
        assert name in row["outputs"][0] and row["outputs"][0].endswith(".docx")
        assert (out / row["outputs"][0]).is_file()
    broken = rows["broken.xlsx"]
    assert broken["status"] == "failed" and broken["reason"].startswith("F002 ")
    assert "不是 Excel 工作簿" in broken["reason"]
    error = rows["with-error.xlsx"]
    assert error["status"] == "failed" and error["unit"] == "丁镇财政所" and error["errors"] >= 1
    assert "有 1 个错误，未生成文件" in error["reason"] and "S004 支出明细!F3" in error["reason"]
    assert not (out / "broken").exists() and not (out / "with-error").exists()
    assert sorted(p.name for p in out.iterdir()) == [
        "summary.csv",
        "summary.json",
        "unit0",
        "unit1",
        "unit2",
    ]
    assert "成功 3 个，失败 2 个" in output and "失败 broken.xlsx：F002" in output


def test_every_output_is_byte_identical_to_generate(
    folder: Path, folder_run: tuple[int, str, Path], tmp_path: Path
) -> None:
    _, _, out = folder_run
    for i in range(len(UNITS)):
        single = tmp_path / f"single{i}"
        result = runner.invoke(
            app, ["generate", str(folder / f"unit{i}.xlsx"), "-o", str(single), "--no-pdf"]
        )
        assert result.exit_code == 0, result.output
        assert files(single) == files(out / f"unit{i}")


def test_pdf_and_templates_behave_as_in_generate(tmp_path: Path) -> None:
    """The example with its PDF, and a --templates folder, the same bytes as generate."""
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(EXAMPLE, source / "example.xlsx")
    templates = tmp_path / "templates" / "skin"
    templates.mkdir(parents=True)
    style = Path(__file__).resolve().parent.parent / "templates" / "skin" / "style.css"
    (templates / "style.css").write_text(
        style.read_text(encoding="utf-8") + "\nbody { letter-spacing: 0.01em; }\n", encoding="utf-8"
    )
    options = ["--templates", str(tmp_path / "templates")]
    code, output = batch(source, "-o", tmp_path / "out", *options)
    assert code == 0, output
    single = tmp_path / "single"
    result = runner.invoke(app, ["generate", str(EXAMPLE), "-o", str(single), *options])
    assert result.exit_code == 0, result.output
    written = files(tmp_path / "out" / "example")
    assert sorted(Path(name).suffix for name in written) == [".docx", ".pdf"]
    assert written == files(single)


def test_a_template_that_fails_in_rendering_is_a_failed_row(folder: Path, tmp_path: Path) -> None:
    templates = tmp_path / "templates" / "budget"
    templates.mkdir(parents=True)
    (templates / "content.j2").write_text("{{ doc.no_such_block() }}", encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text(f"workbook,output\n{folder / 'unit0.xlsx'},u\n", encoding="utf-8")
    code, output = batch(
        manifest, "-o", tmp_path / "out", "--no-pdf", "--templates", templates.parent
    )
    assert code == 1, output
    (row,) = summary(tmp_path / "out")["workbooks"]
    assert row["status"] == "failed" and row["reason"].startswith("生成失败（")
    assert "--templates" in row["reason"] and not any((tmp_path / "u").glob("*"))


def test_strict_fails_a_workbook_with_warnings(folder: Path, tmp_path: Path) -> None:
    code, _ = batch(folder / "unit0.xlsx", "-o", tmp_path, "--no-pdf")
    assert code == 2  # a workbook is not a manifest
    manifest = tmp_path / "one.csv"
    manifest.write_text(f"workbook,output\n{folder / 'unit0.xlsx'},u\n", encoding="utf-8")
    code, output = batch(manifest, "-o", tmp_path / "out", "--no-pdf", "--strict")
    assert code == 1, output
    (row,) = summary(tmp_path / "out")["workbooks"]
    assert row["status"] == "failed" and "警告（--strict），未生成文件" in row["reason"]
    assert "C004" in row["reason"] and not (tmp_path / "u").exists()


def test_a_manifest_resolves_paths_against_its_folder(folder: Path, tmp_path: Path) -> None:
    shutil.copytree(folder, tmp_path / "units")
    lists = tmp_path / "lists"
    lists.mkdir()
    manifest = lists / "manifest.csv"
    manifest.write_text(
        "workbook,output\n"
        "../units/unit1.xlsx,../published/乙县\n"
        "\n"
        "../units/unit0.xlsx,\n"
        "../units/missing.xlsx,../published/missing\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, output = batch(manifest, "-o", out, "--no-pdf")
    assert code == 1, output
    rows = {row["workbook"]: row for row in summary(out)["workbooks"]}
    assert list(rows) == ["../units/missing.xlsx", "../units/unit0.xlsx", "../units/unit1.xlsx"]
    assert rows["../units/missing.xlsx"]["reason"].startswith("F001 ")
    assert rows["../units/unit0.xlsx"]["outputs"][0].startswith("unit0/")  # empty: OUT/<stem>
    published = tmp_path / "published" / "乙县"
    assert rows["../units/unit1.xlsx"]["outputs"] == [
        str(next(published.glob("*.docx")).absolute())
    ]
    assert UNITS[1] in next(iter(files(published)))


def test_a_manifest_saved_by_excel_in_gb18030_with_chinese_headers(
    folder: Path, tmp_path: Path
) -> None:
    manifest = tmp_path / "清单.csv"
    manifest.write_bytes(f"工作簿,输出目录\r\n{folder / 'unit2.xlsx'},丙区\r\n".encode("gb18030"))
    code, output = batch(manifest, "-o", tmp_path / "out", "--no-pdf")
    assert code == 0, output
    assert any((tmp_path / "丙区").glob("*.docx"))


def test_sources_refuse_what_would_collide(folder: Path, tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        f"workbook,output\n{folder / 'unit0.xlsx'},same\n{folder / 'unit1.xlsx'},SAME\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="输出目录相同"):
        jobs_from(manifest, tmp_path / "out")
    manifest.write_text(
        f"workbook,output\n{folder / 'unit0.xlsx'},a\n{folder / 'unit0.xlsx'},b\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="出现了两次"):
        jobs_from(manifest, tmp_path / "out")
    manifest.write_text("file,folder\nunit0.xlsx,a\n", encoding="utf-8")
    with pytest.raises(SourceError, match="第一行应是列名"):
        jobs_from(manifest, tmp_path / "out")
    manifest.write_text("workbook,output\n,a\n", encoding="utf-8")
    with pytest.raises(SourceError, match="第 2 行没有填写工作簿"):
        jobs_from(manifest, tmp_path / "out")
    code, output = batch(manifest, "-o", tmp_path / "out")
    assert code == 2 and "第 2 行没有填写工作簿" in output


def test_summary_json_and_csv_agree_and_repeat(
    folder: Path, folder_run: tuple[int, str, Path], tmp_path: Path
) -> None:
    _, _, out = folder_run
    document = summary(out)
    assert (document["total"], document["ok"], document["failed"]) == (5, 3, 2)
    data = (out / "summary.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese correctly
    table = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(table[0]) == [
        "unit",
        "workbook",
        "status",
        "errors",
        "warnings",
        "outputs",
        "seconds",
        "reason",
    ]
    for line, row in zip(table, document["workbooks"], strict=True):
        assert line["workbook"] == row["workbook"] and line["status"] == row["status"]
        assert line["unit"] == row["unit"] and line["reason"] == row["reason"]
        assert int(line["errors"]) == row["errors"] and int(line["warnings"]) == row["warnings"]
        assert line["outputs"] == ";".join(row["outputs"])
        assert float(line["seconds"]) >= 0
    code, _ = batch(folder, "-o", tmp_path, "--no-pdf", "--jobs", "1")
    assert code == 1
    assert without_seconds(summary(tmp_path)) == without_seconds(document)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


def test_exit_codes(folder: Path, tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(folder / "unit0.xlsx", good / "a.xlsx")
    assert batch(good, "-o", tmp_path / "out", "--no-pdf")[0] == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    code, output = batch(empty, "-o", tmp_path / "out")
    assert code == 2 and "没有找到 .xlsx" in output
    code, output = batch(tmp_path / "nowhere", "-o", tmp_path / "out")
    assert code == 2 and "找不到" in output
    assert batch(good, "-o", tmp_path / "out", "--jobs", "0")[0] == 2
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, output = batch(good, "-o", tmp_path / "file")
    assert code == 2 and "不是目录" in output
    code, output = batch(good, "--jobs", "2", "--dask-scheduler", "tcp://127.0.0.1:1")
    assert code == 2 and "--jobs" in output


def dies_on_unit1(job: Job, options: Options) -> Result:
    """A task whose worker process dies on one workbook (as a crash in a C library would)."""
    if job.workbook.name == "unit1.xlsx":
        os._exit(3)
    if job.workbook.name == "unit2.xlsx":
        raise RuntimeError("boom")
    return run(job, options)


def test_a_worker_that_dies_fails_only_its_own_workbook(folder: Path, tmp_path: Path) -> None:
    jobs = jobs_from(folder, tmp_path)
    seen: list[str] = []
    results = run_local(
        jobs, Options(pdf=False), 2, lambda r: seen.append(r.workbook), task=dies_on_unit1
    )
    by_name = {r.workbook: r for r in results}
    assert [r.workbook for r in results] == [j.label for j in jobs] and sorted(seen) == sorted(
        by_name
    )
    assert by_name["unit1.xlsx"].reason == WORKER_DIED
    assert "RuntimeError: boom" in by_name["unit2.xlsx"].reason
    assert by_name["unit0.xlsx"].ok and by_name["unit0.xlsx"].outputs
    assert by_name["broken.xlsx"].reason.startswith("F002")


def test_dask_option_says_what_to_install(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster, "available", lambda: False)
    code, output = batch(folder, "-o", tmp_path, "--dask-scheduler", "tcp://127.0.0.1:8786")
    assert code == 2 and "pip install 'disclosure-gen[dask]'" in output


def test_an_unreachable_scheduler_is_a_clear_message(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 1)
    code, output = batch(folder, "-o", tmp_path, "--dask-scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and "无法连接 Dask 调度器 tcp://127.0.0.1:9" in output


def test_the_dask_path_on_a_local_cluster_writes_the_same_files(
    folder: Path, folder_run: tuple[int, str, Path], tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    _, _, local_out = folder_run
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        protocol="tcp",
    ) as local_cluster:
        address = local_cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        code, output = batch(folder, "-o", tmp_path, "--no-pdf", "--dask-scheduler", address)
    assert code == 1, output
    assert without_seconds(summary(tmp_path)) == without_seconds(summary(local_out))
    for i in range(len(UNITS)):
        assert files(tmp_path / f"unit{i}") == files(local_out / f"unit{i}")
    assert "本机看不到" not in output
