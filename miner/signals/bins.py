"""Binned counts of outage reports per service x symptom x region.

A series key is (service, symptom, region); "*" stands for all symptoms or all regions, so
("chatgpt", "*", "*") is every ChatGPT report and ("chatgpt", "login", "Ontario") a slice.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from typing import Any

from ..records import to_utc

ALL = "*"
SeriesKey = tuple[str, str, str]


def floor_time(t: datetime, minutes: int) -> datetime:
    epoch_min = int(t.timestamp() // 60)
    return datetime.fromtimestamp((epoch_min - epoch_min % minutes) * 60, tz=timezone.utc)


def region_of(report: dict[str, Any]) -> str | None:
    """The region a report is counted in: its first place's state/province, else its country."""
    if report.get("admin1"):
        return f"{report['admin1']}, {report['country']}" if report.get("country") else report["admin1"]
    return report.get("country") or None


def count_bins(reports: Iterable[dict[str, Any]], bin_minutes: int
               ) -> tuple[dict[SeriesKey, Counter], datetime | None, datetime | None]:
    """Counts per series per bin start, and the first and last bin seen."""
    series: dict[SeriesKey, Counter] = defaultdict(Counter)
    first = last = None
    for r in reports:
        t = floor_time(to_utc(r["created_at"]), bin_minutes)
        first = t if first is None or t < first else first
        last = t if last is None or t > last else last
        service = r["service"]
        symptoms = r["symptoms"] if isinstance(r["symptoms"], list) else json.loads(r["symptoms"] or "[]")
        region = region_of(r)
        series[(service, ALL, ALL)][t] += 1
        for s in symptoms:
            series[(service, s, ALL)][t] += 1
        if region:
            series[(service, ALL, region)][t] += 1
    return series, first, last


def timeline(counts: Counter, first: datetime, last: datetime, bin_minutes: int) -> list[tuple[datetime, int]]:
    """Every bin from first to last, zeros included: quiet time is what a baseline learns from."""
    out, t, step = [], first, timedelta(minutes=bin_minutes)
    while t <= last:
        out.append((t, counts.get(t, 0)))
        t += step
    return out
