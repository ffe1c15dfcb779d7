"""`miner import`: every file format, column mapping, times, bad rows, dedup and resume."""

from __future__ import annotations

import csv
import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
import zstandard
from click.testing import CliRunner

from miner.cli import cli
from miner.collectors import files
from miner.records import Post
from miner.store import Store

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def miner(db: Path, *args: str):
    """Run `miner --db DB ARGS` through click's CliRunner (stdout and stderr apart)."""
    return CliRunner().invoke(cli, ["--db", str(db), *map(str, args)])


def posts(db: Path) -> dict[tuple[str, str], Post]:
    store = Store(db)
    try:
        return {(p.source, p.id): p for p in store.posts()}
    finally:
        store.close()


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def generated(n: int) -> list[dict]:
    return [{"id": str(1_600_000_000_000_000_000 + i), "text": f"post {i} is down",
             "created_at": f"2024-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}Z",
             "username": f"u{i % 97}"} for i in range(n)]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "t.db"


# ------------------------------------------------------------------------ times and ids
@pytest.mark.parametrize("value, expected", [
    ("2019-12-04T08:05:14", utc(2019, 12, 4, 8, 5, 14)),
    ("2024-02-03T10:00:00Z", utc(2024, 2, 3, 10)),
    ("2019-01-09 23:57:30+00:00", utc(2019, 1, 9, 23, 57, 30)),
    ("2019-01-03 12:34:56", utc(2019, 1, 3, 12, 34, 56)),
    ("Tue Oct 31 22:10:47 +0000 2017", utc(2017, 10, 31, 22, 10, 47)),
    ("1575446714", utc(2019, 12, 4, 8, 5, 14)),
    (1575446714, utc(2019, 12, 4, 8, 5, 14)),
    ("1575446714000", utc(2019, 12, 4, 8, 5, 14)),
    ("43803.5", utc(2019, 12, 4, 12)),  # Excel serial days
    ("12/4/2019 8:05", utc(2019, 12, 4, 8, 5)),  # Excel's US export
    ("22-Apr-15 3:53:50 PM", utc(2015, 4, 22, 15, 53, 50)),
])
def test_parse_time(value, expected):
    assert files.parse_time(value) == expected


def test_parse_time_empty_bad_and_format():
    assert files.parse_time("") is None and files.parse_time(None) is None
    with pytest.raises(ValueError, match="unparseable time 'yesterday'"):
        files.parse_time("yesterday")
    assert files.parse_time("22-04-15 3:53:50 PM", "%d-%m-%y %I:%M:%S %p") == utc(2015, 4, 22, 15, 53, 50)


def test_snowflake_time():
    # the first id of complaints-social-media: 2011-01-05 12:30:44.860 UTC
    assert files.snowflake_time("22631081115127808") == datetime(
        2011, 1, 5, 12, 30, 44, 860000, tzinfo=timezone.utc)
    assert files.snowflake_time("1") is None  # TWCS-style counter, not a Snowflake
    assert files.snowflake_time("20000000000") is None  # pre-Snowflake sequential id
    assert files.snowflake_time("abc") is None


# ------------------------------------------------------------------------ formats
def test_jsonl_autodetects_common_names(tmp_path, db):
    src = write_jsonl(tmp_path / "feed.jsonl", [
        {"tweet_id": "1", "content": "Comcast is down", "timestamp": 1575446714,
         "screen_name": "ann", "user_location": "Denver, CO", "lang": "en"},
        {"tweet_id": 2, "content": "still down", "timestamp": "2019-12-04 09:00:00",
         "screen_name": "bob", "user_location": ""},
    ])
    result = miner(db, "import", src)
    assert result.exit_code == 0, result.output
    assert "2 new, 0 already known, 0 skipped" in result.stderr
    got = posts(db)
    first = got[("feed", "1")]
    assert (first.text, first.author, first.author_location, first.lang) == (
        "Comcast is down", "ann", "Denver, CO", "en")
    assert first.created_at == utc(2019, 12, 4, 8, 5, 14)
    assert first.raw["screen_name"] == "ann"
    assert got[("feed", "2")].author_location is None


def test_jsonl_key_paths_and_source(tmp_path, db):
    src = write_jsonl(tmp_path / "x.jsonl", [
        {"post": {"key": "a1", "msg": "AWS outage"}, "meta": {"when": "2024-01-01T00:00:00Z"}}])
    result = miner(db, "import", "--source", "custom", "--id-col", "post.key",
                   "--text-col", "post.msg", "--time-col", "meta.when", src)
    assert result.exit_code == 0, result.output
    assert posts(db)[("custom", "a1")].created_at == utc(2024, 1, 1)


def test_csv_column_mapping(tmp_path, db):
    src = tmp_path / "complaints.csv"
    src.write_text("\ufeffTicket #,Customer Complaint,Date,Time,City,State\n"
                   '250635,"Comcast Cable Internet, slow",22-04-15,3:53:50 PM,Abingdon,Maryland\n'
                   "223441,Payment disappear,04-08-15,10:22:56 AM,Acworth,Georgia\n", encoding="utf-8")
    result = miner(db, "import", "--id-col", "Ticket #", "--text-col", "customer complaint",
                   "--time-col", "Date,Time", "--time-format", "%d-%m-%y %I:%M:%S %p",
                   "--location-col", "City,State", src)
    assert result.exit_code == 0, result.output
    post = posts(db)[("complaints", "250635")]
    assert post.text == "Comcast Cable Internet, slow"
    assert post.created_at == utc(2015, 4, 22, 15, 53, 50)
    assert post.author_location == "Abingdon, Maryland"
    assert post.raw == {"Ticket #": "250635", "Customer Complaint": "Comcast Cable Internet, slow",
                        "Date": "22-04-15", "Time": "3:53:50 PM", "City": "Abingdon", "State": "Maryland"}


def test_csv_autodetect_and_twitter_time(tmp_path, db):
    src = tmp_path / "twcs.csv"
    src.write_text(",tweet_id,author_id,inbound,created_at,text\n"
                   "0,1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,\"I understand.\nMulti-line\"\n"
                   "1,2,115712,True,Tue Oct 31 22:11:45 +0000 2017,@sprintcare and how\n", encoding="utf-8")
    assert miner(db, "import", src).exit_code == 0
    got = posts(db)
    assert got[("twcs", "1")].text == "I understand.\nMulti-line"
    assert got[("twcs", "1")].author == "sprintcare"
    assert got[("twcs", "2")].created_at == utc(2017, 10, 31, 22, 11, 45)


def test_csv_no_header_and_snowflake_time(tmp_path, db):
    src = tmp_path / "complaints-data.csv"
    src.write_text("22631081115127808,@FC_HELP can I return it?,0,apparel\n"
                   "961324315183452160,\"@Help, my order\",1,apparel\n", encoding="utf-8")
    result = miner(db, "import", "--no-header", "--columns", "id,text,complaint,domain", src)
    assert result.exit_code == 0, result.output
    got = posts(db)
    assert got[("complaints-data", "22631081115127808")].created_at == utc(2011, 1, 5, 12, 30, 44)
    assert got[("complaints-data", "961324315183452160")].raw["domain"] == "apparel"
    # without the flags the first row is taken for a header: a one-line hint, no traceback
    result = miner(db, "import", src)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "--no-header --columns" in result.stderr


def test_tsv_and_hash_ids(tmp_path, db):
    src = tmp_path / "wa.tsv"
    src.write_text("timestamp\ttext\n2012-01-19 22:26:31\tlost power\n"
                   "2012-01-19 22:26:31\tlost power\n2012-01-19 22:30:00\tstill out\n", encoding="utf-8")
    result = miner(db, "import", "--id-col", "@hash", src)
    assert result.exit_code == 0, result.output
    assert "2 new, 1 already known" in result.stderr  # the same tweet twice is one post
    assert miner(db, "import", "--id-col", "@hash", src).stderr.count("0 new, 3 already known") == 1


def test_no_id_column_falls_back_to_hash_ids_and_says_so(tmp_path, db, caplog):
    src = tmp_path / "wa.csv"
    src.write_text("timestamp,text\n2012-01-19 22:26:31,lost power\n2012-01-19 22:30:00,still out\n",
                   encoding="utf-8")
    result = miner(db, "import", src)
    assert result.exit_code == 0, result.output
    assert "2 new" in result.stderr
    assert "no id column" in caplog.text and "--id-col" in caplog.text
    assert miner(db, "import", "--id-col", "@hash", src).stderr.count("0 new, 2 already known") == 1


def test_twarc_flattened(tmp_path, db):
    src = write_jsonl(tmp_path / "flat.jsonl", [{
        "id": "1620000000000000000", "text": "is twitter down?", "author_id": "42", "lang": "en",
        "created_at": "2023-01-30T12:00:00.000Z", "conversation_id": "1620000000000000000",
        "author": {"id": "42", "username": "carol", "location": "Leeds"}, "__twarc": {"version": "2"}}])
    assert miner(db, "import", src).exit_code == 0
    post = posts(db)[("twitter", "1620000000000000000")]
    assert (post.author, post.author_location, post.lang) == ("carol", "Leeds", "en")
    assert post.url == "https://twitter.com/carol/status/1620000000000000000"
    assert post.created_at == utc(2023, 1, 30, 12)


def test_twarc_response_pages(tmp_path, db):
    page = {"data": [{"id": "1620000000000000001", "text": "outage", "author_id": "7"},
                     {"id": "1620000000000000002", "text": "me too", "author_id": "8",
                      "created_at": "2023-01-30T12:01:00.000Z"}],
            "includes": {"users": [{"id": "7", "username": "dan", "location": "Paris"},
                                   {"id": "8", "username": "eve"}]},
            "meta": {"result_count": 2}}
    src = write_jsonl(tmp_path / "pages.jsonl", [page, {**page, "data": page["data"][:1]}])
    result = miner(db, "import", "--format", "auto", src)
    assert result.exit_code == 0, result.output
    assert "2 new, 1 already known" in result.stderr
    got = posts(db)
    dan = got[("twitter", "1620000000000000001")]
    assert (dan.author, dan.author_location) == ("dan", "Paris")
    # no created_at: the time comes from the id (the database keeps whole seconds)
    assert dan.created_at == files.snowflake_time("1620000000000000001").replace(microsecond=0)
    assert dan.raw["author"]["username"] == "dan"
    assert got[("twitter", "1620000000000000002")].created_at == utc(2023, 1, 30, 12, 1)


REDDIT = [
    {"id": "abc", "name": "t3_abc", "created_utc": 1706961600, "author": "frank", "subreddit": "ChatGPT",
     "title": "ChatGPT down?", "selftext": "network error", "permalink": "/r/ChatGPT/comments/abc/x/"},
    {"id": "def", "created_utc": "1706961660", "author": "[deleted]", "subreddit": "ChatGPT",
     "body": "same here", "link_id": "t3_abc", "permalink": "/r/ChatGPT/comments/abc/x/def/"},
    {"id": "ghi", "created_utc": 1706961700, "author": "x", "subreddit": "ChatGPT", "body": "[removed]"},
    {"id": "jkl", "created_utc": 1706961700, "author": "y", "subreddit": "ChatGPT", "title": "t",
     "selftext": "[removed]"},
]


@pytest.mark.parametrize("compress", ["gz", "zst"])
def test_reddit_dumps_compressed(tmp_path, db, compress):
    data = "".join(json.dumps(r) + "\n" for r in REDDIT).encode()
    src = tmp_path / f"RS_2024-02.{compress}"
    src.write_bytes(gzip.compress(data) if compress == "gz" else zstandard.ZstdCompressor().compress(data))
    result = miner(db, "import", src)
    assert result.exit_code == 0, result.output
    assert "3 new, 0 already known, 1 skipped" in result.stderr  # the [removed] comment
    got = posts(db)
    sub = got[("reddit", "t3_abc")]
    assert sub.text == "ChatGPT down?\n\nnetwork error"
    assert sub.created_at == utc(2024, 2, 3, 12)
    assert sub.url == "https://www.reddit.com/r/ChatGPT/comments/abc/x/"
    comment = got[("reddit", "t1_def")]
    assert comment.author is None and comment.created_at == utc(2024, 2, 3, 12, 1)
    assert got[("reddit", "t3_jkl")].text == "t"


def test_miner_export_roundtrip(tmp_path, db):
    original = Post(source="bluesky", id="at://x/1", text="GitHub 500s", created_at="2024-02-03T10:00:00Z",
                    url="https://bsky.app/x", author="gina", lang="en", author_location="Oslo",
                    raw={"uri": "at://x/1", "n": [1, 2]})
    row = original.to_row()
    as_object = {**row, "id": "at://x/2", "raw": json.loads(row["raw"])}
    src = write_jsonl(tmp_path / "export.jsonl", [row, as_object])
    assert miner(db, "import", src).exit_code == 0
    got = posts(db)
    assert got[("bluesky", "at://x/1")] == original
    assert got[("bluesky", "at://x/2")].raw == original.raw


# ------------------------------------------------------------------------ bad input
def test_bad_rows_are_skipped_with_file_line_and_field(tmp_path, db):
    src = tmp_path / "bad.jsonl"
    src.write_text(json.dumps({"id": "1", "text": "ok", "created_at": "2024-01-01T00:00:00Z"}) + "\n"
                   + json.dumps({"id": "2", "text": "", "created_at": "2024-01-01T00:00:00Z"}) + "\n"
                   + "\n"
                   + json.dumps({"id": "3", "text": "when?", "created_at": "yesterday"}) + "\n"
                   + "{not json\n"
                   + json.dumps({"text": "no id", "created_at": "2024-01-01T00:00:00Z"}) + "\n",
                   encoding="utf-8")
    result = miner(db, "import", src)
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert f"{src}:2: missing text (field text)" in lines
    assert f"{src}:4: unparseable time 'yesterday' (field created_at)" in lines
    assert any(line.startswith(f"{src}:5: invalid JSON") for line in lines)
    assert f"{src}:6: missing id (field id)" in lines
    assert "1 new, 0 already known, 4 skipped" in result.stderr
    assert "Traceback" not in result.output


def test_csv_bad_rows(tmp_path, db):
    src = tmp_path / "bad.csv"
    src.write_text("id,text,date\n1,fine,2019-01-01\n2,broken row\n3,,2019-01-01\n4,ok,\n", encoding="utf-8")
    result = miner(db, "import", src)
    lines = result.stderr.splitlines()
    assert f"{src}:3: 2 fields where the header has 3" in lines
    assert f"{src}:4: missing text (field text)" in lines
    assert "2 new, 0 already known, 2 skipped" in result.stderr
    assert posts(db)[("bad", "4")].created_at is None  # an empty time is no time


def test_strict_aborts_keeping_committed_batches(tmp_path, db):
    rows = generated(files.BATCH_SIZE + 500)
    rows[files.BATCH_SIZE + 100]["created_at"] = "not a time"
    src = write_jsonl(tmp_path / "big.jsonl", rows)
    result = miner(db, "import", "--strict", src)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: {src}:{files.BATCH_SIZE + 101}: unparseable time 'not a time' (field created_at)")
    assert "Traceback" not in result.output
    assert len(posts(db)) == files.BATCH_SIZE  # the first batch stays, the failing one is not written
    run = sqlite3.connect(db).execute("select status, n_seen from runs").fetchone()
    assert run == ("failed", files.BATCH_SIZE)


@pytest.mark.parametrize("content, name, message", [
    (b'{\n  "archive": []\n}\n', "aws_outages.json", "one JSON document, not JSON lines of posts"),
    (b'["a", "b"]\n', "codes.json", "line 1 is not a JSON object"),
    (b"hello world\n", "notes.txt", "unknown format"),
    (b"", "empty.jsonl", "empty file"),
    (b"\x1f\x8b\x08garbage", "broken.jsonl.gz", "cannot read"),
    (b"a,b\n1,2\n", "nums.csv", "no text column found"),
])
def test_unusable_files_one_line_error(tmp_path, db, content, name, message):
    src = tmp_path / name
    src.write_bytes(content)
    result = miner(db, "import", src)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.output


def test_missing_file_and_directory(tmp_path, db):
    for target in (tmp_path / "nope.csv", tmp_path):
        result = miner(db, "import", target)
        assert result.exit_code == 1 and "cannot read" in result.stderr and "Traceback" not in result.output


def test_all_files_checked_before_any_import(tmp_path, db):
    good = write_jsonl(tmp_path / "good.jsonl", generated(3))
    result = miner(db, "import", good, tmp_path / "missing.jsonl")
    assert result.exit_code == 1 and "missing.jsonl: cannot read" in result.stderr
    assert posts(db) == {}


def test_unknown_format_option(tmp_path, db):
    result = miner(db, "import", "--format", "xml", write_jsonl(tmp_path / "a.jsonl", generated(1)))
    assert result.exit_code == 2 and "Traceback" not in result.output


# ------------------------------------------------------------------------ runs
def test_second_import_is_all_known_and_summary(tmp_path, db):
    a = write_jsonl(tmp_path / "a.jsonl", generated(5))
    b = write_jsonl(tmp_path / "b.jsonl", generated(3))
    assert "5 new, 0 already known, 0 skipped" in miner(db, "import", a).stderr
    result = miner(db, "import", a, b)
    assert f"import {a}: 0 new, 5 already known, 0 skipped" in result.stderr
    assert "import: 2 files: 3 new, 5 already known, 0 skipped" in result.stderr
    assert result.stdout == ""  # summaries go to stderr; no progress bar when not on a terminal


def test_progress_bar_counts_bytes(tmp_path, db, capsys):
    src = write_jsonl(tmp_path / "a.jsonl", generated(5000))
    store = Store(db)
    done = list(files.import_files(store, [str(src)], files.Options(), show_progress=True))
    store.close()
    assert done[0][1].new == 5000
    assert "import a.jsonl" in capsys.readouterr().err  # click shows the label when not a tty


def test_limit(tmp_path, db):
    a = write_jsonl(tmp_path / "a.jsonl", generated(10))
    b = write_jsonl(tmp_path / "b.jsonl", generated(10))
    result = miner(db, "import", "--limit", "13", a, b)
    assert result.exit_code == 0, result.output
    assert len(posts(db)) == 13


class Crash(Exception):
    pass


@pytest.mark.parametrize("kind", ["jsonl", "csv", "gz"])
def test_crash_then_resume_gives_every_post_once(tmp_path, db, monkeypatch, kind):
    """In-process: the store fails on the third batch; --resume reads only what was left."""
    n = files.BATCH_SIZE * 4 + 123
    rows = generated(n)
    if kind == "csv":
        src = tmp_path / "big.csv"
        with src.open("w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    else:
        src = write_jsonl(tmp_path / "big.jsonl", rows)
        if kind == "gz":
            gz = tmp_path / "big.jsonl.gz"
            gz.write_bytes(gzip.compress(src.read_bytes()))
            src = gz
    real_save, calls = Store.save_batch, []

    def failing_save(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise Crash("killed")
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Store, "save_batch", failing_save)
    with pytest.raises(Crash):
        store = Store(db)
        list(files.import_files(store, [str(src)], files.Options(), show_progress=False))
    store.close()
    monkeypatch.setattr(Store, "save_batch", real_save)
    assert len(posts(db)) == 2 * files.BATCH_SIZE

    result = miner(db, "import", "--resume", src)
    assert result.exit_code == 0, result.output
    assert f"{n - 2 * files.BATCH_SIZE} new, 0 already known, 0 skipped (resumed run 1)" in result.stderr
    assert len(posts(db)) == n
    assert sqlite3.connect(db).execute("select status, n_seen, n_new, n_known from runs").fetchall() == [
        ("done", n, n, 0)]


@pytest.mark.slow
def test_kill_9_mid_import_then_resume(tmp_path, db):
    """A real `miner import` killed with SIGKILL mid-way; --resume stores every post exactly once."""
    n = 300_000
    src = write_jsonl(tmp_path / "huge.jsonl", generated(n))
    cmd = [sys.executable, "-c", "from miner.cli import cli; cli()", "--db", str(db), "import", str(src)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        seen = 0
        deadline = time.monotonic() + 60
        while seen < 3 * files.BATCH_SIZE and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.01)
            try:
                row = sqlite3.connect(db, timeout=5).execute("select n_seen from runs").fetchone()
                seen = row[0] if row else 0
            except sqlite3.OperationalError:  # not created yet
                pass
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the import finished before it could be killed"
    before = len(posts(db))
    assert 0 < before < n

    result = miner(db, "import", "--resume", src)
    assert result.exit_code == 0, result.output
    assert f"{n - before} new, 0 already known, 0 skipped (resumed run 1)" in result.stderr
    con = sqlite3.connect(db)
    assert con.execute("select count(*), count(distinct id) from posts").fetchone() == (n, n)
    assert con.execute("select status, n_seen, n_known from runs").fetchall() == [("done", n, 0)]


# ------------------------------------------------------------------------ the shared real data
REAL = [  # (file under ../shared/data, extra options, source, minimum posts)
    ("categorising-tweets/labelled_data.DERIVED.csv", ["--id-col", "row"], "labelled_data.DERIVED", 15_000),
    ("complaints-social-media/complaints-data.csv", ["--no-header", "--columns", "id,text,complaint,domain"],
     "complaints-data", 3_000),
    ("twcs-sample/twcs_first5000.csv", [], "twcs_first5000", 4_500),
    ("comcast-complaints/Comcast_telecom_complaints_data.csv",
     ["--id-col", "Ticket #", "--text-col", "Customer Complaint", "--time-col", "Date_month_year,Time",
      "--location-col", "City,State"], "Comcast_telecom_complaints_data", 2_000),
    ("power-outage-detection-WA/wa_tweets.csv", ["--id-col", "@hash"], "wa_tweets", 7_000),
    ("mapping_power_outages/scrape_dm_ny.csv", [], "scrape_dm_ny", 2_500),
    ("DisasterRelief/raw_tweets.csv", ["--id-col", "1"], "raw_tweets", 11_000),
    ("identifying-utility-outages/july-mid_during_tweets.csv", [], "july-mid_during_tweets", 1_900),
    ("CrisisLex/data/CrisisLexT26/2013_Colorado_floods/2013_Colorado_floods-tweets_labeled.csv", [],
     "2013_Colorado_floods-tweets_labeled", 900),
]


@pytest.mark.parametrize("rel, options, source, minimum", REAL, ids=[r[0].split("/")[0] for r in REAL])
def test_real_files(db, rel, options, source, minimum):
    path = DATA / rel
    if not path.exists():
        pytest.skip(f"{path} not present")
    result = miner(db, "import", *options, path)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "already known" in result.stderr
    con = sqlite3.connect(db)
    count, undated = con.execute(
        "select count(*), sum(created_at is null) from posts where source = ?", [source]).fetchone()
    assert count >= minimum and undated == 0


def test_real_times(db):
    complaints = DATA / "complaints-social-media/complaints-data.csv"
    twcs = DATA / "twcs-sample/twcs_first5000.csv"
    if not (complaints.exists() and twcs.exists()):
        pytest.skip("shared data not present")
    columns = ["--no-header", "--columns", "id,text,complaint,domain"]
    assert miner(db, "import", *columns, complaints).exit_code == 0
    assert miner(db, "import", twcs).exit_code == 0
    con = sqlite3.connect(db)
    lo, hi = con.execute("select min(created_at), max(created_at) from posts"
                         " where source = 'complaints-data'").fetchone()
    assert lo.startswith("2011-01") and hi.startswith("2018-02")  # decoded from the Snowflake ids
    assert con.execute("select created_at from posts where source = 'twcs_first5000'"
                       " and id = '1'").fetchone() == ("2017-10-31T22:10:47Z",)


def test_real_status_page_json_is_refused_clearly(db):
    path = DATA / "aws-outages" / "aws_outages@2022-03-09_5c8a844.json"
    if not path.exists():
        pytest.skip(f"{path} not present")
    result = miner(db, "import", path)
    assert result.exit_code == 1 and "not JSON lines of posts" in result.stderr
    assert "Traceback" not in result.output
