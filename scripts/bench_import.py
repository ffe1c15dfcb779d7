"""Throughput of `miner import`: N synthetic JSONL posts into a fresh SQLite database.

    python scripts/bench_import.py [N]      # default 200,000; prints posts/s

Runs the real command line in a subprocess and times it end to end (start-up included).
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("is", "down", "again", "outage", "can't", "login", "error", "502", "app", "not",
         "loading", "anyone", "else", "internet", "power", "out", "since", "morning", "the")
SERVICES = ("ChatGPT", "Comcast", "Verizon", "AWS", "GitHub", "Discord", "Steam", "PG&E")
PLACES = ("Seattle, WA", "Austin, TX", "London", "Toronto, Ontario", "", "Berlin")


def write_posts(path: Path, n: int, seed: int = 1) -> None:
    """n posts in the shape of a generic JSONL export (id, text, created_at, username, ...)."""
    rnd = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            when = start + timedelta(seconds=i * 3)
            text = f"{rnd.choice(SERVICES)} " + " ".join(rnd.choices(WORDS, k=rnd.randint(6, 24)))
            f.write(json.dumps({
                "id": str(1_700_000_000_000_000_000 + i), "text": text,
                "created_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "username": f"user{rnd.randint(1, 50_000)}", "location": rnd.choice(PLACES),
                "lang": "en", "retweet_count": rnd.randint(0, 9), "like_count": rnd.randint(0, 99),
            }) + "\n")


def main(n: int = 200_000) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        data, db = Path(tmp) / "posts.jsonl", Path(tmp) / "bench.db"
        write_posts(data, n)
        cmd = [sys.executable, "-c", "from miner.cli import cli; cli()", "--db", str(db),
               "import", str(data)]
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True)
        elapsed = time.perf_counter() - t0
        stored = sqlite3.connect(db).execute("select count(*) from posts").fetchone()[0]
    rate = n / elapsed
    print(f"miner import: {n:,} JSONL posts ({stored:,} stored) in {elapsed:.2f}s = "
          f"{rate:,.0f} posts/s")
    return rate


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
