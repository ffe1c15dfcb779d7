"""The embedded replay corpus: SYNTHETIC posts modelled on the ChatGPT outages of 3-4 Feb 2026.

Made by scripts/make_sample.py (fixed seed). Used by `miner demo`, the tests and notebooks,
so that every stage can run with no network and no credentials.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

from ..records import Post
from ..store import Store
from .base import Batch, Summary, batched, harvest

SOURCE = "sample"
BATCH_SIZE = 1000


def _data(name: str):
    return resources.files("miner") / "data" / name


def post_from_sample(raw: dict[str, Any]) -> Post:
    """The one mapping of a replay record into a Post."""
    author = raw.get("author") or {}
    return Post(source=SOURCE, id=raw["id"], text=raw["text"], created_at=raw["created_at"],
                url=raw.get("url"), author=author.get("handle"), lang=raw.get("lang"),
                author_location=author.get("location"), raw=raw)


def sample_records() -> Iterator[dict[str, Any]]:
    with _data("sample_posts.jsonl.gz").open("rb") as fh, gzip.open(fh, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def status_events() -> list[dict[str, Any]]:
    return json.loads(_data("sample_status.json").read_text(encoding="utf-8"))


def truth() -> list[dict[str, Any]]:
    """The injected incidents (service, start, peak, end in UTC): the ground truth of the replay."""
    return json.loads(_data("sample_truth.json").read_text(encoding="utf-8"))


def pages(cursor: str | None) -> Iterator[Batch]:
    """Pages of the replay; the cursor is the number of records already committed."""
    done = int(cursor or 0)
    records = sample_records()
    for _ in range(done):
        next(records, None)
    for chunk in batched(records, BATCH_SIZE):
        done += len(chunk)
        yield Batch([post_from_sample(r) for r in chunk], cursor=str(done))


def harvest_sample(store: Store, resume: bool = False, show_progress: bool | None = None) -> Summary:
    """Load the replay posts and the replay's status-page events into `store`."""
    summary = harvest(store, SOURCE, pages, query="replay", resume=resume, show_progress=show_progress)
    store.save_status_events(status_events())
    return summary
