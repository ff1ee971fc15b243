"""The one place that builds the jinja2 Environment for every template.

StrictUndefined (a typo in a template fails loudly instead of printing nothing), a search
path that puts a user's template folder before the packaged ones, every filter registered
here, autoescape for HTML/XML templates.  The text template that phrases the document
(``content.j2``) is not escaped: its output is data that each format escapes itself.

Template names: ``skin/…`` are the shared layouts (``templates/skin/`` of the project:
document.html, style.css, the DOCX package), ``<kind>/…`` a kind's wording (its folder's
``templates/``).  A user's folder holds files under the same names and wins.

Compiled templates are kept in jinja2's bytecode cache (a folder of the user's own in the
system's temporary directory, created private): compiling the wording templates anew took
about 0.2 s of every ``generate``, before the PDF could start.  Each entry is checked
against its template's source, so an edited or a user's template is compiled again; a cache
that cannot be created or written is simply not used.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    select_autoescape,
)
from jinja2.bccache import Bucket

from disclosure_gen.money import format_amount, format_amount_or_zero, round2
from disclosure_gen.render.justify import glued, justified
from disclosure_gen.render.titles import balanced_lines


def packaged_templates() -> Path:
    """The shared templates inside the installed wheel, or the repository's templates/."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("templates folder not found beside the disclosure_gen package")


def amount(value: Decimal) -> str:
    """万元 with thousands separators and two decimals: 30,963.77."""
    return format_amount(value)


def amount0(value: Decimal) -> str:
    """Like ``amount`` but a bare 0 for zero, as some sentences of the seeds print it."""
    return format_amount_or_zero(value)


def pct(value: Decimal) -> str:
    """A percentage with two decimals, without the % sign: 20.43."""
    return f"{round2(value):,.2f}"


def cn_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


CN_NUMERALS = "零一二三四五六七八九十"


def cn_number(value: int) -> str:
    """1 → 一, 12 → 十二, 105 → 一百零五, 110 → 一百一十 (section numbering, up to 9999)."""
    if value < 0 or value > 9999:
        return str(value)
    if value <= 10:
        return CN_NUMERALS[value]
    if value < 20:
        return "十" + (CN_NUMERALS[value - 10] if value > 10 else "")
    out = ""
    zero = False
    for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        digit, value = divmod(value, size)
        if digit:
            out += ("零" if zero and out else "") + CN_NUMERALS[digit] + unit
            zero = False
        elif out:
            zero = True
    return out


@dataclass(frozen=True)
class TemplateSearch:
    """Where template names resolve, first match wins: (prefix, folder) pairs, where a
    name ``prefix/rest`` is ``folder/rest`` and the empty prefix takes any name."""

    roots: tuple[tuple[str, Path], ...]

    def candidates(self, name: str) -> Sequence[Path]:
        out = []
        for prefix, folder in self.roots:
            if not prefix:
                out.append(folder / name)
            elif name.startswith(prefix + "/"):
                out.append(folder / name[len(prefix) + 1 :])
        return out

    def path(self, name: str) -> Path:
        """The file or folder a template name resolves to (for the DOCX package)."""
        for candidate in self.candidates(name):
            if candidate.exists():
                return candidate
        raise FileNotFoundError(name)

    def loader(self) -> BaseLoader:
        return ChoiceLoader(
            [
                FileSystemLoader(str(folder))
                if not prefix
                else PrefixLoader({prefix: FileSystemLoader(str(folder))})
                for prefix, folder in self.roots
            ]
        )


class _QuietBytecodeCache(FileSystemBytecodeCache):
    """jinja2's file cache, except that failing to write an entry (a full disk, a folder
    that became read-only) is not an error: the template is compiled, just not kept."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


@cache
def bytecode_cache() -> FileSystemBytecodeCache | None:
    """The process's one cache, or None where no private folder can be made."""
    try:
        return _QuietBytecodeCache(pattern="disclosure-gen-%s.cache")
    except (OSError, RuntimeError):
        return None


class DocumentEnvironment(Environment):
    """The jinja2 Environment that also knows where its templates are on disk."""

    search: TemplateSearch


def build_environment(
    kind: str, kind_folders: Sequence[Path], user_templates: Path | None = None
) -> DocumentEnvironment:
    """The environment for one kind: names ``<kind>/…`` resolve in ``kind_folders`` (a
    wording profile's overrides, then the kind's own templates), after the user's folder."""
    roots: list[tuple[str, Path]] = [("", user_templates)] if user_templates else []
    roots += [(kind, folder) for folder in kind_folders]
    roots.append(("", packaged_templates()))
    search = TemplateSearch(tuple(roots))
    env = DocumentEnvironment(
        loader=search.loader(),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html", "xml"), default_for_string=False),
        keep_trailing_newline=False,
        bytecode_cache=bytecode_cache(),
    )
    env.search = search
    env.filters.update(
        amount=amount,
        amount0=amount0,
        pct=pct,
        cn_date=cn_date,
        cn_number=cn_number,
        glued=glued,
        justified=justified,
        title_lines=balanced_lines,
    )
    return env
