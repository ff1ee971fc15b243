"""Messages a person can act on: ``generate`` shows every warning it passes over, and the
human report groups repeated findings of one cause while listing every cell."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from disclosure_gen.cli import app
from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.pipeline import check
from disclosure_gen.validate.report import human
from tests.test_reader import edit

runner = CliRunner()


def test_generate_prints_every_warning_and_note_it_passes_over(
    sample_path: Path, tmp_path: Path
) -> None:
    edit(sample_path, "上年对比", "C2", None)  # N002: a change without its reason
    edit(sample_path, "支出明细", "F4", "30,000")  # S009: a number typed as text
    findings = check(sample_path).findings
    assert {f.severity for f in findings} == {Severity.WARNING, Severity.INFO}
    result = runner.invoke(app, ["generate", str(sample_path), "-o", str(tmp_path), "--no-pdf"])
    assert result.exit_code == 0, result.output
    for f in findings:
        assert f.message in result.output
        assert f"{f.code}  {f.cell}" in result.output
    assert "已生成" in result.output


def _finding(cell: str, value: str) -> Finding:
    return get("S004").finding(
        f"“金额（元）”应填数字，但“{value}”不是数字；请改正。", "支出明细", cell
    )


def test_repeated_findings_of_one_cause_are_grouped_with_every_cell_listed() -> None:
    cells = [f"F{n}" for n in range(2, 7)]
    findings = [_finding(cell, "abc") for cell in cells]
    report = human(findings, ("支出明细",))
    assert "S004 ×5" in report and "数字格式错误" in report
    header = next(line for line in report.splitlines() if "×5" in line)
    assert all(cell in header for cell in cells)
    assert report.count("应填数字") == 1  # one cause, said once
    assert report.splitlines()[-1] == "错误 5 个，警告 0 个，提示 0 个"


def test_grouped_findings_keep_their_distinct_messages_up_to_a_limit() -> None:
    findings = [_finding(f"F{n}", f"值{n}") for n in range(2, 12)]
    report = human(findings, ("支出明细",))
    assert "S004 ×10" in report
    assert "“值2”" in report and "“值4”" in report and "“值5”" not in report
    assert "另有 7 条同类说明" in report
    header = next(line for line in report.splitlines() if "×10" in line)
    assert all(f"F{n}" in header for n in range(2, 12))


def test_two_findings_of_one_code_are_listed_one_per_line() -> None:
    findings = [_finding("F2", "a"), _finding("F3", "b")]
    report = human(findings, ("支出明细",))
    assert "×" not in report and report.count("应填数字") == 2
