"""Throughput and peak memory of the NLP pipeline (`miner extract`'s work) in one process.

    python scripts/bench_extract.py [N]     # default 20,000 posts; prints posts/s and peak MiB

Two sets of posts: the embedded replay's texts and author locations, repeated to N with fresh
ids (short: 50 characters on average), and, where ../shared/data is there, N real tweets read
from its CSV files by `miner import`'s own reader (130 characters on average, so slower).
Loading (model, gazetteer, catalogue, patterns: one warm-up batch) is timed apart; each run is
repeated and the best and median passes are reported.
"""

from __future__ import annotations

import logging
import resource
import statistics
import sys
import time
from itertools import cycle, islice
from pathlib import Path

from miner.collectors.files import Options, plan_file, read_batches
from miner.collectors.sample import post_from_sample, sample_records
from miner.nlp.extract import default_pipeline, extract_batch
from miner.nlp.places import find_places
from miner.nlp.services import find_services
from miner.nlp.symptoms import find_symptoms
from miner.records import Post

REPEATS = 3


SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
REAL_FILES = ["categorising-tweets/labelled_data.DERIVED.csv", "twcs-sample/twcs_first5000.csv",
              "DisasterRelief/raw_tweets.csv", "power-outage-detection-WA/wa_tweets.csv"]


def real_posts(n: int) -> list[Post]:
    """Up to n real tweets from ../shared/data, read as `miner import` reads them."""
    logging.getLogger("miner").setLevel(logging.ERROR)  # "no id column": ids are hashes, fine here
    posts: list[Post] = []
    for name in REAL_FILES:
        path = SHARED / name
        if path.exists():
            for batch in read_batches(plan_file(str(path), Options()), report=lambda line: None):
                posts += batch.posts
                if len(posts) >= n:
                    return posts[:n]
    return posts


def timed(label: str, posts: list[Post], nlp) -> None:
    runs = []
    for _ in range(REPEATS):  # a shared VM is noisy: report the best and the median pass
        t0 = time.perf_counter()
        for i in range(0, len(posts), 2000):
            extract_batch(posts[i:i + 2000], nlp)
        runs.append(time.perf_counter() - t0)
    best, median = min(runs), statistics.median(runs)
    chars = statistics.mean(len(p.text or "") for p in posts)
    print(f"extract, {label}: {len(posts)} posts of {chars:.0f} characters on average, best of {REPEATS} "
          f"passes {len(posts) / best:,.0f} posts/s, median {len(posts) / median:,.0f} (one process)")


def main(n: int = 20_000) -> None:
    records = list(islice(cycle(sample_records()), n))
    posts = [post_from_sample({**r, "id": f"b{i}"}) for i, r in enumerate(records)]
    t0 = time.perf_counter()
    nlp = default_pipeline()
    extract_batch(posts[:2000], nlp)  # builds gazetteer, catalogue and every language's patterns
    print(f"extract: loading {time.perf_counter() - t0:.2f} s")
    timed("embedded replay", posts, nlp)
    real = real_posts(n)
    if real:
        timed("real tweets from ../shared/data", real, nlp)
    else:
        print("extract, real tweets: skipped (no ../shared/data beside the project)")
    print(f"extract: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    texts = [p.text for p in posts]
    for name, fn in [("services", find_services), ("symptoms", find_symptoms), ("places", find_places)]:
        t0 = time.perf_counter()
        for text in texts:
            fn(text)
        print(f"  {name}: {n / (time.perf_counter() - t0):,.0f} posts/s alone")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
