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
    ("caído desde las 9", "2026-02-04T09:00"),  # "las": an hour, even bare
    ("it went down at noon ET", "2026-02-04T17:00"),
    ("been broken all morning", "2026-02-04T08:00"),
    ("down since yesterday morning", "2026-02-03T08:00"),
    ("No service since early afternoon", "2026-02-04T13:00"),
    ("we have no internet because of last nights outage", "2026-02-03T22:00"),
    ("been without power since yesterday at 10 AM", "2026-02-03T10:00"),  # the day "yesterday" says
    ("It's been 9 hours since I first called", "2026-02-04T08:40"),
    ("2 weeks without internet", "2026-01-21T17:40"),
    ("Day 3 of no internet", "2026-02-02T17:40"),  # day 1 was two days ago
    ("down for several days", "2026-02-01T17:40"),
    ("the power went out at 3am", "2026-02-04T03:00"),
    ("around 8:30am our power went out", "2026-02-04T08:30"),
    # a time said of the fix or of what comes next is passed over for the one that says the start
    ("power outage this morning, meet tomorrow at 7:30am", "2026-02-04T08:00"),
    ("outage since 9am, they said restored at 4pm", "2026-02-04T09:00"),
])
def test_resolves_against_post_time(text, expected):
    assert mentioned_at(text, POSTED).strftime("%Y-%m-%dT%H:%M") == expected


def test_a_zone_name_reads_its_regions_clock_in_summer_too():
    july = datetime(2026, 7, 4, 17, 40, tzinfo=timezone.utc)  # 10:40 on the Pacific clock (PDT)
    assert mentioned_at("down since 9:26 a.m. PST", july).strftime("%H:%M") == "16:26"
    assert mentioned_at("down since 9:26 a.m. PDT", july).strftime("%H:%M") == "16:26"
    assert mentioned_at("errors from 12:15 ET", july).strftime("%H:%M") == "16:15"


def test_clock_time_later_than_post_means_yesterday():
    assert mentioned_at("down since 11pm UTC", POSTED).strftime("%Y-%m-%dT%H:%M") == "2026-02-03T23:00"


@pytest.mark.parametrize("text", ["error 403 on every prompt", "500 people affected", "I have 3 chats",
                                  "at 5 people are affected", "selling at 4.50 a month",
                                  # what is to come or the fix, not when it began
                                  "outage, and I have to be at work at 3am tomorrow",
                                  "what happened to the power being turned on at 2:00",
                                  "the outage was resolved at 6pm but still no internet",
                                  "power outage, school will be dismissed at 11:30",
                                  "no school, students will be bused home later this morning",
                                  # "at" a time that says nothing of the failure
                                  "power outage so no school, I'm going to my sisters at 7 am"])
def test_no_time_expression(text):
    assert mentioned_at(text, POSTED) is None


def test_no_post_time_no_answer():
    assert mentioned_at("since 9:26 a.m. PST", None) is None


def _place(name: str, lat: float, lon: float, origin: str = "text"):
    from miner.records import Place

    return Place(text=name, name=name, kind="city", lat=lat, lon=lon, origin=origin)


TORONTO = _place("Toronto", 43.70, -79.42, "author_location")
LOS_ANGELES = _place("Los Angeles", 34.05, -118.24)
PARIS = _place("Paris", 48.85, 2.35)


@pytest.mark.parametrize("text, places, expected", [
    ("chatgpt down since 9:26", [TORONTO], "2026-02-04T14:26"),  # 9:26 in Toronto (EST)
    ("chatgpt down since 9:26", [LOS_ANGELES], "2026-02-04T17:26"),  # 9:26 PST
    ("no power since this morning", [LOS_ANGELES], "2026-02-04T16:00"),  # 8:00 PST
    ("no power since last night", [LOS_ANGELES], "2026-02-04T06:00"),  # 22:00 PST the day before
    ("broken since Tuesday", [LOS_ANGELES], "2026-02-03T08:00"),  # Tuesday began at 00:00 PST
    ("en panne depuis 14h30", [PARIS], "2026-02-04T13:30"),  # 14:30 CET
    # the author's own place comes before the places the text names; a zone written wins
    ("down since 9:26", [LOS_ANGELES, TORONTO], "2026-02-04T14:26"),
    ("down since 9:26 PST", [TORONTO], "2026-02-04T17:26"),
    ("went down 2 hours ago", [TORONTO], "2026-02-04T15:40"),  # no clock: no zone needed
    ("down since 9:26", [_place("Point Nemo", -48.9, -123.4)], "2026-02-04T09:26"),  # no town near: UTC
])
def test_clock_times_are_read_in_the_authors_zone(text, places, expected):
    assert mentioned_at(text, POSTED, places).strftime("%Y-%m-%dT%H:%M") == expected


def test_the_pipeline_reads_times_on_the_authors_clock():
    from miner.nlp.extract import extract_batch
    from miner.records import Post

    post = Post(source="bluesky", id="1", text="chatgpt is down since 9:26, error 403 on every chat",
                created_at=POSTED, author_location="Toronto, Ontario")
    (found,) = extract_batch([post])
    assert found.is_outage_report
    assert found.mentioned_at.strftime("%Y-%m-%dT%H:%M") == "2026-02-04T14:26"


JUNE = datetime(2019, 6, 8, 22, 36, tzinfo=timezone.utc)  # 23:36 BST, 18:36 EDT


@pytest.mark.parametrize("text, expected", [
    # no place known: the clock of the country whose operator the post is addressed to, if it keeps one
    ("@ThreeUKSupport no signal since 4:30pm", "2019-06-08T15:30"),  # 4:30 BST
    ("@VodafoneUK no signal since 4:30pm", "2019-06-08T15:30"),  # GB by the handle's suffix
    ("@KenyaPower no power since 4:30pm", "2019-06-08T13:30"),  # 4:30 in Nairobi (UTC+3)
    ("@o2 down since this morning", "2019-06-08T07:00"),  # 8:00 BST
    # a country of several clocks (US, AU), or operators of two countries: UTC as before
    ("@comcastcares no internet since 4:30pm", "2019-06-08T16:30"),
    ("@Telstra no internet since 4:30pm", "2019-06-08T16:30"),
    ("@ThreeUK @KenyaPower no signal since 4:30pm", "2019-06-08T16:30"),
    ("no signal since 4:30pm", "2019-06-08T16:30"),
    # a zone written, or a place, comes before the operator's country
    ("@ThreeUK no signal since 4:30pm UTC", "2019-06-08T16:30"),
    ("@ThreeUK no signal in Paris since 4:30pm", "2019-06-08T14:30"),
])
def test_clock_of_the_addressed_operators_country(text, expected):
    from miner.nlp.places import find_places

    assert mentioned_at(text, JUNE, find_places(text)).strftime("%Y-%m-%dT%H:%M") == expected
