"""The web page through Starlette's TestClient: every route, the limits, the password and
CSRF, escaping of everything a user typed, expiry and time limits (fast: no browser)."""

from __future__ import annotations

import hashlib
import io
import re
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed (pip install '.[web]')")

from openpyxl import load_workbook
from starlette.testclient import TestClient
from typer.testing import CliRunner

from disclosure_gen import kinds
from disclosure_gen.cli import app as cli_app
from disclosure_gen.web import jobs
from disclosure_gen.web.app import Config, content_disposition, create_app
from disclosure_gen.workbook import safety
from disclosure_gen.workbook.writer import build_blank_workbook
from scripts.golden import golden_file
from tests import builders
from tests.conftest import EXAMPLE

CSRF_RE = re.compile(r'name="csrf" value="([0-9a-f]+)"')


def _client(tmp_path: Path, token: str | None = None, **settings: Any) -> Iterator[TestClient]:
    config = Config(token, jobs.Settings(workers=1, root_parent=tmp_path, **settings))
    with TestClient(create_app(config), follow_redirects=False) as client:
        yield client


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    yield from _client(tmp_path_factory.mktemp("web"))


def csrf(client: TestClient) -> str:
    match = CSRF_RE.search(client.get("/").text)
    assert match
    return match.group(1)


def upload(client: TestClient, data: bytes, name: str = "单位.xlsx") -> tuple[str, str]:
    """POST the file, wait for the check; the job URL and its page."""
    response = client.post(
        "/upload",
        data={"csrf": csrf(client)},
        files={"workbook": (name, data, "application/octet-stream")},
    )
    assert response.status_code == 303, response.text
    url = response.headers["location"]
    return url, wait(client, url)


def wait(client: TestClient, url: str) -> str:
    deadline = time.monotonic() + 30
    while client.get(f"{url}/status").json()["state"] == "queued":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    return str(client.get(url).text)


def store(client: TestClient) -> jobs.Store:
    value = client.app.state.store  # type: ignore[attr-defined]
    assert isinstance(value, jobs.Store)
    return value


def test_health_and_security_headers(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "ok"
    page = client.get("/")
    assert page.status_code == 200 and "上传填好的工作簿" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "服务器重启后" in page.text  # the page says jobs do not survive a restart
    assert client.get("/static/app.js").status_code == 200


def test_blank_workbook_is_what_init_writes(client: TestClient, tmp_path: Path) -> None:
    response = client.get("/blank", params={"year": 2025, "kind": "budget", "level": "department"})
    assert response.status_code == 200
    out = tmp_path / "init.xlsx"
    result = CliRunner().invoke(
        cli_app, ["init", str(out), "--year", "2025", "--level", "department"]
    )
    assert result.exit_code == 0
    assert response.content == out.read_bytes()
    assert "filename*=UTF-8''2025" in response.headers["content-disposition"]
    final = client.get("/blank", params={"year": 2024, "kind": "final_accounts", "level": "unit"})
    schema = kinds.KINDS["final_accounts"].schema
    assert final.content == build_blank_workbook(schema, 2024, "单位")
    bad_queries: tuple[dict[str, str | int], ...] = (
        {"year": "x"},
        {"year": 1999},
        {"year": 2025, "kind": "<b>"},
        {"year": 2025, "level": "x"},
    )
    for bad in bad_queries:
        assert client.get("/blank", params=bad).status_code == 400


def test_example_shows_n003_at_its_cell_and_documents_match_the_cli(client: TestClient) -> None:
    url, page = upload(client, EXAMPLE.read_bytes(), "workbook.xlsx")
    assert 'data-code="N003" data-location="上年对比!C23"' in page
    region = page.split('data-code="N003"', 1)[1].split("</table>", 1)[0]
    assert 'class="target sev-warning"' in region and "<th>23</th>" in region
    assert "新疆维吾尔自治区工业和信息化厅信息中心" in page and "警告 1" in page
    docx = client.get(f"{url}/document.docx")
    assert docx.status_code == 200
    pdf = client.get(f"{url}/document.pdf")
    assert pdf.status_code == 200 and pdf.headers["content-disposition"].startswith("inline")
    # the CLI's bytes: tests/test_kinds.py holds generate's output to these digests
    lines = golden_file(EXAMPLE).read_text("utf-8").splitlines()
    golden = {fmt: digest for digest, fmt in (line.split() for line in lines)}
    assert hashlib.sha256(docx.content).hexdigest() == golden["docx"]
    assert hashlib.sha256(pdf.content).hexdigest() == golden["pdf"]
    assert "attachment" in docx.headers["content-disposition"]
    annotated = client.get(f"{url}/annotated.xlsx")
    assert annotated.status_code == 200
    wb = load_workbook(io.BytesIO(annotated.content))
    comment = wb["上年对比"]["C23"].comment
    assert comment is not None and "N003" in comment.text
    assert "workbook-批注.xlsx" in annotated.headers["content-disposition"].replace(
        "%E6%89%B9%E6%B3%A8", "批注"
    )


def _markup_workbook(root: Path, mark: str) -> bytes:
    """The sample with ``mark`` in the unit name, a reason (contradicting its change: N003
    at its cell) and a project name (described, without money: X012)."""
    data = builders.sample()
    data["forms"]["profile"]["name"] = "某局" + mark
    comparisons = [list(c) for c in data["rows"]["comparisons"]]
    comparisons[-1][2] = mark + "支出减少"  # 2210201 grew
    data["rows"]["comparisons"] = [tuple(c) for c in comparisons]
    projects = list(data["rows"]["projects"])
    projects.append((mark + "新项目", "依据", "单位", "分配", "2025年", "", "", "否"))
    data["rows"]["projects"] = projects
    path = builders.write(root / "markup.xlsx", data)
    content = path.read_bytes()
    path.unlink()
    return content


def test_every_user_text_is_escaped_never_evaluated(client: TestClient) -> None:
    mark = '<测试 onclick="x">{{ 7*7 }}{% if 1 %}'
    escaped = "&lt;测试 onclick=&#34;x&#34;&gt;{{ 7*7 }}{% if 1 %}"
    url, page = upload(
        client, _markup_workbook(store(client).root, mark), "<img src=x onerror=alert(1)>.xlsx"
    )
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;.xlsx" in page
    assert "<测试" not in page and 'onclick="x"' not in page
    assert f"某局{escaped}" in page  # the unit name
    assert 'data-code="N003"' in page and f"{escaped}支出减少" in page  # the reason, in its region
    assert 'data-code="X012"' in page and f"{escaped}新项目" in page  # the project name
    assert "dl-docx" in page and client.get(f"{url}/document.docx").status_code == 200
    # markup the reader refuses (S021) is shown escaped in its message and region too
    _, page = upload(client, _markup_workbook(store(client).root, "<b>粗</b><script>x()</script>"))
    assert 'data-code="S021"' in page and "<b>" not in page and "<script>x" not in page
    assert "&lt;b&gt;粗&lt;/b&gt;&lt;script&gt;x()&lt;/script&gt;" in page


def test_a_csv_renamed_xlsx_gives_one_clear_message(client: TestClient) -> None:
    url, page = upload(client, "项目,金额\n办公费,100\n".encode("gbk"), "预算.xlsx")
    assert page.count('class="alert error finding-one"') == 1
    assert "F002" in page and "预算.xlsx 不是 Excel 工作簿" in page and "input.xlsx" not in page
    assert "dl-docx" not in page and "dl-annotated" not in page
    assert client.get(f"{url}/annotated.xlsx").status_code == 409


def test_documents_are_refused_for_a_workbook_with_errors(client: TestClient) -> None:
    data = builders.sample()
    data["forms"]["profile"]["staff_quota"] = "很多"
    buffer = builders.write(Path(store(client).root) / "bad.xlsx", data)
    content = buffer.read_bytes()
    buffer.unlink()
    url, page = upload(client, content)
    assert "工作簿有错误，未生成文件" in page and "dl-docx" not in page and "dl-annotated" in page
    assert client.get(f"{url}/document.docx").status_code == 409
    assert client.get(f"{url}/document.pdf").status_code == 409
    assert client.get(f"{url}/annotated.xlsx").status_code == 200


def test_upload_limits_and_missing_files(client: TestClient) -> None:
    before = set(store(client).root.iterdir())
    token = csrf(client)
    big = b"PK" + b"\0" * (safety.MAX_FILE_BYTES + 100_000)
    response = client.post("/upload", data={"csrf": token}, files={"workbook": ("big.xlsx", big)})
    assert response.status_code == 413 and "MB 上限" in response.text
    response = client.post("/upload", data={"csrf": token}, files={"workbook": ("", b"")})
    assert response.status_code == 400 and "请先选择" in response.text
    assert set(store(client).root.iterdir()) == before


def test_post_without_the_csrf_token_is_refused(client: TestClient) -> None:
    count = len(store(client).jobs)
    files = {"workbook": ("a.xlsx", EXAMPLE.read_bytes())}
    assert client.post("/upload", files=files).status_code == 403
    assert client.post("/upload", data={"csrf": "0" * 64}, files=files).status_code == 403
    assert (
        client.post("/batch", data={"csrf": "x"}, files={"workbooks": ("a.xlsx", b"x")}).status_code
        == 403
    )
    other = TestClient(client.app, follow_redirects=False)  # another session's token
    assert other.post("/upload", data={"csrf": csrf(client)}, files=files).status_code == 403
    assert len(store(client).jobs) == count


def test_unknown_and_malformed_job_ids(client: TestClient) -> None:
    response = client.get("/job/" + "A" * 22)
    assert response.status_code == 404 and "服务器已重启" in response.text
    assert client.get("/job/../../etc/passwd").status_code == 404
    assert client.get("/job/short").status_code == 404
    assert client.get("/job/" + "A" * 22 + "/status").json()["state"] == "gone"
    assert client.get("/batch/" + "B" * 22).status_code == 404


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def test_batch_of_files_and_a_zip(client: TestClient) -> None:
    example = EXAMPLE.read_bytes()
    archive = _zip(
        {
            "甲单位.xlsx": example,
            "子目录/乙单位.xlsx": example,
            "说明.txt": b"hello",
            "__MACOSX/._甲单位.xlsx": b"junk",
            "巨大.xlsx": b"\0" * (safety.MAX_FILE_BYTES + 1),  # compresses to a few KB
        }
    )
    files = [
        ("workbooks", ("一.xlsx", example)),
        ("workbooks", ("坏.xlsx", b"not a workbook")),
        ("workbooks", ("包.zip", archive)),
    ]
    response = client.post("/batch", data={"csrf": csrf(client)}, files=files)
    assert response.status_code == 303
    page = wait(client, response.headers["location"])
    assert "批量检查（4 个工作簿）" in page
    for name in ("一.xlsx", "坏.xlsx", "甲单位.xlsx", "乙单位.xlsx"):
        assert name in page
    assert page.count("可以生成") == 3 and "无法读取" in page
    assert "说明.txt" in page and "不是 .xlsx" in page and "巨大.xlsx" in page and "MB 上限" in page
    assert "._甲单位" not in page


def test_a_zip_with_too_many_workbooks_is_refused(client: TestClient) -> None:
    archive = _zip({f"{i}.xlsx": b"x" for i in range(60)})
    response = client.post(
        "/batch", data={"csrf": csrf(client)}, files=[("workbooks", ("多.zip", archive))]
    )
    page = wait(client, response.headers["location"])
    assert "一次最多 50 个" in page and "批量检查（0 个工作簿）" in page


def test_jobs_expire_and_their_folders_are_deleted(client: TestClient) -> None:
    url, _ = upload(client, EXAMPLE.read_bytes())
    job = store(client).jobs[url.rsplit("/", 1)[-1]]
    assert job.folder.is_dir()
    store(client).sweep(now=time.monotonic() + 10**6)
    assert not job.folder.exists() and list(store(client).root.iterdir()) == []
    response = client.get(url)
    assert response.status_code == 404 and "已超过" in response.text


def test_the_per_job_time_limit_ends_a_slow_job(tmp_path: Path) -> None:
    for slow in _client(tmp_path, job_timeout=0.001):
        _, page = upload(slow, EXAMPLE.read_bytes())
        assert "处理超过 0.001 秒仍未完成" in page
        assert slow.get("/healthz").json()["status"] == "ok"


def test_password_login_and_csrf_on_the_login_form(tmp_path: Path) -> None:
    for guarded in _client(tmp_path, token="s3cret-口令"):
        assert guarded.get("/healthz").status_code == 200
        response = guarded.get("/job/" + "A" * 22)
        assert response.status_code == 303 and response.headers["location"].startswith(
            "/login?next=/job/"
        )
        assert guarded.get("/blank", params={"year": 2025}).status_code == 303
        login = guarded.get("/login")
        token = CSRF_RE.search(login.text)
        assert token and "口令" in login.text
        no_csrf = guarded.post("/login", data={"password": "s3cret-口令"})
        assert no_csrf.status_code == 403
        wrong = guarded.post("/login", data={"password": "guess", "csrf": token.group(1)})
        assert wrong.status_code == 401 and "口令不正确" in wrong.text
        ok = guarded.post(
            "/login?next=//evil.example/", data={"password": "s3cret-口令", "csrf": token.group(1)}
        )
        assert ok.status_code == 303 and ok.headers["location"] == "/"
        assert guarded.get("/").status_code == 200
        url, page = upload(guarded, EXAMPLE.read_bytes())
        assert "N003" in page and "退出登录" in page
        guarded.post("/logout", data={"csrf": csrf(guarded)})
        guarded.cookies.delete("dg_auth")
        assert guarded.get(url).status_code == 303


def test_content_disposition_is_safe_for_any_name() -> None:
    header = content_disposition('单位"\r\n名.docx')
    assert "\r" not in header and "\n" not in header
    assert header.startswith("attachment; filename=\"download.docx\"; filename*=UTF-8''")
    assert content_disposition("a b.pdf", inline=True).startswith('inline; filename="a_b.pdf"')


def test_serve_refuses_bad_options() -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--port", "0"])
    assert result.exit_code == 2 and "--port" in result.output
    assert "DISCLOSURE_GEN_TOKEN" in CliRunner().invoke(cli_app, ["serve", "--help"]).output
