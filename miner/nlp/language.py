"""Which of the pipeline's languages (en, es, fr, de, pt) a post is written in, when the source
does not say: counts of function words from models/languages.json. Crude, but fast, and enough
to tell the classifier when a post is not English, where it has hardly seen any training data."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from ..config import models_path

WORD = re.compile(r"[\w']+")
NOT_WORDS = re.compile(r"https?://\S+|\S+\.[a-z]{2,}/\S*|[@#]\w+")  # links, handles, tags: no language


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    """word -> languages it marks (a word shared by two languages counts for both)."""
    data = json.loads(models_path("languages.json").read_text(encoding="utf-8"))
    out: dict[str, list[str]] = {}
    for lang, words in data.items():
        if not lang.startswith("_"):
            for w in words:
                out.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in out.items()}


def guess_language(text: str, declared: str | None = None) -> str:
    """The declared language's primary subtag when there is one ("pt-BR" -> "pt"), else the
    language whose function words the text uses most; "en" when nothing tells."""
    if declared:
        return declared.split("-")[0].lower()
    words = _words()
    counts: dict[str, int] = {}
    for w in WORD.findall(NOT_WORDS.sub(" ", text).lower()):
        for lang in words.get(w, ()):
            counts[lang] = counts.get(lang, 0) + 1
    if not counts:
        return "en"
    best = max(counts, key=lambda k: (counts[k], k == "en"))
    en = counts.get("en", 0)
    return best if counts[best] > en and (counts[best] >= 2 or not en) else "en"
