"""Time expressions in a post ("since 9:26 a.m. PST", "for the last hour", "this morning")
resolved against the post's own time into `mentioned_at` (UTC): when the author says it began."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

ZONES = {  # offsets in hours; daylight-saving names included so either spelling resolves
    "utc": 0, "gmt": 0, "z": 0, "bst": 1, "cet": 1, "cest": 2, "ist": 5.5,
    "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
    "et": -5, "ct": -6, "mt": -7, "pt": -8, "aest": 10, "jst": 9,
}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "few": 3, "couple": 2}
UNITS = {"sec": 1 / 60, "second": 1 / 60, "min": 1, "minute": 1, "mins": 1, "hour": 60,
         "hr": 60, "hrs": 60, "day": 1440, "week": 10080}

CLOCK = re.compile(
    r"\b(?:since|from|at|around|about|as of|starting)\s+(?:about\s+|around\s+)?"
    r"(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap]\.?m\.?)?"
    r"(?:\s*(?P<tz>utc|gmt|bst|cest|cet|ist|[ecmp][sd]?t|aest|jst)\b)?", re.I)
AGO = re.compile(
    r"\b(?:for\s+(?:the\s+)?(?:last|past)\s+|for\s+|since\s+)?(?:about\s+|around\s+|over\s+|almost\s+)?(?P<n>\d+|an?|one|two|three|four|five|six|ten|"
    r"fifteen|twenty|thirty|few|couple)(?:\s+of)?\s+(?P<u>sec(?:ond)?|min(?:ute)?|mins|hour|hrs?|day|week)s?"
    r"(?:\s+(?:ago|now))?\b", re.I)
LAST_UNIT = re.compile(r"\b(?:for|in)\s+(?:the\s+)?(?:last|past)\s+(?P<u>hour|minute|day|week)\b", re.I)
PARTS_OF_DAY = re.compile(r"\b(this morning|since morning|this afternoon|this evening|tonight|"
                          r"last night|since yesterday|yesterday)\b", re.I)
PART_HOURS = {"this morning": 8, "since morning": 8, "this afternoon": 13, "this evening": 18,
              "tonight": 19, "last night": -4, "since yesterday": -24, "yesterday": -24}


def _local(posted: datetime, tz: str | None) -> tuple[datetime, timezone]:
    offset = ZONES.get((tz or "utc").lower().replace(".", ""), 0)
    zone = timezone(timedelta(hours=offset))
    return posted.astimezone(zone), zone


def mentioned_at(text: str, posted: datetime | None) -> datetime | None:
    """When the post says the problem began, or None. Never later than the post itself."""
    if posted is None:
        return None
    m = CLOCK.search(text)
    if m and (m.group("ap") or m.group("m") or m.group("tz")):
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        ap = (m.group("ap") or "").lower().replace(".", "")
        if ap == "pm" and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
        local, _ = _local(posted, m.group("tz"))
        when = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if when > local + timedelta(minutes=1):
            when -= timedelta(days=1)
        return when.astimezone(timezone.utc)
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
        day = posted.replace(hour=0, minute=0, second=0, microsecond=0)
        when = day + timedelta(hours=shift) if shift >= 0 else posted + timedelta(hours=shift)
        return min(when, posted)
    return None
