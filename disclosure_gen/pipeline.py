"""The whole pipeline in one place: read → validate → compute → render.

The CLI and the tests call these functions; each stage hands the next an immutable value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from disclosure_gen import atomic
from disclosure_gen.compute.run import Computed, compute
from disclosure_gen.model.budget import Disclosure
from disclosure_gen.render.context import build_context
from disclosure_gen.render.docx import render_docx
from disclosure_gen.render.environment import build_environment
from disclosure_gen.render.pdf import render_pdf
from disclosure_gen.validate.context import RuleContext, Settings
from disclosure_gen.validate.findings import Finding, has_errors
from disclosure_gen.validate.run import run_rules
from disclosure_gen.workbook.reader import read_workbook


@dataclass(frozen=True)
class Checked:
    """A read and validated workbook."""

    model: Disclosure | None
    findings: list[Finding]
    content_checked: bool = True
    context: RuleContext | None = None  # what the rules computed, reused by render

    def ok(self, strict: bool = False) -> bool:
        return self.model is not None and not has_errors(self.findings, strict)

    @property
    def computed(self) -> Computed | None:
        return self.context.computed if self.context else None


def check(path: Path, settings: Settings | None = None) -> Checked:
    """Read and validate; raises WorkbookUnreadable only for a file that cannot be opened.

    Model rules run only on a workbook the reader could read cleanly: a rule over a model
    with missing rows would report consequences of the reader's findings (a project whose
    row was unreadable is "not described"), not new problems. ``content_checked`` says
    whether they ran, so the report can say that a second pass will follow.
    """
    result = read_workbook(path)
    findings = list(result.findings)
    if result.model is None or has_errors(findings):
        return Checked(result.model, findings, content_checked=False)
    context = RuleContext(result.model, settings or Settings())
    findings += run_rules(context)
    return Checked(result.model, findings, True, context)


UNSAFE_FILENAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def safe_filename(stem: str) -> str:
    """A file name valid on Windows too: characters it forbids become “_”."""
    cleaned = UNSAFE_FILENAME.sub("_", stem).strip(" .")
    return cleaned[:120] or "disclosure"


@dataclass(frozen=True)
class Documents:
    stem: str
    docx: bytes
    pdf: bytes | None


def render(
    model: Disclosure,
    user_templates: Path | None = None,
    pdf: bool = True,
    computed: Computed | None = None,
) -> Documents:
    """Both documents of a valid model, in memory (``computed``: figures already computed
    for this model, e.g. by validation)."""
    env = build_environment(user_templates)
    computed = computed or compute(model)
    context = build_context(env, model, computed.facts, computed.tables, computed.functions)
    stem = context.title
    return Documents(stem, render_docx(env, context), render_pdf(env, context) if pdf else None)


def write(documents: Documents, out_dir: Path) -> list[Path]:
    """Write the documents atomically into ``out_dir``; return their paths."""
    written = []
    stem = safe_filename(documents.stem)
    for suffix, data in ((".docx", documents.docx), (".pdf", documents.pdf)):
        if data is None:
            continue
        path = out_dir / f"{stem}{suffix}"
        atomic.write_bytes(path, data)
        written.append(path)
    return written
