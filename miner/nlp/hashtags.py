"""The place part of a hashtag that joins a place to a topic word: #yycflood, #coflood,
#nswfires, #RescuePH, #PrayForBoston, #DallasStorm, #YYCFlood013; or a word to a code in
capitals: #PabloPH, #MissionBC.

Crisis and local tags are often the only clue to where a post comes from. This module only
splits the tag; miner.nlp.places decides whether the part names a place (a whole name, or a
state, province, country or airport code) and which one.
"""

from __future__ import annotations

import re
from collections.abc import Collection

_DIGITS = re.compile(r"\d+$")
_CODE_AT_END = re.compile(r"[a-z]([A-Z]{2,3}|Ph)$")  # "#PabloPH", "#MissionBC", "#MaringPh": a code after a word
MAX_TOPICS = 2  # "#COFloodRelief": flood and relief


def place_part(tag: str, before: Collection[str], after: Collection[str]) -> tuple[int, int, bool] | None:
    """Where the place part of `tag` (without the '#') lies, as (start, end, by_topic), once the topic
    words are taken off: `after` are the words that follow a place ("flood", "wx", "fire"),
    `before` those that precede one ("prayfor", "rescue"). Without a topic word, a code in
    capitals after a lower-case letter (#YolandaPH; `by_topic` is then False, and the places
    module takes fewer codes). None when neither is there, or nothing is left. Topic words are
    matched case-blind, longest first."""
    low = tag.lower()
    if len(low) != len(tag):  # "İ" lowers to two characters: the spans would not fit the tag
        return None
    start, end = 0, len(low)
    digits = _DIGITS.search(low)
    if digits:
        end = digits.start()  # "#YYCFlood013"
    whole = low[start:end]
    if whole in after or whole in before:
        return None  # the tag is a topic word itself: #BushFires is not "Bush" and fires
    stripped = 0
    for _ in range(MAX_TOPICS):
        word = next((w for w in after if low.endswith(w, start, end) and end - len(w) > start), None)
        if word is None:
            break
        end -= len(word)
        stripped += 1
    for _ in range(MAX_TOPICS - stripped):
        word = next((w for w in before if low.startswith(w, start, end) and start + len(w) < end), None)
        if word is None:
            break
        start += len(word)
        stripped += 1
    if stripped:
        return start, end, True
    code = _CODE_AT_END.search(tag)
    return (*code.span(1), False) if code else None
