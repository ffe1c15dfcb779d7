"""Incidents: runs of bins that stand well above the baseline, with start, peak and end.

An incident opens at a bin whose score reaches `threshold` with at least `min_reports`
reports; its start is pushed back to the first bin of the run that was already above a third
of the threshold (2 at least); it ends when the series has stayed under that for `quiet_bins`
bins. Incidents of one service closer than `merge_minutes` are one incident.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from ..records import iso, to_utc
from ..store import Store
from .baseline import scores, trailing_baseline
from .bins import ALL, count_bins, region_of, timeline

DETECTOR = "median-baseline-v1"


def find_runs(values: list[int], score: list[float], threshold: float, min_reports: int,
              quiet_bins: int) -> list[tuple[int, int, int]]:
    """(start, peak, end) bin indices of each incident; end is the first quiet bin."""
    runs, i, n = [], 0, len(values)
    low = max(2.0, threshold / 3)
    while i < n:
        if score[i] >= threshold and values[i] >= min_reports:
            start = i
            while start > 0 and score[start - 1] >= low and values[start - 1] > 0:
                start -= 1
            end, quiet = i, 0
            j = i
            while j < n and quiet < quiet_bins:
                quiet = quiet + 1 if score[j] < low else 0
                j += 1
            end = j - quiet if quiet >= quiet_bins else n
            peak = max(range(start, end), key=lambda k: values[k])
            runs.append((start, peak, end))
            i = max(end, i + 1)
        else:
            i += 1
    return runs


def detect(reports: list[dict[str, Any]], bin_minutes: int = 5, threshold: float = 6.0,
           min_reports: int = 5, baseline_hours: float = 12.0, quiet_minutes: int = 10,
           merge_minutes: int = 20, status_events: list[dict[str, Any]] | None = None
           ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Bins (rows of the bins table) and incidents (rows of the incidents table) from reports."""
    series, first, last = count_bins(reports, bin_minutes)
    if first is None:
        return [], []
    window = max(1, int(baseline_hours * 60 / bin_minutes))
    quiet_bins = max(1, quiet_minutes // bin_minutes)
    bins: list[dict[str, Any]] = []
    incidents: list[dict[str, Any]] = []
    for key in sorted(series):
        line = timeline(series[key], first, last, bin_minutes)
        values = [v for _, v in line]
        base = trailing_baseline(values, window)
        score = scores(values, base)
        for (t, v), b, s in zip(line, base, score):
            if v or key[1:] == (ALL, ALL):
                bins.append({"service": key[0], "symptom": key[1], "region": key[2],
                             "bin_start": iso(t), "bin_minutes": bin_minutes, "n": v,
                             "baseline": round(b, 3), "score": round(s, 3)})
        if key[1:] != (ALL, ALL):
            continue
        runs = merge(find_runs(values, score, threshold, min_reports, quiet_bins),
                     values, merge_minutes // bin_minutes)
        for start, peak, end in runs:
            incidents.append(describe(key[0], line, base, score, start, peak, end, bin_minutes))
    add_context(incidents, reports, status_events or [])
    incidents.sort(key=lambda r: r["start"])
    for n, inc in enumerate(incidents, 1):
        inc["id"] = n
    return bins, incidents


def merge(runs: list[tuple[int, int, int]], values: list[int], gap: int) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    for run in runs:
        if out and run[0] - out[-1][2] <= gap:
            s, p, _ = out[-1]
            peak = p if values[p] >= values[run[1]] else run[1]
            out[-1] = (s, peak, run[2])
        else:
            out.append(run)
    return out


def describe(service: str, line: list[tuple[datetime, int]], base: list[float], score: list[float],
             start: int, peak: int, end: int, bin_minutes: int) -> dict[str, Any]:
    end_time = line[end][0] if end < len(line) else line[-1][0] + timedelta(minutes=bin_minutes)
    return {"service": service, "start": iso(line[start][0]), "peak": iso(line[peak][0]),
            "end": iso(end_time), "peak_n": line[peak][1],
            "n_reports": sum(v for _, v in line[start:end]), "baseline": round(base[start], 3),
            "peak_score": round(max(score[start:end]), 2), "detector": DETECTOR}


def add_context(incidents: list[dict[str, Any]], reports: list[dict[str, Any]],
                status_events: list[dict[str, Any]]) -> None:
    """Top symptoms and places of each incident, and the status page's first word on it."""
    for inc in incidents:
        start, end = inc["start"], inc["end"]
        symptoms: Counter = Counter()
        places: Counter = Counter()
        for r in reports:
            if r["service"] != inc["service"] or not (start <= iso(to_utc(r["created_at"])) < end):
                continue
            sym = r["symptoms"] if isinstance(r["symptoms"], list) else json.loads(r["symptoms"] or "[]")
            symptoms.update(sym)
            if r.get("place"):
                places[r["place"] if not region_of(r) else f"{r['place']} ({region_of(r)})"] += 1
        inc["top_symptoms"] = json.dumps(symptoms.most_common(5))
        inc["top_places"] = json.dumps(places.most_common(5), ensure_ascii=False)
        lookback = iso(to_utc(start) - timedelta(hours=1))
        first = next((e["time"] for e in sorted(status_events, key=lambda e: e["time"])
                      if e["service"] == inc["service"] and lookback <= e["time"] < end), None)
        inc["first_status_event"] = first


def detect_store(store: Store, bin_minutes: int = 5, threshold: float = 6.0, min_score: float | None = None,
                 **options: Any) -> list[dict[str, Any]]:
    """Rebuild the bins and incidents tables from the store's outage reports (those scored
    `min_score` or more, when given)."""
    reports = list(store.reports(min_score=min_score))
    bins, incidents = detect(reports, bin_minutes=bin_minutes, threshold=threshold,
                             status_events=store.status_events(), **options)
    store.replace_signals(bins, incidents)
    return incidents
