"""A support agent's initials signing a reply ("... restored at 5pm. ^MK", "Thanks. -AC", "*VA"):
the classifier reads such a post as a provider speaking, and the place finder does not read the
initials as a place ("... look into this for you. -LA" names no Los Angeles)."""

from __future__ import annotations

import re

# matched on the text as written: the initials are capitals (after "^" either case); not "no signal - UK"
SIGNED = re.compile(r"(?:\^ ?(?P<caret>[A-Za-z]{2,3})|(?<=[.!?)])\s?[-\u2013\u2014~] ?(?P<dash>[A-Z]{2,3})|"
                    r"(?<![\w-])[-\u2013\u2014~](?P<glued>[A-Z]{2,3})|\*(?P<star>[A-Z]{2,3}))\.?\s*$")


def initials(text: str) -> tuple[int, int] | None:
    """Where the initials signing `text` are, or None when nobody signs it."""
    m = SIGNED.search(text)
    return m.span(m.lastgroup) if m else None
