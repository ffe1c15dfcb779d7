"""Time expressions in a post ("since 9:26 a.m. PST", "for the last hour", "this morning")
resolved against the post's own time into `mentioned_at` (UTC): when the author says it began."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..records import Place

# A zone's abbreviation names its region's clock, summer or winter: people write "9:26 PST" in
# July and mean the Pacific clock, which then reads PDT. So each name is a region's zone.
ZONES = {
    "utc": "UTC", "gmt": "UTC", "z": "UTC", "bst": "Europe/London", "cet": "Europe/Paris",
    "cest": "Europe/Paris", "ist": "Asia/Kolkata", "aest": "Australia/Sydney", "jst": "Asia/Tokyo",
    **dict.fromkeys(("est", "edt", "et"), "America/New_York"),
    **dict.fromkeys(("cst", "cdt", "ct"), "America/Chicago"),
    **dict.fromkeys(("mst", "mdt", "mt"), "America/Denver"),
    **dict.fromkeys(("pst", "pdt", "pt"), "America/Los_Angeles"),
}
NUMBERS = {"half an": 0.5, "half a": 0.5, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4,
           "five": 5, "six": 6, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "few": 3, "couple": 2}
UNITS = {"sec": 1 / 60, "second": 1 / 60, "min": 1, "minute": 1, "mins": 1, "hour": 60,
         "hr": 60, "hrs": 60, "day": 1440, "week": 10080}

ZONE = r"(?:\s*(?P<tz>utc|gmt|bst|cest|cet|ist|[ecmp][sd]?t|aest|jst)\b)?"  # a name of ZONES after a time

# "since 9:26 a.m. PST", "seit 10 Uhr", "depuis 14h30", "desde las 9:30", "desde as 9h"
CLOCK = re.compile(
    r"\b(?:since|from|at|around|about|as of|starting|seit|ab|depuis|(?P<article>(?:desde|a) (?:las|as))|desde(?: a)?)\s+"
    r"(?:about\s+|around\s+|ca\.?\s+|environ\s+)?"
    r"(?P<h>[01]?\d|2[0-3])(?:(?P<sep>[:.])(?P<m>[0-5]\d)|(?P<hsep>h)(?P<hm>[0-5]\d)?\b|\s*(?P<uhr>uhr)\b)?"
    r"\s*(?P<ap>[ap]\.?m\.?)?" + ZONE, re.I)
NOON = re.compile(r"\b(?:since|from|at|around)\s+(?P<when>noon|midday|midnight)\b" + ZONE, re.I)
WEEKDAY = re.compile(r"\bsince\s+(?:last\s+)?(?P<day>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b",
                     re.I)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
AGO = re.compile(
    r"\b(?:for\s+(?:the\s+)?(?:last|past)\s+|for\s+|since\s+)?(?:about\s+|around\s+|over\s+|almost\s+)?(?P<n>\d+|half an?|an?|one|two|three|four|five|six|ten|"
    r"fifteen|twenty|thirty|few|couple)(?:\s+of)?\s+(?P<u>sec(?:ond)?|min(?:ute)?|mins|hour|hrs?|day|week)s?"
    r"(?:\s+(?:ago|now))?\b", re.I)
LAST_UNIT = re.compile(r"\b(?:for|in)\s+(?:the\s+)?(?:last|past)\s+(?P<u>hour|minute|day|week)\b", re.I)
PARTS_OF_DAY = re.compile(r"\b(this morning|since morning|all morning|this afternoon|this evening|tonight|"
                          r"last night|since yesterday|yesterday)\b", re.I)
# hours after the post's midnight in the author's zone (see `mentioned_at`): "last night" is 22:00
# the day before; "yesterday" is a day before the post itself
PART_HOURS = {"this morning": 8, "since morning": 8, "all morning": 8, "this afternoon": 13, "this evening": 18,
              "tonight": 19, "last night": -2, "since yesterday": -24, "yesterday": -24}


@lru_cache(maxsize=4096)
def zone_at(lat: float, lon: float) -> tzinfo | None:
    """The time zone of the GeoNames town nearest to (lat, lon), within about 3 degrees; None at sea."""
    from .places import gazetteer  # built once per process; the places component has built it already

    cells = gazetteer().town_zones
    best, name = 9.0, None  # squared degrees
    for dlat in range(-3, 4):
        for dlon in range(-3, 4):
            for tlat, tlon, zone in cells.get((int(lat // 1) + dlat, int(lon // 1) + dlon), ()):
                d = (tlat - lat) ** 2 + (tlon - lon) ** 2
                if d < best:
                    best, name = d, zone
    return ZoneInfo(name) if name else None


def _local(posted: datetime, tz: str | None, places: Sequence[Place]) -> datetime:
    """The post's time on the author's clock: in the zone the text names, else the zone of the
    author's place (`home_zone`), else UTC."""
    home = home_zone(places) if tz is None and places else None
    if home is not None:
        return posted.astimezone(home)
    return posted.astimezone(ZoneInfo(ZONES.get((tz or "utc").lower(), "UTC")))


def _clock(posted: datetime, hour: int, minute: int, tz: str | None, places: Sequence[Place]) -> datetime:
    """The last time the author's clock showed hour:minute up to the post."""
    local = _local(posted, tz, places)
    when = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if when > local + timedelta(minutes=1):
        when -= timedelta(days=1)
    return when.astimezone(timezone.utc)


# what every expression above needs: a digit, a unit or one of these words (most posts have none)
ANY = re.compile(r"\d|\b(?:sec|min|hour|hr|day|week|noon|midday|midnight|since|morning|afternoon|evening|"
                 r"tonight|night|yesterday)", re.I)


def mentioned_at(text: str, posted: datetime | None, places: Sequence[Place] = ()) -> datetime | None:
    """When the post says the problem began, or None. Never later than the post itself.
    Clock times, weekdays and parts of the day without a zone ("since 9:26", "this morning") are
    read on the author's clock: the zone of where the author says they are, else of the first
    place the post names (`places`, as found by miner.nlp.places), else UTC."""
    if posted is None or not ANY.search(text):
        return None
    m = CLOCK.search(text)
    if m and any(m.group(g) for g in ("ap", "m", "tz", "hsep", "uhr", "article")) and not (  # a bare "at 5" is no time,
            m.group("sep") == "." and not m.group("ap") and not m.group("tz")  # nor is a price "at 4.50"
            and m.group(0).lower().startswith(("at", "around", "about", "from"))):
        hour, minute = int(m.group("h")), int(m.group("m") or m.group("hm") or 0)
        ap = (m.group("ap") or "").lower().replace(".", "")
        if ap == "pm" and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
        return _clock(posted, hour, minute, m.group("tz"), places)
    m = NOON.search(text)
    if m:
        return _clock(posted, 0 if m.group("when").lower() == "midnight" else 12, 0, m.group("tz"), places)
    m = WEEKDAY.search(text)
    if m:
        local = _local(posted, None, places)
        back = (local.weekday() - WEEKDAYS.index(m.group("day").lower()[:3])) % 7 or 7
        day = (local - timedelta(days=back)).replace(hour=0, minute=0, second=0, microsecond=0)
        return day.astimezone(timezone.utc)
    m = AGO.search(text)
    if m and (m.group(0).lower().startswith(("for", "since")) or m.group(0).lower().endswith(("ago", "now"))):
        n = m.group("n").lower()
        count = int(n) if n.isdigit() else NUMBERS[n]
        unit = m.group("u").lower().rstrip("s")
        minutes = count * UNITS.get(unit, UNITS.get(unit[:3], 1))
        return posted - timedelta(minutes=minutes)
    m = LAST_UNIT.search(text)
    if m:
        return posted - timedelta(minutes=UNITS[m.group("u").lower()])
    m = PARTS_OF_DAY.search(text)
    if m:
        shift = PART_HOURS[m.group(1).lower()]
        if shift == -24:
            return posted + timedelta(hours=shift)
        local = _local(posted, None, places)
        day = local.replace(hour=0, minute=0, second=0, microsecond=0)
        return min((day + timedelta(hours=shift)).astimezone(timezone.utc), posted)
    return None


def home_zone(places: Sequence[Place]) -> tzinfo | None:
    """The author's zone: where the author says they are, else the first place the post names."""
    located = [p for p in places if p.lat is not None and p.lon is not None]
    located.sort(key=lambda p: p.origin != "author_location")
    return zone_at(located[0].lat, located[0].lon) if located else None
