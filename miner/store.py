"""The one place that knows the SQLite schema. Everything is stored through sqlite-utils.

Tables and columns are documented in docs/schema.md; keep the two in step.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from .records import Extraction, Post, iso

SCHEMA_VERSION = 1
DEFAULT_DB = "outages.db"

POST_COLUMNS = ["source", "id", "url", "author", "text", "lang", "created_at",
                "author_location", "raw", "collected_at", "run_id"]


def now_iso() -> str:
    return iso(datetime.now(timezone.utc))


def default_db_path() -> str:
    return os.environ.get("MINER_DB", DEFAULT_DB)


class Store:
    """A harvest database: posts, runs, extractions, places, bins, incidents, status events."""

    def __init__(self, path: str | os.PathLike[str] | None = None):
        self.path = Path(path or default_db_path())
        self.db = sqlite_utils.Database(self.path)
        self.db.conn.execute("PRAGMA busy_timeout = 30000")
        self.db.enable_wal()
        self.db.conn.execute("PRAGMA synchronous = NORMAL")
        self._ensure_schema()

    # ---------------------------------------------------------------- schema
    def _ensure_schema(self) -> None:
        db = self.db
        db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
        version = self.schema_version()
        if version is not None and version > SCHEMA_VERSION:
            raise RuntimeError(
                f"{self.path}: schema version {version} is newer than this outage-miner "
                f"understands ({SCHEMA_VERSION}); upgrade outage-miner")
        db["posts"].create(
            {"source": str, "id": str, "url": str, "author": str, "text": str, "lang": str,
             "created_at": str, "author_location": str, "raw": str, "collected_at": str,
             "run_id": int},
            pk=("source", "id"), if_not_exists=True)
        db["runs"].create(
            {"id": int, "source": str, "query": str, "params": str, "started_at": str,
             "finished_at": str, "status": str, "cursor": str, "n_seen": int, "n_new": int,
             "n_known": int, "n_skipped": int, "error": str},
            pk="id", if_not_exists=True)
        db["extractions"].create(
            {"source": str, "id": str, "is_outage_report": int, "outage_score": float,
             "service": str, "symptoms": str, "http_codes": str, "n_places": int,
             "mentioned_at": str, "pipeline_version": str, "extracted_at": str},
            pk=("source", "id"), if_not_exists=True)
        db["places"].create(
            {"source": str, "id": str, "n": int, "text": str, "name": str, "kind": str,
             "country": str, "admin1": str, "lat": float, "lon": float, "origin": str},
            pk=("source", "id", "n"), if_not_exists=True)
        db["bins"].create(
            {"service": str, "symptom": str, "region": str, "bin_start": str, "bin_minutes": int,
             "n": int, "baseline": float, "score": float},
            pk=("service", "symptom", "region", "bin_start"), if_not_exists=True)
        db["incidents"].create(
            {"id": int, "service": str, "start": str, "peak": str, "end": str, "peak_n": int,
             "n_reports": int, "baseline": float, "peak_score": float, "top_symptoms": str,
             "top_places": str, "first_status_event": str, "detector": str},
            pk="id", if_not_exists=True)
        db["status_events"].create(
            {"source": str, "service": str, "time": str, "kind": str, "title": str,
             "message": str},
            pk=("source", "service", "time", "title"), if_not_exists=True)
        for table, cols in [("posts", ["created_at"]), ("runs", ["source", "status"]),
                            ("extractions", ["service", "is_outage_report"]),
                            ("status_events", ["service", "time"])]:
            db[table].create_index(cols, if_not_exists=True)
        if version is None:
            db["meta"].upsert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key")

    def schema_version(self) -> int | None:
        row = self.db.execute("select value from meta where key = 'schema_version'").fetchone()
        return int(row[0]) if row else None

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------------ runs
    def start_run(self, source: str, query: str = "", params: dict[str, Any] | None = None) -> int:
        with self.db.conn:
            cur = self.db.conn.execute(
                "insert into runs (source, query, params, started_at, status, n_seen, n_new,"
                " n_known, n_skipped) values (?, ?, ?, ?, 'running', 0, 0, 0, 0)",
                (source, query, json.dumps(params or {}, sort_keys=True), now_iso()))
        return int(cur.lastrowid)

    def run(self, run_id: int) -> dict[str, Any]:
        return self.db["runs"].get(run_id)

    def resumable_run(self, source: str, query: str = "",
                      params: dict[str, Any] | None = None) -> dict[str, Any] | None:
        """The latest unfinished run with the same source, query and params, if any."""
        rows = list(self.db["runs"].rows_where(
            "source = ? and query = ? and params = ? and status != 'done'",
            [source, query, json.dumps(params or {}, sort_keys=True)],
            order_by="id desc", limit=1))
        return rows[0] if rows else None

    def recent_runs(self, source: str, limit: int = 500) -> list[dict[str, Any]]:
        """The latest runs of a source that saved a cursor, newest first."""
        return list(self.db["runs"].rows_where("source = ? and cursor is not null", [source],
                                               order_by="id desc", limit=limit))

    def reopen_run(self, run_id: int) -> None:
        with self.db.conn:
            self.db.conn.execute(
                "update runs set status = 'running', finished_at = null, error = null"
                " where id = ?", (run_id,))

    def finish_run(self, run_id: int, status: str = "done", error: str | None = None) -> None:
        with self.db.conn:
            self.db.conn.execute(
                "update runs set status = ?, finished_at = ?, error = ? where id = ?",
                (status, now_iso(), error, run_id))

    def save_batch(self, run_id: int | None, posts: Iterable[Post], cursor: str | None = None,
                   skipped: int = 0) -> tuple[int, int]:
        """Upsert a batch of posts and, in the same transaction, the run's cursor and counts.

        Returns (new, already known). A kill at any moment leaves either the whole batch
        with its cursor, or neither, so a resumed run neither loses nor repeats posts.
        """
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        seen = 0
        for post in posts:
            seen += 1
            rows[(post.source, post.id)] = post.to_row()
        stamp = now_iso()
        conn = self.db.conn
        with conn:
            known = self._known_keys(rows.keys())
            new_rows = [r for k, r in rows.items() if k not in known]
            old_rows = [r for k, r in rows.items() if k in known]
            if new_rows:
                conn.executemany(
                    f"insert into posts ({', '.join(POST_COLUMNS)}) values"
                    f" ({', '.join('?' * len(POST_COLUMNS))})",
                    [[*(r[c] for c in POST_COLUMNS[:-2]), stamp, run_id] for r in new_rows])
            if old_rows:
                conn.executemany(
                    "update posts set url = ?, author = ?, text = ?, lang = ?, created_at = ?,"
                    " author_location = ?, raw = ? where source = ? and id = ?",
                    [(r["url"], r["author"], r["text"], r["lang"], r["created_at"],
                      r["author_location"], r["raw"], r["source"], r["id"]) for r in old_rows])
            n_new, n_known = len(new_rows), seen - len(new_rows)
            if run_id is not None:
                conn.execute(
                    "update runs set n_seen = n_seen + ?, n_new = n_new + ?,"
                    " n_known = n_known + ?, n_skipped = n_skipped + ?,"
                    " cursor = coalesce(?, cursor) where id = ?",
                    (seen, n_new, n_known, skipped, cursor, run_id))
        return n_new, n_known

    def _known_keys(self, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        by_source: dict[str, list[str]] = {}
        for source, pid in keys:
            by_source.setdefault(source, []).append(pid)
        found: set[tuple[str, str]] = set()
        for source, ids in by_source.items():
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                sql = f"select id from posts where source = ? and id in ({','.join('?' * len(chunk))})"
                found.update((source, r[0]) for r in self.db.execute(sql, [source, *chunk]))
        return found

    # ----------------------------------------------------------------- posts
    def count(self, table: str) -> int:
        return self.db[table].count if self.db[table].exists() else 0

    def posts(self, where: str | None = None, params: Iterable[Any] = ()) -> Iterator[Post]:
        for row in self.db["posts"].rows_where(where, list(params), order_by="created_at"):
            yield Post.from_row(row)

    def posts_to_extract(self, pipeline_version: str, reprocess: bool = False,
                         batch_size: int = 2000) -> Iterator[list[Post]]:
        """Batches of posts with no extraction yet, or one from another pipeline version.

        Keyset paging over (source, id): each batch is read whole before it is handed out,
        so the caller may write between batches, and memory stays flat on any database.
        """
        sql = ("select p.* from posts p left join extractions e on e.source = p.source"
               " and e.id = p.id where (p.source, p.id) > (?, ?)")
        if not reprocess:
            sql += " and (e.id is null or e.pipeline_version != ?)"
        sql += " order by p.source, p.id limit ?"
        last = ("", "")
        while True:
            args: list[Any] = [*last, pipeline_version, batch_size] if not reprocess else [*last, batch_size]
            rows = list(self.db.query(sql, args))
            if not rows:
                return
            yield [Post.from_row(r) for r in rows]
            last = (rows[-1]["source"], rows[-1]["id"])

    def count_to_extract(self, pipeline_version: str, reprocess: bool = False) -> int:
        if reprocess:
            return self.count("posts")
        return self.db.execute(
            "select count(*) from posts p left join extractions e on e.source = p.source"
            " and e.id = p.id where e.id is null or e.pipeline_version != ?",
            [pipeline_version]).fetchone()[0]

    # ----------------------------------------------------------- extractions
    def save_extractions(self, extractions: Iterable[Extraction]) -> int:
        """Replace the extraction and places of each post, in one transaction."""
        stamp = now_iso()
        ext_rows, place_rows, keys = [], [], []
        for e in extractions:
            keys.append((e.source, e.id))
            ext_rows.append((e.source, e.id, int(e.is_outage_report), round(e.outage_score, 4),
                             e.service, json.dumps(e.symptoms), json.dumps(e.http_codes),
                             len(e.places), iso(e.mentioned_at), e.pipeline_version, stamp))
            for n, p in enumerate(e.places):
                place_rows.append((e.source, e.id, n, p.text, p.name, p.kind, p.country,
                                   p.admin1, p.lat, p.lon, p.origin))
        conn = self.db.conn
        with conn:
            conn.executemany("delete from places where source = ? and id = ?", keys)
            conn.executemany(
                "insert or replace into extractions (source, id, is_outage_report, outage_score,"
                " service, symptoms, http_codes, n_places, mentioned_at, pipeline_version,"
                " extracted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ext_rows)
            conn.executemany(
                "insert into places (source, id, n, text, name, kind, country, admin1, lat, lon,"
                " origin) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", place_rows)
        return len(ext_rows)

    def reports(self, service: str | None = None, min_score: float | None = None) -> Iterator[dict[str, Any]]:
        """Outage reports joined with their post time and first place, oldest first. `min_score`
        keeps only reports scored at least that (the flag's own threshold is 0.55): fewer false
        reports, and fewer true ones."""
        sql = (
            "select e.source, e.id, e.service, e.symptoms, e.http_codes, e.outage_score,"
            " p.created_at, p.text, pl.name as place, pl.admin1, pl.country"
            " from extractions e join posts p on p.source = e.source and p.id = e.id"
            " left join places pl on pl.source = e.source and pl.id = e.id and pl.n = 0"
            " where e.is_outage_report = 1 and e.service is not null and p.created_at is not null")
        args: list[Any] = []
        if service:
            sql += " and e.service = ?"
            args.append(service)
        if min_score is not None:
            sql += " and e.outage_score >= ?"
            args.append(min_score)
        yield from self.db.query(sql + " order by p.created_at", args)

    # --------------------------------------------------------------- signals
    def replace_signals(self, bins: Iterable[dict[str, Any]],
                        incidents: Iterable[dict[str, Any]]) -> None:
        """`detect` rebuilds its tables whole, so a re-run never mixes old and new results."""
        bins, incidents = list(bins), list(incidents)
        with self.db.conn:
            self.db.conn.execute("delete from bins")
            self.db.conn.execute("delete from incidents")
        self.db["bins"].insert_all(bins, batch_size=2000)
        self.db["incidents"].insert_all(incidents)

    def save_status_events(self, events: Iterable[dict[str, Any]]) -> int:
        events = list(events)
        self.db["status_events"].upsert_all(events, pk=("source", "service", "time", "title"))
        return len(events)

    def status_events(self, service: str | None = None) -> list[dict[str, Any]]:
        where = "service = ?" if service else None
        return list(self.db["status_events"].rows_where(where, [service] if service else [],
                                                        order_by="time"))

    def incidents(self) -> list[dict[str, Any]]:
        return list(self.db["incidents"].rows_where(order_by="start"))
