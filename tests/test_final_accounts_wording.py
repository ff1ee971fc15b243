"""The final-accounts wording switches (final_accounts/wording.yaml): how a change of 0
against last year and a zero base (last year or the budget) are phrased, for the
year-over-year sentences, the budget-vs-actual sentences and 三公.

One builder workbook holds every case: an increase, a decrease, no change, 0 → X and
X → 0, each once against last year's actuals and once against the budget.  The default
wording is seed 004's (“增加0.00万元，增长0.00%”, “增长100.00%”); a template folder with
``unchanged: flat`` and ``zero_base: omit`` gives “持平” and no percentage.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from disclosure_gen.kinds.final_accounts.schema import SCHEMA
from disclosure_gen.pipeline import check, render_checked
from disclosure_gen.workbook.writer import build_blank_workbook
from tests.render_helpers import docx_paragraphs

GB = "一般公共预算财政拨款"


def cases_workbook(path: Path) -> Path:
    """A unit whose figures (万元) make one sentence per case:

    三公 against last year: 因公出国 0 → 0, 公务用车运行维护费 2 → 3 (increase), 公务接待费
    2 → 1 (decrease), 公务用车购置费 0 → 5 (zero base); 功能科目 2010101 54 → 54 (no change),
    2010102 0 → 5, 2010199 2 → 0; 收支总计 59 → 59.  三公 against the full-year budget:
    因公出国 1 → 0 (X → 0), 购置 0 → 5 (zero budget), 运行 3 → 3, 接待 2 → 1; 财政拨款
    against the year-start budget 56 → 59 (increase).
    """
    rows: dict[str, Sequence[Sequence[Any]]] = {
        "lines": [
            ("2010101 行政运行", "30101", GB, "人员经费", "", "", 500000, 500000, 500000),
            ("2010101", "30212", GB, "公用经费", "", "", 10000, 10000, 0),
            ("2010101", "30217", GB, "公用经费", "", "", 20000, 20000, 10000),
            ("2010101", "30231", GB, "公用经费", "", "", 30000, 30000, 30000),
            ("2010102", "31013", GB, "公用经费", "", "", 0, 0, 50000),
        ],
        "income": [("2010101", "一般公共预算财政拨款收入", "", 590000)],
        "comparisons": [
            ("收支总计", 590000, None, None),
            ("财政拨款收支总计", 500000, None, None),
            ("功能科目：2010101", 540000, None, None),
            ("功能科目：2010102", 0, None, None),
            ("功能科目：2010199", 20000, None, None),
            ("三公：因公出国（境）费", 0, None, None),
            ("三公：公务用车购置费", 0, None, None),
            ("三公：公务用车运行维护费", 20000, None, None),
            ("三公：公务接待费", 20000, None, None),
            ("机关运行经费", 60000, None, None),  # 十(一) compares it too (A015)
        ],
    }
    forms: dict[str, dict[str, Any]] = {
        "profile": {
            "level": "单位",
            "name": "某县档案馆",
            "nature": "行政单位",
            "functions": "档案管理",
            "in_service": 5,
            "in_service_prior": 5,
            "retired": 0,
            "retired_prior": 0,
            "retired_cadre": 0,
            "retired_cadre_prior": 0,
        },
        "three_public": {"cars_bought": 1, "cars_held": 1, "receptions": 1, "reception_people": 3},
    }
    path.write_bytes(build_blank_workbook(SCHEMA, 2024, "单位", rows=rows, form_values=forms))
    return path


@cache
def _text(folder: Path, templates: Path | None) -> str:
    checked = check(cases_workbook(folder / "cases.xlsx"))
    assert checked.ok(), [(f.code, f.sheet, f.cell, f.message) for f in checked.findings]
    return "\n".join(docx_paragraphs(render_checked(checked, templates, pdf=False).docx))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("wording")


@pytest.fixture(scope="module")
def seed_wording(folder: Path) -> str:
    """The document in the default (seed 004) wording."""
    return _text(folder, None)


@pytest.fixture(scope="module")
def flat_omit(folder: Path) -> str:
    """The document with a template folder choosing 持平 and no zero-base percentage."""
    templates = folder / "templates"
    (templates / "final_accounts").mkdir(parents=True)
    (templates / "final_accounts" / "wording.yaml").write_text(
        "unchanged: flat\nzero_base: omit\n", encoding="utf-8"
    )
    return _text(folder, templates)


# (case, default wording, flat/omit wording): each phrase as it must appear
CASES = [
    (
        "三公 increase",
        "公务用车购置及运行维护费支出8.00万元，占88.89%，比上年增加6.00万元，增长300.00%。",
        "公务用车购置及运行维护费支出8.00万元，占88.89%，比上年增加6.00万元，增长300.00%。",
    ),
    (
        "三公 decrease",
        "公务接待费支出1.00万元，占11.11%，比上年减少1.00万元，下降50.00%。",
        "公务接待费支出1.00万元，占11.11%，比上年减少1.00万元，下降50.00%。",
    ),
    (
        "三公 unchanged",
        "因公出国（境）费支出0.00万元，占0.00%，比上年增加0.00万元，增长0.00%。",
        "因公出国（境）费支出0.00万元，占0.00%，与上年持平。",
    ),
    (
        "三公 total increase",
        "财政拨款“三公”经费支出9.00万元，比上年增加5.00万元，增长125.00%。",
        "财政拨款“三公”经费支出9.00万元，比上年增加5.00万元，增长125.00%。",
    ),
    (
        "item unchanged",
        "行政运行（项）：支出决算数为54.00万元，比上年决算增加0.00万元，增长0.00%。",
        "行政运行（项）：支出决算数为54.00万元，与上年决算持平。",
    ),
    (
        "item 0 → X",
        "一般行政管理事务（项）：支出决算数为5.00万元，比上年决算增加5.00万元，增长100.00%。",
        "一般行政管理事务（项）：支出决算数为5.00万元，比上年决算增加5.00万元。",
    ),
    (
        "item X → 0",
        "其他人大事务支出（项）：支出决算数为0.00万元，比上年决算减少2.00万元，下降100.00%。",
        "其他人大事务支出（项）：支出决算数为0.00万元，比上年决算减少2.00万元，下降100.00%。",
    ),
    (
        "overall unchanged (a clause after its subject)",
        "收入支出总体与上年相比，增加0.00万元，增长0.00%。",
        "收入支出总体与上年持平。",
    ),
    (
        "fiscal increase against last year and the year-start budget",
        "财政拨款收入支出总体与上年相比，增加9.00万元，增长18.00%。与年初预算相比，"
        "年初预算数56.00万元，决算数59.00万元，预决算差异率5.36%。",
        "财政拨款收入支出总体与上年相比，增加9.00万元，增长18.00%。与年初预算相比，"
        "年初预算数56.00万元，决算数59.00万元，预决算差异率5.36%。",
    ),
    (
        "budget X → 0",
        "因公出国（境）费全年预算数1.00万元，决算数0.00万元，预决算差异率-100.00%。",
        "因公出国（境）费全年预算数1.00万元，决算数0.00万元，预决算差异率-100.00%。",
    ),
    (
        "budget 0 → X",
        "公务用车购置费全年预算数0.00万元，决算数5.00万元，预决算差异率100.00%。",
        "公务用车购置费全年预算数0.00万元，决算数5.00万元。",
    ),
    (
        "budget equal",
        "公务用车运行维护费全年预算数3.00万元，决算数3.00万元，预决算差异率0.00%。",
        "公务用车运行维护费全年预算数3.00万元，决算数3.00万元，预决算差异率0.00%。",
    ),
    (
        "budget decrease",
        "公务接待费全年预算数2.00万元，决算数1.00万元，预决算差异率-50.00%。",
        "公务接待费全年预算数2.00万元，决算数1.00万元，预决算差异率-50.00%。",
    ),
]


@pytest.mark.parametrize(("case", "expected", "_"), CASES, ids=[c[0] for c in CASES])
def test_the_default_wording_is_seed_004s(
    case: str, expected: str, _: str, seed_wording: str
) -> None:
    assert expected in seed_wording


@pytest.mark.parametrize(("case", "_", "expected"), CASES, ids=[c[0] for c in CASES])
def test_flat_and_omit_say_chiping_and_drop_zero_base_percentages(
    case: str, _: str, expected: str, flat_omit: str
) -> None:
    assert expected in flat_omit


def test_flat_and_omit_leave_no_zero_change_or_zero_base_percentage(flat_omit: str) -> None:
    assert "增加0.00万元" not in flat_omit
    assert "增长100.00%" not in flat_omit
    assert "差异率100.00%" not in flat_omit


def test_a_misspelt_wording_choice_is_refused_in_chinese(folder: Path) -> None:
    templates = folder / "bad"
    (templates / "final_accounts").mkdir(parents=True)
    (templates / "final_accounts" / "wording.yaml").write_text(
        "unchanged: 持平\n", encoding="utf-8"
    )
    checked = check(cases_workbook(folder / "bad.xlsx"))
    with pytest.raises(ValueError, match=r"wording\.yaml.*unchanged.*zero、flat"):
        render_checked(checked, templates, pdf=False)
