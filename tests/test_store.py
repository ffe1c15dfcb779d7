import json
import sqlite3

import pytest

from miner.records import Extraction, Place, Post
from miner.store import SCHEMA_VERSION, Store


def post(i, text="chatgpt is down", when="2026-02-04T17:30:00Z"):
    return Post("test", str(i), text, when, author=f"u{i}", raw={"n": i})


def test_schema_version_wal_and_tables(tmp_path):
    store = Store(tmp_path / "t.db")
    assert store.schema_version() == SCHEMA_VERSION
    assert store.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    for table in ["posts", "runs", "extractions", "places", "bins", "incidents", "status_events", "meta"]:
        assert store.db[table].exists(), table


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "t.db"
    Store(path).db["meta"].upsert({"key": "schema_version", "value": str(SCHEMA_VERSION + 1)}, pk="key")
    with pytest.raises(RuntimeError, match="newer"):
        Store(path)


def test_upsert_never_duplicates_and_counts_new_and_known(tmp_path):
    store = Store(tmp_path / "t.db")
    run = store.start_run("test", "q")
    assert store.save_batch(run, [post(1), post(2), post(2)], cursor="c1") == (2, 1)
    assert store.save_batch(run, [post(1, "edited"), post(3)], cursor="c2") == (1, 1)
    assert store.count("posts") == 3
    assert next(store.posts("id = ?", ["1"])).text == "edited"
    row = store.run(run)
    assert (row["n_new"], row["n_known"], row["cursor"]) == (3, 2, "c2")


def test_raw_json_and_utc_times_round_trip(tmp_path):
    store = Store(tmp_path / "t.db")
    store.save_batch(None, [Post("test", "9", "x", "2026-02-04T09:30:00-08:00", raw={"k": [1, "é"]})])
    got = next(store.posts())
    assert got.raw == {"k": [1, "é"]}
    assert got.created_at.isoformat() == "2026-02-04T17:30:00+00:00"


def test_batch_is_atomic_with_its_cursor(tmp_path):
    store = Store(tmp_path / "t.db")
    run = store.start_run("test", "q")
    store.save_batch(run, [post(1)], cursor="c1")

    class Boom(Post):
        def to_row(self):
            raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        store.save_batch(run, [post(2), Boom("test", "3", "x", None)], cursor="c2")
    assert store.count("posts") == 1
    assert store.run(run)["cursor"] == "c1"


def test_resumable_run_matches_source_query_and_params(tmp_path):
    store = Store(tmp_path / "t.db")
    a = store.start_run("bluesky", "chatgpt", {"lang": "en"})
    store.finish_run(a, "interrupted")
    assert store.resumable_run("bluesky", "chatgpt", {"lang": "en"})["id"] == a
    assert store.resumable_run("bluesky", "chatgpt", {"lang": "fr"}) is None
    store.finish_run(a, "done")
    assert store.resumable_run("bluesky", "chatgpt", {"lang": "en"}) is None


def test_extractions_replace_places_and_track_pipeline_version(tmp_path):
    store = Store(tmp_path / "t.db")
    store.save_batch(None, [post(i) for i in range(5)])
    assert store.count_to_extract("v1") == 5
    batches = list(store.posts_to_extract("v1", batch_size=2))
    assert [len(b) for b in batches] == [2, 2, 1]
    toronto = Place("Toronto", "Toronto", "city", "CA", "Ontario", 43.7, -79.4)
    store.save_extractions([Extraction("test", "1", True, 0.9, "chatgpt", ["login"], [403], [toronto, toronto],
                                       pipeline_version="v1")])
    store.save_extractions([Extraction("test", "1", True, 0.9, "chatgpt", ["login"], [403], [toronto],
                                       pipeline_version="v1")])
    assert store.count("places") == 1
    assert store.count_to_extract("v1") == 4
    assert store.count_to_extract("v2") == 5
    report = next(store.reports())
    assert (report["service"], report["place"], json.loads(report["http_codes"])) == ("chatgpt", "Toronto", [403])


def test_reports_can_be_limited_to_a_minimum_score(tmp_path):
    store = Store(tmp_path / "t.db")
    store.save_batch(None, [post(i) for i in range(3)])
    store.save_extractions([Extraction("test", str(i), True, score, "chatgpt", ["login"], [], [], pipeline_version="v1")
                            for i, score in ((0, 0.6), (1, 0.85), (2, 0.95))])
    assert sorted(r["id"] for r in store.reports()) == ["0", "1", "2"]
    assert sorted(r["id"] for r in store.reports(min_score=0.8)) == ["1", "2"]
    assert list(store.reports(min_score=0.99)) == []


def test_database_is_a_plain_sqlite_file(tmp_path):
    path = tmp_path / "t.db"
    Store(path).save_batch(None, [post(1)])
    assert sqlite3.connect(path).execute("select text from posts").fetchone() == ("chatgpt is down",)
