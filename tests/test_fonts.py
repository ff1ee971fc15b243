"""The PDF's faces: the open GB/T 9704 set is installed, covers what we print, is embedded,
and a 楷体 heading is set to look the size of the 仿宋 body."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

from disclosure_gen.pipeline import Documents
from disclosure_gen.render import fonts
from scripts import font_coverage
from tests import builders
from tests.render_helpers import documents

SAMPLE = "国中预算公开部门单位情况说明支出收入财政拨款经费项目资金政府采购绩效目标"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Documents:
    return documents(builders.write(tmp_path_factory.mktemp("f") / "sample.xlsx"))


def _face(family: str) -> Path:
    path = font_coverage.face_file(family)
    assert path is not None, f"{family} is not installed: run make setup (scripts/system-deps.sh)"
    return path


def _ink_em(path: Path) -> float:
    """Mean of the ink box's height and width over common hanzi, in em."""
    font = TTFont(path, fontNumber=0)
    glyphs, cmap, upm = font.getGlyphSet(), font.getBestCmap(), font["head"].unitsPerEm
    total = 0.0
    for char in SAMPLE:
        pen = BoundsPen(glyphs)
        glyphs[cmap[ord(char)]].draw(pen)
        assert pen.bounds is not None
        x0, y0, x1, y1 = pen.bounds
        total += ((y1 - y0) + (x1 - x0)) / 2 / upm
    return total / len(SAMPLE)


@pytest.mark.parametrize("family", ["FandolFang", "FandolHei", "FandolKai"])
def test_open_faces_draw_every_gb2312_hanzi_and_all_but_one_character_we_print(
    family: str,
) -> None:
    cmap = font_coverage.codepoints(_face(family))
    assert all(ord(c) in cmap for c in font_coverage.gb2312(1) | font_coverage.gb2312(2))
    missing = {c for c in font_coverage.used_characters() if ord(c) not in cmap}
    # U+2212 MINUS SIGN comes from Noto (per-glyph fallback); anything else new is a gap
    assert missing <= {"\u2212"}, missing


@pytest.mark.parametrize("family", ["FandolFang", "FandolKai", "FandolHei"])
def test_ink_table_matches_the_installed_faces(family: str) -> None:
    assert fonts.INK_EM[family] == pytest.approx(_ink_em(_face(family)), abs=0.002)


def test_kai_heading_size_makes_its_ink_as_large_as_the_fang_body() -> None:
    size = float(fonts.css_fonts()["kai_size"].removesuffix("pt"))
    kai, fang = _ink_em(_face("FandolKai")), _ink_em(_face("FandolFang"))
    assert size * kai == pytest.approx(16 * fang, rel=0.01)
    assert 16 * kai < 16 * fang * 0.98  # at one size the 楷体 would look smaller


def test_stacks_name_only_installed_families_in_official_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        fonts, "installed_families", lambda: frozenset({"仿宋", "FandolFang", "Noto Serif CJK SC"})
    )
    assert fonts.stack("fang").css() == '"仿宋", "FandolFang", "Noto Serif CJK SC", serif'
    assert fonts.stack("hei").css() == "sans-serif"
    assert fonts.optical_scale("kai") == 1.0  # an unmeasured body face (仿宋): no scaling


def test_pdf_embeds_fandol_fang_hei_kai_and_a_bold_serif_title(rendered: Documents) -> None:
    assert rendered.pdf is not None
    listing = subprocess.run(
        ["pdffonts", "-"], input=rendered.pdf, capture_output=True, check=False
    ).stdout.decode()
    if not listing:  # pdffonts cannot read stdin on every version
        pytest.fail("pdffonts gave no listing")
    names = {line.split()[0].split("+", 1)[-1] for line in listing.splitlines()[2:]}
    assert {"FandolFang", "FandolHei", "FandolKai", "Noto-Serif-CJK-SC-Bold"} <= names, names
    # a bold request on 仿宋 gives a "Bold" name but regular outlines (no synthetic bold)
    assert "FandolFang-Bold" not in names, names


def test_charset_ranges_parse_into_a_coverage() -> None:
    cover = fonts.parse_charsets(["20-7e a0-17f 4e00", "4e01-4e05 zz"])
    assert 0x41 in cover and 0x4E03 in cover and 0x7F not in cover and 0x4E06 not in cover
    assert cover.starts == (0x20, 0xA0, 0x4E00)


def test_alias_file_maps_the_official_names_to_fandol_for_docx_previews(tmp_path: Path) -> None:
    """LibreOffice opens the DOCX (official names in its styles) through fontconfig."""
    alias = Path(__file__).resolve().parent.parent / "scripts/fontconfig/60-disclosure-gen.conf"
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><fontconfig>'
        "<dir>/usr/share/fonts</dir><dir>/usr/local/share/fonts</dir><dir>~/.local/share/fonts</dir>"
        f"<cachedir>{tmp_path}/cache</cachedir><include>{alias}</include></fontconfig>",
        encoding="utf-8",
    )

    def match(name: str) -> str:
        return subprocess.run(
            ["fc-match", "--format", "%{family[0]}", f"{name}:lang=zh-cn"],
            capture_output=True,
            text=True,
            check=True,
            env={"FONTCONFIG_FILE": str(conf), "PATH": "/usr/bin:/bin"},
        ).stdout

    assert match("仿宋_GB2312") == "FandolFang"
    assert match("楷体_GB2312") == "FandolKai"
    assert match("黑体") == "FandolHei"
