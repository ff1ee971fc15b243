"""Run a batch's tasks in worker processes on this machine.

Processes, not threads: WeasyPrint is CPU-bound and holds the GIL. The pool's processes
come from a fork server that has already imported the pipeline (where the platform has
one; spawn elsewhere), so no worker is forked from a process with threads running (the
progress bar's) and none pays the imports again.

A worker that dies (a crash inside a C library, the kernel's OOM killer) breaks the whole
pool, and every workbook still queued fails with it through no fault of its own. Those are
run again in a fresh pool; when a round completes nothing, each remaining workbook runs
alone in its own pool, so only the one that kills its worker is a failed row.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext

from disclosure_gen.batch.sources import Job
from disclosure_gen.batch.task import Options, Result, failed, run

Task = Callable[[Job, Options], Result]
WORKER_DIED = "处理该工作簿的进程意外退出（可能是内存不足或程序库崩溃），未生成文件。"


def run_local(
    jobs: Sequence[Job],
    options: Options,
    workers: int,
    on_done: Callable[[Result], None] = lambda _: None,
    task: Task = run,
) -> list[Result]:
    """Every job's result, in the order of ``jobs``; ``on_done`` sees each as it ends."""
    results: dict[Job, Result] = {}
    pending = list(jobs)
    alone = False
    while pending:
        groups = [[job] for job in pending] if alone else [pending]
        broken: list[Job] = []
        for group in groups:
            for job, outcome in _round(group, options, 1 if alone else workers, task):
                if isinstance(outcome, Result):
                    results[job] = outcome
                elif alone or not isinstance(outcome, BrokenProcessPool):
                    results[job] = failed(job, _reason(outcome))
                else:
                    broken.append(job)
                    continue
                on_done(results[job])
        alone = len(broken) == len(pending)  # nothing completed: isolate the rest
        pending = broken
    return [results[job] for job in jobs]


def _round(
    jobs: list[Job], options: Options, workers: int, task: Task
) -> list[tuple[Job, Result | BaseException]]:
    outcomes: list[tuple[Job, Result | BaseException]] = []
    pool = ProcessPoolExecutor(min(workers, len(jobs)), mp_context=_context())
    try:
        futures: dict[Future[Result], Job] = {pool.submit(task, job, options): job for job in jobs}
        for future in as_completed(futures):
            error = future.exception()
            outcomes.append((futures[future], error if error is not None else future.result()))
    except BaseException:  # Ctrl-C: drop what is queued instead of finishing it
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return outcomes


def _reason(error: BaseException) -> str:
    if isinstance(error, BrokenProcessPool):
        return WORKER_DIED
    return f"处理时出错（{type(error).__name__}: {str(error)[:200]}）；请把这条信息报告给维护者。"


_CONTEXT: BaseContext | None = None


def _context() -> BaseContext:
    global _CONTEXT
    if _CONTEXT is None:
        if "forkserver" in multiprocessing.get_all_start_methods():
            _CONTEXT = multiprocessing.get_context("forkserver")
            _CONTEXT.set_forkserver_preload(["disclosure_gen.batch.task"])  # type: ignore[attr-defined]
        else:
            _CONTEXT = multiprocessing.get_context("spawn")
    return _CONTEXT
