import csv
import io
import json

from click.testing import CliRunner

from miner.cli import cli
from miner.records import Post
from miner.store import Store


def test_posts_round_trip_through_export_and_import(tmp_path):
    db, other = tmp_path / "a.db", tmp_path / "b.db"
    Store(db).save_batch(None, [Post("bluesky", "at://x/1", "chatgpt down", "2026-02-04T17:30:00Z",
                                     author="me", raw={"deep": {"k": [1, 2]}})])
    runner = CliRunner()
    out = tmp_path / "posts.jsonl"
    result = runner.invoke(cli, ["--db", str(db), "export", "posts", "-o", str(out)])
    assert result.exit_code == 0, result.output
    line = json.loads(out.read_text())
    assert line["raw"] == {"deep": {"k": [1, 2]}} and line["source"] == "bluesky"
    result = runner.invoke(cli, ["--db", str(other), "import", str(out)])
    assert result.exit_code == 0, result.output
    back = next(Store(other).posts())
    assert (back.source, back.id, back.raw, back.created_at.isoformat()) == (
        "bluesky", "at://x/1", {"deep": {"k": [1, 2]}}, "2026-02-04T17:30:00+00:00")


def test_csv_export_with_where(tmp_path):
    db = tmp_path / "a.db"
    Store(db).save_batch(None, [Post("s", str(i), f"post {i}", "2026-02-04T17:30:00Z") for i in range(3)])
    result = CliRunner().invoke(cli, ["--db", str(db), "export", "posts", "--format", "csv", "--where", "id != '1'"])
    assert result.exit_code == 0, result.output
    got = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in got] == ["0", "2"] and "text" in got[0]
