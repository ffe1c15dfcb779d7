import csv
from datetime import datetime

import pytest
from click.testing import CliRunner

from miner.cli import cli
from miner.collectors import sample
from miner.store import Store


def commands(group=cli, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,), command
        if hasattr(command, "commands"):
            yield from commands(command, prefix + (name,))


@pytest.mark.parametrize("path", [p for p, c in commands() if not hasattr(c, "commands")],
                         ids=lambda p: " ".join(p))
def test_every_command_has_help_with_an_example(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"miner {' '.join(path)} --help shows no example"


def when(value):
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("demo")
    db, out = tmp / "demo.db", tmp / "reports"
    runner = CliRunner()
    first = runner.invoke(cli, ["--db", str(db), "demo", "--out", str(out)])
    assert first.exit_code == 0, first.output
    n_posts = Store(db).count("posts")
    second = runner.invoke(cli, ["--db", str(db), "demo", "--out", str(out)])
    assert second.exit_code == 0, second.output
    return db, out, first, second, n_posts


def test_demo_prints_where_the_reports_are(demo_run):
    _, out, first, _, _ = demo_run
    assert str(out / "incidents.csv") in first.stdout
    for name in ["incidents.csv", "timeline.csv", "reports.csv", "places.csv"]:
        assert (out / name).exists()


def test_demo_finds_the_injected_incidents(demo_run):
    _, out, _, _, _ = demo_run
    with open(out / "incidents.csv", newline="") as fh:
        found = list(csv.DictReader(fh))
    for truth in sample.truth():
        match = [f for f in found if f["service"] == truth["service"]
                 and when(f["start"]) <= when(truth["end"]) and when(f["end"]) >= when(truth["start"])]
        assert match, f"missed {truth}"
        lag = abs((when(match[0]["start"]) - when(truth["start"])).total_seconds()) / 60
        assert lag <= 10, f"{truth['service']} {truth['start']}: start off by {lag:.0f} min"
    big = next(f for f in found if f["service"] == "chatgpt" and f["start"].startswith("2026-02-04"))
    assert "http_error" in big["top_symptoms"] or "error_message" in big["top_symptoms"]
    assert float(big["status_lag_min"]) > 0  # the status page lagged the posts
    assert len(found) <= len(sample.truth()) + 1  # background noise does not raise incidents


def test_demo_twice_keeps_the_same_posts(demo_run):
    db, _, _, second, n_posts = demo_run
    assert Store(db).count("posts") == n_posts == len(list(sample.sample_records()))
    assert "0 new" in second.stderr


def test_stages_one_by_one(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "s.db")
    assert runner.invoke(cli, ["--db", db, "harvest", "sample"]).exit_code == 0
    result = runner.invoke(cli, ["--db", db, "extract"])
    assert result.exit_code == 0 and "processed" in result.stderr
    again = runner.invoke(cli, ["--db", db, "extract"])
    assert "0 posts processed" in again.stderr
    result = runner.invoke(cli, ["--db", db, "detect", "--bin", "1"])
    assert result.exit_code == 0 and "incident: chatgpt" in result.stderr
    strict = runner.invoke(cli, ["--db", db, "detect", "--bin", "1", "--min-score", "0.99"])
    assert strict.exit_code == 0 and "detect: 0 incidents" in strict.stderr  # no report is that sure
    assert runner.invoke(cli, ["--db", db, "detect", "--min-score", "2"]).exit_code == 2
    result = runner.invoke(cli, ["--db", db, "detect", "--bin", "1"])
    result = runner.invoke(cli, ["--db", db, "-q", "report", "--out", str(tmp_path / "r")])
    assert result.exit_code == 0 and result.stderr == ""
    assert (tmp_path / "r" / "incidents.csv").read_text().startswith("id,service,start,peak,end")


def test_services_file_adds_a_service_to_extract(tmp_path, monkeypatch):
    monkeypatch.setenv("MINER_SERVICES", "")  # restored after the test: the option sets it for the process
    db, posts, mine = tmp_path / "t.db", tmp_path / "posts.jsonl", tmp_path / "mine.json"
    posts.write_text('{"id": "1", "text": "is acmecloud down? dashboard says error 503", '
                     '"created_at": "2026-02-04T17:30:00Z"}\n', encoding="utf-8")
    mine.write_text('{"services": [{"name": "acmecloud", "display": "Acme Cloud", "category": "cloud", '
                    '"aliases": ["acmecloud", "acme cloud"]}]}', encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "import", str(posts)]).exit_code == 0
    result = runner.invoke(cli, ["--db", str(db), "--services", str(mine), "extract"])
    assert result.exit_code == 0, result.output
    assert [r["service"] for r in Store(db).db["extractions"].rows] == ["acmecloud"]

    mine.write_text('{"services": [', encoding="utf-8")
    result = runner.invoke(cli, ["--db", str(db), "--services", str(mine), "extract"])
    assert result.exit_code == 1 and "mine.json:1: not JSON" in result.output
