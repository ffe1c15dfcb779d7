"""Bluesky search and Jetstream stream, against local fakes: nothing here reaches the internet
(except the tests marked live, which run only with --live)."""

from __future__ import annotations

import base64
import json
import logging
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import traceback
import types
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner
from websockets.exceptions import ConnectionClosed
from websockets.sync.server import serve

from miner.cli import cli
from miner.collectors import bluesky
from miner.collectors.base import HarvestError
from miner.store import Store

ROOT = Path(__file__).resolve().parents[1]
HANDLE = "tester.example.social"
PASSWORD = "zq7x-secret-app-pass"
DID = "did:plc:tester000000000000000000"
SEARCH = "app.bsky.feed.searchPosts"


# ------------------------------------------------------------------ fake XRPC server
def _b64(obj: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()


def post_view(i: int) -> dict:
    """Post i of the fake index: even ones name chatgpt, odd ones chatgpt and openai."""
    did = f"did:plc:author{i % 3:020d}"
    text = f"chatgpt is down again ({i})" if i % 2 == 0 else f"chatgpt and openai both failing ({i})"
    return {
        "uri": f"at://{did}/app.bsky.feed.post/3kpost{i:07d}", "cid": f"bafycid{i}",
        "author": {"did": did, "handle": f"author{i % 3}.bsky.social", "displayName": "A"},
        "record": {"$type": "app.bsky.feed.post", "text": text, "langs": ["en", "de"],
                   "createdAt": f"2026-02-03T{15 - i // 60:02d}:{59 - i % 60:02d}:00.000+01:00"},
        "indexedAt": "2026-02-03T15:00:00.000Z", "likeCount": i,
    }


class FakeXrpc:
    """createSession, refreshSession and searchPosts (cursor = offset), with scripted faults.

    `faults` are used up one per searchPosts call: ok, 429, retry-after, 500/502/503,
    expired (answer 400 ExpiredToken and revoke the access token), hang (wait for `release`)."""

    def __init__(self, n_posts: int = 25, page_max: int = 10):
        self.posts = [post_view(i) for i in range(n_posts)]
        self.page_max = page_max
        self.faults: list[str] = []
        self.always: str | None = None
        self.access_ttl = 3600
        self.refresh_ok = True
        self.calls: list[tuple[str, dict, str]] = []
        self.issued: list[str] = []
        self.revoked: set[str] = set()
        self.access = self.refresh = None
        self.hanging, self.release = threading.Event(), threading.Event()
        self.lock = threading.Lock()
        self.url = ""

    def searches(self) -> list[dict]:
        return [q for nsid, q, _ in self.calls if nsid == SEARCH]

    def count(self, nsid: str) -> int:
        return sum(1 for n, _, _ in self.calls if n == nsid)

    def _tokens(self) -> dict:
        now, n = int(time.time()), len(self.issued)
        self.access = f"{_b64({'alg': 'ES256K', 'typ': 'at+jwt'})}." \
            f"{_b64({'scope': 'com.atproto.appPass', 'sub': DID, 'iat': now, 'exp': now + self.access_ttl, 'n': n})}.c2ln"
        self.refresh = f"{_b64({'alg': 'ES256K', 'typ': 'refresh+jwt'})}." \
            f"{_b64({'scope': 'com.atproto.refresh', 'sub': DID, 'iat': now, 'exp': now + 86400, 'jti': f'r{n}'})}.c2ln"
        self.issued += [self.access, self.refresh]
        return {"accessJwt": self.access, "refreshJwt": self.refresh, "handle": HANDLE, "did": DID,
                "active": True}

    def answer(self, nsid: str, query: dict, auth: str, body: dict) -> tuple[int, dict, dict]:
        with self.lock:
            self.calls.append((nsid, query, auth))
            if nsid == "com.atproto.server.createSession":
                if body.get("identifier") == HANDLE and body.get("password") == PASSWORD:
                    return 200, {}, self._tokens()
                return 401, {}, {"error": "AuthenticationRequired", "message": "Invalid identifier or password"}
            if nsid == "com.atproto.server.refreshSession":
                if self.refresh_ok and auth == f"Bearer {self.refresh}":
                    self.revoked.add(self.access)
                    return 200, {}, self._tokens()
                return 400, {}, {"error": "ExpiredToken", "message": "Token has expired"}
            if nsid != SEARCH:
                return 501, {}, {"error": "MethodNotImplemented", "message": "Method Not Implemented"}
            fault = self.always or (self.faults.pop(0) if self.faults else "ok")
        if fault == "hang":
            self.hanging.set()
            self.release.wait(20)
            return 503, {}, {"error": "Unavailable"}
        if fault == "429":
            return 429, {"ratelimit-limit": "3000", "ratelimit-remaining": "0",
                         "ratelimit-reset": str(int(time.time()) + 30), "ratelimit-policy": "3000;w=300"}, \
                {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"}
        if fault == "retry-after":
            return 429, {"retry-after": "7"}, {"error": "RateLimitExceeded", "message": "slow down"}
        if fault.isdigit():
            return int(fault), {}, {"error": "InternalServerError", "message": "Internal Server Error"}
        with self.lock:
            if fault == "expired":
                self.revoked.add(self.access)
            token = auth.removeprefix("Bearer ")
            if token in self.revoked:
                return 400, {}, {"error": "ExpiredToken", "message": "Token has expired"}
            if token != self.access:
                return 401, {}, {"error": "AuthenticationRequired", "message": "Invalid token"}
        words = query["q"].lower().replace('"', "").split()
        hits = [p for p in self.posts if all(w in p["record"]["text"].lower() for w in words)]
        offset = int(query.get("cursor") or 0)
        size = min(int(query.get("limit") or 25), self.page_max)
        out = {"posts": hits[offset:offset + size], "hitsTotal": len(hits)}
        if offset + size < len(hits):
            out["cursor"] = str(offset + size)
        return 200, {}, out

    def handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}") if length else {}
                query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                status, headers, payload = fake.answer(parts.path.removeprefix("/xrpc/"), query,
                                                       self.headers.get("Authorization", ""), body)
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    self.send_header("Content-Length", str(len(data)))
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the client was killed while we waited
                    pass

            do_GET = do_POST = _serve

            def log_message(self, *args) -> None:
                pass

        return Handler


@pytest.fixture
def xrpc():
    fake = FakeXrpc()
    server = ThreadingHTTPServer(("127.0.0.1", 0), fake.handler())
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    fake.url = f"http://127.0.0.1:{server.server_port}"
    yield fake
    fake.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def offline(request, monkeypatch, tmp_path):
    """Fake credentials, no config file, no proxies, and sleeps that only record their length."""
    if request.node.get_closest_marker("live"):
        return None
    monkeypatch.setenv("BSKY_HANDLE", HANDLE)
    monkeypatch.setenv("BSKY_APP_PASSWORD", PASSWORD)
    monkeypatch.setenv("MINER_CONFIG", str(tmp_path / "no-config.toml"))
    for name in ("BSKY_BASE_URL", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy",
                 "https_proxy", "all_proxy", "MINER_DB"):
        monkeypatch.delenv(name, raising=False)
    waits: list[float] = []
    monkeypatch.setattr(bluesky, "_sleep", waits.append)
    return waits


def miner(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def runs(db: Path) -> list[dict]:
    return list(Store(db).db["runs"].rows_where(order_by="id"))


def saved_cursor(db: Path) -> str | None:
    """The first run's cursor, read without touching a database another process writes."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    except sqlite3.OperationalError:
        return None
    try:
        row = conn.execute("select cursor from runs order by id limit 1").fetchone()
    except sqlite3.OperationalError:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def post_ids(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("select id from posts order by id")]
    finally:
        conn.close()


# --------------------------------------------------------------------------- mapping
def test_post_from_bluesky_maps_a_post_view():
    view = post_view(3)
    post = bluesky.post_from_bluesky(view)
    assert post.source == "bluesky"
    assert post.id == f"at://did:plc:author{0:020d}/app.bsky.feed.post/3kpost0000003"
    assert post.url == "https://bsky.app/profile/author0.bsky.social/post/3kpost0000003"
    assert post.author == "author0.bsky.social"
    assert post.text == "chatgpt and openai both failing (3)"
    assert post.lang == "en"
    assert post.created_at.isoformat() == "2026-02-03T14:56:00+00:00"  # +01:00 -> UTC
    assert post.raw is view


def test_post_from_bluesky_without_handle_or_valid_time():
    view = {"uri": "at://did:plc:x/app.bsky.feed.post/abc", "author": {"handle": "handle.invalid"},
            "record": {"text": "hi", "createdAt": "yesterday"}, "indexedAt": "2026-02-03T10:00:00Z"}
    post = bluesky.post_from_bluesky(view)
    assert post.url == "https://bsky.app/profile/did:plc:x/post/abc"
    assert post.author == "did:plc:x" and post.lang is None
    assert post.created_at.isoformat() == "2026-02-03T10:00:00+00:00"
    with pytest.raises(ValueError):
        bluesky.post_from_bluesky({"uri": "https://example.com/x"})


# ---------------------------------------------------------------------------- search
def test_harvest_pages_to_the_end_then_dedups(xrpc, tmp_path):
    db = tmp_path / "b.db"
    result = miner(db, "harvest", "bluesky", "chatgpt", "--base-url", xrpc.url, "--since", "2026-02-03",
                   "--until", "2026-02-04T00:00:00+01:00", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "run 1 done: 25 new, 0 already known" in result.output
    searches = xrpc.searches()
    assert [q.get("cursor") for q in searches] == [None, "10", "20"]
    assert searches[0] == {"q": "chatgpt", "sort": "latest", "since": "2026-02-03T00:00:00Z",
                           "until": "2026-02-03T23:00:00Z", "lang": "en", "limit": "100"}
    assert len(post_ids(db)) == 25
    stored = next(Store(db).posts("id = ?", [post_view(4)["uri"]]))
    assert stored.raw == post_view(4) and stored.url.startswith("https://bsky.app/profile/author1")

    again = miner(db, "harvest", "bluesky", "chatgpt", "--base-url", xrpc.url)
    assert again.exit_code == 0, again.output
    assert "run 2 done: 0 new, 25 already known" in again.output
    assert len(post_ids(db)) == 25


def test_limit_stops_early_with_a_smaller_page(xrpc, tmp_path):
    db = tmp_path / "b.db"
    result = miner(db, "harvest", "bluesky", "chatgpt", "--base-url", xrpc.url, "--limit", "12")
    assert result.exit_code == 0, result.output
    assert len(post_ids(db)) == 12
    assert xrpc.searches()[0]["limit"] == "12"


def test_429_waits_as_long_as_the_server_says(xrpc, tmp_path, offline):
    xrpc.faults = ["429", "ok", "retry-after"]
    result = miner(tmp_path / "b.db", "harvest", "bluesky", "chatgpt", "--base-url", xrpc.url)
    assert result.exit_code == 0, result.output
    assert 29 <= offline[0] <= 32  # ratelimit-reset is now + 30 s
    assert offline[1:] == [7.0]  # Retry-After: 7
    assert len(post_ids(tmp_path / "b.db")) == 25


def test_server_errors_are_retried_then_succeed(xrpc, tmp_path, offline):
    xrpc.faults = ["500", "ok", "503", "502"]
    result = miner(tmp_path / "b.db", "harvest", "bluesky", "chatgpt", "--base-url", xrpc.url)
    assert result.exit_code == 0, result.output
    assert len(offline) == 3 and all(0 < w <= 4 for w in offline)
    assert len(post_ids(tmp_path / "b.db")) == 25


def test_persistent_server_error_ends_in_one_line(xrpc, tmp_path, offline):
    xrpc.always = "500"
    db = tmp_path / "b.db"
    result = miner(db, "harvest", "bluesky", "chatgpt", "--base-url", xrpc.url)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: bluesky: search failed: HTTP 500") and "--resume" in lines[0]
    assert len(offline) == 5
    assert runs(db)[0]["status"] == "failed" and runs(db)[0]["error"].startswith("bluesky:")


def test_unreachable_server_ends_in_one_line(tmp_path, offline):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    result = miner(tmp_path / "b.db", "harvest", "bluesky", "chatgpt", "--base-url", f"http://127.0.0.1:{port}")
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "Error: bluesky: login failed: ConnectError" in result.output


def test_expired_token_is_refreshed(xrpc, tmp_path):
    xrpc.faults = ["ok", "expired"]
    result = miner(tmp_path / "b.db", "harvest", "bluesky", "chatgpt", "--base-url", xrpc.url)
    assert result.exit_code == 0, result.output
    assert xrpc.count("com.atproto.server.refreshSession") == 1
    auths = [a for n, _, a in xrpc.calls if n == SEARCH]
    assert auths[-1] == f"Bearer {xrpc.issued[2]}"  # the access token of the refreshed session
    assert len(post_ids(tmp_path / "b.db")) == 25


def test_token_near_its_expiry_is_refreshed_before_the_call(xrpc, tmp_path):
    xrpc.access_ttl = 60  # the SDK refreshes when less than 15 min are left
    result = miner(tmp_path / "b.db", "harvest", "bluesky", "chatgpt", "--base-url", xrpc.url)
    assert result.exit_code == 0, result.output
    assert xrpc.count("com.atproto.server.refreshSession") == 3  # before each of the 3 pages
    assert len(post_ids(tmp_path / "b.db")) == 25


def test_session_that_cannot_be_refreshed_is_a_one_line_error(xrpc, tmp_path):
    xrpc.faults, xrpc.refresh_ok = ["expired"], False
    with pytest.raises(HarvestError, match="session expired and could not be refreshed"):
        bluesky.harvest_bluesky(Store(tmp_path / "b.db"), "chatgpt", base_url=xrpc.url)


def test_missing_credentials_name_every_way_to_give_them(tmp_path, monkeypatch):
    monkeypatch.delenv("BSKY_APP_PASSWORD")
    db = tmp_path / "b.db"
    result = miner(db, "harvest", "bluesky", "chatgpt")
    assert result.exit_code == 1
    message = result.output.strip()
    assert message.count("\n") == 0 and "no app password" in message
    for way in ("BSKY_HANDLE", "BSKY_APP_PASSWORD", "[bluesky]", "app_password",
                str(tmp_path / "no-config.toml"), "$MINER_CONFIG", "app-passwords"):
        assert way in message
    assert runs(db) == []


def test_credentials_and_base_url_from_the_config_file(xrpc, tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text(f'[bluesky]\nhandle = "@{HANDLE}"\napp_password = "{PASSWORD}"\nbase_url = "{xrpc.url}"\n')
    monkeypatch.setenv("MINER_CONFIG", str(config))
    monkeypatch.delenv("BSKY_HANDLE")
    monkeypatch.delenv("BSKY_APP_PASSWORD")
    result = miner(tmp_path / "b.db", "harvest", "bluesky", "chatgpt", "--limit", "5")
    assert result.exit_code == 0, result.output
    assert len(post_ids(tmp_path / "b.db")) == 5


def test_base_url_from_the_environment(xrpc, tmp_path, monkeypatch):
    monkeypatch.setenv("BSKY_BASE_URL", xrpc.url)
    result = miner(tmp_path / "b.db", "harvest", "bluesky", "openai")
    assert result.exit_code == 0, result.output
    assert len(post_ids(tmp_path / "b.db")) == 12


def test_credentials_never_reach_output_logs_database_or_errors(xrpc, tmp_path, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    db = tmp_path / "b.db"
    texts = []
    xrpc.faults = ["ok", "expired", "429", "500"]
    ok = miner(db, "-vv", "harvest", "bluesky", "chatgpt", "--base-url", xrpc.url, "--lang", "en")
    assert ok.exit_code == 0, ok.output
    xrpc.always = "503"
    failed = miner(db, "-vv", "harvest", "bluesky", "chatgpt", "--base-url", xrpc.url, "--lang", "en")
    assert failed.exit_code == 1
    texts += [ok.output, failed.output]
    with pytest.raises(HarvestError) as error:
        bluesky.harvest_bluesky(Store(db), "x", base_url=xrpc.url)
    texts += [str(error.value), "".join(traceback.format_exception(error.value))]
    monkeypatch.setenv("BSKY_APP_PASSWORD", "wrong-" + PASSWORD)
    refused = miner(db, "-vv", "harvest", "bluesky", "chatgpt", "--base-url", xrpc.url)
    assert refused.exit_code == 1 and "login refused (401 AuthenticationRequired)" in refused.output
    texts += [refused.output, caplog.text]
    Store(db).close()
    texts += [Path(f).read_bytes().decode("utf-8", "replace")
              for f in (db, Path(f"{db}-wal")) if Path(f).exists()]
    texts += [json.dumps(runs(db))]
    secrets = [PASSWORD, HANDLE, *xrpc.issued]
    assert len(xrpc.issued) >= 4 and "HTTP Request" in caplog.text  # the logs were on
    for text in texts:
        for secret in secrets:
            assert secret not in text
    assert json.loads(runs(db)[0]["params"]) == {"base_url": xrpc.url, "lang": "en"}


def use_services(monkeypatch, expand_query=None) -> None:
    """Stand in for miner/nlp/services.py (written elsewhere), imported or not yet."""
    import miner.nlp

    stub = types.ModuleType("miner.nlp.services")
    if expand_query:
        stub.expand_query = expand_query
    monkeypatch.setitem(sys.modules, "miner.nlp.services", stub)
    monkeypatch.setattr(miner.nlp, "services", stub, raising=False)


def test_service_expands_into_several_queries(xrpc, tmp_path, monkeypatch):
    use_services(monkeypatch, lambda name: {"chatgpt": 'chatgpt OR "openai"'}[name])
    result = miner(tmp_path / "b.db", "harvest", "bluesky", "--service", "chatgpt", "--base-url", xrpc.url)
    assert result.exit_code == 0, result.output
    assert "25 new, 12 already known" in result.output  # every openai post also says chatgpt
    assert [q["q"] for q in xrpc.searches()] == ["chatgpt"] * 3 + ['"openai"'] * 2
    assert runs(tmp_path / "b.db")[0]["query"] == 'chatgpt OR "openai"'
    with pytest.raises(HarvestError, match="unknown service"):
        bluesky.service_terms("nosuch")


def test_service_falls_back_to_the_local_words(monkeypatch):
    use_services(monkeypatch)  # a services module without expand_query()
    assert bluesky.service_terms("ChatGPT") == ["chatgpt", "openai", "#chatgptdown"]
    assert bluesky.track_terms("OpenAI, outage", "chatgpt") == ["OpenAI", "outage", "chatgpt", "#chatgptdown"]


def test_service_words_come_from_the_catalogue_or_the_fallback():
    assert "chatgpt" in [t.lower() for t in bluesky.service_terms("chatgpt")]


def test_search_cursor_resumes_inside_the_query_it_stopped_in(xrpc):
    client = bluesky.login(xrpc.url)
    pages = bluesky.search_pages(client, ["chatgpt", "openai"])
    batches = list(pages("1|10"))
    assert [q["q"] for q in xrpc.searches()] == ["openai"]
    assert xrpc.searches()[0]["cursor"] == "10"
    assert [len(b.posts) for b in batches] == [2] and batches[-1].cursor == "2|"
    assert list(pages("2|")) == []


def test_kill_9_mid_run_then_resume_stores_every_post_once(xrpc, tmp_path):
    xrpc.posts = [post_view(i) for i in range(50)]
    xrpc.faults = ["ok", "ok", "hang"]  # the third page never comes: kill -9 while waiting for it
    db = tmp_path / "b.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BSKY_HANDLE": HANDLE, "BSKY_APP_PASSWORD": PASSWORD}
    child = subprocess.Popen(
        [sys.executable, "-c", "from miner.cli import cli; cli()", "--db", str(db),
         "harvest", "bluesky", "chatgpt", "--base-url", xrpc.url],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert xrpc.hanging.wait(20), "the child never asked for page 3"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    xrpc.release.set()
    assert len(post_ids(db)) == 20
    killed = runs(db)[0]
    assert killed["status"] == "running" and killed["cursor"] == "0|20"

    result = miner(db, "harvest", "bluesky", "chatgpt", "--base-url", xrpc.url, "--resume")
    assert result.exit_code == 0, result.output
    assert "resumed run 1 done: 30 new, 0 already known" in result.output
    assert xrpc.searches()[3].get("cursor") == "20"  # went on from the cursor, not the start
    assert post_ids(db) == sorted(p["uri"] for p in xrpc.posts)
    run = runs(db)[0]
    assert (run["status"], run["n_new"], run["n_known"], len(runs(db))) == ("done", 50, 0, 1)


# ---------------------------------------------------------------------------- stream
T0 = 1_770_130_800_000_000  # 2026-02-03T15:00:00Z in microseconds


def jet(i: int, text: str | None = None, *, kind: str = "commit", operation: str = "create",
        collection: str = "app.bsky.feed.post", **record: object) -> dict:
    """Jetstream event i (one second after event i-1)."""
    event = {"did": f"did:plc:user{i:03d}", "time_us": T0 + i * 1_000_000, "kind": kind}
    if kind == "commit":
        event["commit"] = {"rev": f"rev{i}", "operation": operation, "collection": collection,
                           "rkey": f"rkey{i:03d}", "cid": f"bafy{i}"}
        if operation == "create":
            event["commit"]["record"] = {"$type": collection, "text": text or "",
                                         "createdAt": "2026-02-03T15:00:00.000Z", "langs": ["en"], **record}
    else:
        event[kind] = {"did": event["did"], "seq": i}
    return event


def tag_facet(tag: str) -> list[dict]:
    return [{"index": {"byteStart": 0, "byteEnd": len(tag) + 1},
             "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": tag}]}]


EVENTS = [
    jet(0, "ChatGPT is down for me"),
    jet(1, "I love pizza"),
    jet(2, collection="app.bsky.feed.like"),
    jet(3, "chatgptish is not a word"),
    jet(4, kind="identity"),
    jet(5, "can't log in at all", facets=tag_facet("ChatGPTDown")),
    jet(6, operation="delete"),
    jet(7, "OpenAI's API returns 500"),
    jet(8, "ugh", tags=["chatgpt"]),
    jet(9, "nothing to see"),
    jet(10, "#ChatGPTDown again?"),
    jet(11, "all fine here"),
    jet(12, "openai status page: all good"),
]
MATCHING = [0, 5, 7, 8, 10, 12]
TRACK = ["--track", "chatgpt,openai,#chatgptdown"]


def uri(i: int) -> str:
    return f"at://did:plc:user{i:03d}/app.bsky.feed.post/rkey{i:03d}"


class FakeJetstream:
    """Sends EVENTS from the cursor on, then idles; `drop_after[n]` cuts connection n short."""

    def __init__(self, events: list[dict]):
        self.events = events
        self.cursors: list[int | None] = []
        self.paths: list[str] = []
        self.drop_after: dict[int, int] = {}
        self.sent_all = threading.Event()

    def handler(self, ws) -> None:
        n = len(self.cursors)
        query = parse_qs(urlsplit(ws.request.path).query)
        cursor = int(query["cursor"][0]) if "cursor" in query else None
        self.cursors.append(cursor)
        self.paths.append(ws.request.path)
        sent = 0
        for event in self.events:
            if cursor is not None and event["time_us"] < cursor:
                continue
            if sent == self.drop_after.get(n):
                ws.socket.shutdown(socket.SHUT_RDWR)  # no close frame: a dropped connection
                return
            ws.send(json.dumps(event))
            sent += 1
        self.sent_all.set()
        try:
            ws.recv()  # idle until the client goes
        except ConnectionClosed:
            pass


@pytest.fixture
def jetstream():
    fake = FakeJetstream(EVENTS)
    server = serve(fake.handler, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fake.url = f"ws://127.0.0.1:{server.socket.getsockname()[1]}/subscribe"
    yield fake
    server.shutdown()


@pytest.mark.parametrize("text, hit", [
    ("ChatGPT is down", True), ("is chatgpt down?", True), ("chatgptish", False),
    ("xchatgpt", False), ("OpenAI's status page", True), ("#chatgptdown now", True),
    ("#ChatGPTDown", True), ("chatgptdown", False), ("chat gpt", False),
])
def test_matcher_words_any_case(text, hit):
    assert bluesky.matcher(["chatgpt", "openai", "#chatgptdown"])({"text": text}) is hit


def test_matcher_tags_and_phrases():
    match = bluesky.matcher(["#chatgptdown", "open ai"])
    assert match({"text": "no words", "facets": tag_facet("CHATGPTDOWN")})
    assert match({"text": "no words", "tags": ["chatgptdown"]})
    assert match({"text": "Open  AI is down"})
    assert not match({"text": "no words", "facets": tag_facet("other")})


def test_stream_keeps_matching_posts_and_saves_the_cursor(jetstream, tmp_path):
    db = tmp_path / "s.db"
    result = miner(db, "stream", "bluesky", *TRACK, "--jetstream", jetstream.url, "--max-posts", "6")
    assert result.exit_code == 0, result.output
    assert "run 1 stopped: 6 new" in result.output and "13 events read, 6 matched" in result.output
    assert post_ids(db) == sorted(uri(i) for i in MATCHING)
    run = runs(db)[0]
    assert run["status"] == "stopped" and run["cursor"] == str(EVENTS[-1]["time_us"])
    assert jetstream.cursors == [None] and "wantedCollections=app.bsky.feed.post" in jetstream.paths[0]
    post = next(Store(db).posts("id = ?", [uri(5)]))
    assert post.url == "https://bsky.app/profile/did:plc:user005/post/rkey005"
    assert post.author == "did:plc:user005" and post.lang == "en"
    assert post.raw["record"]["facets"] and post.raw["indexedAt"] == "2026-02-03T15:00:05.000000Z"


def test_stream_max_posts_then_resume_from_the_cursor(jetstream, tmp_path):
    db = tmp_path / "s.db"
    first = miner(db, "stream", "bluesky", *TRACK, "--jetstream", jetstream.url, "--max-posts", "2")
    assert first.exit_code == 0, first.output
    assert post_ids(db) == sorted(uri(i) for i in MATCHING[:2])
    assert runs(db)[0]["cursor"] == str(EVENTS[5]["time_us"])

    second = miner(db, "stream", "bluesky", "--track", "#ChatGPTDown, OpenAI,chatgpt", "--resume",
                   "--jetstream", jetstream.url, "--max-posts", "4")
    assert second.exit_code == 0, second.output
    # the 5 s before the cursor come again (events 0 and 5): stored once, not counted
    assert "resumed run 1 stopped: 4 new, 2 already known" in second.output
    assert jetstream.cursors[1] == EVENTS[5]["time_us"] - bluesky.REWIND_US
    assert post_ids(db) == sorted(uri(i) for i in MATCHING)
    run = runs(db)[0]
    assert (len(runs(db)), run["n_new"], run["cursor"]) == (1, 6, str(EVENTS[-1]["time_us"]))


def test_stream_reconnects_after_the_server_drops_it(jetstream, tmp_path, offline):
    jetstream.drop_after = {0: 4}
    db = tmp_path / "s.db"
    result = miner(db, "stream", "bluesky", *TRACK, "--jetstream", jetstream.url, "--max-posts", "6")
    assert result.exit_code == 0, result.output
    assert jetstream.cursors == [None, EVENTS[3]["time_us"] - bluesky.REWIND_US]
    assert sum(offline) > 0  # backed off before reconnecting
    assert post_ids(db) == sorted(uri(i) for i in MATCHING)
    assert runs(db)[0]["n_new"] == 6


def test_stream_duration_bounds_a_run(jetstream, tmp_path):
    began = time.monotonic()
    result = miner(tmp_path / "s.db", "stream", "bluesky", "--track", "nothing-matches-this",
                   "--jetstream", jetstream.url, "--duration", "0.5")
    assert result.exit_code == 0, result.output
    assert time.monotonic() - began < 5 and "stopped: 0 new" in result.output
    assert runs(tmp_path / "s.db")[0]["status"] == "stopped"


def test_stream_gives_up_on_a_dead_server_in_one_line(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = miner(tmp_path / "s.db", "stream", "bluesky", *TRACK, "--jetstream", f"ws://127.0.0.1:{port}/")
    assert result.exit_code == 1
    assert result.output.startswith("Error: bluesky: Jetstream unreachable") and result.output.count("\n") == 1


def test_stream_commits_every_2s_and_ctrl_c_stops_cleanly(jetstream, tmp_path):
    db = tmp_path / "s.db"
    child = subprocess.Popen(
        [sys.executable, "-c", "from miner.cli import cli; cli()", "--db", str(db), "stream", "bluesky",
         *TRACK, "--jetstream", jetstream.url],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # the periodic commit, with no post limit reached
            if saved_cursor(db) == str(EVENTS[-1]["time_us"]):
                break
            time.sleep(0.1)
        assert post_ids(db) == sorted(uri(i) for i in MATCHING)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=10)
    finally:
        child.kill()
    assert child.returncode == 0, err
    assert "run 1 stopped: 6 new" in err and "13 events read" in err and "Traceback" not in err
    assert runs(db)[0]["status"] == "stopped"


# ------------------------------------------------------------------------------ live
@pytest.mark.live
def test_live_search(tmp_path):
    if not bluesky.setting("bluesky", "app_password", env="BSKY_APP_PASSWORD"):
        pytest.skip("needs BSKY_HANDLE and BSKY_APP_PASSWORD")
    summary = bluesky.harvest_bluesky(Store(tmp_path / "live.db"), "chatgpt", limit=30)
    assert summary.status == "done" and summary.new == 30


@pytest.mark.live
def test_live_jetstream(tmp_path):
    summary = bluesky.stream_bluesky(Store(tmp_path / "live.db"), ["the", "a", "i"], duration=10)
    assert summary.extra["events"] > 0 and summary.extra["cursor"]
