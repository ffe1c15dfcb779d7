from collections import Counter

from miner.collectors import sample
from miner.records import to_utc
from miner.store import Store


def test_replay_is_big_enough_and_modelled_on_the_outage():
    records = list(sample.sample_records())
    assert len(records) >= 5000
    days = Counter(r["created_at"][:10] for r in records)
    assert {"2026-02-03", "2026-02-04"} <= set(days)
    langs = {r["lang"] for r in records}
    assert {"en", "es", "fr", "de", "pt"} <= langs
    text = " ".join(r["text"] for r in records).lower()
    for phrase in ["error 403", "upload images", "chat history", "something seems to have gone wrong",
                   "toronto", "southern california", "#chatgptdown", "custom gpt"]:
        assert phrase in text, phrase


def test_replay_follows_downdetector_shape():
    """Reports per minute rise from onset (9:20 PST) to a peak about 9:40-9:47 and fall by 10:00."""
    per_min = Counter(r["created_at"][11:16] for r in sample.sample_records()
                      if r["kind"] == "report" and r["created_at"].startswith("2026-02-04T1"))
    at = lambda hhmm: sum(per_min[f"{hhmm[:3]}{int(hhmm[3:]) + d:02d}"] for d in range(-1, 2)) / 3
    assert at("17:26") < at("17:32") < at("17:40")
    assert at("17:44") > 4 * at("17:26")
    assert at("18:00") < at("17:44") / 3


def test_truth_and_status_events():
    truth = sample.truth()
    big = [t for t in truth if t["service"] == "chatgpt" and t["start"].startswith("2026-02-04")]
    assert big and big[0]["start"] == "2026-02-04T17:20:00Z"
    assert any(t["start"].startswith("2026-02-03") and t["service"] == "chatgpt" for t in truth)
    events = sample.status_events()
    mitigation = [e for e in events if "mitigation" in e["message"]]
    assert mitigation and mitigation[0]["time"] == "2026-02-04T17:32:00Z"
    first_ack = min(e["time"] for e in events if e["service"] == "chatgpt" and e["time"] >= "2026-02-04T12")
    assert to_utc(first_ack) > to_utc(big[0]["start"])  # acknowledged late


def test_harvest_twice_keeps_one_copy(tmp_path):
    store = Store(tmp_path / "s.db")
    first = sample.harvest_sample(store, show_progress=False)
    second = sample.harvest_sample(store, show_progress=False)
    assert first.new == store.count("posts") >= 5000
    assert (second.new, second.known) == (0, first.new)
    assert store.count("status_events") == len(sample.status_events())


def test_interrupted_harvest_resumes_without_gaps(tmp_path):
    store = Store(tmp_path / "s.db")
    pages = sample.pages(None)
    run = store.start_run("sample", "replay", None)
    batch = next(pages)
    store.save_batch(run, batch.posts, batch.cursor)
    store.finish_run(run, "interrupted")
    summary = sample.harvest_sample(store, resume=True, show_progress=False)
    assert summary.resumed and summary.run_id == run
    assert summary.known == 0
    assert store.count("posts") == len(list(sample.sample_records()))
