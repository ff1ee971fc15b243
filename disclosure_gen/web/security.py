"""The password of an office deployment, CSRF tokens, and the headers every response has.

Password: when ``DISCLOSURE_GEN_TOKEN`` is set, every page but /healthz and /login needs the
cookie the login form sets (an HMAC of the token, so it survives a restart and changes when
the token does).  CSRF: a random session cookie; each form carries an HMAC of it under a
per-process secret, checked on every POST.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOKEN_ENV = "DISCLOSURE_GEN_TOKEN"
SESSION_COOKIE = "dg_session"
AUTH_COOKIE = "dg_auth"
CSRF_FIELD = "csrf"
HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "frame-src 'self'; object-src 'self'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'self'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "SAMEORIGIN",
    "referrer-policy": "no-referrer",  # job ids are in URLs
    "cache-control": "no-store",
}


class Guard:
    def __init__(self, token: str | None) -> None:
        self.token = token or None
        self.secret = secrets.token_bytes(32)

    # --- password -----------------------------------------------------------------------

    def _auth_value(self) -> str:
        assert self.token is not None
        return hmac.new(self.token.encode(), b"disclosure-gen-auth", hashlib.sha256).hexdigest()

    def authenticated(self, request: Request) -> bool:
        if self.token is None:
            return True
        cookie = request.cookies.get(AUTH_COOKIE, "")
        return hmac.compare_digest(cookie.encode(), self._auth_value().encode())

    def password_ok(self, typed: str) -> bool:
        return self.token is not None and hmac.compare_digest(typed.encode(), self.token.encode())

    def auth_cookie(self) -> str:
        return self._auth_value()

    # --- CSRF ---------------------------------------------------------------------------

    @staticmethod
    def session(request: Request) -> tuple[str, bool]:
        """The session id and whether it is new (then the response must set it)."""
        current = request.cookies.get(SESSION_COOKIE, "")
        if 20 <= len(current) <= 64 and current.replace("-", "").replace("_", "").isalnum():
            return current, False
        return secrets.token_urlsafe(24), True

    def csrf_token(self, session: str) -> str:
        return hmac.new(self.secret, session.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, request: Request, submitted: object) -> bool:
        session = request.cookies.get(SESSION_COOKIE)
        if not session or not isinstance(submitted, str):
            return False
        return hmac.compare_digest(submitted.encode(), self.csrf_token(session).encode())


class SecurityHeaders:
    """Add HEADERS to every HTTP response (pure ASGI: streaming responses stay streaming)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [
                    (k.encode(), v.encode())
                    for k, v in HEADERS.items()
                    if k.encode() not in present
                ]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuse request bodies above a per-path limit, before and while they arrive, with a
    Chinese page (413)."""

    def __init__(self, app: ASGIApp, limits: dict[str, int], default: int) -> None:
        self.app = app
        self.limits = limits
        self.default = default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.get(scope["path"], self.default)
        headers = dict(scope.get("headers", []))
        try:
            declared = int(headers.get(b"content-length", b"0"))
        except ValueError:
            declared = 0
        if declared > limit:
            await _too_large(send, limit)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await _too_large(send, limit)


class _BodyTooLarge(HTTPException):
    """Raised inside the app while the body arrives; the app's 413 handler renders it."""

    def __init__(self) -> None:
        super().__init__(status_code=413)


def too_large_text(limit: int) -> str:
    mb = limit // (1024 * 1024)
    return f"上传的内容超过 {mb} MB 上限，未接收。预算工作簿通常不足 1 MB，请删除无关内容后再试。"


async def _too_large(send: Send, limit: int) -> None:
    body = (
        "<!doctype html><meta charset=utf-8><title>文件过大</title>"
        f"<p>{too_large_text(limit)}"
        '<p><a href="/">返回</a>'
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"text/html; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
