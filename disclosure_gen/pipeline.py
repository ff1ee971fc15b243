"""The whole pipeline in one place: read → validate → compute → render, for any kind.

The CLI and the tests call these functions; each stage hands the next an immutable value.
The kind comes from the workbook itself (基本信息!公开类型), so no caller names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from disclosure_gen import atomic, kinds
from disclosure_gen.findings import Finding, has_errors
from disclosure_gen.kinds.base import DocumentKind, RuleContext
from disclosure_gen.render.docx import render_docx
from disclosure_gen.render.environment import build_environment
from disclosure_gen.render.pdf import (
    Justification,
    LocalPrinter,
    PdfOptions,
    base_url,
    fewer_collections,
)
from disclosure_gen.render.pdf_process import PdfProcess
from disclosure_gen.validate.context import Settings
from disclosure_gen.validate.run import run_rules
from disclosure_gen.workbook.reader import read_workbook


@dataclass(frozen=True)
class Checked:
    """A read and validated workbook."""

    kind: DocumentKind | None
    model: Any | None
    findings: list[Finding]
    content_checked: bool = True
    context: RuleContext | None = None  # what the rules computed, reused by render

    def ok(self, strict: bool = False) -> bool:
        return self.model is not None and not has_errors(self.findings, strict)

    @property
    def computed(self) -> Any | None:
        return self.context.computed if self.context else None

    @property
    def sheet_order(self) -> tuple[str, ...]:
        """The kind's sheet names in workbook order (reports group findings by them)."""
        return tuple(s.name for s in self.kind.schema.sheets) if self.kind else ()


def check(path: Path, settings: Settings | None = None) -> Checked:
    """Read and validate; raises WorkbookUnreadable only for a file that cannot be opened.

    Model rules run only on a workbook the reader could read cleanly: a rule over a model
    with missing rows would report consequences of the reader's findings (a project whose
    row was unreadable is "not described"), not new problems. ``content_checked`` says
    whether they ran, so the report can say that a second pass will follow.
    """
    result = read_workbook(path, kinds.schemas())
    findings = list(result.findings)
    kind = kinds.get(result.kind) if result.kind else None
    if kind is None:
        return Checked(None, None, findings, content_checked=False)
    model = _build(kind, result.records, findings)
    if model is None or has_errors(findings):
        return Checked(kind, model, findings, content_checked=False)
    context = kind.rule_context(model, settings or Settings())
    findings += run_rules(kind.name, context)
    return Checked(kind, model, findings, True, context)


def _build(kind: DocumentKind, records: dict[str, Any], findings: list[Finding]) -> Any | None:
    """The kind's model; None if a required record is missing (the reader said why)."""
    try:
        return kind.build_model(records)
    except (KeyError, ValidationError, TypeError):
        if not has_errors(findings):
            raise
        return None


UNSAFE_FILENAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def safe_filename(stem: str) -> str:
    """A file stem valid on Windows too (characters it forbids become “_”) and short enough
    in bytes for any file system once a suffix is added (``atomic.fit_stem``)."""
    cleaned = UNSAFE_FILENAME.sub("_", stem).strip(" .")
    return atomic.fit_stem(cleaned).strip(" .") or "disclosure"


@dataclass(frozen=True)
class Documents:
    stem: str
    docx: bytes
    pdf: bytes | None


def render(
    kind: DocumentKind,
    model: Any,
    user_templates: Path | None = None,
    pdf: bool = True,
    computed: Any | None = None,
    pdf_options: PdfOptions | None = None,
    printer: PdfProcess | None = None,
) -> Documents:
    """Both documents of a valid model, in memory (``computed``: figures already computed
    for this model, e.g. by validation; ``pdf_options``: PDF/A and its attachment;
    ``printer``: a PDF process that prints the PDF while this one renders the DOCX, see
    ``render.pdf_process``)."""
    env = build_environment(kind.name, kind.template_folders(model), user_templates)
    computed = computed if computed is not None else kind.compute(model)
    context = kind.render_context(env, model, computed)
    stem = context.title
    if not pdf:
        return Documents(stem, render_docx(env, context), None)
    options = replace(pdf_options or PdfOptions(), year=context.year)
    printing = printer or LocalPrinter()
    base = base_url(env)
    plan = Justification.of(env, context)
    with fewer_collections():
        printing.send(plan.document_html(printing.measure(plan.probe_html(), base)), base, options)
        docx = render_docx(env, context, printing.pages())
        return Documents(stem, docx, printing.data())


def render_checked(
    checked: Checked,
    user_templates: Path | None = None,
    pdf: bool = True,
    pdf_options: PdfOptions | None = None,
    printer: PdfProcess | None = None,
) -> Documents:
    """The documents of a workbook that passed ``check`` (its figures are reused)."""
    if checked.kind is None or checked.model is None:
        raise ValueError("render_checked needs a workbook that was read")
    return render(
        checked.kind, checked.model, user_templates, pdf, checked.computed, pdf_options, printer
    )


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
