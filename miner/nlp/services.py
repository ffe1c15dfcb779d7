"""Which services a post names: the catalogue in models/services.json, matched in one pass.

One compiled regex (URLs, @handles, #hashtags and a prefix trie of every alias and domain) finds
all candidates in a post; dict lookups turn each hit into a catalogue name. Nothing loops over
aliases per post, which keeps this at well over 20,000 posts a second.

Order of the answer: named services in order of first mention, then the generic utilities
(`power`, `water`, `gas`: "power outage" says what failed, "@DTE_Energy" says whose). Links are
skipped: an Instagram share link or a pic.twitter.com URL is not a post about Instagram or X.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..config import models_path, setting
from .language import guess_language

LIST_FIELDS = ("aliases", "case_sensitive_aliases", "down_aliases", "hashtags", "handles", "domains")
# language_aliases ({"fr": ["Orange", "Free"]}): names that are a word elsewhere, matched as written
# and only in posts in that language; down_aliases (["claude", "teams"]): words that name the
# service in any case, but only right before a failure ("claude is down", "teams not working")
# "#ChatGPTDown", "#chatgpt_is_down", "#VirginMediaOutage" -> the service before the suffix.
TAG_SUFFIXES = ("isdown", "down", "outages", "outage", "offline", "notworking", "isbroken",
                "broken", "fail", "failure", "problems", "issues", "crash", "error", "errors")
# "@AskPlayStation", "@VodafoneIN", "@ThreeUKSupport" -> the service inside the handle.
HANDLE_PREFIXES = ("ask", "team", "hey", "get", "my", "fly", "the")
HANDLE_SUFFIXES = ("customercare", "support", "helpers", "helps", "help", "cares", "care",
                   "service", "services", "team", "official", "news", "status", "app", "hq",
                   "inc", "global", "online", "usa", "uk", "us", "in", "ie", "ca", "au", "nz",
                   "de", "fr", "es", "br", "mx", "ng", "za", "4me")
# a failure said right after a name: what lets a word that is a name ("claude", "teams") count;
# not "down to", "down 5%", "down bad", "down the page"
FAILING_AFTER = (r"[\s:,\u2014-]*(?:is |are |was |seems |looks |just went |went |keeps |has been |been )?"
                 r"(?:(?:totally |completely |still )?(?:down|offline)|not working|isn'?t working|not loading|not responding|"
                 r"broken|broke|failing|errors?\b|"
                 r"won'?t (?:load|open|work)|crash(?:ed|ing)|outage|having (?:issues|problems))\b"
                 r"(?!\s*(?:to\b|by\b|bad\b|the\b|a\b|here\b|there\b|\d|\$|%|on\b))")
# ... or a failure said right before it: "anyone else having trouble with claude?"
FAILING_BEFORE = "(?i:" + "|".join(f"(?<={w} )" for w in (
    "trouble with", "problems with", "problem with", "issues with", "issue with", "trouble using",
    "errors on", "error on", "errors from", "error from")) + ")"
URL = r"https?://\S+"
# a bare domain with a path: t.co/x, instagram.com/p/x. A dot must follow each run of [\w-], so
# giving a character back never helps: possessive runs make an ordinary word fail at once.
LINK = r"[\w-]++(?:\.[\w-]++)*\.[a-z]{2,}/\S*"


@dataclass(frozen=True)
class Catalogue:
    """A loaded catalogue: entries by name plus the lookup tables the matcher needs."""

    services: dict[str, dict[str, Any]]
    aliases: dict[str, str]        # normalised lowercase alias or domain -> name
    exact: dict[str, str]          # case-sensitive alias as written -> name
    handles: dict[str, str]        # lowercase handle -> name
    hashtags: dict[str, str]       # lowercase hashtag -> name
    squashed: dict[str, str]       # name/display/alias with only [0-9a-z] left -> name
    plain: dict[str, str]          # the same, case-insensitive aliases only
    generic: frozenset[str]
    regex: re.Pattern[str]
    no_links: re.Pattern[str]      # the same without the URL alternatives, for a post without "/"
    local: dict[str, dict[str, str]]  # alias as written -> {language: name}: "Orange" is a telco in French
    said: dict[str, str]           # lowercase word -> name, when said to fail right after: "claude is down"
    # a `said` word anywhere in a post that also has one of its entry's context words
    # ("claude can't read attachments": "attachments"); None when no entry has context
    in_context: re.Pattern[str] | None = None
    context: dict[str, re.Pattern[str]] = field(default_factory=dict)
    handle_cache: dict[str, str | None] = field(default_factory=dict, compare=False)  # see _from_handle


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("\u2019", "'").split())


def _squash(s: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", s.lower())


def _trie_regex(words: list[str], ignore_case: bool) -> str:
    """A regex for a set of literal words that shares prefixes, so alternatives fail fast."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def atom(ch: str) -> str:
        if ch == " ":
            return r"\s+"
        if ch == "'":
            return "['\u2019]"
        if ignore_case and ch.isalpha() and ch.upper() != ch.lower() and len(ch.upper()) == 1:
            return f"[{ch.lower()}{ch.upper()}]"
        return re.escape(ch)

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        parts = [atom(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if ends:  # longer forms first, then stop here: "chatgpt.com" before "chatgpt"
            return f"(?:{body})?"
        return body

    return build(trie)


def _merge(base: list[dict[str, Any]], extra: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """User entries with a known name extend its lists and override its other fields."""
    by_name = {e["name"]: dict(e) for e in base}
    for e in extra:
        old = by_name.get(e["name"])
        if old is None:
            by_name[e["name"]] = dict(e)
            continue
        for key, value in e.items():
            if key in LIST_FIELDS:
                old[key] = list(dict.fromkeys([*old.get(key, []), *value]))
            else:
                old[key] = value
    return list(by_name.values())


def _read(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        try:
            data = json.load(fh)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{exc.lineno}: not JSON ({exc.msg})") from None
    entries = data["services"] if isinstance(data, dict) else data
    for n, e in enumerate(entries):
        if not isinstance(e, dict) or not e.get("name"):
            raise ValueError(f"{path}: service #{n} has no name")
    return entries


@lru_cache(maxsize=8)
def _build(extra: str | None, _mtime: float = 0.0) -> Catalogue:
    entries = _read(models_path("services.json"))
    if extra:
        entries = _merge(entries, _read(Path(extra)))
    services, aliases, exact, handles, hashtags, squashed, plain = {}, {}, {}, {}, {}, {}, {}
    local: dict[str, dict[str, str]] = {}
    said: dict[str, str] = {}
    context: dict[str, re.Pattern[str]] = {}
    generic = set()
    for e in entries:
        name = e["name"]
        services[name] = e
        if e.get("generic"):
            generic.add(name)
        ci = [*e.get("aliases", []), *e.get("domains", [])]
        for a in ci:
            aliases.setdefault(_norm(a), name)
        for a in e.get("case_sensitive_aliases", []):
            exact.setdefault(" ".join(a.replace("\u2019", "'").split()), name)
        for a in e.get("down_aliases", []):
            said.setdefault(_norm(a), name)
        if e.get("down_aliases") and e.get("context"):
            words = "|".join(re.escape(w.lower()) for w in e["context"])
            context[name] = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.I)
        for lang, words in (e.get("language_aliases") or {}).items():
            for a in words:
                local.setdefault(a, {}).setdefault(lang, name)
        for h in e.get("handles", []):
            handles.setdefault(h.lstrip("@").lower(), name)
        for t in e.get("hashtags", []):
            hashtags.setdefault(t.lstrip("#").lower(), name)
        if not e.get("generic"):
            for a in e.get("aliases", []):  # not the name: "three", "orange" are words
                if len(_squash(a)) >= 2:
                    plain.setdefault(_squash(a), name)
            for a in [name, e.get("display", ""), *ci, *e.get("case_sensitive_aliases", [])]:
                if len(_squash(a)) >= 2:
                    squashed.setdefault(_squash(a), name)
    regex, no_links = _matchers(sorted(aliases), sorted(exact), sorted(local), sorted(said))
    return Catalogue(services, aliases, exact, handles, hashtags, squashed, plain,
                     frozenset(generic), regex, no_links, local, said, _in_context(said, context), context)


def _in_context(said: dict[str, str], context: dict[str, re.Pattern[str]]) -> re.Pattern[str] | None:
    """The `said` words whose entries have context words, as words anywhere (not in a handle,
    a hashtag, a link or a longer word)."""
    words = sorted((w for w, name in said.items() if name in context), key=len, reverse=True)
    if not words:
        return None
    # not a verb: "you wouldn't chase a refund", "we zoom in", "never chase it"
    verb = r"(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bthey )(?<!n't )(?<!\bnot )(?<!\bnever )"
    return re.compile(r"(?<![\w@#/.-])" + verb + "(?:" + "|".join(map(re.escape, words)) + r")(?![\w/-]|\.\w|'(?!s\b))", re.I)


def _matchers(ci_words: list[str], exact_words: list[str], local: list[str],
              said: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The one regex of a catalogue, and the same without the URL alternatives: both need a
    "/", so in a post without one they cannot match and only cost time (5 us a tweet).

    Apart from a URL, nothing starts right after a word character, so that test comes first
    and once for all the other alternatives: the engine then drops a position inside a word in
    one step instead of one per alternative (40 -> 25 us a tweet). Each alternative keeps the
    rest of its own left context."""
    right = r"(?!\w)"
    words = [f"(?P<alias>{_trie_regex(ci_words, True)}{right})"]
    if exact_words:
        words.append(f"(?P<exact>{_trie_regex(exact_words, False)}{right})")
    if local:
        words.append(f"(?P<local>{_trie_regex(local, False)}{right})")
    if said:
        trie = _trie_regex(said, True)
        words.append(f"(?P<said>{FAILING_BEFORE}{trie}(?![\\w'-])|{trie}(?={FAILING_AFTER}))")
    not_mid_word = [r"(?P<handle>(?<!@)@\w{1,30})", r"(?P<tag>(?<![#&])#\w+)",
                    "(?<![@#])(?:" + "|".join(words) + ")"]
    with_links = f"(?P<url>{URL})|(?<!\\w)(?:(?P<link>(?<!-){LINK})|" + "|".join(not_mid_word) + ")"
    return re.compile(with_links), re.compile("(?<!\\w)(?:" + "|".join(not_mid_word) + ")")


def load_catalogue(extra: Path | None = None) -> Catalogue:
    """The catalogue, merged with a user file of the same shape when `extra` is given (cached
    until the file changes)."""
    if not extra:
        return _build(None)
    return _build(str(extra), Path(extra).stat().st_mtime)


@lru_cache(maxsize=1)
def _configured_extra() -> str | None:
    return setting("nlp", "services")


def default_catalogue() -> Catalogue:
    """The shipped catalogue plus the user file named by $MINER_SERVICES or `[nlp] services`
    of the config file (read once per process: this runs for every post)."""
    return _catalogue_for(os.environ.get("MINER_SERVICES") or _configured_extra())


@lru_cache(maxsize=8)
def _catalogue_for(extra: str | None) -> Catalogue:
    """The default catalogue per user file, without a stat of the file for every post."""
    return load_catalogue(Path(extra).expanduser() if extra else None)


def _from_handle(handle: str, cat: Catalogue) -> str | None:
    """A listed handle, else a known name inside it ("AskPlayStation", "VodafoneIN"). Answers
    are kept per catalogue: the same handles come back post after post, and taking one apart
    was a third of this module's time on real tweets."""
    h = handle.lower()
    if h in cat.handles:
        return cat.handles[h]
    try:
        return cat.handle_cache[h]
    except KeyError:
        name = _inside_handle(h, cat)
        if len(cat.handle_cache) < 200_000:
            cat.handle_cache[h] = name
        return name


def _inside_handle(h: str, cat: Catalogue) -> str | None:
    base = h.replace("_", "")
    for _ in range(3):  # "threeuksupport" -> "threeuk" -> "three"
        if base in cat.handles or base in cat.squashed:
            return cat.handles.get(base) or cat.squashed[base]
        for pre in HANDLE_PREFIXES:
            if base.startswith(pre) and len(base) - len(pre) >= 3:
                rest = base[len(pre):]
                if rest in cat.handles or rest in cat.squashed:
                    return cat.handles.get(rest) or cat.squashed[rest]
        for suf in HANDLE_SUFFIXES:
            if base.endswith(suf) and len(base) - len(suf) >= 2:
                base = base[: -len(suf)]
                break
        else:
            return None
    return None


def _from_tag(tag: str, cat: Catalogue) -> str | None:
    """A listed hashtag, a known name before an outage suffix, or a plain alias as a tag."""
    t = tag.lower()
    if t in cat.hashtags:
        return cat.hashtags[t]
    t = t.replace("_", "")
    if t in cat.hashtags:
        return cat.hashtags[t]
    for suf in TAG_SUFFIXES:  # an outage suffix makes even an ambiguous name safe: "#EEdown"
        if t.endswith(suf) and len(t) > len(suf) + 1:
            base = t[: -len(suf)]
            base = base[2:] if base.startswith("is") and base[2:] in cat.squashed else base
            name = cat.hashtags.get(base) or cat.squashed.get(base) or cat.handles.get(base)
            if name:
                return name
    return cat.plain.get(t)


_LINKS = frozenset({"url", "link"})


def find_services(text: str, catalogue: Catalogue | None = None, lang: str | None = None) -> list[str]:
    """Catalogue names the post mentions: named ones by first mention, then generic utilities.
    `lang` is the language the source declares (else guessed when needed): an entry's
    `language_aliases` count only in posts in that language ("Free ne marche plus")."""
    cat = catalogue or default_catalogue()
    named: list[str] = []
    later: list[str] = []
    for m in (cat.regex if "/" in text else cat.no_links).finditer(text):
        kind = m.lastgroup
        if kind in _LINKS:
            continue
        s = m.group()
        if kind == "alias":
            name = cat.aliases.get(_norm(s))
        elif kind == "exact":
            name = cat.exact.get(" ".join(s.replace("\u2019", "'").split()))
        elif kind == "local":
            name = cat.local[s].get(guess_language(text, lang))
        elif kind == "said":
            name = cat.said.get(_norm(s))
        elif kind == "handle":
            name = _from_handle(s[1:], cat)
        else:
            name = _from_tag(s[1:], cat)
        if name is None:
            continue
        bucket = later if name in cat.generic else named
        if name not in bucket:
            bucket.append(name)
    if cat.in_context is not None:
        for m in cat.in_context.finditer(text):
            name = cat.said[_norm(m.group())]
            if name not in named and cat.context[name].search(text):
                named.append(name)  # after the names said plainly: the weaker evidence
    return named + [n for n in later if n not in named]


_DOWN_AFTER = re.compile(r"[\s:,\u2014-]*(?:is |are |was |seems |looks |just went |went )?(?:down|offline)\b"
                         r"(?!\s*(?:to\b|by\b|bad\b|\d|\$|%|on\b)|-right)", re.I)


def said_down(text: str, catalogue: Catalogue | None = None) -> bool:
    """Whether a named service is said to be down right where it is named: "ChatGPT down?",
    "Reddit offline", "@Discord is down"; not "Tesla down 5%", "Netflix down to $5" or "down bad"."""
    cat = catalogue or default_catalogue()
    for m in cat.regex.finditer(text):
        if m.lastgroup not in _LINKS and _DOWN_AFTER.match(text, m.end()) and (
                m.lastgroup == "said" or find_services(m.group(), cat)):
            return True
    return False


def canonical(name: str, catalogue: Catalogue | None = None) -> str | None:
    """The catalogue name for any name, alias, display name, @handle, #hashtag or domain
    (to compare gold labels with predictions); None when the catalogue does not know it."""
    cat = catalogue or default_catalogue()
    s = (name or "").strip()
    if not s:
        return None
    if s in cat.services:
        return s
    low = s.lower()
    if low in cat.services:
        return low
    if low.replace("-", "_").replace(" ", "_") in cat.services:
        return low.replace("-", "_").replace(" ", "_")
    return (cat.aliases.get(_norm(s)) or cat.exact.get(s)
            or cat.handles.get(low.lstrip("@")) or cat.hashtags.get(low.lstrip("#"))
            or cat.squashed.get(_squash(s)))  # display names, "Disney Plus", "bt_mobile"


def expand_query(name: str, catalogue: Catalogue | None = None) -> list[str]:
    """What a collector searches for a service: its names and aliases, #hashtags and @handles.

    Raises KeyError for a service the catalogue does not know."""
    cat = catalogue or default_catalogue()
    key = canonical(name, cat)
    if key is None:
        raise KeyError(name)
    e = cat.services[key]
    terms = [e.get("display") or key, *e.get("aliases", []), *e.get("case_sensitive_aliases", []),
             *("#" + t for t in e.get("hashtags", [])), *("@" + h for h in e.get("handles", []))]
    seen: set[str] = set()
    out = []
    for t in terms:
        if t and t.lower() not in seen:
            seen.add(t.lower())
            out.append(t)
    return out
