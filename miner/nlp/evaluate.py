"""`miner evaluate`: the pipeline against labelled posts (gold format in models/README.md)."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..records import Extraction, Post, iso
from . import pipeline, places, services
from .extract import extract_batch

SYMPTOM_CODES = ["http_error", "error_message", "login", "upload", "history", "not_loading",
                 "no_response", "slow", "connectivity", "app_crash", "power", "payment",
                 "feature_broken", "total_outage"]


def read_gold(path: Path) -> list[dict[str, Any]]:
    """Gold lines, with a one-line error naming the line and field that is wrong."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None
            for field in ("text", "is_outage_report"):
                if field not in row:
                    raise ValueError(f"{path}:{n}: missing field '{field}'")
            rows.append(row)
    return rows


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "support": tp + fn, "predicted": tp + fp}


def _service(name: str | None) -> str | None:
    if not name:
        return None
    return services.canonical(name) or name.strip().lower()


def _place_key(place: dict[str, Any]) -> tuple[str, str]:
    """Name and country, compared without case or accents ("Montréal" is "Montreal"), and by the
    gazetteer's name where the place has several ("Cologne" is "Köln")."""
    country = (place.get("country") or "").strip().upper()
    name = places.canonical_name((place.get("name") or "").strip(), country or None)
    name = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in name if not unicodedata.combining(ch)), country


def prediction(e: Extraction) -> dict[str, Any]:
    return {"is_outage_report": e.is_outage_report, "outage_score": round(e.outage_score, 4),
            "service": e.service, "symptoms": e.symptoms, "http_codes": e.http_codes,
            "places": [p.to_dict() for p in e.places if p.origin == "text"],
            "mentioned_at": iso(e.mentioned_at)}


def predict(gold: list[dict[str, Any]], model_path: str | None = None, ner: bool = False) -> list[dict[str, Any]]:
    """The pipeline's output for each gold post; `model_path`: a classifier other than the shipped
    one; `ner`: with spaCy's statistical NER."""
    posts = [Post(source="gold", id=str(n), text=row["text"], created_at=row.get("created_at"),
                  lang=row.get("lang")) for n, row in enumerate(gold)]
    nlp = pipeline.build(ner=ner, model_path=model_path) if model_path or ner else None
    return [prediction(e) for e in extract_batch(posts, nlp)]


def score(gold: list[dict[str, Any]], predicted: Iterable[dict[str, Any]]) -> dict[str, Any]:
    flag = Counter()
    symptom = {code: Counter() for code in SYMPTOM_CODES}
    http_right = http_total = service_right = 0
    place = Counter()
    for g, p in zip(gold, predicted):
        gf, pf = bool(g["is_outage_report"]), bool(p["is_outage_report"])
        flag["tp" if gf and pf else "fp" if pf else "fn" if gf else "tn"] += 1
        gs, ps = set(g.get("symptoms") or []), set(p.get("symptoms") or [])
        for code in SYMPTOM_CODES:
            c = symptom[code]
            c["tp"] += code in gs and code in ps
            c["fp"] += code in ps and code not in gs
            c["fn"] += code in gs and code not in ps
        gh, ph = set(g.get("http_codes") or []), set(p.get("http_codes") or [])
        if gh or ph:
            http_total += 1
            http_right += gh == ph
        service_right += _service(g.get("service")) == _service(p.get("service"))
        gp = Counter(_place_key(x) for x in g.get("places") or [])
        pp = Counter(_place_key(x) for x in p.get("places") or [])
        place["tp"] += sum((gp & pp).values())
        place["fp"] += sum((pp - gp).values())
        place["fn"] += sum((gp - pp).values())
    micro = Counter()
    for c in symptom.values():
        micro.update(c)
    n = len(gold)
    return {
        "n": n,
        "flag": prf(flag["tp"], flag["fp"], flag["fn"]),
        "symptoms": {code: prf(c["tp"], c["fp"], c["fn"]) for code, c in symptom.items()},
        "symptoms_micro": prf(micro["tp"], micro["fp"], micro["fn"]),
        "http_code_accuracy": http_right / http_total if http_total else None,
        "http_code_posts": http_total,
        "places": prf(place["tp"], place["fp"], place["fn"]),
        "service_accuracy": service_right / n if n else None,
    }


def score_by(gold: list[dict[str, Any]], predicted: list[dict[str, Any]], field: str) -> dict[str, dict[str, Any]]:
    """`score` for each value of a gold field ("dataset", "lang", a field of your own), so one
    source's errors don't hide behind another's; posts without the field are "(none)"."""
    groups: dict[str, list[int]] = {}
    for i, g in enumerate(gold):
        groups.setdefault(str(g.get(field) if g.get(field) not in (None, "") else "(none)"), []).append(i)
    return {name: score([gold[i] for i in idx], [predicted[i] for i in idx]) for name, idx in sorted(groups.items())}


def format_by(by: dict[str, dict[str, Any]], field: str) -> str:
    def num(x: float, ok: bool, w: int) -> str:  # "-" where there was nothing to measure
        return f"{x:{w}.3f}" if ok else f"{'-':>{w}}"

    width = max([len(field), *map(len, by)]) + 2
    lines = ["", "", f"by {field}:", f"{'':<{width}} {'posts':>5}   {'flag P':>6} {'R':>5} {'F1':>5}   {'symptoms F1':>11}"
             f"   {'places P':>8} {'R':>5}"]
    for name, m in by.items():
        f, s, pl = m["flag"], m["symptoms_micro"], m["places"]
        some = {k: x["predicted"] + x["support"] > 0 for k, x in (("f", f), ("s", s))}
        lines.append(f"{name:<{width}} {m['n']:5d}   {num(f['precision'], f['predicted'] > 0, 6)} "
                     f"{num(f['recall'], f['support'] > 0, 5)} {num(f['f1'], some['f'], 5)}   "
                     f"{num(s['f1'], some['s'], 11)}   {num(pl['precision'], pl['predicted'] > 0, 8)} "
                     f"{num(pl['recall'], pl['support'] > 0, 5)}")
    return "\n".join(lines)


def format_metrics(m: dict[str, Any]) -> str:
    def row(name, s):
        return f"{name:<16} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:7.3f} {s['support']:8d}"
    lines = [f"{m['n']} labelled posts", "", f"{'':<16} {'precision':>9} {'recall':>7} {'f1':>7} {'support':>8}",
             row("outage report", m["flag"]), row("places", m["places"]), row("symptoms (micro)", m["symptoms_micro"]),
             ""]
    lines += [row(f"  {code}", s) for code, s in m["symptoms"].items() if s["support"] or s["precision"]]
    http = m["http_code_accuracy"]
    lines += ["", f"http codes: {'n/a' if http is None else f'{http:.3f}'} exact-set accuracy"
              f" on {m['http_code_posts']} posts that name any",
              f"service: {m['service_accuracy']:.3f} accuracy"]
    return "\n".join(lines)
