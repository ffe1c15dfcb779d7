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
# not a word of the post's language (unless an English one): short capitals in a post that has
# small letters ("State Rte 530 NE", "Hexter ES", "UND medical school", an "ET" signature), and a
# capitalised word that begins a name inside a sentence ("on Des Plaines", "Spencer St, Las Vegas")
ABBREVIATION = re.compile(r"\b[A-Z]{1,3}\b(?!')")
NAME_START = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]+(?= [A-Z][a-z])")


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
    text = NOT_WORDS.sub(" ", text)

    def not_english(m: re.Match) -> str:
        return m[0] if "en" in words.get(m[0].lower(), ()) else " "

    if re.search("[a-z]", text):
        text = ABBREVIATION.sub(not_english, text)
    for w in WORD.findall(NAME_START.sub(not_english, text).lower()):
        for lang in words.get(w, ()):
            counts[lang] = counts.get(lang, 0) + 1
    if not counts:
        return "en"
    best = max(counts, key=lambda k: (counts[k], k == "en"))
    en = counts.get("en", 0)
    return best if counts[best] > en and (counts[best] >= 2 or not en) else "en"
