"""One workbook of a batch: validate, then generate exactly as ``disclosure-gen generate``
does (the same pipeline calls, so the same bytes), and report what happened.

``run`` never raises: an unreadable workbook, one with errors, or one whose rendering
fails is a failed ``Result`` whose reason says why in Chinese. It is a plain function of
picklable values, so a process pool or a Dask worker can run it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from disclosure_gen.batch.sources import Job
from disclosure_gen.findings import Finding, Severity, WorkbookUnreadable, has_errors
from disclosure_gen.pipeline import check, render_checked, write
from disclosure_gen.validate.context import Settings

OK = "ok"
FAILED = "failed"
SHOWN_FINDINGS = 3  # findings quoted in a failed row's reason
MESSAGE_CHARS = 200


@dataclass(frozen=True)
class Options:
    """The options ``batch`` shares with ``generate``."""

    strict: bool = False
    pdf: bool = True
    templates: Path | None = None  # absolute
    settings: Settings = field(default_factory=Settings)


@dataclass(frozen=True)
class Result:
    """What happened to one workbook."""

    workbook: str  # the job's label
    status: str  # OK or FAILED
    unit: str = ""  # 基本信息's unit name, once the workbook could be read
    reason: str = ""  # why it failed, in Chinese
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    outputs: tuple[str, ...] = ()  # absolute paths of the files written
    seconds: float = 0.0
    findings: tuple[dict[str, str | None], ...] = ()

    @property
    def ok(self) -> bool:
        return self.status == OK


def run(job: Job, options: Options) -> Result:
    """Validate and generate one workbook; never raises."""
    start = time.perf_counter()
    try:
        result = _run(job, options)
    except Exception as exc:  # a bug or a broken environment: this workbook fails, no other
        result = Result(
            job.label, FAILED, reason=f"处理时出错（{_describe(exc)}）；请把这条信息报告给维护者。"
        )
    return replace(result, seconds=round(time.perf_counter() - start, 3))


def failed(job: Job, reason: str) -> Result:
    """A failed row for a job that did not run to its end (its worker died)."""
    return Result(job.label, FAILED, reason=reason)


def _run(job: Job, options: Options) -> Result:
    try:
        checked = check(job.workbook, options.settings)
    except WorkbookUnreadable as exc:
        return Result(
            job.label,
            FAILED,
            reason=_quote(exc.finding),
            errors=1,
            findings=(exc.finding.to_dict(),),
        )
    findings = checked.findings
    counts = {s: sum(f.severity == s for f in findings) for s in Severity}
    base = Result(
        job.label,
        OK,
        unit=_unit(checked.model),
        errors=counts[Severity.ERROR],
        warnings=counts[Severity.WARNING],
        infos=counts[Severity.INFO],
        findings=tuple(f.to_dict() for f in findings),
    )
    if not checked.ok(options.strict) or checked.model is None:
        return replace(base, status=FAILED, reason=_blocking(findings, options.strict))
    if job.out_dir.exists() and not job.out_dir.is_dir():
        return replace(base, status=FAILED, reason=f"输出目录 {job.out_dir} 不是目录。")
    try:
        documents = render_checked(checked, options.templates, pdf=options.pdf)
        paths = write(documents, job.out_dir)
    except Exception as exc:  # a template, font or disk problem, as generate reports it
        reason = f"生成失败（{_describe(exc)}）；没有写出不完整的文件。"
        if options.templates is not None:
            reason += "使用了 --templates 自定义模板，请先检查模板。"
        return replace(base, status=FAILED, reason=reason)
    return replace(base, outputs=tuple(str(p) for p in paths))


def _unit(model: Any) -> str:
    profile = getattr(model, "profile", None)
    name = getattr(profile, "name", "")
    return name if isinstance(name, str) else ""


def _blocking(findings: list[Finding], strict: bool) -> str:
    errors = [f for f in findings if f.severity == Severity.ERROR]
    if errors:
        head = f"有 {len(errors)} 个错误，未生成文件"
        shown = errors
    else:  # only --strict can block a workbook without errors
        assert strict and has_errors(findings, strict)
        shown = [f for f in findings if f.severity == Severity.WARNING]
        head = f"有 {len(shown)} 个警告（--strict），未生成文件"
    quoted = "；".join(_quote(f) for f in shown[:SHOWN_FINDINGS])
    more = "；……" if len(shown) > SHOWN_FINDINGS else ""
    return f"{head}：{quoted}{more}（disclosure-gen validate 列出全部）"


def _quote(f: Finding) -> str:
    message = f.message if len(f.message) <= MESSAGE_CHARS else f.message[:MESSAGE_CHARS] + "…"
    return f"{f.code} {f.location} {message}" if f.sheet else f"{f.code} {message}"


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {str(exc)[:MESSAGE_CHARS]}"
