from datetime import datetime, timezone

import pytest

from miner.nlp.times import mentioned_at

POSTED = datetime(2026, 2, 4, 17, 40, tzinfo=timezone.utc)  # 9:40 PST


@pytest.mark.parametrize("text, expected", [
    ("chatgpt down since 9:26 a.m. PST", "2026-02-04T17:26"),
    ("broken since 9:26am pst", "2026-02-04T17:26"),
    ("errors from 12:15 EST", "2026-02-04T17:15"),
    ("down for the last hour", "2026-02-04T16:40"),
    ("been failing for 20 minutes", "2026-02-04T17:20"),
    ("went down 2 hours ago", "2026-02-04T15:40"),
    ("for about ten minutes now", "2026-02-04T17:30"),
    ("not working since yesterday", "2026-02-03T17:40"),
    ("no power since last night", "2026-02-03T22:00"),
    ("down since noon", "2026-02-04T12:00"),
    ("down since midnight", "2026-02-04T00:00"),
    ("no signal since 9.30", "2026-02-04T09:30"),
    ("been down for half an hour", "2026-02-04T17:10"),
    ("broken since Tuesday", "2026-02-03T00:00"),
    ("seit 10 Uhr kein Internet", "2026-02-04T10:00"),
    ("en panne depuis 14h30", "2026-02-04T14:30"),
    ("no funciona desde las 9:30", "2026-02-04T09:30"),
    ("fora do ar desde as 9h", "2026-02-04T09:00"),
])
def test_resolves_against_post_time(text, expected):
    assert mentioned_at(text, POSTED).strftime("%Y-%m-%dT%H:%M") == expected


def test_clock_time_later_than_post_means_yesterday():
    assert mentioned_at("down since 11pm UTC", POSTED).strftime("%Y-%m-%dT%H:%M") == "2026-02-03T23:00"


@pytest.mark.parametrize("text", ["error 403 on every prompt", "500 people affected", "I have 3 chats",
                                  "at 5 people are affected", "selling at 4.50 a month"])
def test_no_time_expression(text):
    assert mentioned_at(text, POSTED) is None


def test_no_post_time_no_answer():
    assert mentioned_at("since 9:26 a.m. PST", None) is None
