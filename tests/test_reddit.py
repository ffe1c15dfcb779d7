"""The Reddit collector against a local fake of Reddit's API, through the real praw client.

The fake speaks Reddit's wire format: the OAuth token endpoint, listings for
/r/{sub}/search, /r/{sub}/new and /r/{sub}/comments, /comments/{id} trees with "more"
stubs, /api/morechildren. Nothing here reaches the internet.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import praw
import prawcore
import pytest
from click.testing import CliRunner
from praw.config import Config

from miner.cli import cli
from miner.collectors import reddit as rd
from miner.collectors.base import HarvestError
from miner.records import Post
from miner.store import Store

ROOT = Path(__file__).resolve().parents[1]
CLIENT_ID = "fake-client-id-7Hq2"
SECRET = "fake-client-secret-Zx81Kp"
TOKEN = "fake-bearer-token-Q9w3"
T0 = 1770112800  # 2026-02-03T10:00:00Z


# ---------------------------------------------------------------------------- fake Reddit
def submission(i: int, n_comments: int = 0) -> dict[str, Any]:
    sid = f"s{i:04d}"
    return {
        "id": sid, "name": f"t3_{sid}", "title": f"Is ChatGPT down? ({i})",
        "selftext": f"Getting error 503 since {i} minutes" if i % 2 else "",
        "author": f"user{i}", "author_fullname": f"t2_u{i}", "subreddit": "ChatGPT",
        "subreddit_id": "t5_7hqomg", "subreddit_name_prefixed": "r/ChatGPT",
        "permalink": f"/r/ChatGPT/comments/{sid}/is_chatgpt_down_{i}/",
        "url": f"https://www.reddit.com/r/ChatGPT/comments/{sid}/is_chatgpt_down_{i}/",
        "created_utc": float(T0 - 60 * i), "num_comments": n_comments, "score": 3,
        "ups": 3, "upvote_ratio": 0.8, "is_self": True, "over_18": False,
        "domain": "self.ChatGPT", "link_flair_text": "Other", "stickied": False,
    }


def comment(sid: str, cid: str, body: str, parent: str | None = None, author: str | None = "bob",
            replies: list[dict[str, Any]] | None = None, depth: int = 0) -> dict[str, Any]:
    data = {
        "id": cid, "name": f"t1_{cid}", "body": body, "author": author, "link_id": f"t3_{sid}",
        "parent_id": parent or f"t3_{sid}", "subreddit": "ChatGPT", "subreddit_id": "t5_7hqomg",
        "permalink": f"/r/ChatGPT/comments/{sid}/x/{cid}/", "created_utc": float(T0 + 5),
        "score": 1, "depth": depth, "controversiality": 0, "is_submitter": False,
        "replies": listing(replies) if replies else "",
    }
    return {"kind": "t1", "data": data}


def listing(children: list[dict[str, Any]], after: str | None = None) -> dict[str, Any]:
    return {"kind": "Listing", "data": {"after": after, "before": None, "dist": len(children),
                                        "modhash": "", "geo_filter": "", "children": children}}


class FakeReddit:
    """State and behaviour of the fake: submissions newest first, comment trees, faults."""

    def __init__(self, n: int = 7, page_size: int = 3):
        self.page_size = page_size
        self.subs: list[dict[str, Any]] = []
        self.trees: dict[str, list[dict[str, Any]]] = {}
        self.more: dict[str, list[dict[str, Any]]] = {}
        self.requests: list[tuple[str, str, dict[str, list[str]]]] = []
        self.faults: list[tuple[str, int, dict[str, str]]] = []  # (path part, status, headers)
        self.hook = None  # called with (method, path) before each answer
        self.auth_headers: list[str] = []
        for i in range(1, n + 1):
            self.add(i)

    def add(self, i: int, first: bool = False) -> None:
        """Submission i with a comment tree: none, one, a nested reply, or a "more" stub."""
        sid = f"s{i:04d}"
        kind = i % 4
        tree: list[dict[str, Any]] = []
        if kind >= 1:
            tree.append(comment(sid, f"c{i}a", f"down for me too, {i}"))
        if kind >= 2:
            tree.append(comment(sid, f"c{i}b", "same here", replies=[
                comment(sid, f"c{i}c", "fixed now", parent=f"t1_c{i}b", depth=1)]))
            tree.append(comment(sid, f"c{i}d", "[deleted]", author="[deleted]"))
        if kind == 3:  # a megathread: Reddit sends a "more" stub for the rest
            extra = [comment(sid, f"c{i}m{j}", f"error 500 in EU {j}") for j in range(2)]
            self.more[sid] = extra
            tree.append({"kind": "more", "data": {
                "count": 2, "name": f"t1_m{i}", "id": f"m{i}", "parent_id": f"t3_{sid}",
                "depth": 0, "children": [c["data"]["id"] for c in extra]}})
        self.trees[sid] = tree
        total = sum(1 for _ in self.flat(tree)) + len(self.more.get(sid, []))
        data = submission(i, total)
        if first:
            self.subs.insert(0, data)
        else:
            self.subs.append(data)

    @staticmethod
    def flat(tree):
        for item in tree:
            if item["kind"] == "t1":
                yield item["data"]
                if item["data"]["replies"]:
                    yield from FakeReddit.flat(item["data"]["replies"]["data"]["children"])

    def expected_ids(self) -> set[str]:
        ids = {s["name"] for s in self.subs}
        for sid, tree in self.trees.items():
            ids |= {c["name"] for c in self.flat(tree) if c["body"] != "[deleted]"}
            ids |= {c["data"]["name"] for c in self.more.get(sid, [])}
        return ids

    def page(self, items: list[dict[str, Any]], query: dict[str, list[str]],
             kind: str = "t3") -> dict[str, Any]:
        """A listing page of `items` (data dicts) after/before a fullname, up to the limit."""
        names = [s["name"] for s in items]
        start = 0
        if "after" in query:
            start = names.index(query["after"][0]) + 1
        if "before" in query:
            items = items[:names.index(query["before"][0])] if query["before"][0] in names else items
        size = min(int(query.get("limit", ["25"])[0]), self.page_size)
        chunk = items[start:start + size]
        after = chunk[-1]["name"] if chunk and start + size < len(items) else None
        return listing([{"kind": kind, "data": s} for s in chunk], after)

    def answer(self, method: str, path: str, query: dict[str, list[str]], form: dict[str, list[str]],
               headers: Any) -> tuple[int, dict[str, str], Any]:
        for n, (part, status, extra) in enumerate(self.faults):
            if part in path:
                del self.faults[n]
                return status, extra, {"message": "fault", "error": status}
        if path == "/api/v1/access_token/":
            expected = base64.b64encode(f"{CLIENT_ID}:{SECRET}".encode()).decode()
            if headers.get("Authorization") != f"Basic {expected}":
                return 401, {}, {"message": "Unauthorized", "error": 401}
            return 200, {}, {"access_token": TOKEN, "token_type": "bearer",
                             "expires_in": 86400, "scope": "*"}
        self.auth_headers.append(headers.get("Authorization", ""))
        if headers.get("Authorization") != f"bearer {TOKEN}":
            return 401, {}, {"message": "Unauthorized", "error": 401}
        limits = {"x-ratelimit-remaining": "590.0", "x-ratelimit-used": "10",
                  "x-ratelimit-reset": "300"}
        parts = path.strip("/").split("/")
        if parts[:2] == ["r", "ChatGPT"] and parts[2] in ("search", "new"):
            return 200, limits, self.page(self.subs, query)
        if parts[:2] == ["r", "ChatGPT"] and parts[2] == "comments":
            flat = sorted((c for tree in self.trees.values() for c in self.flat(tree)),
                          key=lambda c: c["name"], reverse=True)
            return 200, limits, self.page(flat, query, "t1")
        if parts[0] == "comments":
            sid = parts[1]
            sub = next(s for s in self.subs if s["id"] == sid)
            return 200, limits, [listing([{"kind": "t3", "data": sub}]),
                                 listing(self.trees[sid])]
        if path == "/api/morechildren/":
            sid = form["link_id"][0].removeprefix("t3_")
            wanted = set(form["children"][0].split(","))
            things = [c for c in self.more[sid] if c["data"]["id"] in wanted]
            return 200, limits, {"json": {"errors": [], "data": {"things": things}}}
        if parts[:2] == ["r", "Nope"]:
            return 404, {}, {"message": "Not Found", "error": 404}
        return 404, {}, {"message": "Not Found", "error": 404}


class Handler(BaseHTTPRequestHandler):
    fake: FakeReddit

    def log_message(self, *args: Any) -> None:
        pass

    def handle_one(self, method: str) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(length).decode()) if length else {}
        fake = self.server.fake  # type: ignore[attr-defined]
        path = url.path.rstrip("/") + "/"  # praw asks for both r/x/new and r/x/new/
        fake.requests.append((method, path, query))
        if fake.hook:
            fake.hook(method, path)
        status, headers, body = fake.answer(method, path, query, form, self.headers)
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client was killed on purpose
            pass

    def do_GET(self) -> None:
        self.handle_one("GET")

    def do_POST(self) -> None:
        self.handle_one("POST")


@pytest.fixture
def fake():
    state = FakeReddit()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.fake = state  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def isolated(request, tmp_path, monkeypatch):
    """No praw.ini or praw_* variables of the machine; praw's own retry waits made instant."""
    if request.node.get_closest_marker("live"):
        return
    for key in list(os.environ):
        if key.lower().startswith("praw_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(Config, "CONFIG", None)  # praw caches praw.ini per process
    monkeypatch.setattr(prawcore.sessions.FiniteRetryStrategy, "_sleep_seconds", lambda self: None)


@pytest.fixture
def client(fake):
    return rd.reddit_client(client_id=CLIENT_ID, client_secret=SECRET, user_agent="miner-tests/1",
                            oauth_url=fake.url, reddit_url=fake.url)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "t.db")
    yield s
    s.close()


def praw_ini(fake: FakeReddit, directory: Path, secret: str | None = SECRET) -> dict[str, str]:
    """A praw.ini site pointing at the fake (with credentials unless secret is None), and
    the environment that selects it."""
    directory.mkdir(exist_ok=True)
    credentials = f"client_id={CLIENT_ID}\nclient_secret={secret}\n" if secret else ""
    (directory / "praw.ini").write_text(
        f"[fake]\n{credentials}user_agent=miner-tests/1\noauth_url={fake.url}\nreddit_url={fake.url}\n")
    return {"praw_site": "fake", "PRAW_ALLOW_ENDPOINT_OVERRIDE": "1"}


def no_sleep_log():
    waits: list[float] = []
    return waits, waits.append


def ids(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("select id from posts where source = 'reddit'")]


# --------------------------------------------------------------------------------- mapping
def test_submission_and_comment_map_into_posts(client):
    sub = praw.models.Submission(client, _data=submission(3, 5))
    post = rd.post_from_submission(sub)
    assert (post.source, post.id, post.author) == ("reddit", "t3_s0003", "user3")
    assert post.text == "Is ChatGPT down? (3)\n\nGetting error 503 since 3 minutes"
    assert post.url == "https://www.reddit.com/r/ChatGPT/comments/s0003/is_chatgpt_down_3/"
    assert post.to_row()["created_at"] == "2026-02-03T09:57:00Z"
    assert post.raw["subreddit"] == "ChatGPT" and post.raw["num_comments"] == 5
    assert not any(k.startswith("_") for k in post.raw)
    json.dumps(post.raw)  # JSON as it came, authors and subreddits as names

    com = praw.models.Comment(client, _data=comment("s0003", "c9", "HTTP 502 again")["data"])
    post = rd.post_from_comment(com)
    assert (post.id, post.text, post.author) == ("t1_c9", "HTTP 502 again", "bob")
    assert post.url == "https://www.reddit.com/r/ChatGPT/comments/s0003/x/c9/"
    assert post.raw["link_id"] == "t3_s0003" and "replies" not in post.raw


def test_deleted_author_and_empty_selftext():
    data = submission(2)
    data["author"] = "[deleted]"  # what Reddit sends; praw makes it None
    post = rd.post_from_submission(praw.models.Submission(praw_reddit_offline(), _data=data))
    assert post.author is None and post.text == "Is ChatGPT down? (2)"


def praw_reddit_offline():
    return praw.Reddit(client_id="x", client_secret="y", user_agent="miner-tests/1",
                       check_for_updates=False, check_for_async=False)


# --------------------------------------------------------------------------------- harvest
def test_pages_submissions_and_comments_then_dedups(fake, client, store):
    summary = rd.harvest_reddit(store, "ChatGPT", "down OR outage", reddit=client,
                                time_filter="day", sleep=pytest.fail)
    assert set(ids(store)) == fake.expected_ids()
    assert summary.new == len(fake.expected_ids()) and summary.status == "done"
    deleted = [c for t in fake.trees.values() for c in fake.flat(t) if c["body"] == "[deleted]"]
    assert summary.skipped == len(deleted) > 0
    searches = [q for m, p, q in fake.requests if p == "/r/ChatGPT/search/"]
    assert [q.get("after") for q in searches] == [None, ["t3_s0003"], ["t3_s0006"]]
    assert searches[0]["q"] == ["down OR outage"] and searches[0]["t"] == ["day"]
    assert searches[0]["sort"] == ["new"] and searches[0]["restrict_sr"] == ["True"]
    assert any(p == "/api/morechildren/" for m, p, q in fake.requests)
    commented = {p.split("/")[2] for m, p, q in fake.requests if p.startswith("/comments/")}
    assert commented == {s["id"] for s in fake.subs if s["num_comments"]}  # none for 0 comments
    assert all(h == f"bearer {TOKEN}" for h in fake.auth_headers)

    again = rd.harvest_reddit(store, "ChatGPT", "down OR outage", reddit=client, time_filter="day")
    assert (again.new, again.known) == (0, summary.new)
    assert store.count("posts") == summary.new


def test_no_query_reads_new_and_no_comments(fake, client, store):
    summary = rd.harvest_reddit(store, "r/ChatGPT", None, comments=False, reddit=client)
    assert summary.new == len(fake.subs)
    assert {p for m, p, q in fake.requests if m == "GET"} == {"/r/ChatGPT/new/"}


def test_limit_stops_early(fake, client, store):
    summary = rd.harvest_reddit(store, "ChatGPT", "down", limit=4, comments=False, reddit=client)
    assert summary.new == 4 and store.count("posts") == 4


@pytest.mark.parametrize("headers", [
    {"Retry-After": "7", "x-ratelimit-reset": "7"},
    {"x-ratelimit-remaining": "0", "x-ratelimit-used": "600", "x-ratelimit-reset": "7"},
], ids=["retry-after", "x-ratelimit-reset"])
def test_429_waits_what_reddit_asks(fake, client, store, monkeypatch, headers):
    monkeypatch.setattr(prawcore.rate_limit.RateLimiter, "delay", lambda self: None)
    fake.faults.append(("/search/", 429, headers))
    waits, sleep = no_sleep_log()
    summary = rd.harvest_reddit(store, "ChatGPT", "down", comments=False, reddit=client, sleep=sleep)
    assert waits == [7.0]
    assert summary.new == len(fake.subs)


def test_5xx_is_retried_then_succeeds(fake, client, store):
    # praw tries 3 times itself; the fourth 503 is answered by our own retry
    fake.faults += [("/search/", 503, {})] * 4
    waits, sleep = no_sleep_log()
    summary = rd.harvest_reddit(store, "ChatGPT", "down", comments=False, reddit=client, sleep=sleep)
    assert len(waits) == 1 and summary.new == len(fake.subs)


def test_persistent_5xx_is_one_line_error(fake, client, store):
    fake.faults += [("/search/", 500, {})] * 100
    waits, sleep = no_sleep_log()
    with pytest.raises(HarvestError) as err:
        rd.harvest_reddit(store, "ChatGPT", "down", reddit=client, sleep=sleep)
    message = str(err.value)
    assert "\n" not in message and message.startswith("reddit: HTTP 500") and "--resume" in message
    assert len(waits) == 5
    assert store.run(1)["status"] == "failed"


def test_network_errors_are_retried_then_one_line_error(store):
    with socket.socket() as sock:  # a port where nothing listens
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
    client = rd.reddit_client(client_id=CLIENT_ID, client_secret=SECRET, user_agent="miner-tests/1",
                              oauth_url=closed, reddit_url=closed)
    waits, sleep = no_sleep_log()
    with pytest.raises(HarvestError) as err:
        rd.harvest_reddit(store, "ChatGPT", "down", reddit=client, sleep=sleep)
    assert str(err.value).startswith("reddit: network error (r/ChatGPT): ConnectionError")
    assert len(waits) == 5 and SECRET not in str(err.value)


def test_unknown_subreddit_is_one_line_error(fake, client, store):
    with pytest.raises(HarvestError, match=r"^reddit: not found \(r/Nope\)"):
        rd.harvest_reddit(store, "Nope", "down", reddit=client)


def test_missing_credentials_say_every_way_to_give_them(store, monkeypatch):
    with pytest.raises(HarvestError) as err:
        rd.reddit_client()
    message = str(err.value)
    assert message.startswith("reddit: missing client_id and client_secret")
    for way in ("praw.ini", "~/.config/praw.ini", "praw_client_id", "praw_client_secret",
                "https://www.reddit.com/prefs/apps"):
        assert way in message
    monkeypatch.setenv("praw_client_id", CLIENT_ID)
    with pytest.raises(HarvestError, match="^reddit: missing client_secret;"):
        rd.reddit_client()

    result = CliRunner().invoke(cli, ["--db", "x.db", "harvest", "reddit", "-r", "ChatGPT"])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "praw_client_secret" in result.output


@pytest.mark.parametrize("where", ["praw.ini", "environment"])
def test_cli_takes_credentials_from_praw_ini_or_environment(fake, tmp_path, monkeypatch, where):
    env = praw_ini(fake, tmp_path, SECRET if where == "praw.ini" else None)
    if where == "environment":
        env.update(praw_client_id=CLIENT_ID, praw_client_secret=SECRET)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = CliRunner().invoke(cli, ["--db", "c.db", "harvest", "reddit", "-r", "ChatGPT",
                                      "--query", "down", "--no-comments", "--limit", "5"])
    assert result.exit_code == 0, result.output
    assert "reddit: run 1 done: 5 new" in result.output


def test_service_replaces_the_query(fake, tmp_path, monkeypatch):
    pytest.importorskip("miner.nlp.services")
    for key, value in praw_ini(fake, tmp_path).items():
        monkeypatch.setenv(key, value)
    result = CliRunner().invoke(cli, ["--db", "sv.db", "harvest", "reddit", "-r", "ChatGPT",
                                      "--service", "chatgpt", "--no-comments"])
    assert result.exit_code == 0, result.output
    q = [q["q"][0] for m, p, q in fake.requests if p == "/r/ChatGPT/search/"][0]
    assert q == rd.service_query("chatgpt") and " OR " in q and '"chat gpt"' in q
    result = CliRunner().invoke(cli, ["--db", "sv.db", "harvest", "reddit", "-r", "ChatGPT",
                                      "--service", "no-such-service"])
    assert result.exit_code == 1 and "unknown service 'no-such-service'" in result.output


def test_stream_query_terms():
    assert rd.query_terms('down OR "not working" OR (outage)') == ["down", "not working", "outage"]
    keep = rd.matcher("down OR 503")
    assert keep(Post("reddit", "1", "ChatGPT is DOWN", None))
    assert not keep(Post("reddit", "2", "downtime 5033", None))


# --------------------------------------------------------------------- secrets, kill, resume
def miner(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen:
    full_env = {**{k: v for k, v in os.environ.items() if not k.lower().startswith("praw_")},
                "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(cwd / "xdg"), **env}
    return subprocess.Popen([sys.executable, "-c", "from miner.cli import cli; cli()", *args],
                            cwd=cwd, env=full_env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_secrets_never_reach_the_database_or_logs(fake, tmp_path):
    env = praw_ini(fake, tmp_path)
    proc = miner(["-vv", "--db", "s.db", "harvest", "reddit", "-r", "ChatGPT", "--query", "down"],
                 tmp_path, env)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "DEBUG" in err  # the most talkative log level was on
    bad = praw_ini(fake, tmp_path / "bad", secret="wrong-secret-Vb55")
    proc = miner(["--db", "s.db", "harvest", "reddit", "-r", "ChatGPT", "--query", "down"],
                 tmp_path / "bad", bad)
    out2, err2 = proc.communicate(timeout=20)
    assert proc.returncode == 1 and "refused the credentials" in err2
    assert err2.strip().count("\n") == 0  # one line
    blobs = out + err + out2 + err2
    for path in tmp_path.glob("s.db*"):
        blobs += path.read_bytes().decode("latin-1")
    for secret in (SECRET, TOKEN, "wrong-secret-Vb55", CLIENT_ID):
        assert secret not in blobs


def test_killed_run_resumes_with_every_post_once(fake, tmp_path):
    fake.subs.clear(), fake.trees.clear(), fake.more.clear()
    for i in range(1, 10):
        fake.add(i)
    env = praw_ini(fake, tmp_path)
    args = ["--db", "k.db", "harvest", "reddit", "-r", "ChatGPT", "--query", "down OR outage"]
    comment_requests: list[str] = []
    proc: subprocess.Popen | None = None

    def kill_in_page_two(method: str, path: str) -> None:
        if path.startswith("/comments/"):
            comment_requests.append(path.split("/")[2])
            if len(comment_requests) == 4 and proc is not None:  # s0001..3 done, s0005 started
                proc.send_signal(signal.SIGKILL)
                proc.wait()

    fake.hook = kill_in_page_two
    proc = miner(args, tmp_path, env)
    proc.communicate(timeout=20)
    assert proc.returncode == -signal.SIGKILL
    fake.hook = None
    first = sqlite3.connect(tmp_path / "k.db")
    before = {r[0] for r in first.execute("select id from posts")}
    status, cursor = first.execute("select status, cursor from runs").fetchone()
    first.close()
    assert status == "running" and json.loads(cursor)["after"] == "t3_s0003"
    assert 0 < len(before) < len(fake.expected_ids())

    n_requests = len(fake.requests)
    proc = miner([*args, "--resume"], tmp_path, env)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "reddit: resumed run 1 done" in err
    store = Store(tmp_path / "k.db")
    assert set(ids(store)) == fake.expected_ids()
    run = store.run(1)
    # the killed and the resumed halves add up, and nothing was stored twice
    assert (run["n_new"], run["n_known"]) == (len(fake.expected_ids()), 0)
    again = [p.split("/")[2] for m, p, q in fake.requests[n_requests:] if p.startswith("/comments/")]
    assert not set(again) & set(comment_requests[:3])  # finished submissions not read again
    store.close()


# --------------------------------------------------------------------------------- stream
def test_stream_stops_after_max_posts(fake, client, store):
    summary = rd.stream_reddit(store, "ChatGPT", max_posts=4, reddit=client, poll=0.01,
                               sleep=lambda s: None)
    assert summary.new == 4 and store.count("posts") == 4
    assert summary.status == "stopped"


def test_stream_picks_up_new_posts_until_duration(fake, client, store):
    polls = []

    def later_post(method: str, path: str) -> None:
        if path == "/r/ChatGPT/new/":
            polls.append(path)
            if len(polls) == 2:
                fake.add(99, first=True)

    fake.hook = later_post
    started = time.monotonic()
    summary = rd.stream_reddit(store, "ChatGPT", "503 OR 500", duration=0.6, poll=0.05,
                               reddit=client)
    assert time.monotonic() - started < 3
    texts = [p.text for p in store.posts()]
    assert texts and all("503" in t or "500" in t for t in texts)
    assert "t3_s0099" in ids(store)  # arrived while streaming
    assert summary.skipped > 0 and len(polls) >= 3


def test_stream_cli_bounded_and_ctrl_c_stops_cleanly(fake, tmp_path, monkeypatch):
    env = praw_ini(fake, tmp_path)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = CliRunner().invoke(cli, ["--db", "st.db", "stream", "reddit", "-r", "ChatGPT",
                                      "--max-posts", "3", "--poll", "0.01"])
    assert result.exit_code == 0, result.output
    assert "reddit: run 1 stopped: 3 new" in result.output

    proc = miner(["--db", "st2.db", "stream", "reddit", "-r", "ChatGPT", "--poll", "0.05"],
                 tmp_path, env)
    deadline = time.monotonic() + 15
    while sum(p == "/r/ChatGPT/comments/" for m, p, q in fake.requests) < 3:
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
    assert "Traceback" not in err
    assert proc.returncode == 0 and "reddit: run 1 stopped:" in err, err


# ----------------------------------------------------------------------------------- live
@pytest.mark.live
def test_live_reddit(tmp_path):
    try:
        client = rd.reddit_client()
    except HarvestError as exc:
        pytest.skip(str(exc))
    store = Store(tmp_path / "live.db")
    summary = rd.harvest_reddit(store, "ChatGPT", "down OR outage", time_filter="month",
                                limit=5, reddit=client, comments=False)
    assert summary.new + summary.known == 5
