"""CSV reports. Every column is documented in docs/csv.md: keep the two in step."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from ..records import to_utc
from ..store import Store

INCIDENT_COLUMNS = ["id", "service", "start", "peak", "end", "duration_min", "peak_n", "n_reports",
                    "baseline", "peak_score", "top_symptoms", "top_places", "first_status_event",
                    "status_lag_min", "detector"]
TIMELINE_COLUMNS = ["service", "symptom", "region", "bin_start", "bin_minutes", "n", "baseline", "score"]
REPORT_COLUMNS = ["source", "id", "created_at", "service", "symptoms", "http_codes", "outage_score",
                  "place", "admin1", "country", "text"]
PLACE_COLUMNS = ["service", "name", "kind", "admin1", "country", "lat", "lon", "n_reports"]


def _minutes(a: str | None, b: str | None) -> float | None:
    if not a or not b:
        return None
    return round((to_utc(b) - to_utc(a)).total_seconds() / 60, 1)


def _pairs(value: str | None) -> str:
    """[["login", 12], ...] as 'login:12; upload:3' (easier to read in a spreadsheet)."""
    return "; ".join(f"{k}:{n}" for k, n in json.loads(value or "[]"))


def incident_rows(store: Store) -> list[dict[str, Any]]:
    rows = []
    for inc in store.incidents():
        row = {c: inc.get(c) for c in INCIDENT_COLUMNS}
        row["duration_min"] = _minutes(inc["start"], inc["end"])
        row["status_lag_min"] = _minutes(inc["start"], inc.get("first_status_event"))
        row["top_symptoms"] = _pairs(inc["top_symptoms"])
        row["top_places"] = _pairs(inc["top_places"])
        rows.append(row)
    return rows


def place_rows(store: Store) -> list[dict[str, Any]]:
    return list(store.db.query(
        "select e.service, pl.name, pl.kind, pl.admin1, pl.country, pl.lat, pl.lon,"
        " count(*) as n_reports from places pl join extractions e"
        " on e.source = pl.source and e.id = pl.id where e.is_outage_report = 1"
        " group by e.service, pl.name, pl.kind, pl.admin1, pl.country"
        " order by n_reports desc"))


def report_rows(store: Store) -> list[dict[str, Any]]:
    rows = []
    for r in store.reports():
        row = {c: r.get(c) for c in REPORT_COLUMNS}
        row["symptoms"] = " ".join(json.loads(r["symptoms"] or "[]"))
        row["http_codes"] = " ".join(str(c) for c in json.loads(r["http_codes"] or "[]"))
        rows.append(row)
    return rows


def write_csv(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_reports(store: Store, out_dir: Path) -> list[Path]:
    """incidents.csv, timeline.csv, reports.csv and places.csv in `out_dir`; returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    timeline = store.db["bins"].rows_where(order_by="service, symptom, region, bin_start")
    return [
        write_csv(out_dir / "incidents.csv", INCIDENT_COLUMNS, incident_rows(store)),
        write_csv(out_dir / "timeline.csv", TIMELINE_COLUMNS, list(timeline)),
        write_csv(out_dir / "reports.csv", REPORT_COLUMNS, report_rows(store)),
        write_csv(out_dir / "places.csv", PLACE_COLUMNS, place_rows(store)),
    ]
