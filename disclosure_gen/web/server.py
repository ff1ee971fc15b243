"""Run the app under uvicorn (``disclosure-gen serve``)."""

from __future__ import annotations

import uvicorn

from disclosure_gen.web.app import Config, create_app


def run(host: str, port: int, workers: int, job_timeout: float, keep_minutes: float) -> None:
    config = Config.from_environment(
        workers=workers, job_timeout=job_timeout, keep_seconds=keep_minutes * 60
    )
    uvicorn.run(
        create_app(config), host=host, port=port, log_level="info", timeout_graceful_shutdown=10
    )
