"""`miner export`: any table out as JSONL or CSV, streamed, for other tools and notebooks.

Posts exported as JSONL import back with `miner import` (format `miner`), raw JSON included.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from ..store import Store

TABLES = ("posts", "extractions", "places", "runs", "bins", "incidents", "status_events")
JSON_COLUMNS = {"raw", "params", "symptoms", "http_codes", "top_symptoms", "top_places"}


def rows(store: Store, table: str, where: str | None = None) -> Iterator[dict[str, Any]]:
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; one of: {', '.join(TABLES)}")
    order = "source, id" if table in ("posts", "extractions", "places") else None
    yield from store.db[table].rows_where(where, order_by=order)


def write_jsonl(items: Iterator[dict[str, Any]], out: IO[str]) -> int:
    """One object a line; JSON-in-text columns (raw, symptoms...) become real JSON values."""
    n = 0
    for row in items:
        for key in JSON_COLUMNS & row.keys():
            if isinstance(row[key], str) and row[key]:
                row[key] = json.loads(row[key])
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(items: Iterator[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    writer = None
    for row in items:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        n += 1
    return n
