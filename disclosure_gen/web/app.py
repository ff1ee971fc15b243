"""The ASGI app: server-rendered pages in Chinese, a little JavaScript, no build step.

Every template is rendered with autoescape on and only data in its context: nothing a user
typed or uploaded (file names, unit names, project names, reasons, cell values) is ever
interpreted as HTML or as a template.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import urllib.parse
import zipfile
import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.convertors import Convertor, register_url_convertor
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from disclosure_gen import kinds
from disclosure_gen.pipeline import safe_filename
from disclosure_gen.web import jobs, uploads
from disclosure_gen.web.security import (
    AUTH_COOKIE,
    CSRF_FIELD,
    SESSION_COOKIE,
    TOKEN_ENV,
    BodyLimit,
    Guard,
    SecurityHeaders,
    too_large_text,
)
from disclosure_gen.workbook import safety
from disclosure_gen.workbook.writer import build_blank_workbook

LEVELS = {"unit": "单位", "department": "部门"}  # the CLI's --level words
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MEDIA = {"annotated": XLSX, "docx": DOCX, "pdf": "application/pdf"}
FORM_BYTES = 64 * 1024
UPLOAD_BYTES = safety.MAX_FILE_BYTES + FORM_BYTES
STATUS_WAIT_SECONDS = 15  # a status request with ?wait=1 is answered when the job ends
FILES = {"annotated.xlsx": "annotated", "document.docx": "docx", "document.pdf": "pdf"}


class JobId(Convertor[str]):
    """A job or batch id: exactly what ``jobs.new_id`` makes, nothing else reaches a route."""

    regex = jobs.ID_PATTERN

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("jobid", JobId())


@dataclass
class Config:
    token: str | None = None
    settings: jobs.Settings = field(default_factory=jobs.Settings)

    @classmethod
    def from_environment(cls, **settings: Any) -> Config:
        return cls(os.environ.get(TOKEN_ENV) or None, jobs.Settings(**settings))


def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("disclosure_gen.web", "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["kinds"] = [(k.name, k.label) for k in kinds.KINDS.values()]
    env.globals["levels"] = list(LEVELS.items())
    return env


@contextlib.asynccontextmanager
async def closing(form: FormData) -> AsyncIterator[FormData]:
    """Close the form's spooled upload files whatever happens."""
    try:
        yield form
    finally:
        await form.close()


def content_disposition(name: str, inline: bool = False) -> str:
    """RFC 6266 with an ASCII fallback; ``name`` is already a safe file name."""
    ascii_name = name.encode("ascii", "ignore").decode() or "download"
    ascii_name = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in ascii_name)
    suffix = Path(name).suffix
    if ascii_name.strip("._-") in {"", suffix.strip(".")}:
        ascii_name = "download" + suffix
    quoted = urllib.parse.quote(name, safe="")
    return f"{'inline' if inline else 'attachment'}; filename=\"{ascii_name}\"; filename*=UTF-8''{quoted}"


def create_app(config: Config | None = None) -> Starlette:
    config = config or Config.from_environment()
    guard = Guard(config.token)
    env = _templates()
    state: dict[str, jobs.Store] = {}

    def store() -> jobs.Store:
        return state["store"]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state["store"] = app.state.store = jobs.Store(config.settings)
        state["store"].start()
        try:
            yield
        finally:
            await state["store"].close()

    # --- rendering ------------------------------------------------------------------------

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        session, new = guard.session(request)
        settings = config.settings
        html = env.get_template(template).render(
            csrf_field=CSRF_FIELD,
            csrf=guard.csrf_token(session),
            protected=guard.token is not None,
            keep_minutes=max(1, round(settings.keep_seconds / 60)),
            max_mb=safety.MAX_FILE_BYTES // (1024 * 1024),
            max_batch=uploads.MAX_BATCH_FILES,
            **context,
        )
        response = HTMLResponse(html, status)
        if new:
            response.set_cookie(
                SESSION_COOKIE,
                session,
                httponly=True,
                samesite="strict",
                secure=request.url.scheme == "https",
            )
        return response

    def message(request: Request, title: str, text: str, status: int) -> HTMLResponse:
        return page(request, "message.html", status, title=title, text=text)

    def login_redirect(request: Request) -> Response:
        target = urllib.parse.quote(request.url.path, safe="/")
        return RedirectResponse(f"/login?next={target}", 303)

    def authorised(request: Request) -> Response | None:
        if guard.authenticated(request):
            return None
        if request.method == "GET" and not request.url.path.endswith("/status"):
            return login_redirect(request)
        return message(request, "需要登录", "请先输入口令登录。", 401)

    def job_or_none(job_id: str) -> jobs.Job | None:
        return store().jobs.get(job_id)

    def gone(request: Request) -> HTMLResponse:
        return message(
            request,
            "任务不存在或已过期",
            f"这个任务不存在，或已超过 {max(1, round(config.settings.keep_seconds / 60))} 分钟被自动删除，"
            "或服务器已重启（重启后所有任务都会失效）。请重新上传工作簿。",
            404,
        )

    async def form_or_error(request: Request, max_files: int) -> tuple[Any, Response | None]:
        try:
            form = await request.form(max_files=max_files, max_fields=20)
        except HTTPException as exc:
            if exc.status_code == 413:
                return None, message(request, "文件过大", too_large_text(UPLOAD_BYTES), 413)
            return None, message(request, "上传失败", "上传的内容无法解析，请重试。", 400)
        if not guard.csrf_ok(request, form.get(CSRF_FIELD)):
            await form.close()
            return None, message(
                request, "页面已过期", "页面已过期或来自其他网站；请返回首页刷新后重新提交。", 403
            )
        return form, None

    # --- pages ----------------------------------------------------------------------------

    async def index(request: Request) -> Response:
        if denied := authorised(request):
            return denied
        return page(request, "index.html", year=dt.date.today().year, error=None)

    async def blank(request: Request) -> Response:
        if denied := authorised(request):
            return denied
        kind = kinds.get(request.query_params.get("kind", "budget"))
        level = LEVELS.get(request.query_params.get("level", "unit"))
        try:
            year = int(request.query_params.get("year", ""))
        except ValueError:
            year = 0
        if kind is None or level is None or not 2000 <= year <= 2100:
            return message(
                request,
                "参数不正确",
                "请选择公开类型、公开主体，并填写四位年份（2000–2100）。",
                400,
            )
        data = await run_in_threadpool(build_blank_workbook, kind.schema, year, level)
        name = f"{year}年{level}{kind.label}工作簿.xlsx"
        return Response(
            data, media_type=XLSX, headers={"content-disposition": content_disposition(name)}
        )

    async def upload(request: Request) -> Response:
        if denied := authorised(request):
            return denied
        if store().full():
            return message(request, "服务器繁忙", "同时保存的任务已达上限，请稍后再试。", 503)
        form, error = await form_or_error(request, 1)
        if error:
            return error
        async with closing(form):
            item = form.get("workbook")
            if not isinstance(item, UploadFile) or not item.filename:
                return nothing_chosen(request, "请先选择要上传的工作簿（.xlsx）。")
            job = store().create(uploads.display_name(item.filename))
            if await save(job, item.file):
                store().start_inspect(job)
        return RedirectResponse(f"/job/{job.id}", 303)

    def nothing_chosen(request: Request, message: str) -> Response:
        """The upload page again, saying what to choose (no file was sent)."""
        return page(request, "index.html", 400, year=dt.date.today().year, error=message)

    async def save(job: jobs.Job, source: Any) -> bool:
        """Copy an upload into the job's folder; False (job failed) beyond the limit."""
        try:
            await run_in_threadpool(uploads.copy_limited, source, store().input_path(job))
        except uploads.TooLarge:
            store().fail(job, uploads.too_large_message(job.name))
            return False
        return True

    async def batch(request: Request) -> Response:
        if denied := authorised(request):
            return denied
        form, error = await form_or_error(request, uploads.MAX_BATCH_FILES)
        if error:
            return error
        async with closing(form):
            files = [
                f for f in form.getlist("workbooks") if isinstance(f, UploadFile) and f.filename
            ]
            if not files:
                return nothing_chosen(request, "请先选择要批量上传的工作簿或压缩包。")
            created: list[jobs.Job] = []
            skipped: list[tuple[str, str]] = []
            for item in files:
                name = uploads.display_name(item.filename)
                if store().full():
                    skipped.append((name, "同时保存的任务已达上限，未处理"))
                    continue
                job = store().create(name)
                if not await save(job, item.file):
                    created.append(job)
                elif await run_in_threadpool(uploads.is_zip_archive, store().input_path(job)):
                    # a zip of workbooks: each one becomes its own job, the zip is deleted
                    more, why = await expand_zip(job, name)
                    store().delete(job)
                    created += more
                    skipped += why
                else:
                    created.append(job)
                    store().start_inspect(job)
        new_batch = store().create_batch(created, skipped)
        return RedirectResponse(f"/batch/{new_batch.id}", 303)

    async def expand_zip(
        archive: jobs.Job, name: str
    ) -> tuple[list[jobs.Job], list[tuple[str, str]]]:
        try:
            zf, members, skipped = await run_in_threadpool(
                uploads.open_zip, store().input_path(archive), name
            )
        except uploads.ZipRefused as exc:
            return [], [(name, str(exc))]
        created = []
        with zf:
            for member in sorted(members, key=lambda m: m.name):
                if store().full():
                    skipped.append((member.name, "同时保存的任务已达上限，未处理"))
                    continue
                job = store().create(member.name)
                created.append(job)
                try:
                    await run_in_threadpool(uploads.extract, zf, member, store().input_path(job))
                except uploads.TooLarge:
                    store().fail(job, uploads.too_large_message(member.name))
                    continue
                except (
                    zipfile.BadZipFile,
                    zlib.error,
                    OSError,
                    EOFError,
                    NotImplementedError,
                ) as exc:
                    store().fail(
                        job, f"{member.name} 在压缩包中已损坏，无法解压（{type(exc).__name__}）。"
                    )
                    continue
                store().start_inspect(job)
        return created, skipped

    async def job_page(request: Request) -> Response:
        if denied := authorised(request):
            return denied
        job = job_or_none(request.path_params["job_id"])
        if job is None:
            return gone(request)
        return page(request, "job.html", job=job, result=job.result, errors=job.artifact_errors)

    async def job_status(request: Request) -> Response:
        if denied := authorised(request):
            return denied
        job = job_or_none(request.path_params["job_id"])
        if job and request.query_params.get("wait"):
            await store().wait([job.id], STATUS_WAIT_SECONDS)
        return JSONResponse({"state": job.state if job else "gone"})

    async def artifact(request: Request) -> Response:
        if denied := authorised(request):
            return denied
        job = job_or_none(request.path_params["job_id"])
        if job is None:
            return gone(request)
        kind = FILES[request.url.path.rsplit("/", 1)[-1]]
        if job.state != "done" or not job.result.get("readable"):
            return message(request, "没有可下载的文件", "这个工作簿还没有检查完，或无法读取。", 409)
        if kind != "annotated" and not job.result.get("generatable"):
            return message(
                request,
                "工作簿有错误",
                "工作簿有错误，未生成文件；请按页面上的提示修改后重新上传。",
                409,
            )
        path = await store().artifact(job, kind)
        if path is None:
            return message(request, "无法生成", job.artifact_errors.get(kind, "生成失败。"), 500)
        if kind == "annotated":
            name = f"{safe_filename(Path(job.name).stem)}-批注.xlsx"
        else:
            name = f"{job.result.get('stem') or 'disclosure'}.{kind}"
        inline = kind == "pdf" and request.query_params.get("download") != "1"
        return FileResponse(
            path,
            media_type=MEDIA[kind],
            headers={"content-disposition": content_disposition(name, inline)},
        )

    async def batch_page(request: Request) -> Response:
        if denied := authorised(request):
            return denied
        found = store().batches.get(request.path_params["batch_id"])
        if found is None:
            return gone(request)
        rows = [(job_id, store().jobs.get(job_id)) for job_id in found.jobs]
        pending = any(j is not None and j.pending for _, j in rows)
        return page(request, "batch.html", batch=found, rows=rows, pending=pending)

    async def batch_status(request: Request) -> Response:
        if denied := authorised(request):
            return denied
        found = store().batches.get(request.path_params["batch_id"])
        if found is None:
            return JSONResponse({"state": "gone"})
        if request.query_params.get("wait"):
            await store().wait(found.jobs, STATUS_WAIT_SECONDS)
        pending = any((j := store().jobs.get(i)) is not None and j.pending for i in found.jobs)
        return JSONResponse({"state": "queued" if pending else "done"})

    async def login(request: Request) -> Response:
        target = request.query_params.get("next", "/")
        if not target.startswith("/") or target.startswith("//") or "\\" in target:
            target = "/"
        if request.method == "GET":
            return page(request, "login.html", next=target, error=None)
        form, error = await form_or_error(request, 0)
        if error:
            return error
        async with closing(form):
            typed = form.get("password")
        if isinstance(typed, str) and guard.password_ok(typed):
            response = RedirectResponse(target, 303)
            response.set_cookie(
                AUTH_COOKIE,
                guard.auth_cookie(),
                httponly=True,
                samesite="strict",
                secure=request.url.scheme == "https",
                max_age=12 * 3600,
            )
            return response
        await asyncio.sleep(0.5)  # slows down guessing
        return page(request, "login.html", 401, next=target, error="口令不正确。")

    async def logout(request: Request) -> Response:
        form, error = await form_or_error(request, 0)
        if error:
            return error
        await form.close()
        response = RedirectResponse("/login" if guard.token else "/", 303)
        response.delete_cookie(AUTH_COOKIE)
        return response

    async def healthz(request: Request) -> Response:
        current = state.get("store")
        return JSONResponse({"status": "ok", "jobs": len(current.jobs) if current else 0})

    async def too_large(request: Request, exc: Exception) -> Response:
        return message(request, "文件过大", too_large_text(UPLOAD_BYTES), 413)

    job_path = "/job/{job_id:jobid}"
    routes = [
        Route("/", index),
        Route("/blank", blank),
        Route("/upload", upload, methods=["POST"]),
        Route("/batch", batch, methods=["POST"]),
        Route(job_path, job_page),
        Route(job_path + "/status", job_status),
        *(Route(f"{job_path}/{name}", artifact) for name in FILES),
        Route("/batch/{batch_id:jobid}", batch_page),
        Route("/batch/{batch_id:jobid}/status", batch_status),
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/healthz", healthz),
        Mount("/static", StaticFiles(packages=[("disclosure_gen.web", "static")]), name="static"),
    ]
    limits = {"/upload": UPLOAD_BYTES, "/batch": uploads.MAX_BATCH_BYTES}
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(BodyLimit, limits=limits, default=FORM_BYTES),
        ],
        exception_handlers={413: too_large},
    )
    return app
