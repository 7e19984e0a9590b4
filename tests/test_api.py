"""The REST API in process (Starlette's test client) over a small hand-written store: lists,
cursors, filters, CSV, the network endpoints, errors as JSON, security headers, body limits,
the write token."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from api_helpers import HOSTILE, analyses, build_store
from entente.api import Settings, create_app
from entente.api.security import CSP

TOKEN = "t0ken-for-tests"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("api") / "store.db")


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(
        create_app(Settings(db=db, token=TOKEN, max_body=50_000)), raise_server_exceptions=False
    ) as c:
        yield c


def walk(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every row of a list, following the cursor."""
    rows: list[dict[str, Any]] = []
    cursor = None
    for _ in range(100):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        page = client.get(path, params=query).json()
        rows += page["items"]
        cursor = page["next"]
        if cursor is None:
            return rows
    raise AssertionError("the cursor never ends")


@pytest.mark.parametrize(
    ("path", "total", "key"),
    [
        ("/api/articles", 10, ("id",)),
        ("/api/events", 12, ("article_id", "seq")),
        ("/api/quotes", 10, ("article_id", "seq")),
        ("/api/people", 10, ("article_id", "seq")),
        ("/api/relations", 12, ("article_id", "seq")),
        ("/api/actors", 6, ("id",)),
    ],
)
def test_cursor_pages_cover_the_list_once_in_a_stable_order(
    client: TestClient, path: str, total: int, key: tuple[str, ...]
) -> None:
    everything = client.get(path, params={"limit": 1000}).json()
    assert everything["next"] is None and len(everything["items"]) == total
    for size in (1, 3, 5):
        rows = walk(client, path, limit=size)
        assert [tuple(r[k] for k in key) for r in rows] == [
            tuple(r[k] for k in key) for r in everything["items"]
        ]


def test_filters(client: TestClient) -> None:
    events = client.get("/api/events", params={"actor": "TUR"}).json()["items"]
    assert len(events) == 3 and all("TUR" in (e["source"], e["target"]) for e in events)
    assert [e["type"] for e in client.get("/api/events", params={"type": "assault"}).json()["items"]] == [
        "ASSAULT",
        "ASSAULT",
    ]
    march = client.get("/api/events", params={"from": "2017-03-01", "to": "2017-03-31"}).json()["items"]
    assert {e["day"][:7] for e in march} == {"2017-03"} and len(march) == 6
    assert client.get("/api/events", params={"status": "negated"}).json()["items"] == []
    assert len(client.get("/api/articles", params={"outlet": "Test Wire"}).json()["items"]) == 10
    assert client.get("/api/articles", params={"outlet": "Nobody"}).json()["items"] == []
    about = client.get("/api/quotes", params={"about": "IRN"}).json()["items"]
    assert len(about) == 10 and all(q["stance"] == {"IRN": 0.8} for q in about)
    assert client.get("/api/quotes", params={"about": "USA"}).json()["items"] == []
    assert [a["id"] for a in client.get("/api/actors", params={"q": "saudi"}).json()["items"]] == ["SAU"]
    relations = client.get("/api/relations", params={"actor": "ISR", "sign": "-"}).json()["items"]
    assert [(r["actor_a"], r["actor_b"]) for r in relations] == [("IRN", "ISR")]


@pytest.mark.parametrize(
    "value",
    ["' OR 1=1 --", '"; DROP TABLE articles; --', "%", "_", "\\", "RUS' UNION SELECT * FROM failures --"],
)
def test_hostile_filter_values_are_plain_values(client: TestClient, value: str) -> None:
    for path in ("/api/events", "/api/articles", "/api/quotes", "/api/actors", "/api/people"):
        response = client.get(path, params={"actor": value, "q": value, "about": value, "outlet": value})
        assert response.status_code == 200 and response.json()["items"] == [], path
    assert client.get("/api/health").json()["counts"]["articles"] == 10


def test_csv_download(client: TestClient) -> None:
    response = client.get("/api/events", params={"format": "csv", "limit": 0, "actor": "RUS"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 7 and rows[0]["source"] and "evidence_text" in rows[0]
    page = client.get("/api/quotes", params={"format": "csv", "limit": 4})
    assert page.headers["x-next-cursor"] and len(list(csv.DictReader(io.StringIO(page.text)))) == 4
    assert '{""IRN"": 0.8}' in page.text  # nested values as JSON


def test_json_download_of_a_whole_list(client: TestClient) -> None:
    page = client.get("/api/relations", params={"limit": 0}).json()
    assert len(page["items"]) == 12 and page["next"] is None


def test_article_with_its_analysis(client: TestClient) -> None:
    hostile = next(a for a in analyses() if HOSTILE in a.article.text)
    data = client.get(f"/api/articles/{hostile.article.id}").json()
    assert data["article"]["text"] == hostile.article.text
    assert [a["id"] for a in data["actors"]] == ["IRN", "RUS"]
    assert data["events"][0]["trigger"]["text"] == "praised"
    assert data["quotes"][0]["speaker"]["name"] == "Sergei Lavrov"
    assert data["relations"][0]["pair"] == ["IRN", "RUS"]


def test_network_of_a_window_changes_with_the_window(client: TestClient) -> None:
    january = client.get("/api/graph", params={"from": "2017-01-01", "to": "2017-01-31"}).json()
    march = client.get("/api/graph", params={"from": "2017-03-01", "to": "2017-03-31"}).json()
    signs = {(e["source"], e["target"]): e["sign"] for e in january["edges"]}
    assert signs[("RUS", "TUR")] == "-" and signs[("IRN", "RUS")] == "+"
    signs = {(e["source"], e["target"]): e["sign"] for e in march["edges"]}
    assert signs[("RUS", "TUR")] == "+" and signs[("IRN", "SAU")] == "-"
    for e in march["edges"]:
        assert -1 <= e["low"] <= e["score"] <= e["high"] <= 1
    assert sorted(n for bloc in march["blocs"] for n in bloc) == sorted(n["id"] for n in march["nodes"])
    ego = client.get("/api/graph", params={"actor": "ISR"}).json()
    assert {n["id"] for n in ego["nodes"]} == {"ISR", "IRN"}


def test_dyad_series_with_evidence(client: TestClient) -> None:
    data = client.get("/api/dyads/TUR/RUS").json()
    assert data["pair"] == ["RUS", "TUR"]
    assert [s["score"] for s in data["series"]] == [-1.0, 0.0, 1.0]  # February: no evidence
    first = data["evidence"][0]
    assert first["sentence"] == "Turkey held talks with Russia."
    assert first["sentence"][first["trigger"]["start"] : first["trigger"]["end"]] == "held"
    assert {m["actor"] for m in first["actors"]} == {"RUS", "TUR"}
    for m in first["actors"]:
        assert first["sentence"][m["start"] : m["end"]] == m["text"]
    assert data["articles"] and data["articles"][0]["url"].startswith("https://")


def test_explain_blocs_triads(client: TestClient) -> None:
    why = client.get("/api/explain/RUS/IRN", params={"from": "2017-01-01", "to": "2017-01-31"}).json()
    assert why["pair"] == ["RUS", "IRN"] or why["pair"] == ["IRN", "RUS"]
    assert [t["third"] for t in why["together"]] == ["USA"]
    assert "shared hostility to USA" in why["together"][0]["text"]
    blocs = client.get("/api/blocs").json()
    assert blocs["blocs"] and blocs["negative_across"] >= 1
    triads = client.get("/api/triads", params={"actor": "USA"}).json()["triads"]
    assert triads and all("USA" in t["actors"] for t in triads)
    rel = client.get("/api/actors/TUR/relations").json()
    assert [p["id"] for p in rel["partners"]] == ["RUS"]


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/api/articles/nope", 404, "not_found"),
        ("GET", "/api/nothing-here", 404, "not_found"),
        ("GET", "/api/events?limit=-1", 422, "validation_error"),
        ("GET", "/api/events?from=yesterday", 422, "validation_error"),
        ("GET", "/api/events?cursor=garbage", 400, "bad_cursor"),
        ("DELETE", "/api/events", 405, "method_not_allowed"),
        ("POST", "/api/analyze", 422, "validation_error"),
    ],
)
def test_errors_are_json_with_a_code(
    client: TestClient, method: str, path: str, status: int, code: str
) -> None:
    response = client.request(method, path)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code and response.json()["error"]["message"]


def test_a_cursor_from_another_list_is_refused(client: TestClient) -> None:
    other = client.get("/api/articles", params={"limit": 1}).json()["next"]
    assert client.get("/api/events", params={"cursor": other}).json()["error"]["code"] == "bad_cursor"


def test_an_internal_error_is_json_without_a_traceback(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from entente.api import lists

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setitem(lists.LISTS, "events", (lists.EVENTS, broken))
    with TestClient(create_app(Settings(db=db)), raise_server_exceptions=False) as c:
        response = c.get("/api/events")
    assert response.status_code == 500
    assert response.json() == {
        "error": {"code": "internal_error", "message": "internal error; the server's log has the details"}
    }
    assert "Traceback" not in response.text and "secret" not in response.text


def test_security_headers_everywhere(client: TestClient) -> None:
    for path in ("/", "/api/health", "/static/app.js", "/api/nothing", "/docs", "/api/openapi.json"):
        response = client.get(path)
        assert response.headers["content-security-policy"] == CSP, path
        assert response.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self';" in CSP and "unsafe-inline" not in CSP


def test_pages_hold_no_inline_script() -> None:
    import re

    web = Path(__file__).resolve().parents[1] / "src" / "entente" / "web"
    for page in web.glob("*.html"):
        html = page.read_text()
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag, f"{page.name}: inline script {tag}"
        assert re.search(r"<[^>]*\son\w+\s*=", html) is None, f"{page.name}: an inline event handler"
    js = (web / "static" / "app.js").read_text()
    assert "innerHTML" not in js.replace("never innerHTML", "") and "insertAdjacentHTML" not in js


def test_request_body_limit(client: TestClient) -> None:
    response = client.post("/api/analyze", json={"text": "x" * 60_000})
    assert response.status_code == 413 and response.json()["error"]["code"] == "payload_too_large"


def test_storing_needs_the_token(client: TestClient, db: str) -> None:
    body = {
        "text": "Russia and Iran signed a treaty in Tehran on Monday.",
        "store": True,
        "published": "2017-03-27",
    }
    assert client.post("/api/analyze", json=body).json()["error"]["code"] == "unauthorized"
    wrong = client.post("/api/analyze", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    with TestClient(create_app(Settings(db=db))) as no_token:
        refused = no_token.post("/api/analyze", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert refused.status_code == 403 and refused.json()["error"]["code"] == "writes_disabled"
    ok = client.post("/api/analyze", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200, ok.text
    stored = ok.json()["stored"]
    assert stored["status"] == "new"
    assert client.get(f"/api/articles/{stored['id']}").json()["article"]["published"] == "2017-03-27"


def test_analyze_without_storing(client: TestClient) -> None:
    out = client.post("/api/analyze", json={"text": "Moscow and Tehran signed a treaty on Monday."}).json()
    assert out["stored"] is None
    assert {a["id"] for a in out["analysis"]["actors"]} >= {"RUS", "IRN"}
    assert client.post("/api/analyze", json={"text": "a", "url": "https://x.example/"}).status_code == 422
    assert client.post("/api/analyze", json={"text": "   "}).json()["error"]["code"] == "E002"


def test_entente_serve_runs_the_app(db: str) -> None:
    """The command itself: uvicorn on a free loopback port, the dashboard and the API answering."""
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    entente = Path(sys.executable).with_name("entente")
    proc = subprocess.Popen(
        [str(entente), "serve", "--db", db, "--port", str(port)], stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.HTTPError:
                assert proc.poll() is None and time.monotonic() < deadline, "entente serve did not start"
                time.sleep(0.2)
        assert health.json()["writes"] is False
        page = httpx.get(f"http://127.0.0.1:{port}/")
        assert "entente" in page.text and page.headers["content-security-policy"] == CSP
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in err


def test_entente_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from entente.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert result.exit_code == 7 and "E020" in result.output


def test_the_same_answers_on_sqlite_and_postgresql(store_url: str) -> None:
    """Cursors, filters (LIKE on JSON, ILIKE), the network endpoints and the article JSON on
    both backends (the PostgreSQL server of tests/conftest.py)."""
    with TestClient(create_app(Settings(db=build_store(store_url)))) as c:
        for path, size in (
            ("/api/events", 12),
            ("/api/quotes", 10),
            ("/api/actors", 6),
            ("/api/articles", 10),
        ):
            assert len(walk(c, path, limit=4)) == size, path
        assert len(c.get("/api/quotes", params={"about": "IRN"}).json()["items"]) == 10
        assert [a["id"] for a in c.get("/api/actors", params={"q": "SAUDI"}).json()["items"]] == ["SAU"]
        assert c.get("/api/events", params={"actor": "' OR 1=1 --"}).json()["items"] == []
        march = c.get("/api/graph", params={"from": "2017-03-01", "to": "2017-03-31"}).json()
        assert {(e["source"], e["target"], e["sign"]) for e in march["edges"]} >= {("RUS", "TUR", "+")}
        dyad = c.get("/api/dyads/RUS/TUR").json()
        assert [s["score"] for s in dyad["series"]] == [-1.0, 0.0, 1.0]
        assert dyad["evidence"][0]["trigger"]["text"] == "held"
        assert (
            c.get("/api/explain/IRN/RUS", params={"to": "2017-01-31"}).json()["together"][0]["third"] == "USA"
        )
        hostile = next(a for a in analyses() if HOSTILE in a.article.text).article.id
        assert c.get(f"/api/articles/{hostile}").json()["article"]["title"].startswith("Praise <script>")
