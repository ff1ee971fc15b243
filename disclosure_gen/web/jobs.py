"""Jobs: one random id and one temporary folder per uploaded workbook, the worker pool
that checks it, and the sweeper that deletes folders after their time.

Everything lives in this process's memory and one temporary root folder: a reload of the
page finds its job by the id in the URL, a server restart forgets every job (and deletes
the root on a clean shutdown).  The stored file is always ``input.xlsx`` inside a folder
named by the job id, never by anything the user chose.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import multiprocessing
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from disclosure_gen.web import work

ID_PATTERN = r"[A-Za-z0-9_-]{22}"
GRACE_SECONDS = 10  # the server waits this much beyond the worker's own limit


@dataclass
class Settings:
    workers: int = 2
    job_timeout: float = 120.0
    keep_seconds: float = 3600.0
    sweep_seconds: float = 30.0
    max_jobs: int = 500  # stored at once; more uploads are refused until some expire
    root_parent: Path | None = None


@dataclass
class Job:
    id: str
    folder: Path
    name: str  # the uploaded file's name, for display only
    created: float
    batch: str | None = None
    state: str = "queued"  # queued → done | failed
    result: dict[str, Any] = field(default_factory=dict)
    message: str = ""  # why it failed
    builds: dict[str, asyncio.Task[dict[str, Any]]] = field(default_factory=dict)
    artifact_errors: dict[str, str] = field(default_factory=dict)
    finished: asyncio.Event = field(default_factory=asyncio.Event)  # set when no longer queued

    @property
    def pending(self) -> bool:
        return self.state == "queued"

    def path(self, artifact: str) -> Path:
        return self.folder / work.ARTIFACTS[artifact]


@dataclass
class Batch:
    id: str
    created: float
    jobs: list[str]
    skipped: list[tuple[str, str]]  # (name, why)


def new_id() -> str:
    return secrets.token_urlsafe(16)  # 128 bits, 22 characters of [A-Za-z0-9_-]


class Store:
    """The jobs, the batches, the pool and the temporary root."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.jobs: dict[str, Job] = {}
        self.batches: dict[str, Batch] = {}
        self.root = Path(tempfile.mkdtemp(prefix="disclosure-gen-web-", dir=settings.root_parent))
        self._pool = self._new_pool()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._sweeper: asyncio.Task[None] | None = None

    # --- lifecycle ----------------------------------------------------------------------

    def _new_pool(self) -> concurrent.futures.ProcessPoolExecutor:
        return concurrent.futures.ProcessPoolExecutor(
            max_workers=max(1, self.settings.workers),
            mp_context=multiprocessing.get_context("spawn"),
            initializer=work.warm,
        )

    def start(self) -> None:
        self._sweeper = asyncio.get_running_loop().create_task(self._sweep_forever())

    async def close(self) -> None:
        if self._sweeper:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sweeper
        for task in list(self._tasks):
            task.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.root, ignore_errors=True)

    # --- jobs ---------------------------------------------------------------------------

    def full(self) -> bool:
        return len(self.jobs) >= self.settings.max_jobs

    def create(self, name: str, batch: str | None = None) -> Job:
        job_id = new_id()
        folder = self.root / job_id
        folder.mkdir(mode=0o700)
        job = Job(job_id, folder, name, time.monotonic(), batch)
        self.jobs[job_id] = job
        return job

    def input_path(self, job: Job) -> Path:
        return job.folder / work.INPUT

    def fail(self, job: Job, message: str) -> None:
        job.state, job.message = "failed", message
        job.finished.set()

    async def wait(self, job_ids: list[str], seconds: float) -> None:
        """Return when every one of these jobs is finished (or gone), or after ``seconds``:
        the status endpoints answer a waiting page at once instead of being polled."""
        events = [j.finished.wait() for i in job_ids if (j := self.jobs.get(i)) and j.pending]
        if events:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.gather(*events), seconds)

    def start_inspect(self, job: Job) -> None:
        task = asyncio.get_running_loop().create_task(self._inspect(job))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _inspect(self, job: Job) -> None:
        result = await self._run(work.inspect, str(job.folder), job.name, self.settings.job_timeout)
        if result.get("ok"):
            job.result, job.state = result, "done"
            job.finished.set()
        else:
            self.fail(job, str(result.get("message", "处理失败。")))

    async def artifact(self, job: Job, artifact: str) -> Path | None:
        """The artifact's path, built in the pool on first request (concurrent requests
        share one build); None with ``job.artifact_errors[artifact]`` set if it cannot be."""
        target = job.path(artifact)
        if target.exists():
            return target
        task = job.builds.get(artifact)
        if task is None:
            task = asyncio.get_running_loop().create_task(
                self._run(
                    work.build, str(job.folder), job.name, artifact, self.settings.job_timeout
                )
            )
            job.builds[artifact] = task
        result = await asyncio.shield(task)
        job.builds.pop(artifact, None)
        if result.get("ok") and target.exists():
            job.artifact_errors.pop(artifact, None)
            if "stem" in result:
                job.result["stem"] = result["stem"]
            return target
        job.artifact_errors[artifact] = str(result.get("message", "生成失败。"))
        return None

    async def _run(self, fn: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
        """Run ``fn`` in the pool; a worker that overruns its own limit or dies is replaced."""
        limit = self.settings.job_timeout + GRACE_SECONDS
        try:
            future = self._pool.submit(fn, *args)
        except (BrokenProcessPool, RuntimeError):
            self._recycle()
            future = self._pool.submit(fn, *args)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), limit)
        except TimeoutError:
            self._recycle()
            return {
                "ok": False,
                "message": f"处理超过 {self.settings.job_timeout:g} 秒仍未完成，已停止；请重新上传。",
            }
        except BrokenProcessPool:
            self._recycle()
            return {
                "ok": False,
                "message": "处理进程意外退出（工作簿可能过大）；请检查工作簿后重新上传。",
            }

    def _recycle(self) -> None:
        """Replace the pool, ending its processes (a stuck worker cannot be interrupted)."""
        old, self._pool = self._pool, self._new_pool()
        processes = getattr(old, "_processes", None) or {}
        for process in list(processes.values()):
            with contextlib.suppress(Exception):
                process.terminate()
        old.shutdown(wait=False, cancel_futures=True)

    # --- batches ------------------------------------------------------------------------

    def create_batch(self, jobs: list[Job], skipped: list[tuple[str, str]]) -> Batch:
        batch = Batch(new_id(), time.monotonic(), [j.id for j in jobs], skipped)
        for job in jobs:
            job.batch = batch.id
        self.batches[batch.id] = batch
        return batch

    # --- expiry -------------------------------------------------------------------------

    async def _sweep_forever(self) -> None:
        while True:
            await asyncio.sleep(self.settings.sweep_seconds)
            self.sweep()

    def sweep(self, now: float | None = None) -> None:
        """Delete every job (and its folder) older than the time limit, unless a build of
        it is under way; forget batches whose jobs are all gone."""
        now = time.monotonic() if now is None else now
        for job in list(self.jobs.values()):
            if (
                now - job.created >= self.settings.keep_seconds
                and not job.builds
                and not job.pending
            ):
                self.delete(job)
        for batch in list(self.batches.values()):
            if (
                not any(j in self.jobs for j in batch.jobs)
                and now - batch.created >= self.settings.keep_seconds
            ):
                del self.batches[batch.id]

    def delete(self, job: Job) -> None:
        self.jobs.pop(job.id, None)
        shutil.rmtree(job.folder, ignore_errors=True)
