"""The DOCX's picture of a structure chart: the SVG's geometry drawn with Pillow.

Word cannot show SVG everywhere (WPS and older Word need a raster fallback), so the DOCX
embeds a PNG.  Labels are drawn with a CJK font that fontconfig names (``fc-match``); when
no font covering Chinese is found (a bare server, Windows without fontconfig) the picture
carries no text and the legend table below it states every name, amount and share.  The
bytes are deterministic: fixed size, fixed drawing order, Pillow's PNG writer adds no
time or text chunks, and the pixel density is fixed.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from disclosure_gen.render import chart as c

OUT_SCALE = 2  # PNG pixels per SVG unit (1,200 × 520: sharp at the printed 150 mm)
SUPERSAMPLE = 3  # drawn this much larger, then reduced: smooth edges without antialiasing
DPI = 203  # 1,200 px over 150 mm
FONT_PATTERN = "SimHei,Noto Sans CJK SC,Source Han Sans SC,WenQuanYi Zen Hei,sans-serif:lang=zh-cn"


@dataclass(frozen=True)
class FontFile:
    path: str
    index: int


@cache
def cjk_font() -> FontFile | None:
    """The font file fontconfig picks for Chinese sans-serif text, if it covers Chinese."""
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    try:
        out = subprocess.run(
            [exe, "-f", "%{file}|%{index}|%{lang}", FONT_PATTERN],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    path, _, rest = out.partition("|")
    index, _, langs = rest.partition("|")
    if not path or "zh-cn" not in langs.split("|"):
        return None
    return FontFile(path, int(index or 0))


def _hex(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def draw_png(chart: c.PieChart, font: FontFile | None = None) -> bytes:
    """The chart as PNG bytes; ``font`` None draws the picture without its labels."""
    k = OUT_SCALE * SUPERSAMPLE
    image = Image.new("RGB", (c.WIDTH * k, c.HEIGHT * k), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    box = [
        (c.CX - c.RADIUS) * k,
        (c.CY - c.RADIUS) * k,
        (c.CX + c.RADIUS) * k,
        (c.CY + c.RADIUS) * k,
    ]
    for s in chart.slices:
        if s.full:
            draw.ellipse(box, fill=_hex(s.color))
        else:  # Pillow measures angles clockwise from 3 o'clock
            draw.pieslice(box, s.start - 90, s.end - 90, fill=_hex(s.color))
    if len(chart.slices) > 1:  # white seams between slices, as the SVG's strokes
        for s in chart.slices:
            x, y = c.point(s.start, c.RADIUS)
            draw.line([(c.CX * k, c.CY * k), (x * k, y * k)], fill=(255, 255, 255), width=k)
    typeface = (
        ImageFont.truetype(
            font.path, int(c.FONT_SIZE * k), index=font.index, layout_engine=ImageFont.Layout.BASIC
        )
        if font
        else None
    )
    for label in chart.labels:
        line = [(x * k, y * k) for x, y in (label.anchor, label.elbow, label.end)]
        draw.line(line, fill=(89, 89, 89), width=max(1, int(0.8 * k)))
        if typeface is not None:
            x = (label.end[0] + (3 if label.right else -3)) * k
            draw.text(
                (x, label.end[1] * k),
                label.text,
                font=typeface,
                fill=(0, 0, 0),
                anchor="lm" if label.right else "rm",
            )
    small = image.resize((c.WIDTH * OUT_SCALE, c.HEIGHT * OUT_SCALE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, "PNG", optimize=False, compress_level=9, dpi=(DPI, DPI))
    return out.getvalue()
