"""The records that cross stages. Every source maps its raw JSON into a `Post` in one place."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any


def to_utc(value: datetime | str | int | float | None) -> datetime | None:
    """Parse an ISO 8601 string, a unix timestamp or a datetime into an aware UTC datetime.

    Naive datetimes are taken to be UTC already: every source we read states UTC or an offset.
    """
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(float(value), tz=timezone.utc)
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def iso(value: datetime | None) -> str | None:
    """The one text form of a time in the database: ISO 8601, UTC, seconds, trailing Z."""
    if value is None:
        return None
    return to_utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(slots=True)
class Post:
    """One post from any source, normalised.

    `id` is unique within `source`; `raw` keeps the source's own JSON so that later
    pipeline versions can re-process it without harvesting again.
    """

    source: str
    id: str
    text: str
    created_at: datetime | None
    url: str | None = None
    author: str | None = None
    lang: str | None = None
    author_location: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.id = str(self.id)
        self.created_at = to_utc(self.created_at)

    def to_row(self) -> dict[str, Any]:
        """The `posts` table row (without run bookkeeping)."""
        return {
            "source": self.source,
            "id": self.id,
            "url": self.url,
            "author": self.author,
            "text": self.text,
            "lang": self.lang,
            "created_at": iso(self.created_at),
            "author_location": self.author_location,
            "raw": json.dumps(self.raw, ensure_ascii=False, separators=(",", ":"), default=str),
        }

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Post":
        raw = row.get("raw")
        return cls(
            source=row["source"],
            id=row["id"],
            text=row.get("text") or "",
            created_at=row.get("created_at"),
            url=row.get("url"),
            author=row.get("author"),
            lang=row.get("lang"),
            author_location=row.get("author_location"),
            raw=json.loads(raw) if isinstance(raw, str) and raw else (raw or {}),
        )


@dataclass(slots=True)
class Place:
    """A place a post names (origin `text`) or its author declares (origin `author_location`)."""

    text: str
    name: str
    kind: str  # city | region | country | area
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None  # first-level division, e.g. "California" / "Ontario"
    lat: float | None = None
    lon: float | None = None
    origin: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "origin": self.origin,
        }


@dataclass(slots=True)
class Extraction:
    """What the NLP stage decides about one post."""

    source: str
    id: str
    is_outage_report: bool
    outage_score: float
    service: str | None = None
    symptoms: list[str] = field(default_factory=list)
    http_codes: list[int] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    mentioned_at: datetime | None = None
    pipeline_version: str = ""
