import random
from datetime import datetime, timedelta, timezone

from miner.signals.baseline import scores, trailing_baseline
from miner.signals.bins import ALL, count_bins, floor_time
from miner.signals.incidents import detect, find_runs

T0 = datetime(2026, 2, 4, 0, 0, tzinfo=timezone.utc)


def reports(per_minute, service="chatgpt", symptom="login", place=None, admin1=None, country=None):
    out = []
    for minute, n in per_minute:
        for k in range(n):
            out.append({"service": service, "created_at": (T0 + timedelta(minutes=minute, seconds=k % 60)).isoformat(),
                        "symptoms": [symptom], "place": place, "admin1": admin1, "country": country})
    return out


def background(rng, hours=24, rate=0.05):
    return [(m, 1) for m in range(hours * 60) if rng.random() < rate]


def outage(onset, up=20, down=30, peak=40):
    shape = [(onset + i, max(1, round(peak * (i + 1) / up))) for i in range(up)]
    return shape + [(onset + up + i, max(0, round(peak * (1 - i / down)))) for i in range(down)]


def test_floor_and_bins_count_every_slice():
    assert floor_time(T0 + timedelta(minutes=7, seconds=59), 5) == T0 + timedelta(minutes=5)
    rows = reports([(1, 2)], admin1="Ontario", country="CA") + reports([(3, 1)], symptom="upload")
    series, first, last = count_bins(rows, 5)
    assert series[("chatgpt", ALL, ALL)][T0] == 3
    assert series[("chatgpt", "login", ALL)][T0] == 2
    assert series[("chatgpt", ALL, "Ontario, CA")][T0] == 2
    assert first == last == T0


def test_trailing_median_ignores_a_spike_and_excludes_the_bin_itself():
    values = [1, 1, 1, 50, 1, 1]
    base = trailing_baseline(values, window=5)
    assert base[3] == 1.0 and base[4] == 1.0
    s = scores(values, base)
    assert s[3] > 30 and abs(s[4]) < 0.01


def test_find_runs_start_peak_end():
    values = [0, 0, 1, 3, 9, 20, 12, 4, 1, 0, 0, 0, 0]
    base = [0.2] * len(values)
    (start, peak, end), = find_runs(values, scores(values, base), threshold=6, min_reports=5, quiet_bins=2)
    assert values[peak] == 20 and start <= 3 and 7 <= end <= 9


def test_detects_outage_within_minutes_of_onset_and_not_in_background():
    rng = random.Random(1)
    onset = 16 * 60 + 20
    rows = reports(background(rng)) + reports(outage(onset), place="Toronto", admin1="Ontario", country="CA")
    rows.sort(key=lambda r: r["created_at"])
    _, incidents = detect(rows, bin_minutes=5, threshold=6)
    assert len(incidents) == 1
    inc = incidents[0]
    start = datetime.fromisoformat(inc["start"].replace("Z", "+00:00"))
    assert abs((start - (T0 + timedelta(minutes=onset))).total_seconds()) <= 10 * 60
    assert inc["start"] < inc["peak"] < inc["end"]
    assert "login" in inc["top_symptoms"] and "Toronto" in inc["top_places"]


def test_no_incident_in_noise_alone():
    rng = random.Random(2)
    _, incidents = detect(reports(background(rng, rate=0.3)), bin_minutes=5, threshold=6)
    assert incidents == []


def test_status_page_first_word_is_attached():
    rng = random.Random(3)
    onset = 10 * 60
    rows = sorted(reports(background(rng)) + reports(outage(onset)), key=lambda r: r["created_at"])
    event = {"service": "chatgpt", "time": (T0 + timedelta(minutes=onset + 12)).strftime("%Y-%m-%dT%H:%M:%SZ")}
    _, (inc,) = detect(rows, status_events=[event])
    assert inc["first_status_event"] == event["time"]
