"""The wheel carries the templates and the catalogs, so an installed tool can render."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_templates_and_catalogs(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "disclosure_gen/kinds/budget/templates/content.j2",
        "disclosure_gen/kinds/budget/templates/glossary.j2",
        "disclosure_gen/kinds/budget/templates/tables.yaml",
        "disclosure_gen/templates/skin/document.html",
        "disclosure_gen/templates/skin/style.css",
        "disclosure_gen/templates/skin/docx/word/document.xml",
        "disclosure_gen/catalogs/data/function_2024.csv",
        "disclosure_gen/catalogs/data/function_2025.csv",
        "disclosure_gen/catalogs/data/economic.csv",
    ):
        assert required in names, required


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "disclosure_gen", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "generate" in result.stdout
