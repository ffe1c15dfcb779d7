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
           "five": 5, "six": 6, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "few": 3, "several": 3,
           "couple": 2}
UNITS = {"sec": 1 / 60, "second": 1 / 60, "min": 1, "minute": 1, "mins": 1, "hour": 60,
         "hr": 60, "hrs": 60, "day": 1440, "week": 10080}

ZONE = r"(?:\s*(?P<tz>utc|gmt|bst|cest|cet|ist|[ecmp][sd]?t|aest|jst)\b)?"  # a name of ZONES after a time

# "since 9:26 a.m. PST", "seit 10 Uhr", "depuis 14h30", "desde las 9:30", "desde as 9h"
CLOCK = re.compile(
    r"\b(?:since|from|at|around|about|as of|starting|seit|ab|depuis|(?P<article>(?:desde|a) (?:las|as))|desde(?: a)?)\s+"
    r"(?:about\s+|around\s+|ca\.?\s+|environ\s+)?"
    r"(?P<h>[01]?\d|2[0-3])(?:(?P<sep>[:.])(?P<m>[0-5]\d)|(?P<hsep>h)(?P<hm>[0-5]\d)?\b|\s*(?P<uhr>uhr)\b)?"
    r"\s*(?P<ap>[ap]\.?m\.?)?" + ZONE, re.I)
# A clock time said of something else than the failure: what is to come ("to work at 3am tomorrow",
# "school will reopen at 12:15", "later this morning") or the fix ("power being turned on at 2:00",
# "outage was resolved at 6pm", "last update at 5:23pm"): looked for in the clause before the time.
NOT_THE_START = re.compile(
    r"\b(?:tomorrow|tmrw?|tmw|will|going to|gonna|scheduled|expected|estimated|eta|promised|later|"
    r"restored|resolved|back (?:on|up)|turn(?:ed|ing)? (?:back )?on|reopen\w*|resum\w*|dismiss\w*|releas\w*|"
    r"updated|(?:last|next|an|another) update|callback|call (?:me |us )?back)\b|'ll\b", re.I)
TOMORROW = re.compile(r"^\W*(?:tomorrow|tmrw?|tmw|tomorow)\b", re.I)
# "at 7 am" says when something happened, not that the failure did: it needs the failure said just
# before it ("power went out at 3am", "lost power at 10am", "I called you at 12:09")...
AT_CUE = re.compile(r"\b(?:out|down|downed|off|outage|cuts?|lost|died|dead|dropped|went|stopped|occurred|"
                    r"happened|started|began|reported|called|noticed|tripped|blackout|shedding|since|without|"
                    r"no (?:power|electricity|internet|service|signal|water|wifi|lights?))\b", re.I)
# ...or a few words after it ("at 8:25am I reported the outage", "around 8:30am our power went out",
# "woke up at 5:45AM to a power outage")
AT_CUE_AFTER = re.compile(r"^\W*(?:[\w'-]+\W+){0,3}?(?:reported|lost|went|cut|died|dropped|outage|without)\b",
                          re.I)
YESTERDAY = re.compile(r"\byesterday\b", re.I)
CLAUSE_END = re.compile(r"(?<!\b[A-Z])[.!?;,\n]")  # not the dot of "S. Crystal City"

NOON = re.compile(r"\b(?:since|from|at|around)\s+(?P<when>noon|midday|midnight)\b" + ZONE, re.I)
WEEKDAY = re.compile(r"\bsince\s+(?:last\s+)?(?P<day>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b",
                     re.I)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
AGO = re.compile(
    r"\b(?:for\s+(?:the\s+)?(?:last|past)\s+|for\s+|since\s+)?(?:about\s+|around\s+|over\s+|almost\s+)?(?P<n>\d+|half an?|an?|one|two|three|four|five|six|ten|"
    r"fifteen|twenty|thirty|few|several|couple)(?:\s+of)?\s+(?P<u>sec(?:ond)?|min(?:ute)?|mins|hour|hrs?|day|week)s?"
    r"(?:\s+(?P<end>ago|now|since|without|with no))?\b", re.I)  # "9 hours since I first called", "2 weeks without wifi"
# "day 2 of no wifi", "day four without power": it began N-1 days before
DAY_N = re.compile(r"\bday\s+(?P<n>\d{1,2}|two|three|four|five|six|ten)\s+(?:of|without|with no)\b", re.I)
LAST_UNIT = re.compile(r"\b(?:for|in)\s+(?:the\s+)?(?:last|past)\s+(?P<u>hour|minute|day|week)\b", re.I)
# "this morning", "since early afternoon", "yesterday evening", "tonight", "last nights storm"
PARTS_OF_DAY = re.compile(r"\b(?:(?:this|since|since this|all|(?P<yday>(?:since )?yesterday))\s+"
                          r"(?:early\s+|late\s+)?(?P<part>morning|afternoon|evening)|(?P<word>tonight|last nights?|"
                          r"since yesterday|yesterday))\b", re.I)
# hours after the post's midnight in the author's zone (see `mentioned_at`): "last night" is 22:00
# the day before; "yesterday" alone is a day before the post itself
PART_HOURS = {"morning": 8, "afternoon": 13, "evening": 18, "tonight": 19, "last night": -2, "last nights": -2,
              "since yesterday": -24, "yesterday": -24}


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


def _local(posted: datetime, tz: str | None, places: Sequence[Place], text: str) -> datetime:
    """The post's time on the author's clock: in the zone the text names, else the author's zone
    (`home_zone`), else UTC."""
    home = home_zone(places, text) if tz is None else None
    if home is not None:
        return posted.astimezone(home)
    return posted.astimezone(ZoneInfo(ZONES.get((tz or "utc").lower(), "UTC")))


def _clock(posted: datetime, hour: int, minute: int, tz: str | None, places: Sequence[Place], text: str,
           yesterday: bool = False) -> datetime:
    """The last time the author's clock showed hour:minute up to the post (on the day before the
    post's day if `yesterday`)."""
    local = _local(posted, tz, places, text)
    when = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if yesterday or when > local + timedelta(minutes=1):
        when -= timedelta(days=1)
    return when.astimezone(timezone.utc)


def _around(text: str, m: re.Match) -> tuple[str, str]:
    """The words of m's clause before it (up to 35 characters) and after it (up to 25)."""
    before = CLAUSE_END.split(text[max(0, m.start() - 35):m.start()])[-1]
    after = CLAUSE_END.split(text[m.end():m.end() + 25])[0]
    return before, after


def _says_the_start(text: str, m: re.Match) -> tuple[bool, bool]:
    """Whether the time m says when the failure began or was seen (see NOT_THE_START, AT_CUE), and
    whether "yesterday" is beside it ("since yesterday at 10 AM", "down since 5:30 yesterday")."""
    before, after = _around(text, m)
    if NOT_THE_START.search(before) or TOMORROW.match(after):
        return False, False
    if m.group(0).lower().startswith(("at", "around", "about")) and not (
            AT_CUE.search(before) or AT_CUE_AFTER.match(after)):
        return False, False
    return True, bool(YESTERDAY.search(before[-20:]) or YESTERDAY.match(after.lstrip(" ,")))


# what every expression above needs: a digit, a unit or one of these words (most posts have none)
ANY = re.compile(r"\d|\b(?:sec|min|hour|hr|day|week|noon|midday|midnight|since|morning|afternoon|evening|"
                 r"tonight|night|yesterday)", re.I)


def mentioned_at(text: str, posted: datetime | None, places: Sequence[Place] = ()) -> datetime | None:
    """When the post says the problem began, or None. Never later than the post itself.
    Clock times, weekdays and parts of the day without a zone ("since 9:26", "this morning") are
    read on the author's clock: the zone of where the author says they are, else of the first
    place the post names (`places`, as found by miner.nlp.places), else of the country of the
    operators the post is addressed to if it keeps one clock ("@ThreeUK", "@KenyaPower"), else UTC."""
    if posted is None or not ANY.search(text):
        return None
    for m in CLOCK.finditer(text):
        if not any(m.group(g) for g in ("ap", "m", "tz", "hsep", "uhr", "article")) or (  # a bare "at 5" is no time,
                m.group("sep") == "." and not m.group("ap") and not m.group("tz")  # nor is a price "at 4.50"
                and m.group(0).lower().startswith(("at", "around", "about", "from"))):
            continue
        start, yesterday = _says_the_start(text, m)
        if not start:
            continue
        hour, minute = int(m.group("h")), int(m.group("m") or m.group("hm") or 0)
        ap = (m.group("ap") or "").lower().replace(".", "")
        if ap == "pm" and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
        return _clock(posted, hour, minute, m.group("tz"), places, text, yesterday)
    for m in NOON.finditer(text):
        start, yesterday = _says_the_start(text, m)
        if start:
            return _clock(posted, 0 if m.group("when").lower() == "midnight" else 12, 0, m.group("tz"), places,
                          text, yesterday)
    m = WEEKDAY.search(text)
    if m:
        local = _local(posted, None, places, text)
        back = (local.weekday() - WEEKDAYS.index(m.group("day").lower()[:3])) % 7 or 7
        day = (local - timedelta(days=back)).replace(hour=0, minute=0, second=0, microsecond=0)
        return day.astimezone(timezone.utc)
    m = next((m for m in AGO.finditer(text) if m.group(0).lower().startswith(("for", "since")) or m.group("end")),
             None)
    if m:
        n = m.group("n").lower()
        count = int(n) if n.isdigit() else NUMBERS[n]
        unit = m.group("u").lower().rstrip("s")
        minutes = count * UNITS.get(unit, UNITS.get(unit[:3], 1))
        return posted - timedelta(minutes=minutes)
    m = DAY_N.search(text)
    if m:
        n = m.group("n").lower()
        return posted - timedelta(days=(int(n) if n.isdigit() else NUMBERS[n]) - 1)
    m = LAST_UNIT.search(text)
    if m:
        return posted - timedelta(minutes=UNITS[m.group("u").lower()])
    for m in PARTS_OF_DAY.finditer(text):
        if NOT_THE_START.search(_around(text, m)[0]):  # "bused home later this morning"
            continue
        shift = PART_HOURS[(m.group("part") or " ".join(m.group("word").split())).lower()]
        if shift == -24:
            return posted + timedelta(hours=shift)
        local = _local(posted, None, places, text)
        day = local.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=bool(m.group("yday")))
        return min((day + timedelta(hours=shift)).astimezone(timezone.utc), posted)
    return None


def home_zone(places: Sequence[Place], text: str = "") -> tzinfo | None:
    """The author's zone: where the author says they are, else the first place the post names,
    else the clock of the country whose operators the post is addressed to when that country keeps
    one ("@ThreeUK no signal since 4:30pm" in June is 4:30 BST; a post to @ComcastCares names no
    clock of the four the US keeps)."""
    located = [p for p in places if p.lat is not None and p.lon is not None]
    if located:
        located.sort(key=lambda p: p.origin != "author_location")
        return zone_at(located[0].lat, located[0].lon)
    from .places import addressed_countries, gazetteer

    countries = addressed_countries(text)
    zone = gazetteer().country_zones.get(next(iter(countries))) if len(countries) == 1 else None
    return ZoneInfo(zone) if zone else None
