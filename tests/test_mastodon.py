"""The Mastodon collector against local fakes of Mastodon instances, through Mastodon.py.

Each fake serves /api/v1/instance, /api/v2/instance (Mastodon.py asks which timelines
are public) and /api/v1/timelines/tag/{tag} with max_id/since_id/limit and Link headers.
Nothing here reaches the internet.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from miner import config
from miner.collectors import mastodon as md
from miner.collectors.base import HarvestError
from miner.store import Store

ROOT = Path(__file__).resolve().parents[1]
TAG = "chatgptdown"
BASE_ID = 113900000000000000
TOKEN = "fake-mastodon-token-Lm42"

CONTENT = (
    '<p>Is <a href="https://a.example/tags/ChatGPTDown" class="mention hashtag" rel="tag">'
    '#<span>ChatGPTDown</span></a> again? Error 503 from London<br />still broken. See '
    '<a href="https://status.openai.com/incidents/abc" target="_blank" rel="nofollow noopener">'
    '<span class="invisible">https://</span><span class="ellipsis">status.openai.com/incident'
    '</span><span class="invisible">s/abc</span></a></p><p>&amp; &lt;3</p>')


def status(n: int, domain: str, tag: str = TAG, user: str = "alice",
           home: str | None = None) -> dict[str, Any]:
    """A status as Mastodon 4.3 sends it; `home` is set for one federated from elsewhere."""
    sid = str(BASE_ID + n)
    origin = home or domain
    when = datetime(2026, 2, 3, 10, 0, tzinfo=timezone.utc) + timedelta(minutes=n)
    acct = f"{user}@{home}" if home else user
    return {
        "id": sid, "created_at": when.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "in_reply_to_id": None, "in_reply_to_account_id": None, "sensitive": False,
        "spoiler_text": "", "visibility": "public", "language": "en",
        "uri": f"https://{origin}/users/{user}/statuses/{sid}",
        "url": f"https://{origin}/@{user}/{sid}", "replies_count": 0, "reblogs_count": 1,
        "favourites_count": 2, "edited_at": None, "content": CONTENT.replace("503", f"503 #{n}"),
        "reblog": None, "application": None,
        "account": {"id": "7", "username": user, "acct": acct, "display_name": user.title(),
                    "locked": False, "bot": False, "discoverable": True, "group": False,
                    "created_at": "2022-11-01T00:00:00.000Z", "note": "<p>hi</p>",
                    "url": f"https://{origin}/@{user}", "uri": f"https://{origin}/users/{user}",
                    "avatar": f"https://{origin}/a.png", "avatar_static": f"https://{origin}/a.png",
                    "header": "", "header_static": "", "followers_count": 3, "following_count": 4,
                    "statuses_count": 50, "last_status_at": "2026-02-03", "emojis": [],
                    "fields": []},
        "media_attachments": [], "mentions": [], "emojis": [], "card": None, "poll": None,
        "tags": [{"name": tag, "url": f"https://{origin}/tags/{tag}"}],
    }


class FakeMastodon:
    def __init__(self, domain: str, n: int):
        self.domain = domain
        self.statuses = [status(i, domain) for i in range(1, n + 1)]
        self.statuses.append(status(n + 1, domain, tag="other"))
        self.requests: list[tuple[str, dict[str, list[str]], str | None]] = []
        self.faults: list[tuple[int, dict[str, str]]] = []
        self.hook = None
        self.link_on_short_page = True  # Mastodon does; some other servers do not

    def add(self, item: dict[str, Any]) -> None:
        self.statuses.append(item)

    def tagged(self) -> list[dict[str, Any]]:
        return sorted((s for s in self.statuses if any(t["name"] == TAG for t in s["tags"])),
                      key=lambda s: int(s["id"]), reverse=True)

    def timeline(self, url: str, tag: str, query: dict[str, list[str]]) -> tuple[list, dict]:
        found = [s for s in self.tagged() if any(t["name"] == tag for t in s["tags"])]
        one = {k: int(v[0]) for k, v in query.items() if k in ("max_id", "since_id", "min_id")}
        if "max_id" in one:
            found = [s for s in found if int(s["id"]) < one["max_id"]]
        if "since_id" in one:
            found = [s for s in found if int(s["id"]) > one["since_id"]]
        if "min_id" in one:  # the oldest ones just above min_id
            found = [s for s in found if int(s["id"]) > one["min_id"]][-40:]
        page = found[:min(int(query.get("limit", ["20"])[0]), 40)]
        headers = {}
        short = len(page) < min(int(query.get("limit", ["20"])[0]), 40)
        if page and (self.link_on_short_page or not short):
            headers["Link"] = (f'<{url}?max_id={page[-1]["id"]}>; rel="next", '
                               f'<{url}?min_id={page[0]["id"]}>; rel="prev"')
        return page, headers

    def answer(self, path: str, query: dict[str, list[str]], base: str) -> tuple[int, dict, Any]:
        if path == "/api/v1/instance":
            return 200, {}, {"uri": self.domain, "title": "Fake", "version": "4.3.2",
                             "urls": {"streaming_api": "wss://" + self.domain}}
        if path == "/api/v2/instance":
            public = {"local": "public", "remote": "public"}
            return 200, {}, {"domain": self.domain, "title": "Fake", "version": "4.3.2",
                             "configuration": {"timelines_access": {
                                 "live_feeds": public, "hashtag_feeds": public,
                                 "trending_link_feeds": public}}}
        if path.startswith("/api/v1/timelines/tag/"):
            if self.faults:
                code, headers = self.faults.pop(0)
                return code, headers, {"error": "fault"}
            tag = path.rsplit("/", 1)[1]
            page, headers = self.timeline(base + path, tag, query)
            return 200, headers, page
        return 404, {}, {"error": "Record not found"}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        fake: FakeMastodon = self.server.fake  # type: ignore[attr-defined]
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if url.path.startswith("/api/v1/timelines/"):
            fake.requests.append((url.path, query, self.headers.get("Authorization")))
            if fake.hook:
                fake.hook(url.path, query)
        base = f"http://{self.headers['Host']}"
        code, headers, body = fake.answer(url.path, query, base)
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client was killed on purpose
            pass


@pytest.fixture
def instances():
    """Two fake instances: A with 95 #chatgptdown statuses, B with 10; one status federated
    from elsewhere appears on both."""
    servers, fakes = [], []
    for domain, n in (("a.example", 95), ("b.example", 10)):
        fake = FakeMastodon(domain, n)
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.fake = fake  # type: ignore[attr-defined]
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        fake.url = f"http://127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
        fake.host = f"127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
        servers.append(server)
        fakes.append(fake)
    shared = status(500, "c.example", user="carol", home="c.example")
    for fake in fakes:
        fake.add(json.loads(json.dumps(shared)))
    yield fakes
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def isolated(request, tmp_path, monkeypatch):
    if request.node.get_closest_marker("live"):
        return
    monkeypatch.delenv("MASTODON_ACCESS_TOKEN", raising=False)
    monkeypatch.setenv("MINER_CONFIG", str(tmp_path / "config.toml"))
    config._load.cache_clear()  # the config file is cached per path


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "m.db")
    yield s
    s.close()


def expected(*fakes: FakeMastodon) -> set[str]:
    return {s["uri"] for f in fakes for s in f.tagged()}


def stored(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("select id from posts where source = 'mastodon'")]


def recorder():
    waits: list[float] = []
    return waits, waits.append


# --------------------------------------------------------------------------------- mapping
def test_html_to_text():
    assert md.html_to_text(CONTENT) == ("Is #ChatGPTDown again? Error 503 from London\n"
                                        "still broken. See https://status.openai.com/incidents/abc"
                                        "\n\n& <3")
    assert md.html_to_text(None) == ""


def test_status_maps_into_post(instances):
    a = instances[0]
    page = md.mastodon_client(a.url).timeline_hashtag(TAG, limit=2)
    post = md.post_from_status(page[0], a.url)  # as Mastodon.py hands it over
    assert post.source == "mastodon"
    assert post.id == "https://c.example/users/carol/statuses/113900000000000500"
    assert post.url == "https://c.example/@carol/113900000000000500"
    assert post.author == "carol@c.example" and post.lang == "en"
    assert post.text.startswith("Is #ChatGPTDown again? Error 503 #500 from London\nstill broken.")
    assert post.to_row()["created_at"] == "2026-02-03T18:20:00Z"
    raw = json.loads(post.to_row()["raw"])
    assert raw["created_at"] == "2026-02-03T18:20:00Z" and raw["account"]["acct"] == "carol@c.example"
    assert raw["content"] == page[0]["content"] and raw["tags"][0]["name"] == TAG

    local = md.post_from_status(page[1], a.url)
    assert local.author == f"alice@{a.host}"  # a local account gets the instance's host

    bare = dict(page[1], uri=None, url=None, spoiler_text="CW: outage")
    post = md.post_from_status(bare, a.url)
    assert post.id == f"{a.host}:{page[1]['id']}" and post.text.startswith("CW: outage\n\n")


# --------------------------------------------------------------------------------- harvest
def test_pages_several_instances_and_stores_federated_status_once(instances, store):
    a, b = instances
    summary = md.harvest_mastodon(store, [a.url, b.url + "/"], [f"#{TAG}"], sleep=pytest.fail)
    assert set(stored(store)) == expected(a, b)
    assert (summary.new, summary.known) == (len(expected(a, b)), 1)  # the shared one, twice
    max_ids = [q.get("max_id", [None])[0] for p, q, auth in a.requests]
    ids_a = [s["id"] for s in a.tagged()]
    assert max_ids == [None, ids_a[39], ids_a[79], ids_a[-1]]  # from the Link headers
    assert all(q["limit"] == ["40"] and "since_id" not in q for p, q, auth in a.requests)
    assert all(p == f"/api/v1/timelines/tag/{TAG}" and auth is None for p, q, auth in a.requests)
    cursor = json.loads(store.run(summary.run_id)["cursor"])
    assert set(cursor["feeds"]) == {f"{a.url}|{TAG}", f"{b.url}|{TAG}"}
    assert all(f["complete"] for f in cursor["feeds"].values())


def test_next_run_reads_only_what_is_newer(instances, store):
    a, b = instances
    first = md.harvest_mastodon(store, [a.url, b.url], [TAG])
    a.requests.clear(), b.requests.clear()
    second = md.harvest_mastodon(store, [a.url, b.url], [TAG])
    assert (second.new, second.known) == (0, 0)
    assert [q["since_id"] for p, q, auth in a.requests] == [[str(BASE_ID + 500)]]
    for n in (600, 601, 602):
        a.add(status(n, "a.example"))
    third = md.harvest_mastodon(store, [a.url, b.url], [TAG])
    assert third.new == 3 and store.count("posts") == first.new + 3
    fourth = md.harvest_mastodon(store, [a.url, b.url], [TAG])
    assert fourth.new == 0 and a.requests[-1][1]["since_id"] == [str(BASE_ID + 602)]


@pytest.mark.parametrize("limit, link_on_short_page", [(50, True), (90, False)])
def test_a_limited_run_leaves_no_gap(instances, store, limit, link_on_short_page):
    a, _ = instances
    a.link_on_short_page = link_on_short_page
    limited = md.harvest_mastodon(store, [a.url], [TAG], limit=limit)
    assert limited.new == limit
    full = md.harvest_mastodon(store, [a.url], [TAG])
    assert set(stored(store)) == expected(a) and full.new == len(expected(a)) - limit


def test_429_waits_until_the_reset_time(instances, store):
    a, _ = instances
    reset = (datetime.now(timezone.utc) + timedelta(seconds=30)).isoformat()
    a.faults.append((429, {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
                           "X-RateLimit-Reset": reset}))
    waits, sleep = recorder()
    summary = md.harvest_mastodon(store, [a.url], [TAG], sleep=sleep)
    assert len(waits) == 1 and 27 < waits[0] <= 31
    assert summary.new == len(expected(a))


def test_5xx_is_retried_then_succeeds(instances, store):
    a, _ = instances
    a.faults += [(502, {}), (503, {})]
    waits, sleep = recorder()
    summary = md.harvest_mastodon(store, [a.url], [TAG], sleep=sleep)
    assert len(waits) == 2 and summary.new == len(expected(a))


def test_persistent_5xx_is_one_line_error(instances, store):
    a, _ = instances
    a.faults += [(500, {})] * 10
    waits, sleep = recorder()
    with pytest.raises(HarvestError) as err:
        md.harvest_mastodon(store, [a.url], [TAG], sleep=sleep)
    message = str(err.value)
    assert message.startswith(f"mastodon: {a.host} #{TAG}: InternalServerError (after 6 tries)")
    assert "\n" not in message and len(waits) == 5
    assert store.run(1)["status"] == "failed"


def test_network_errors_are_retried_then_one_line_error(store):
    with socket.socket() as sock:  # a port where nothing listens
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
    waits, sleep = recorder()
    with pytest.raises(HarvestError, match=r"^mastodon: 127\.0\.0\.1:\d+ #chatgptdown: NetworkError"):
        md.harvest_mastodon(store, [closed], [TAG], sleep=sleep)
    assert len(waits) == 5


def test_401_asks_for_a_token(instances, store):
    a, _ = instances
    a.faults.append((401, {}))
    with pytest.raises(HarvestError, match="needs a login .* MASTODON_ACCESS_TOKEN"):
        md.harvest_mastodon(store, [a.url], [TAG])


def test_token_goes_to_its_instance_only_and_is_never_stored(instances, store, tmp_path,
                                                              monkeypatch, caplog):
    a, b = instances
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", TOKEN)
    caplog.set_level("DEBUG")
    md.harvest_mastodon(store, [a.url], [TAG])
    assert {auth for p, q, auth in a.requests} == {f"Bearer {TOKEN}"}
    a.requests.clear()
    md.harvest_mastodon(store, [a.url, b.url], [TAG])  # two instances: whose token is it?
    assert {auth for p, q, auth in a.requests + b.requests} == {None}
    (tmp_path / "config.toml").write_text(f'[mastodon.tokens]\n"{b.host}" = "{TOKEN}-b"\n')
    config._load.cache_clear()  # the config file is cached per path
    b.requests.clear()
    md.harvest_mastodon(store, [a.url, b.url], [TAG])
    assert {auth for p, q, auth in b.requests} == {f"Bearer {TOKEN}-b"}
    store.db.conn.execute("pragma wal_checkpoint(full)")
    blob = b"".join(p.read_bytes() for p in tmp_path.glob("m.db*"))
    assert TOKEN.encode() not in blob and TOKEN not in caplog.text


# --------------------------------------------------------------------------- kill, resume
def miner(args: list[str], cwd: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MINER_CONFIG": str(cwd / "none.toml")}
    env.pop("MASTODON_ACCESS_TOKEN", None)
    return subprocess.Popen([sys.executable, "-c", "from miner.cli import cli; cli()", *args],
                            cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def test_killed_run_resumes_with_every_post_once(instances, tmp_path):
    a, b = instances
    args = ["--db", "k.db", "harvest", "mastodon", "--instance", a.url, "--instance", b.url,
            "--tag", TAG]
    proc: subprocess.Popen | None = None

    def kill_on_third_page(path: str, query: dict[str, list[str]]) -> None:
        if len(a.requests) == 3 and proc is not None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()

    a.hook = kill_on_third_page
    proc = miner(args, tmp_path)
    proc.communicate(timeout=20)
    assert proc.returncode == -signal.SIGKILL
    a.hook = None
    db = sqlite3.connect(tmp_path / "k.db")
    assert db.execute("select count(*) from posts").fetchone()[0] == 80  # two pages committed
    assert db.execute("select status from runs").fetchone()[0] == "running"
    db.close()

    a.requests.clear()
    proc = miner([*args, "--resume"], tmp_path)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "mastodon: resumed run 1 done" in err
    store = Store(tmp_path / "k.db")
    assert set(stored(store)) == expected(a, b)
    run = store.run(1)
    assert (run["n_new"], run["n_known"]) == (len(expected(a, b)), 1)  # 1: the federated one
    assert a.requests[0][1]["max_id"] == [a.tagged()[79]["id"]]  # went on where it stopped
    store.close()


def test_cli_needs_instance_and_tag(tmp_path):
    proc = miner(["--db", "x.db", "harvest", "mastodon", "--tag", TAG], tmp_path)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 2 and "--instance" in err


# ----------------------------------------------------------------------------------- live
@pytest.mark.live
def test_live_mastodon(tmp_path):
    store = Store(tmp_path / "live.db")
    summary = md.harvest_mastodon(store, ["mastodon.social"], ["chatgpt"], limit=5)
    assert summary.new + summary.known == 5
