"""A support agent's initials or first name signing a reply ("... restored at 5pm. ^MK", "Thanks. -AC",
"*VA", "... while we work to restore service. -Erica", "#Cogeco ^Jodi", "... street name and house ^H",
"Shoot me a DM! *DannyHarvey"): the classifier reads such a
post as a provider speaking, and the place finder does not read the signature as a place ("... look
into this for you. -LA" names no Los Angeles, "Let us know! ^Madison" no Madison)."""

from __future__ import annotations

import re

# matched on the text as written: the initials are capitals (after "^" either case), a name is
# capitalised; a dashed name only after a sentence's end ("... as we work. -Erica"): not
# "no signal - UK", "Comcast-Billing"; after "^" one capital is an agent's initial too ("^H"), and after "*"
# a full name run together ("*MikeVance"): 79 of the 43k real posts end so, all care replies; after "^" also
# a name with its surname's initial ("... as we work hard to fix this! ^JonW", "^SharondaM.")
# A name set off by a space after a word, with no sentence's end ("... no ETR at this stage - Esther",
# "Thanks, -Greg"), signs a post only in a desk's words (thanks, apologies, please, "for you"): 76 of the
# 43k real posts end in such a name, all care replies but a quote's author, and these words pick 66 of them;
# not "no power since 6am - Bristol"
DESK = re.compile(r"\b(?:thanks|thank you|ty|regards|apolog\w*|sorry|please|kindly|no worries|for you|let us|dm us|"
                  r"we(?:'d|'ll| do| can))\b", re.I)
# not the "^" that closes a face ("no power here ^_^ Houston", "^^ Jo"): the name after it is the author's own
SIGNED = re.compile(r"(?:(?<![_^])\^ ?(?P<caret>[A-Za-z]{2,3}|[A-Z][a-z]{1,11}[A-Z]?|[A-Z])|"
                    r"(?<=[.!?)])\s?[-\u2013\u2014~] ?(?P<dash>[A-Z]{2,3})|"
                    r"(?<=[.!?)])\s*[-\u2013\u2014~] ?(?P<name>[A-Z][a-z]{1,11})|"
                    r"(?<=[\w,:])\s+[-\u2013\u2014~] ?(?P<spaced>[A-Z][a-z]{1,11})|"
                    r"(?<![\w-])[-\u2013\u2014~](?P<glued>[A-Z]{2,3})|\*(?P<star>[A-Z]{2,3}|[A-Z][a-z]+[A-Z][a-z]+))\.?\s*$")


def initials(text: str) -> tuple[int, int] | None:
    """Where the initials or the name signing `text` are, or None when nobody signs it."""
    m = SIGNED.search(text)
    if m is None or (m.lastgroup == "spaced" and DESK.search(text, 0, m.start()) is None):
        return None
    return m.span(m.lastgroup)
