"""Run a batch's tasks on an existing Dask distributed cluster (the optional extra
``pip install disclosure-gen[dask]``).

The same task function as on this machine, submitted once per workbook; the scheduler
decides where each runs, and a task whose worker died is retried by it (a workbook that
kills every worker it lands on ends as KilledWorker, a failed row). Workers read the
workbooks and write the documents through the absolute paths the tasks carry, so those
paths must be shared (a network file system mounted alike everywhere), and every worker
needs disclosure-gen installed in the same version.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from disclosure_gen import __version__
from disclosure_gen.batch.sources import Job
from disclosure_gen.batch.task import Options, Result, failed, run

Task = Callable[[Job, Options], Result]
CONNECT_SECONDS = 30
INSTALL_HINT = "pip install 'disclosure-gen[dask]'（或 pip install distributed）"


class ClusterError(Exception):
    """The cluster cannot be used; the message says why, in Chinese."""


def available() -> bool:
    return importlib.util.find_spec("distributed") is not None


def run_on_cluster(
    address: str,
    jobs: Sequence[Job],
    options: Options,
    on_done: Callable[[Result], None] = lambda _: None,
    task: Task = run,
) -> list[Result]:
    """Every job's result, in the order of ``jobs``; raises ClusterError."""
    try:
        distributed: Any = importlib.import_module("distributed")  # the optional extra
    except ImportError:
        raise ClusterError(
            f"使用 --dask-scheduler 需要先安装 Dask distributed：{INSTALL_HINT}。"
        ) from None
    try:
        client = distributed.Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(
            f"无法连接 Dask 调度器 {address}（{type(exc).__name__}: {str(exc)[:200]}）；"
            "请确认地址（如 tcp://主机:8786）和调度器正在运行。"
        ) from None
    with client:
        _check_workers(client)
        futures = {
            client.submit(
                task, job, options, pure=False, key=f"disclosure-gen-{i}-{job.workbook.stem}"[:200]
            ): job
            for i, job in enumerate(jobs)
        }
        results: dict[Job, Result] = {}
        for future in distributed.as_completed(futures, loop=client.loop):
            job = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # KilledWorker, a worker without the package, …
                result = failed(
                    job, f"集群执行失败（{type(exc).__name__}: {str(exc)[:200]}），未生成文件。"
                )
            results[job] = result
            on_done(result)
    return [results[job] for job in jobs]


def _check_workers(client: Any) -> None:
    """At least one worker, each with this version of disclosure-gen."""
    try:
        client.wait_for_workers(1, timeout=CONNECT_SECONDS)
    except TimeoutError:
        raise ClusterError(f"Dask 集群在 {CONNECT_SECONDS} 秒内没有可用的 worker。") from None
    try:
        versions = client.run(_worker_version)
    except Exception as exc:  # a worker that cannot even load this function
        raise ClusterError(
            f"Dask worker 无法运行 disclosure-gen（{type(exc).__name__}: {str(exc)[:200]}）；"
            f"请在每个 worker 上安装同一版本的 disclosure-gen（{__version__}）。"
        ) from None
    wrong = {w: v for w, v in versions.items() if v != __version__}
    if wrong:
        listed = "、".join(f"{w}（{v or '未安装'}）" for w, v in sorted(wrong.items()))
        raise ClusterError(
            f"以下 Dask worker 上的 disclosure-gen 版本与本机（{__version__}）不同：{listed}；"
            "请在每个 worker 上安装同一版本。"
        )


def _worker_version() -> str:
    try:
        from disclosure_gen import __version__ as version
    except ImportError:
        return ""
    return version


def unseen_outputs(results: Sequence[Result]) -> list[str]:
    """Outputs the workers reported that this machine cannot see (paths not shared)."""
    return [path for r in results for path in r.outputs if not Path(path).exists()]
