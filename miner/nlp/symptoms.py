"""What a post says is failing: symptom codes (models/README.md taxonomy) and HTTP status codes.

The patterns live in models/symptoms.json, per code and language. Speed (>= 20,000 posts a second)
comes from scanning each post once with a single regex that holds every pattern arranged as a
prefix trie and has no capturing groups (in Python's `re`, hundreds of groups or of alternatives
tried one by one at every word are what cost). Only where it finds something are the codes whose
patterns may start with those two letters tried there, each with its own regex (a plain
alternation: tried at a few places only, it need not be a trie, and compiles ten times faster), so
a phrase that is evidence for two codes gives both ("lags me out": slow and connectivity). The
scan goes on after the longest match. Where matches of two codes overlap, a generic code gives
way as `yields` says: "my broadband is down" is connectivity and not also a total outage;
`firm_patterns` never give way ("no TV, phone or internet": the provider is down as a whole).

Negation and hedging: a symptom said before "works for me", "back up now", "ya funciona"... is
dropped, as is one right after "not"/"no longer" or inside an "if ..." clause, or one that the
words right after it say is over ("a power outage earlier", "power was out for 3 hours") or
wished for ("a power outage and no school would be great"). A question ("is
it down?") still counts: per the labelling guideline it implies a problem. `weak_patterns`
("there is an outage", "not working") give their code only when nothing more specific is found:
"no internet, there's an outage" is connectivity. A bare "outage" told to a power company
("@GeorgiaPower how long is the outage in Stockbridge?") is a power cut.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..config import models_path
from . import services

LANGS = ("en", "es", "fr", "de", "pt")
WEAK = "__weak"  # group-name suffix of `weak_patterns`: evidence that counts only on its own
FIRM = "__firm"  # group-name suffix of `firm_patterns`: evidence that never gives way (`yields`)
_MACRO = re.compile(r"\{([A-Z]+)\}")
_META = set("\\()[]{}|.^$?*+")
_QUANT = ("?", "*", "+", "{")
_CODE = re.compile(r"[45]\d\d")
NOT_ELECTRIC = ("water", "gas")  # catalogue utilities whose outage is not a power cut
_DENIED = re.compile(r"\b(?:not|never)\b|n't")  # a failure phrase that denies: "doesn't drop"


@dataclass(frozen=True)
class Patterns:
    """The compiled patterns for one set of languages."""

    codes: tuple[str, ...]
    scan: re.Pattern[str]          # every pattern, as a trie, no groups: where something matches
    # two first letters of a place -> (code, its own regex) for the codes that may match there
    starts: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]
    starts1: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]  # by the first letter ("": other)
    negation: re.Pattern[str]
    # (what a negation phrase names, the codes it leaves standing): "we have lights" says the
    # power is on, not that the internet is ("no internet because of a power outage but we have
    # lights"); "internet back" is not the power back
    negation_scopes: tuple[tuple[re.Pattern[str], frozenset[str]], ...]
    negation_guard: re.Pattern[str]
    hedge: re.Pattern[str]
    hedge_cue: re.Pattern[str] | None  # text that every hedge starts with: where one may be
    local_negation: re.Pattern[str]
    over_after: re.Pattern[str]  # read right after a match: "outage earlier", "was out for 3 hours"
    wish_after: re.Pattern[str]  # read right after a match: "a power outage would be great"
    fails_again: re.Pattern[str]  # in a failure's clause after an all-clear: "today another outage"
    quoted_message: re.Pattern[str]  # an error message quoted: "Network request failed"
    rest_works: re.Pattern[str]  # "regular chat is ok": what fails is one feature
    http: re.Pattern[str]
    suppress: dict[str, tuple[str, ...]]
    yields: dict[str, frozenset[str]]  # code -> codes whose overlapping match removes its match
    # code -> its (who or what is named before, what in the match) pairs: "support is slow"
    not_said_of: dict[str, tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]]


@lru_cache(maxsize=1)
def spec() -> dict[str, Any]:
    """models/symptoms.json as loaded."""
    with open(models_path("symptoms.json"), encoding="utf-8") as fh:
        return json.load(fh)


def normalise(text: str) -> str:
    """What the patterns see: lowercase, straight apostrophes, '&' unescaped, no *emphasis*,
    single spaces."""
    t = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    t = t.replace("&amp;", "&").replace("*", "")
    return " ".join(t.split())  # split() and re's \s know the same whitespace


def _expand(pattern: str, macros: dict[str, str]) -> str:
    """Replace {NAME} by its macro, macros inside macros included."""
    for _ in range(5):
        expanded = _MACRO.sub(lambda m: macros[m.group(1)], pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise ValueError(f"macros nest too deep in: {pattern[:80]}")


def _closing(p: str, i: int) -> int:
    """Index of the ")" that closes the "(" at p[i]."""
    depth, k = 0, i
    while k < len(p):
        ch = p[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "[":
            k = p.index("]", k + 1) + 1
            continue
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            return k
        k += 1
    raise ValueError(f"unbalanced pattern: {p}")


def _top_split(p: str) -> list[str]:
    """p split on the "|" that are not inside a group or a class."""
    out, depth, start, k = [], 0, 0, 0
    while k < len(p):
        ch = p[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "[":
            k = p.index("]", k + 1) + 1
            continue
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            out.append(p[start:k])
            start = k + 1
        k += 1
    return out + [p[start:]]


def _unfold(p: str) -> list[str]:
    """Equivalent alternatives that each start with literal text where possible:
    "(?:lost|no) power" -> ["lost power", "no power"]; "[ée]cran" -> ["écran", "ecran"]."""
    if p.startswith("(?:"):
        j = _closing(p, 0)
        inner, rest = p[3:j], p[j + 1:]
        optional = rest[:1] == "?" and rest[1:2] != "?"
        if rest[:1] in _QUANT and not optional:
            return [p]
        rest = rest[1:] if optional else rest
        alts = _top_split(inner) + ([""] if optional else [])
        return [x for a in alts for x in _unfold(a + rest)] if rest or not optional else [p]
    if p.startswith("[") and "]" in p:
        j = p.index("]")
        cls, rest = p[1:j], p[j + 1:]
        if any(c in cls for c in "\\-^") or rest[:1] in _QUANT:
            return [p]
        return [x for c in cls for x in _unfold(c + rest)]
    if len(p) > 2 and p[0] not in _META and p[1] == "?" and p[2] != "?":
        return _unfold(p[0] + p[2:]) + _unfold(p[2:])
    return [p]


def _head(p: str) -> tuple[str, str]:
    """(literal text p starts with, the rest of p)."""
    lit, k = [], 0
    while k < len(p):
        ch, step = p[k], 1
        if ch == "\\" and k + 1 < len(p) and not p[k + 1].isalnum():
            ch, step = p[k + 1], 2
        elif ch in _META:
            break
        if p[k + step:k + step + 1] in _QUANT:  # "ab?": only "a" is certain
            break
        lit.append(ch)
        k += step
    return "".join(lit), p[k:]


_LOOKBEHIND = re.compile(r"\(\?<[!=]")
_DIGITS = "0123456789"


def _starts(p: str) -> list[str]:
    """What text matching p may start with, as its first two letters (fewer where not known;
    "" where it may start with anything): which patterns are worth trying at a place."""
    while _LOOKBEHIND.match(p):  # a lookbehind takes no text: what follows it starts the match
        p = p[_closing(p, 0) + 1:]
    if p.startswith("\\d"):
        return list(_DIGITS)
    if p.startswith("[") and "]" in p and not any(c in p[1:p.index("]")] for c in "\\^["):
        cls = p[1:p.index("]")]  # "[a-z]{1,3}-...": one of these letters
        return [chr(c) for a, b in re.findall(r"(.)(?:-(.))?", cls)
                for c in range(ord(a), ord(b or a) + 1)]
    if (unfolded := _unfold(p)) != [p]:
        return [h for a in unfolded for h in _starts(a)]
    return [_head(p)[0][:2]]


def _cue(p: str) -> re.Pattern[str] | None:
    """A regex for the literal text that every match of p starts with ("if", "in case"...), to
    tell quickly where p cannot match; None where some alternative starts with no literal."""
    if not p.startswith("(?:"):
        return None
    heads = [_head(_bare(a))[0] for alt in _top_split(p[3:_closing(p, 0)]) for a in _unfold(_bare(alt))]
    return None if "" in heads else re.compile("|".join(map(re.escape, sorted(set(heads)))))


def _bare(p: str) -> str:
    """p without the lookbehinds and word boundary it starts with, which take no text."""
    while _LOOKBEHIND.match(p) or p.startswith("\\b"):
        p = p[2:] if p.startswith("\\b") else p[_closing(p, 0) + 1:]
    return p


_FIRST = re.compile(r"(\[[^\\\]^\[]+\])(?:(\+)|\{(\d+)(?:(,)(\d*))?\})")


def _first_char(p: str) -> list[str]:
    """p with a leading "[a-z]{1,3}" split into its first letter and the rest:
    ["a[a-z]{0,2}", ..., "z[a-z]{0,2}"] (p itself where it starts otherwise). Only classes
    of ASCII letters and digits ("\\d" also matches other scripts' digits: it stays as it is)."""
    m = _FIRST.match(p)
    if m is None:
        return [p]
    cls, rest = m.group(1), p[m.end():]
    chars = [chr(c) for a, b in re.findall(r"(.)(?:-(.))?", cls[1:-1])
             for c in range(ord(a), ord(b or a) + 1)]
    if not chars or any(not c.isascii() or c in _META for c in chars):
        return [p]
    if m.group(2):  # "+"
        more = cls + "*"
    else:
        low, comma, high = int(m.group(3)), m.group(4), m.group(5)
        if low < 1:
            return [p]
        more = cls + "{" + str(low - 1) + (("," + (str(int(high) - 1) if high else "")) if comma else "") + "}"
    return [c + more + rest for c in dict.fromkeys(chars)]


def _hoisted(p: str, behind: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    """(literal head, rest) for each alternative of p (_unfold), with the lookbehinds that lead
    an alternative moved after its head: "(?<!customer )service" -> "service" and
    "(?<!(?:customer )service)", the same matches. Left in front, a lookbehind is tested at every
    word of every post; a dozen such patterns were two thirds of the scan's time."""
    while _LOOKBEHIND.match(p):
        j = _closing(p, 0)
        behind += ((p[:4], p[4:j]),)
        p = p[j + 1:]
    alts = _unfold(p)
    if alts == [p]:
        alts = _first_char(p)
    if alts != [p]:
        return [x for a in alts for x in _hoisted(a, behind)]
    lit, rest = _head(p)
    if not lit:
        return [("", "".join(f"{kind}{x})" for kind, x in behind) + p)]
    return [(lit, "".join(f"{kind}(?:{x}){re.escape(lit)})" for kind, x in behind) + rest)]


def _trie(patterns: list[str], hoist: bool = False) -> str:
    """One regex for all patterns (same matches), arranged as a trie of their literal heads so
    that at each word only the patterns starting with its letters are tried. No groups.
    `hoist`: lead with literal text where a pattern starts with a lookbehind or a class
    (`_hoisted`); the same places match, though which alternative matches first there (and so
    where the match ends) may differ."""
    root: dict[str, Any] = {}
    for p in patterns:
        tops = _top_split(p)  # "x|y" as two patterns
        heads = ([x for top in tops for x in _hoisted(top)] if hoist
                 else [_head(a) for top in tops for a in _unfold(top)])
        for lit, rest in heads:
            node = root
            for ch in lit:
                node = node.setdefault(ch, {})
            node.setdefault("", []).append(rest)

    def emit(node: dict[str, Any]) -> str:
        parts = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        parts += [f"(?:{r})" if r else "" for r in node.get("", [])]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(root)


def _http_regex(h: dict[str, Any]) -> str:
    """Status codes in an error context: "error 403", "HTTP 502", "502 bad gateway", "a 404";
    never "£403", "5:03", "2019", "500 people" or "503 reports"."""
    more = r"(?:(?:s|'s)?(?: ?/ ?|, ?| or | and | ?& ?)[45]\d\d)*"  # "502/503", "502s and 503s"
    codes = r"[45]\d\d" + more
    bare = "(?:" + "|".join(str(c) for c in h["bare_codes"]) + ")" + more
    tail = rf"(?!\d|[.:,]\d|%|\+)(?! ?{h['not_after']}\b)"  # not "500+ views", "503 reports"
    start = r"(?<![\w£$€¥.:/#-])"
    return "|".join([
        rf"(?<![\w£$€¥]){h['context_before']}[ :#=(\-]*(?:code[ :#=]*)?(?<![£$€¥])"
        rf"(?P<c1>{codes}){tail}",                                   # "error 403", "HTTP 502"
        rf"{start}(?P<c2>{codes})(?:s|'s)? ?[-:)]* ?{h['context_after']}\b",  # "502 bad gateway"
        rf"{start}{h['bare_before']} (?P<c3>{bare})(?:s|'s)?{tail}(?!\w)",     # "a 404"
        rf"{start}(?<!the )(?<!spent )(?P<c4>{bare})(?:s|ing|ed|'d)\b",  # "403s", "the console is 503ing"
    ])


@lru_cache(maxsize=16)
def compiled(langs: tuple[str, ...]) -> Patterns:
    """Build (once) the regexes for these languages."""
    s = spec()
    macros = s.get("macros", {})
    by_code: list[tuple[str, str]] = []  # (code, its patterns as one regex)
    heads: list[set[str]] = []  # how each code's matches may start (_starts)
    every: list[str] = []
    for table, suffix in (("patterns", ""), ("weak_patterns", WEAK), ("firm_patterns", FIRM)):
        for code in s["order"]:
            by_lang = s.get(table, {}).get(code, {})
            alts = [_expand(p, macros) for lang in langs for p in by_lang.get(lang, [])]
            if alts:
                # tried only where the scan found something: a plain alternation, which compiles
                # ten times faster than the trie (the same matches on the gold posts)
                by_code.append((code + suffix, "|".join(f"(?:{a})" for a in alts)))
                heads.append({h for p in alts for top in _top_split(p) for a in _unfold(top) for h in _starts(a)})
                every += alts
    own = [(name, re.compile(f"(?:{alts})(?!\\w)")) for name, alts in by_code]

    def which(fits: Any) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """The codes, each with its own regex, whose matches may start as `fits` says."""
        return tuple(own[i] for i, hs in enumerate(heads) if fits(hs))

    starts = {key: which(lambda hs: key in hs or key[0] in hs or "" in hs)
              for key in sorted({h for hs in heads for h in hs if len(h) == 2})}
    starts1 = {ch: which(lambda hs: (ch and ch in hs) or "" in hs)
               for ch in sorted({h[:1] for hs in heads for h in hs} | {""})}
    negs = [_expand(p, macros) for lang in langs for p in s["negation"].get(lang, [])]
    return Patterns(
        codes=tuple(s["codes"]),
        scan=re.compile(r"(?<!\w)" + _trie(every, hoist=True) + r"(?!\w)"),
        starts=starts,
        starts1=starts1,
        negation=re.compile(r"(?<!\w)" + _trie(negs) + r"(?!\w)"),
        negation_scopes=tuple((re.compile(v["names"]), frozenset(v["spares"]))
                              for k, v in s.get("negation_scopes", {}).items() if k != "about"),
        negation_guard=re.compile(s["negation_guard"]),
        hedge=re.compile(s["hedge"]),
        hedge_cue=_cue(s["hedge"]),
        local_negation=re.compile(s["local_negation"]),
        over_after=re.compile(s["over_after"]),
        wish_after=re.compile(s["wish_after"]),
        fails_again=re.compile(s["fails_again"]),
        quoted_message=re.compile(s["quoted_message"]),
        rest_works=re.compile(s["rest_works"]),
        http=re.compile(_http_regex(s["http"])),
        suppress={k: tuple(v) for k, v in s.get("suppress", {}).items()},
        yields={k: frozenset(v) for k, v in s.get("yields", {}).items()},
        not_said_of={k: tuple((re.compile(b), re.compile(w)) for b, w in _pairs(v))
                     for k, v in s.get("not_said_of", {}).items() if k != "about"},
    )


def _pairs(v: list[Any]) -> list[list[str]]:
    """A `not_said_of` entry as a list of [before, what] pairs: one pair or several."""
    return v if v and isinstance(v[0], list) else [v]


def _langs(lang: str | None) -> tuple[str, ...]:
    """Every language, whatever the post declares: one compiled set (building one takes most
    of a second), and declared languages are often wrong or missing anyway."""
    return LANGS


Ends = tuple[int, tuple[tuple[int, frozenset[str]], ...]]
NO_NEGATION: Ends = (-1, ())


def _negation_end(t: str, p: Patterns) -> Ends:
    """Where the last real "works for me"/"back up" phrase ends (-1: none), and, for phrases that
    name one thing (`negation_scopes`: "we have lights", "internet is back"), where the last of
    each scope ends with the codes it leaves standing. Not a phrase that is asked ("is it back
    up?"), hoped or waited for ("when will it be back up"), or denied."""
    end = -1
    scoped: dict[int, tuple[int, frozenset[str]]] = {}
    for m in p.negation.finditer(t):
        if p.negation_guard.search(t[max(0, m.start() - 40):m.start()]):
            continue
        rest = re.search(r"[.!?]", t[m.end():])
        if rest and rest.group() == "?":
            continue
        said = m.group()
        named = [i for i, (names, _) in enumerate(p.negation_scopes) if names.search(said)]
        if len(named) == 1:
            scoped[named[0]] = (m.end(), p.negation_scopes[named[0]][1])
        else:  # names nothing in particular, or more than one thing: all is well
            end = m.end()
    return end, tuple(x for x in scoped.values() if x[0] > end)


@lru_cache(maxsize=4096)
def _negation_end_of(t: str) -> Ends:
    """_negation_end for a normalised post, kept for the classifier, which asks again (every
    language's patterns are always used: see `_langs`)."""
    return _negation_end(t, compiled(LANGS))


def _negated_at(code: str, start: int, ends: Ends) -> bool:
    """Whether a match of `code` at `start` is said before a phrase that clears it."""
    return start < ends[0] or any(start < end and code not in spares for end, spares in ends[1])


def _last_end(ends: Ends) -> int:
    """Where the last negation phrase of any scope ends (-1: none)."""
    return max([ends[0]] + [end for end, _ in ends[1]])


def negated(text: str, lang: str | None = None) -> bool:
    """True when the post says the service works or is back: "works for me", "not down for
    me", "no problems here", "back up now", "es funktioniert wieder", "ya funciona", "ça remarche".
    A phrase that names one thing ("we have lights", "internet is back") says so unless all the
    post says fails is something else: "power is back but still no internet" is no all-clear.
    Nor is one after which a failure is said again: "yesterday it was fixed. today another outage"."""
    t = normalise(text)
    ends = _negation_end_of(t)
    if ends == NO_NEGATION or _fails_again(t, ends):
        return False
    if ends[0] >= 0 or not ends[1]:
        return ends[0] >= 0
    found = find_symptoms(text)[0]
    return not found or any(code not in spares for code in found for _, spares in ends[1])


_CLAUSE = re.compile(r"[.!?;\n]|\b(?:and|but)\b")
_IF = re.compile(r"\b(?:if|unless|in case|anyone|anybody|those)\b")  # not "... if this still doesn't work, call us", "anyone still out of power, please call"


def _fails_again(t: str, ends: Ends) -> bool:
    """Whether a failure is said after the last all-clear, in a clause of its own that says it
    fails again or still (`fails_again`): "it was fixed and now again the internet's not working"."""
    last = _last_end(ends)
    p = compiled(LANGS)
    if p.fails_again.search(t, last) is None:
        return False  # the cheap test first: most all-clears say nothing after them of failing again
    for _, start, end in _matches(t, p, ends):
        if start < last:
            continue
        breaks = [m.end() for m in _CLAUSE.finditer(t, last, start)]
        if breaks and not _IF.search(t, breaks[-1], start):
            stop = _CLAUSE.search(t, end)
            if p.fails_again.search(t, breaks[-1], stop.start() if stop else len(t)):
                return True
    return False


def http_codes(text: str) -> list[int]:
    """HTTP status codes named as such in the post, in order, without repeats."""
    return _http(normalise(text), compiled(_langs(None)))


def _http(t: str, p: Patterns) -> list[int]:
    out: list[int] = []
    for m in p.http.finditer(t):
        for code in _CODE.findall(m.group("c1") or m.group("c2") or m.group("c3") or m.group("c4")):
            if int(code) not in out:
                out.append(int(code))
    return out


def _names_power_company(text: str) -> bool:
    """Whether the post names an electric utility of the service catalogue (@SDGE, Con Edison)."""
    cat = services.default_catalogue()
    return any(cat.services[name].get("category") == "utility" and name not in NOT_ELECTRIC
               for name in services.find_services(text, cat))


def _next(start: int, ms: list[tuple[str, int]]) -> int:
    """Where to scan on: after the longest strong match here (what starts inside it is read as
    part of its phrase: scanning inside too was measured, and lost precision), or at the next
    word where only weak evidence matched ("having problems" must not hide "... accessing the app")."""
    strong = [end for name, end in ms if not name.endswith(WEAK)]
    return max(max(strong), start + 1) if strong else start + 1


def _loses(p: Patterns, a: str, s1: int, e1: int, b: str, s2: int, e2: int) -> bool:
    """Whether match a [s1, e1) gives way to match b [s2, e2): they overlap and a's code
    `yields` to b's ("my broadband is down" is connectivity, not also a total outage)."""
    return a != b and s1 < e2 and s2 < e1 and b in p.yields.get(a, ())


def _matches(t: str, p: Patterns, neg: Ends | None = None) -> list[tuple[str, int, int]]:
    """(code, start, end) of each symptom phrase the post asserts. `neg`: see _negation_end
    (None: read only where a phrase is found, which most posts have none of)."""
    out = []
    pos = 0
    while (hit := p.scan.search(t, pos)) is not None:
        start = hit.start()
        which = p.starts.get(t[start:start + 2]) or p.starts1.get(t[start]) or p.starts1[""]
        # every code whose own patterns match here, not just the first ("sign in error")
        ms = [(name, m.end()) for name, rx in which if (m := rx.match(t, start)) is not None]
        pos = _next(start, ms)
        if not ms:
            continue
        if neg is None:
            neg = _negation_end_of(t)
        if start < _last_end(neg):  # said before "works for me" / "back up now" (of this code?)
            ms = [(name, end) for name, end in ms if not _negated_at(_code(name), start, neg)]
            if not ms:
                continue
        # the words just before the phrase, read in place: "^" is the post's start and "\b" sees
        # the word the window cuts (a slice made "verify if" an "if", "...cannot" a "not")
        if p.local_negation.search(t, max(0, start - 25), start):
            continue
        window = max(0, start - 60)
        if (p.hedge_cue is None or p.hedge_cue.search(t, window, start)) and p.hedge.search(t, window, start):
            continue
        for name, end in ms:
            # the words right after it say it is over: "a power outage earlier", "an outage that
            # lasted the night", "power was out for 3 hours" (not "... earlier and still no power"),
            # or that it is wished for: "a power outage and no school would be great", "Power outage
            # hopefully lmao" (not "power outage, hopefully back soon", nor what works wished for:
            # "internet that doesn't drop every hour would be nice")
            if p.over_after.match(t, end) or (p.wish_after.match(t, end) and not _DENIED.search(t, start, end)):
                continue
            # "you're not responding", "support is so slow": customer support, not the service
            if any(before.search(t, max(0, start - 30), start) and what.search(t[start:end])
                   for before, what in p.not_said_of.get(name, ())):
                continue
            out.append((name, start, end))
    return out


def _code(name: str) -> str:
    """The code of a match's name: "total_outage__weak" -> "total_outage"."""
    return name.removesuffix(WEAK).removesuffix(FIRM)


def find_symptoms(text: str, lang: str | None = None) -> tuple[list[str], list[int]]:
    """(symptom codes in taxonomy order, HTTP status codes) that the post asserts or asks about."""
    t = normalise(text)
    p = compiled(_langs(lang))
    spans = _matches(t, p)
    strong = [x for x in spans if not x[0].endswith(WEAK)]
    found = {a.removesuffix(FIRM) for a, s1, e1 in strong
             if not any(_loses(p, a, s1, e1, b, s2, e2) for b, s2, e2 in strong)}
    weak = {name[: -len(WEAK)] for name, _, _ in spans if name.endswith(WEAK)}
    codes = _http(t, p) if _CODE.search(t) else []
    if codes:
        found.add("http_error")
    # the negation phrases (_negation_end_of) are read last: most posts have none of these
    if p.quoted_message.search(t) and _negation_end_of(t) == NO_NEGATION:
        found.add("error_message")
    if ("down" in t or "offline" in t) and "total_outage" not in found and _negation_end_of(t) == NO_NEGATION:
        if services.said_down(text):  # "ChatGPT down?", "psn down? can't sign in": the service as a whole
            found.add("total_outage")
    if not found and not weak:
        return [], codes  # most posts: nothing below can add anything
    if found <= {"total_outage"} and "total_outage" in found | weak and _names_power_company(text):
        found, weak = set(), {"power"}  # "@GeorgiaPower any update on the outage?"
    found = found or weak  # "outage", "not working": only when nothing more specific is said
    if p.rest_works.search(t):  # "custom GPTs won't open, regular chat is ok": one feature
        found.add("feature_broken")
        found.discard("total_outage")
    for code in list(found):
        for gone in p.suppress.get(code, ()):
            found.discard(gone)
    return [c for c in p.codes if c in found], codes
