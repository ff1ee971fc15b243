"""The command line: exit codes, refusals, outputs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from typer.testing import CliRunner

from disclosure_gen.cli import app
from tests.test_reader import edit

runner = CliRunner()


def test_init_writes_a_workbook_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "new.xlsx"
    assert runner.invoke(app, ["init", str(out), "--year", "2025"]).exit_code == 0
    assert out.exists()
    result = runner.invoke(app, ["init", str(out), "--year", "2025"])
    assert result.exit_code == 2 and "已存在" in result.output


def test_validate_exits_zero_on_a_clean_workbook(sample_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(sample_path)])
    assert result.exit_code == 0, result.output


def test_validate_strict_fails_on_warnings(sample_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(sample_path), "--strict"])
    assert result.exit_code == 1  # the sample uses a 补充科目 (warning C004)


def test_validate_exits_one_with_located_findings_as_json(sample_path: Path) -> None:
    edit(sample_path, "支出明细", "F3", "abc")
    result = runner.invoke(app, ["validate", str(sample_path), "--format", "json"])
    assert result.exit_code == 1
    findings = json.loads(result.output)["findings"]
    assert {"code": "S004", "sheet": "支出明细", "cell": "F3"}.items() <= findings[
        0
    ].items() or any(f["code"] == "S004" and f["cell"] == "F3" for f in findings)


def test_validate_exits_two_on_an_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 2
    assert "F002" in result.output and "Traceback" not in result.output


def test_annotate_writes_a_copy_with_comments_and_never_touches_the_input(
    sample_path: Path, tmp_path: Path
) -> None:
    edit(sample_path, "支出明细", "F3", "abc")
    before = sample_path.read_bytes()
    out = tmp_path / "annotated.xlsx"
    runner.invoke(app, ["validate", str(sample_path), "--annotate", str(out)])
    assert sample_path.read_bytes() == before
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "校验结果"
    cell = wb["支出明细"]["F3"]
    assert cell.comment is not None and "S004" in cell.comment.text
    assert cell.fill.fgColor.rgb.endswith("FFC7CE")
    result = runner.invoke(app, ["validate", str(sample_path), "--annotate", str(sample_path)])
    assert result.exit_code == 2 and sample_path.read_bytes() == before


def test_generate_refuses_a_workbook_with_errors_and_writes_nothing(
    sample_path: Path, tmp_path: Path
) -> None:
    edit(sample_path, "支出明细", "F3", "abc")
    out = tmp_path / "out"
    result = runner.invoke(app, ["generate", str(sample_path), "-o", str(out)])
    assert result.exit_code == 1
    assert not out.exists() or list(out.iterdir()) == []


def test_generate_writes_one_docx_and_one_pdf(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["generate", str(sample_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.suffix for p in out.iterdir())
    assert names == [".docx", ".pdf"]
    assert all("<" not in p.name and ">" not in p.name for p in out.iterdir())


def test_generate_on_unreadable_file_exits_two(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"")
    assert runner.invoke(app, ["generate", str(bad), "-o", str(tmp_path / "o")]).exit_code == 2


def test_a_failure_while_rendering_is_one_clear_line_and_writes_nothing(
    sample_path: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    import disclosure_gen.render.pdf as pdf

    def broken(*_: object) -> bytes:
        raise RuntimeError("font missing")

    monkeypatch.setattr(pdf, "lay_out", broken)
    out = tmp_path / "out"
    result = runner.invoke(app, ["generate", str(sample_path), "-o", str(out)])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert "生成失败" in result.output and "font missing" in result.output
    assert not out.exists() or list(out.iterdir()) == []


def test_user_templates_override_the_packaged_wording(sample_path: Path, tmp_path: Path) -> None:
    from disclosure_gen.kinds.budget import KIND as BUDGET

    custom = tmp_path / "templates" / "budget"
    custom.mkdir(parents=True)
    glossary = (BUDGET.templates / "glossary.j2").read_text(encoding="utf-8")
    (custom / "glossary.j2").write_text(
        glossary.replace("一、财政拨款：", "一、财政拨款（本地措辞）："), encoding="utf-8"
    )
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "generate",
            str(sample_path),
            "-o",
            str(out),
            "--templates",
            str(tmp_path / "templates"),
            "--no-pdf",
        ],
    )
    assert result.exit_code == 0, result.output
    from tests.render_helpers import docx_paragraphs

    paragraphs = docx_paragraphs(next(out.glob("*.docx")).read_bytes())
    assert any(p.startswith("一、财政拨款（本地措辞）：") for p in paragraphs)
