"""The 收入/支出决算结构图 of the final-accounts document: drawn from the stated figures,
zero parts left out, one geometry as SVG (PDF) and PNG (DOCX), deterministic bytes."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from dataclasses import dataclass
from decimal import Decimal as D
from itertools import pairwise
from pathlib import Path

import pytest

from disclosure_gen.kinds.final_accounts import KIND
from disclosure_gen.kinds.final_accounts.compute.run import Computed
from disclosure_gen.kinds.final_accounts.model import FinalAccounts
from disclosure_gen.money import format_amount
from disclosure_gen.pipeline import check, render_checked
from disclosure_gen.render import chart_png
from disclosure_gen.render.chart import LINE_STEP, PALETTE, PieChart
from disclosure_gen.render.environment import build_environment
from tests.test_final_accounts import EXAMPLE, synthetic


@dataclass(frozen=True)
class P:
    name: str
    amount: D
    share: D | None


def parts(*amounts: str) -> list[P]:
    whole = sum((D(a) for a in amounts), D(0))
    return [
        P(f"第{i}项", D(a), (D(a) * 100 / whole).quantize(D("0.01")) if whole else D(0))
        for i, a in enumerate(amounts)
    ]


def test_zero_parts_are_left_out_and_keep_their_colours_in_the_full_list() -> None:
    chart = PieChart.of("收入", parts("70", "0", "30", "0"))
    assert [s.name for s in chart.slices] == ["第0项", "第2项"]
    assert [s.color for s in chart.slices] == [PALETTE[0], PALETTE[2]]
    assert [row[1] for row in chart.legend()] == ["第0项", "第2项"]


def test_slices_are_proportional_to_the_stated_amounts() -> None:
    chart = PieChart.of("支出", parts("25", "50", "25"))
    assert [(s.start, s.end) for s in chart.slices] == [(0, 90), (90, 270), (270, 360)]


def test_a_single_non_zero_part_is_a_full_disc() -> None:
    chart = PieChart.of("支出", parts("0", "12.5", "0"))
    assert len(chart.slices) == 1 and chart.slices[0].full
    svg = chart.svg()
    assert "<circle" in svg and "<path" not in svg
    assert "第1项 100.00%" in svg
    assert chart_png.draw_png(chart, None).startswith(b"\x89PNG")


def test_all_zero_parts_give_no_chart_and_no_block() -> None:
    assert PieChart.of("收入", parts("0", "0")).empty


def test_a_part_without_its_stated_share_is_refused() -> None:
    with pytest.raises(ValueError, match="share"):
        PieChart.of("收入", [P("财政拨款收入", D("1"), None)])


def test_labels_of_many_small_parts_never_overlap() -> None:
    chart = PieChart.of("支出", parts("1000", "1", "1", "1", "1", "1"))
    for right in (True, False):
        ys = sorted(label.end[1] for label in chart.labels if label.right == right)
        assert all(b - a >= LINE_STEP - 0.01 for a, b in pairwise(ys))


def test_svg_escapes_names_and_prints_the_stated_share() -> None:
    svg = PieChart.of("A&B", [P("<收入>&", D("3"), D("100.00"))]).svg()
    assert "&lt;收入&gt;&amp; 100.00%" in svg and 'aria-label="A&amp;B"' in svg


def _chunks(png: bytes) -> list[bytes]:
    out, pos = [], 8
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        out.append(png[pos + 4 : pos + 8])
        pos += 12 + length
    return out


def test_png_bytes_are_deterministic_and_carry_no_time_or_text() -> None:
    chart = PieChart.of("收入", parts("7090.99", "0", "935.84", "0", "0", "0.77"))
    font = chart_png.cjk_font()
    first, second = chart_png.draw_png(chart, font), chart_png.draw_png(chart, font)
    assert first == second
    assert set(_chunks(first)) <= {b"IHDR", b"pHYs", b"IDAT", b"IEND"}


def test_png_labels_are_drawn_with_a_cjk_font_or_not_at_all() -> None:
    font = chart_png.cjk_font()
    if font is None:
        pytest.skip("no font covering Chinese on this machine (fc-list :lang=zh is empty)")
    chart = PieChart.of("收入", parts("60", "40"))
    assert chart_png.draw_png(chart, font) != chart_png.draw_png(chart, None)


def test_without_fc_match_no_font_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    chart_png.cjk_font.cache_clear()
    monkeypatch.setattr("shutil.which", lambda _: None)
    try:
        assert chart_png.cjk_font() is None
    finally:
        chart_png.cjk_font.cache_clear()


def _chart_blocks(path: Path, templates: Path | None = None) -> list[PieChart]:
    checked = check(path)
    assert isinstance(checked.computed, Computed) and isinstance(checked.model, FinalAccounts)
    env = build_environment(KIND.name, KIND.template_folders(checked.model), templates)
    context = KIND.render_context(env, checked.model, checked.computed)
    return [b.extra["chart"] for b in context.blocks if b.type == "chart"]


def test_the_example_charts_state_the_sentences_figures() -> None:
    checked = check(EXAMPLE)
    assert isinstance(checked.computed, Computed)
    facts = checked.computed.facts
    income, spend = _chart_blocks(EXAMPLE)
    for chart, stated in ((income, facts.income_items), (spend, facts.spend_items)):
        assert chart.legend() == tuple(
            (PALETTE[i], s.name, format_amount(s.amount), f"{s.share:.2f}%")
            for i, s in enumerate(stated)
            if s.amount
        )
    assert [s.name for s in income.slices] == ["财政拨款收入", "事业收入", "其他收入"]
    assert [s.name for s in spend.slices] == ["基本支出", "项目支出"]


def test_the_docx_embeds_one_png_per_chart_with_its_relationship(tmp_path: Path) -> None:
    docx = render_checked(check(synthetic(tmp_path)), pdf=False).docx
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        media = sorted(n for n in zf.namelist() if n.startswith("word/media/"))
        rels = zf.read("word/_rels/document.xml.rels").decode()
        types = zf.read("[Content_Types].xml").decode()
        body = zf.read("word/document.xml").decode()
        assert media == ["word/media/image1.png", "word/media/image2.png"]
        assert all(zf.read(m).startswith(b"\x89PNG") for m in media)
    embedded = re.findall(r'r:embed="(rId\d+)"', body)
    assert len(embedded) == 2
    for rid, target in zip(embedded, ("media/image1.png", "media/image2.png"), strict=True):
        assert f'Id="{rid}"' in rels and f'Target="{target}"' in rels
    assert 'Extension="png"' in types
    assert body.count("收入决算结构图") == 1 and body.count("支出决算结构图") == 1


def test_charts_off_in_wording_yaml_draws_none(tmp_path: Path) -> None:
    templates = tmp_path / "templates" / "final_accounts"
    templates.mkdir(parents=True)
    (templates / "wording.yaml").write_text("charts: false\n", encoding="utf-8")
    assert _chart_blocks(EXAMPLE, tmp_path / "templates") == []
    docx = render_checked(check(synthetic(tmp_path)), tmp_path / "templates", pdf=False).docx
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        assert not [n for n in zf.namelist() if n.startswith("word/media/")]


def test_same_workbook_with_charts_same_docx_and_pdf(tmp_path: Path) -> None:
    path = synthetic(tmp_path)
    a, b = render_checked(check(path)), render_checked(check(path))
    assert a.pdf is not None and b"<svg" not in a.pdf  # the SVG is drawn, not embedded
    assert a.docx == b.docx and a.pdf == b.pdf
    with zipfile.ZipFile(io.BytesIO(a.docx)) as zf:
        assert "word/media/image1.png" in zf.namelist()
