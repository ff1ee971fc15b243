"""The ``disclosure-gen`` command: init, validate, generate, batch, serve.

Exit codes: 0 clean, 1 findings with errors (or warnings under --strict), 2 could not run
(the file is unreadable, or an argument is wrong).
"""

from __future__ import annotations

import os
import sys
import time
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from disclosure_gen import __version__, atomic, kinds
from disclosure_gen.findings import WorkbookUnreadable, has_errors
from disclosure_gen.kinds.base import DocumentKind
from disclosure_gen.pipeline import Checked, check, render_checked, write
from disclosure_gen.render import pdf_process
from disclosure_gen.render.pdf import PdfOptions, Source
from disclosure_gen.validate.annotate import AnnotateError, annotate
from disclosure_gen.validate.context import Settings
from disclosure_gen.validate.report import as_json, human
from disclosure_gen.workbook.writer import build_blank_workbook

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="把一个结构化 Excel 工作簿生成完整的预算或决算公开文件（DOCX 和 PDF）。",
    rich_markup_mode=None,
)


class Format(StrEnum):
    human = "human"
    json = "json"


class Level(StrEnum):
    unit = "unit"
    department = "department"


LEVEL_WORDS = {Level.unit: "单位", Level.department: "部门"}
KIND_HELP = "公开类型：" + "，".join(
    f"{k.name.replace('_', '-')} = {k.label}" for k in kinds.KINDS.values()
)
CONTENT_LATER = "以上是表格结构和单元格格式的问题；改正后再次检查，将继续核对科目、合计和说明内容。"

ReasonThreshold = Annotated[
    str, typer.Option("--reason-threshold", help="变动超过多少万元必须写原因（默认 0：任何变动）")
]
LargeChange = Annotated[
    str, typer.Option("--large-change", help="变动率超过多少 % 时原因不能笼统（默认 50）")
]
# Options generate and batch share (one wording, one help text)
Templates = Annotated[Path | None, typer.Option(help="自定义模板目录（同名文件优先于内置模板）")]
WithPdf = Annotated[bool, typer.Option(help="同时生成 PDF")]
StrictGenerate = Annotated[bool, typer.Option(help="有警告也拒绝生成")]
AmountsChecked = Annotated[
    bool,
    typer.Option(
        "--amounts-checked",
        help="已逐笔核对：看似按万元填写的金额确实以元填写（P001、P007、P009 改为提示 V002，不再阻止生成）",
    ),
]


def _settings(reason_threshold: str, large_change: str, amounts_checked: bool = False) -> Settings:
    """Settings from the shared options; Decimal from text so no float touches them."""
    try:
        return Settings(Decimal(reason_threshold), Decimal(large_change), amounts_checked)
    except InvalidOperation:
        raise _fail("--reason-threshold 和 --large-change 应为数字。") from None


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code)


def _kind_option(value: str) -> str:
    """The kind's code word from the option's spelling (final-accounts → final_accounts)."""
    name = value.replace("-", "_")
    if kinds.get(name) is None:
        served = "、".join(k.replace("_", "-") for k in kinds.KINDS)
        raise typer.BadParameter(f"可选 {served}")
    return name


@app.command()
def init(
    out: Annotated[Path, typer.Argument(help="要写入的空白工作簿（.xlsx）")],
    year: Annotated[int, typer.Option(help="年度，如 2024")],
    level: Annotated[
        Level, typer.Option(help="unit = 单位公开，department = 部门公开（含下属单位）")
    ] = Level.unit,
    kind: Annotated[
        str,
        typer.Option("--kind", callback=_kind_option, help=KIND_HELP, show_default=True),
    ] = "budget",
    force: Annotated[bool, typer.Option(help="覆盖已存在的文件")] = False,
) -> None:
    """写出一个空白的、自带填写说明和下拉列表的工作簿。"""
    document = kinds.KINDS[kind]
    if out.suffix.lower() != ".xlsx":
        raise _fail(f"输出文件应以 .xlsx 结尾：{out}")
    if out.exists() and not force:
        raise _fail(f"{out} 已存在；如要覆盖请加 --force。")
    if not 2000 <= year <= 2100:
        raise _fail(f"年度 {year} 不合理，请填写四位年份。")
    atomic.write_bytes(out, build_blank_workbook(document.schema, year, LEVEL_WORDS[level]))
    typer.echo(f"已写出 {out}（{year} 年{LEVEL_WORDS[level]}{document.label}工作簿）。")


@app.command()
def validate(
    workbook: Annotated[Path, typer.Argument(help="填好的工作簿（.xlsx）")],
    format: Annotated[Format, typer.Option("--format", help="human 或 json")] = Format.human,
    strict: Annotated[bool, typer.Option(help="有警告也视为不通过")] = False,
    annotate_to: Annotated[
        Path | None, typer.Option("--annotate", help="另存一份带批注和底色的工作簿副本")
    ] = None,
    reason_threshold: ReasonThreshold = "0",
    large_change: LargeChange = "50",
    amounts_checked: AmountsChecked = False,
) -> None:
    """检查工作簿，列出全部错误、警告和提示，每条都指明工作表和单元格。"""
    settings = _settings(reason_threshold, large_change, amounts_checked)
    try:
        checked = check(workbook, settings)
    except WorkbookUnreadable as exc:
        findings = [exc.finding]
        typer.echo(as_json(findings) if format == Format.json else human(findings))
        raise typer.Exit(2) from None
    findings = list(checked.findings)
    written: Path | None = None
    if annotate_to is not None:
        try:
            written = annotate(workbook, annotate_to, checked.findings)
        except AnnotateError as exc:  # reported with the findings; exit 2 below
            findings.append(exc.finding)
    typer.echo(as_json(findings) if format == Format.json else human(findings, checked.sheet_order))
    if not checked.content_checked and format == Format.human:
        typer.echo(CONTENT_LATER)
    if written is not None:
        typer.echo(f"已写出批注副本 {written}", err=True)
    elif annotate_to is not None:
        raise typer.Exit(2)
    raise typer.Exit(1 if has_errors(checked.findings, strict) else 0)


@app.command()
def generate(
    ctx: typer.Context,
    workbook: Annotated[Path, typer.Argument(help="填好的工作簿（.xlsx）")],
    out_dir: Annotated[Path, typer.Option("-o", "--out", help="输出目录")] = Path("out"),
    templates: Templates = None,
    pdf: WithPdf = True,
    strict: StrictGenerate = False,
    reason_threshold: ReasonThreshold = "0",
    large_change: LargeChange = "50",
    amounts_checked: AmountsChecked = False,
    pdf_a: Annotated[
        bool, typer.Option("--pdf-a", help="PDF 按 PDF/A-3b 长期存档格式写出（仍带结构标记）")
    ] = False,
    attach_workbook: Annotated[
        bool,
        typer.Option(
            "--attach-workbook", help="把工作簿作为数据来源嵌入 PDF（随之按 PDF/A-3b 写出）"
        ),
    ] = False,
) -> None:
    """先检查，通过后生成 DOCX 和 PDF；有错误时不写任何文件。"""
    # the PDF process the entry point forked when it saw this command: ended and reaped
    # however the command ends (its context is closed on every exit)
    printer = pdf_process.take()
    if printer is not None:
        ctx.call_on_close(printer.close)
    settings = _settings(reason_threshold, large_change, amounts_checked)
    if attach_workbook and not pdf:
        raise _fail("--attach-workbook 把工作簿嵌入 PDF，不能与 --no-pdf 同用。")
    try:
        checked = check(workbook, settings)
    except WorkbookUnreadable as exc:
        typer.echo(human([exc.finding]), err=True)
        raise typer.Exit(2) from None
    if not checked.ok(strict) or checked.model is None:
        typer.echo(human(checked.findings, checked.sheet_order), err=True)
        if not checked.content_checked:
            typer.echo(CONTENT_LATER, err=True)
        typer.echo("工作簿有错误，未生成文件；请按上面的提示修改后重试。", err=True)
        raise typer.Exit(1)
    if out_dir.exists() and not out_dir.is_dir():
        raise _fail(f"{out_dir} 不是目录。")
    try:
        source = Source(workbook.name, workbook.read_bytes()) if attach_workbook else None
        options = PdfOptions(archival=pdf_a or attach_workbook, source=source)
        documents = render_checked(
            checked, templates, pdf=pdf, pdf_options=options, printer=printer if pdf else None
        )
        paths = write(documents, out_dir)
    except Exception as exc:  # a template or font problem: say so, write nothing more
        typer.echo(
            f"生成失败（{type(exc).__name__}: {str(exc)[:200]}）；没有写出不完整的文件。", err=True
        )
        typer.echo(
            "如使用了 --templates 自定义模板，请先检查模板；否则请把这条信息报告给维护者。",
            err=True,
        )
        raise typer.Exit(2) from None
    if checked.findings:  # every warning and note it passed over, not just their count
        typer.echo(human(checked.findings, checked.sheet_order), err=True)
        typer.echo("以上警告和提示没有阻止生成；请逐条核对，确认无误后再公开。", err=True)
    for path in paths:
        typer.echo(f"已生成 {path}")


def _output_xlsx(out: Path, inputs: list[Path], force: bool) -> None:
    """Refuse an output that is not .xlsx, exists (without --force) or is one of the inputs."""
    if out.suffix.lower() != ".xlsx":
        raise _fail(f"输出文件应以 .xlsx 结尾：{out}")
    if any(out.resolve() == i.resolve() for i in inputs):
        raise _fail(f"输出文件 {out} 不能是输入的工作簿（输入工作簿从不修改）。")
    if out.exists() and not force:
        raise _fail(f"{out} 已存在；如要覆盖请加 --force。")


def _read_model(path: Path) -> tuple[Checked, Any]:
    """A workbook read and checked, with its model; exits with its findings when it cannot
    be read."""
    try:
        checked = check(path)
    except WorkbookUnreadable as exc:
        typer.echo(f"{path.name}：" + human([exc.finding]), err=True)
        raise typer.Exit(2) from None
    if checked.model is None:
        typer.echo(f"{path.name} 无法读取：", err=True)
        typer.echo(human(checked.findings, checked.sheet_order), err=True)
        raise typer.Exit(1)
    return checked, checked.model


@app.command("next-year")
def next_year_command(
    workbook: Annotated[
        Path, typer.Argument(help="上一年度填好的工作簿（.xlsx，预算公开或决算公开）")
    ],
    year: Annotated[int, typer.Option(help="新年度，如 2026")],
    out: Annotated[Path, typer.Option("-o", "--out", help="要写入的新年度工作簿（.xlsx）")],
    all_projects: Annotated[
        bool,
        typer.Option(help="预算公开：带入全部项目（默认只带入资金执行时间未在上年结束的项目）"),
    ] = False,
    force: Annotated[bool, typer.Option(help="覆盖已存在的文件")] = False,
) -> None:
    """由上一年度的工作簿生成新年度工作簿：带入基本信息、机构和上年数字（预算公开另带入项目和原因，标为待确认；决算公开另带入年初结转和结余）。"""
    from disclosure_gen.yearly import NextYearError

    _output_xlsx(out, [workbook], force)
    checked, model = _read_model(workbook)
    if checked.kind is None:  # pragma: no cover  (a model was read, so its kind was known)
        raise _fail(f"{workbook.name} 的公开类型无法识别。")
    if not checked.ok():
        typer.echo(human(checked.findings, checked.sheet_order), err=True)
        typer.echo(
            f"{workbook.name} 有错误，上年数字不可靠，未生成新年度工作簿；请先改正。", err=True
        )
        raise typer.Exit(1)
    try:
        result = checked.kind.next_year(model, year, all_projects, checked.computed)
    except NextYearError as exc:
        raise _fail(str(exc)) from None
    atomic.write_bytes(out, result.workbook)
    for note in result.notes:
        typer.echo(f"· {note}")
    typer.echo(f"已写出 {out}（{result.summary}）。")


@app.command()
def consolidate(
    department: Annotated[
        Path, typer.Argument(help="部门本级的工作簿（公开主体为部门，列出下属单位）")
    ],
    units: Annotated[list[Path], typer.Argument(help="各下属单位的工作簿")],
    out: Annotated[Path, typer.Option("-o", "--out", help="要写入的部门汇总工作簿（.xlsx）")],
    force: Annotated[bool, typer.Option(help="覆盖已存在的文件")] = False,
) -> None:
    """把部门本级工作簿和各下属单位工作簿汇总成部门工作簿（预算公开或决算公开）；不一致之处逐条指明文件、工作表和单元格。"""
    from disclosure_gen.consolidation import KIND_MISMATCH, Part, PartFinding

    _output_xlsx(out, [department, *units], force)
    parts: list[Part] = []
    problems: list[PartFinding] = []
    first: DocumentKind | None = None
    for path in [department, *units]:
        checked, model = _read_model(path)
        first = first or checked.kind
        if checked.kind is None or first is None or checked.kind.name != first.name:
            profile = model.profile
            label = checked.kind.label if checked.kind else "?"
            problems.append(
                PartFinding(
                    path.name,
                    KIND_MISMATCH.finding(
                        f"{path.name} 的公开类型是“{label}”，与部门工作簿 {department.name} 的"
                        f"“{first.label if first else '?'}”不同；只能汇总同一公开类型的工作簿。",
                        profile.sheet,
                        profile.cell("document"),
                    ),
                )
            )
            continue
        parts.append(Part(path.name, model))
    if problems or first is None:
        for p in problems:
            typer.echo(p.text, err=True)
        typer.echo("工作簿不一致，未写出汇总工作簿。", err=True)
        raise typer.Exit(1)
    result = first.consolidate(parts[0], parts[1:])
    for finding in result.findings:
        typer.echo(finding.text, err=True)
    if not result.ok:
        typer.echo("工作簿不一致，未写出汇总工作簿；请按上面的提示修改后重试。", err=True)
        raise typer.Exit(1)
    atomic.write_bytes(out, result.workbook())
    typer.echo(
        f"已写出 {out}（部门本级 + {len(units)} 个下属单位）。"
        f"请运行 disclosure-gen validate {out} 检查汇总结果。"
    )


def _cpu_count() -> int:
    """The CPUs this process may use (a container's or taskset's share, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


@app.command()
def batch(
    source: Annotated[
        Path, typer.Argument(help="存放工作簿（.xlsx）的文件夹，或 CSV 清单（列：workbook,output）")
    ],
    out_dir: Annotated[
        Path, typer.Option("-o", "--out", help="输出目录：每个工作簿写入其中与工作簿同名的子目录")
    ] = Path("out"),
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="同时处理几个工作簿（默认 CPU 核数）")
    ] = None,
    dask_scheduler: Annotated[
        str | None,
        typer.Option(
            "--dask-scheduler",
            help="提交到已有的 Dask 集群（如 tcp://主机:8786）；工作簿和输出目录须是各 worker 共享的路径",
        ),
    ] = None,
    templates: Templates = None,
    pdf: WithPdf = True,
    strict: StrictGenerate = False,
    reason_threshold: ReasonThreshold = "0",
    large_change: LargeChange = "50",
) -> None:
    """批量检查并生成一个文件夹（或 CSV 清单）中的全部工作簿；一个工作簿出错不影响其他工作簿。"""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from disclosure_gen.batch import cluster, summary
    from disclosure_gen.batch.local import run_local
    from disclosure_gen.batch.sources import SourceError, jobs_from
    from disclosure_gen.batch.task import Options, Result

    settings = _settings(reason_threshold, large_change)
    if jobs is not None and jobs < 1:
        raise _fail("--jobs 应为正整数。")
    if jobs is not None and dask_scheduler is not None:
        raise _fail("--jobs 只用于本机并行；使用 --dask-scheduler 时由集群的 worker 决定并行数。")
    if dask_scheduler is not None and not cluster.available():
        raise _fail(f"使用 --dask-scheduler 需要先安装 Dask distributed：{cluster.INSTALL_HINT}。")
    if out_dir.exists() and not out_dir.is_dir():
        raise _fail(f"{out_dir} 不是目录。")
    if templates is not None and not templates.is_dir():
        raise _fail(f"模板目录 {templates} 不存在。")
    try:
        tasks = jobs_from(source, out_dir)
    except SourceError as exc:
        raise _fail(str(exc)) from None
    options = Options(strict, pdf, templates.absolute() if templates else None, settings)
    out = out_dir.absolute()
    console, screen = Console(stderr=True, highlight=False), Console(highlight=False)
    start = time.perf_counter()
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as progress:
        bar = progress.add_task("生成中", total=len(tasks))

        failures = 0

        def done(result: Result) -> None:
            nonlocal failures
            failures += not result.ok
            label = f"生成中（失败 {failures} 个）" if failures else "生成中"
            progress.update(bar, advance=1, description=label)

        try:
            if dask_scheduler is not None:
                results = cluster.run_on_cluster(dask_scheduler, tasks, options, done)
            else:
                workers = min(jobs or _cpu_count(), len(tasks))
                results = run_local(tasks, options, workers, done)
        except cluster.ClusterError as exc:
            progress.stop()
            raise _fail(str(exc)) from None
        except KeyboardInterrupt:
            progress.stop()
            raise _fail("已中断；已完成的工作簿的文件已写出，未写汇总。", 130) from None
    seconds = time.perf_counter() - start
    json_path, csv_path = summary.write(results, out, seconds)
    screen.print(summary.table(results))
    for line in summary.reasons(results):
        screen.print(line, markup=False, style="red")
    failed = sum(not r.ok for r in results)
    ok = len(results) - failed
    per = seconds / len(results)
    screen.print(
        f"共 {len(results)} 个工作簿：成功 {ok} 个，失败 {failed} 个；用时 {seconds:.1f} 秒"
        f"（平均每个 {per:.2f} 秒）。汇总：{json_path}、{csv_path}",
        markup=False,
    )
    if dask_scheduler is not None and (unseen := cluster.unseen_outputs(results)):
        console.print(
            f"注意：worker 报告写出的 {len(unseen)} 个文件在本机看不到（如 {unseen[0]}）；"
            "请确认输出目录是各 worker 与本机共享的路径。",
            markup=False,
        )
    raise typer.Exit(1 if failed else 0)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="监听地址；在办公室服务器上给局域网使用时设为 0.0.0.0")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="端口")] = 8000,
    workers: Annotated[int, typer.Option(help="同时处理的工作簿数（进程数）")] = 2,
    job_timeout: Annotated[int, typer.Option(help="每个任务最长处理秒数")] = 120,
    keep_minutes: Annotated[int, typer.Option(help="上传的文件保存多少分钟后删除")] = 60,
) -> None:
    """启动网页服务：在浏览器中上传工作簿、查看检查结果、下载 DOCX 和 PDF。

    设置环境变量 DISCLOSURE_GEN_TOKEN 后，打开网页需要输入该口令。
    """
    try:
        from disclosure_gen.web.server import run
    except ImportError as exc:
        raise _fail(
            f"网页服务需要额外的组件（缺少 {exc.name}）；请运行 pip install 'disclosure-gen[web]'。"
        ) from None
    if not 1 <= port <= 65535 or workers < 1 or job_timeout < 1 or keep_minutes < 1:
        raise _fail("--port 应在 1–65535 之间，--workers、--job-timeout、--keep-minutes 应为正数。")
    typer.echo(
        f"网页服务地址：http://{'localhost' if host == '127.0.0.1' else host}:{port}/ （按 Ctrl+C 停止）"
    )
    run(host, port, workers, job_timeout, keep_minutes)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="显示版本")
    ] = False,
) -> None:
    """disclosure-gen：预决算公开生成工具。"""


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
