#!/usr/bin/env python3
"""Generate the embedded replay corpus: SYNTHETIC posts modelled on the ChatGPT outages of
3-4 February 2026, with realistic background chatter, a status-page feed and ground truth.

    python scripts/make_sample.py            # writes miner/data/sample_*.{jsonl.gz,json}

Deterministic (fixed seed): the committed files are what this script writes. Nothing here is
a real post; texts are templates filled with the symptoms and places the press reported.
"""

from __future__ import annotations

import gzip
import json
import math
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

SEED = 20260204
OUT = Path(__file__).resolve().parent.parent / "miner" / "data"
UTC = timezone.utc
PST = timezone(timedelta(hours=-8))

WINDOW_START = datetime(2026, 2, 3, 0, 0, tzinfo=PST)
WINDOW_END = datetime(2026, 2, 5, 0, 0, tzinfo=PST)

# Downdetector's curve for 4 Feb (PST clock time -> reports); between points we interpolate.
BIG_CURVE = [("09:18", 0), ("09:20", 600), ("09:23", 2000), ("09:26", 4000), ("09:29", 7000),
             ("09:32", 10000), ("09:36", 15000), ("09:40", 23000), ("09:44", 24600),
             ("09:47", 21000), ("09:50", 14000), ("09:55", 8000), ("10:00", 4200),
             ("10:08", 1800), ("10:18", 600), ("10:30", 0)]
SMALL_CURVE = [("11:48", 0), ("11:50", 400), ("11:54", 1800), ("11:58", 3900), ("12:02", 5200),
               ("12:06", 4100), ("12:12", 2300), ("12:20", 800), ("12:28", 0)]
DISCORD_CURVE = [("18:33", 0), ("18:35", 500), ("18:40", 2600), ("18:45", 3400), ("18:52", 1500),
                 ("19:00", 300), ("19:08", 0)]
SCALE = 1 / 200  # Downdetector reports per minute -> synthetic posts per minute

INCIDENTS = [
    {"service": "chatgpt", "day": "2026-02-03", "curve": SMALL_CURVE, "peak_note": "12:02",
     "description": "ChatGPT errors and missing chat history for about 40 minutes"},
    {"service": "chatgpt", "day": "2026-02-04", "curve": BIG_CURVE, "peak_note": "09:44",
     "description": "ChatGPT outage across North America; Downdetector peak above 24,000"},
    {"service": "discord", "day": "2026-02-03", "curve": DISCORD_CURVE, "peak_note": "18:45",
     "description": "Discord messages failing to send for about half an hour"},
]

# -------------------------------------------------------------------- vocabulary
CHATGPT_NAMES = ["ChatGPT", "chatgpt", "ChatGPT", "Chat GPT", "chat gpt", "GPT", "OpenAI"]
TAGS = ["#ChatGPTDown", "#chatgptdown", "#ChatGPT", "#OpenAI", "#outage"]

CHATGPT_SYMPTOMS = [
    ("error 403 every time I send a message", 8),
    ("getting error 403 on every prompt", 6),
    ("403 forbidden on chatgpt.com", 3),
    ("can't upload images", 7),
    ("image upload just fails", 3),
    ("can't load my profile", 5),
    ("my projects won't load", 6),
    ("no chat history at all, sidebar is empty", 7),
    ("all my conversations are gone from the sidebar", 4),
    ("no answers to my queries, it just spins", 7),
    ("it won't respond to anything", 5),
    ('"Hmm...something seems to have gone wrong"', 9),
    ("keeps saying Hmm...something seems to have gone wrong.", 5),
    ("custom GPT updates fail to save", 4),
    ("can't log in, login loop", 4),
    ("super slow then times out", 4),
    ("app crashes when I open it", 3),
    ("502 bad gateway", 2),
    ("completely down", 6),
    ("nothing loads, blank page", 5),
]
DISCORD_SYMPTOMS = [("messages won't send", 8), ("stuck on connecting", 6), ("can't log in", 3),
                    ("voice keeps dropping", 3), ("app won't load", 4), ("totally down", 3)]

REPORT_TEMPLATES = [
    "{name} is down?? {symptom}",
    "is {name} down for anyone else? {symptom}",
    "{name} {symptom} {tag}",
    "anyone else having trouble with {name}? {symptom}",
    "{symptom}. {name} down again {tag}",
    "ugh {name} not working. {symptom}",
    "{name} outage? {symptom} {place_phrase}",
    "{symptom} {place_phrase}. is {name} down {tag}",
    "Is it just me or is {name} broken right now? {symptom}",
    "{name} down {place_phrase} {tag}",
    "{tag} {symptom}",
    "{name} has been failing since {since}: {symptom}",
    "right in the middle of work and {name} dies. {symptom}",
    "{name} not loading {place_phrase}, {symptom}",
]
FOREIGN_REPORTS = [
    ("es", "¿Se cayó {name}? No funciona, me sale error 403"),
    ("es", "{name} caído en México, no carga nada #ChatGPTDown"),
    ("fr", "{name} en panne ? Ça ne marche pas depuis 10 minutes"),
    ("fr", "{name} ne fonctionne pas à Montréal, impossible de charger mes projets"),
    ("de", "{name} Störung? Funktioniert nicht, Fehler 403"),
    ("pt", "{name} fora do ar aqui em São Paulo, não carrega o histórico"),
    ("pt", "O {name} caiu? não funciona"),
]
PLACES = [
    ("in Toronto", "Toronto, ON", 10), ("here in Toronto", "Toronto", 6),
    ("in southern California", "Los Angeles, CA", 7), ("in SoCal", "San Diego, CA", 6),
    ("in LA", "Los Angeles", 5), ("across the US", None, 5), ("in NYC", "New York, NY", 6),
    ("in Chicago", "Chicago, IL", 4), ("in Texas", "Austin, TX", 4), ("in Seattle", "Seattle, WA", 3),
    ("in Vancouver", "Vancouver, BC", 3), ("on the East Coast", "Boston, MA", 3),
    ("in the Bay Area", "San Francisco, CA", 4), ("in Denver", "Denver, CO", 2),
    ("in Atlanta", "Atlanta, GA", 2), ("in London", "London, UK", 2), ("in Montreal", "Montréal", 1),
    ("in Phoenix", "Phoenix, AZ", 2), ("in Ottawa", "Ottawa, Ontario", 1),
]
AUTHOR_LOCATIONS = ["Toronto, ON", "Los Angeles, CA", "San Diego", "Irvine, California", "NYC",
                    "Chicago", "Austin, TX", "Seattle", "Vancouver, BC", "Brooklyn, NY",
                    "Orange County, CA", "Mississauga, Ontario", "Atlanta, GA", "London",
                    "somewhere on the internet", "she/her", "Bay Area", "Denver, CO", "🌴 SoCal"]

NOISE_DURING = [
    "ChatGPT is down so I guess I have to use my own brain today lol",
    "ChatGPT down = productivity down 📉",
    "Breaking: ChatGPT down for thousands of users, Downdetector shows https://news.example.com/chatgpt-outage",
    "OpenAI's ChatGPT suffers outage, users report errors - https://tech.example.com/openai-outage",
    "is chatgpt down? works fine for me",
    "chatgpt works for me, not down here",
    "my students discovered today that ChatGPT can go down. chaos.",
    "everyone on my timeline panicking because ChatGPT is down 😂",
    "ChatGPT outage explained: what we know so far https://news.example.com/live",
    "imagine not having a backup LLM when ChatGPT goes down",
]
BACKGROUND = {
    "chatgpt": [
        "ChatGPT just wrote my cover letter and honestly it's better than mine",
        "asked ChatGPT for a recipe with what's in my fridge, not bad",
        "Does anyone use ChatGPT for studying? tips?",
        "OpenAI announces new ChatGPT features for teams https://news.example.com/openai-teams",
        "ChatGPT vs Claude for coding, thoughts?",
        "I'm down to try the new ChatGPT voice mode",
        "ChatGPT helped me debug this in 2 minutes, wild",
        "honestly chatgpt has been great this week",
        "OpenAI stock talk again? it's not even public",
        "using ChatGPT to plan a trip to Toronto, very handy",
        "ChatGPT Plus worth it? I keep going back and forth",
        "ChatGPT billing charged me twice this month, support never replied",
        "chatgpt keeps giving me wrong answers about history dates lol",
        "ChatGPT es increíble para aprender idiomas",
        "J'utilise ChatGPT pour corriger mes emails",
        "Wer nutzt ChatGPT beruflich?",
        "new chatgpt update looks nice",
        "the chatgpt down-vote button is underrated",
        "ChatGPT wrote a poem about my cat, 10/10",
        "is chatgpt down? nope, just my wifi. never mind",
        "chatgpt being slow today or is it me",
        "chatgpt gave me error 403 once this morning, fine now",
    ],
    "discord": ["Discord server for our book club is finally up", "who's down for Discord game night?",
                "Discord nitro price went up again", "new Discord update moved all the buttons"],
    "netflix": ["just finished the new Netflix series, wow", "Netflix raising prices again",
                "what should I watch on Netflix tonight", "Netflix is down? no, my TV was unplugged lol"],
    "instagram": ["Instagram reels algorithm is weird lately", "posted my trip photos on Instagram",
                  "instagram not loading my feed", "Instagram ads are out of control"],
    "verizon": ["Verizon bill is a joke this month", "switching to Verizon next week",
                "Verizon no signal in my basement again", "Verizon store guy was super helpful"],
    "claude": ["Claude is really good at long documents", "tried Claude for the first time today",
               "Anthropic released a new Claude model https://news.example.com/claude"],
    "gemini": ["Gemini in Gmail summarized my inbox", "Gemini vs ChatGPT, which one?"],
    "x": ["X timeline is a mess today", "why is everyone leaving X"],
    "other": ["stock market is down 2% today", "I'm down for tacos tonight", "feeling down today",
              "power nap then back to work", "going down the shore this weekend",
              "the elevator is down again in our building, taking the stairs"],
}
BACKGROUND_RATES = {"chatgpt": 0.55, "discord": 0.08, "netflix": 0.07, "instagram": 0.07,
                    "verizon": 0.05, "claude": 0.05, "gemini": 0.04, "x": 0.05, "other": 0.1}
LANG_OF = {"ChatGPT es increíble para aprender idiomas": "es",
           "J'utilise ChatGPT pour corriger mes emails": "fr", "Wer nutzt ChatGPT beruflich?": "de"}


# ------------------------------------------------------------------------ helpers
def pst(day: str, clock: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{clock}:00").replace(tzinfo=PST)


def curve_rate(curve: list[tuple[str, int]], day: str, t: datetime) -> float:
    """Reports per minute at time t, linear between the curve's points."""
    points = [(pst(day, c), v) for c, v in curve]
    if t < points[0][0] or t >= points[-1][0]:
        return 0.0
    for (t0, v0), (t1, v1) in zip(points, points[1:]):
        if t0 <= t < t1:
            f = (t - t0).total_seconds() / (t1 - t0).total_seconds()
            return v0 + f * (v1 - v0)
    return 0.0


def diurnal(t: datetime) -> float:
    """North-American daytime is busier: 0.35 at 3am PST to 1.65 at 3pm PST."""
    hour = t.astimezone(PST).hour + t.minute / 60
    return 1 + 0.65 * math.sin((hour - 9) / 24 * 2 * math.pi)


def weighted(rng: random.Random, items: list[tuple]) -> tuple:
    return rng.choices(items, weights=[i[-1] for i in items])[0]


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 50:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


class Writer:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.posts: list[dict] = []

    def add(self, t: datetime, text: str, lang: str = "en", location: str | None = None,
            kind: str = "background") -> None:
        n = len(self.posts)
        handle = f"user{self.rng.randrange(10**6):06d}.bsky.social"
        if location is None and self.rng.random() < 0.3:
            location = self.rng.choice(AUTHOR_LOCATIONS)
        self.posts.append({
            "id": f"s{n:06d}",
            "text": " ".join(text.split()),
            "created_at": t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
            "lang": lang,
            "author": {"handle": handle, "location": location},
            "url": f"https://sample.outage-miner.invalid/{handle}/{n:06d}",
            "kind": kind,  # what the generator meant: report / noise / background (not read by the pipeline)
        })


def report_text(rng: random.Random, service: str, t: datetime, day_onset: datetime) -> tuple[str, str, str | None]:
    """A first-hand outage report: (text, lang, author_location)."""
    if service == "discord":
        symptom = weighted(rng, DISCORD_SYMPTOMS)[0]
        name, tag = rng.choice(["Discord", "discord"]), rng.choice(["#DiscordDown", "#discord", ""])
    else:
        if rng.random() < 0.06:
            lang, tpl = rng.choice(FOREIGN_REPORTS)
            return tpl.format(name=rng.choice(["ChatGPT", "chatgpt"])), lang, None
        symptom = weighted(rng, CHATGPT_SYMPTOMS)[0]
        name, tag = rng.choice(CHATGPT_NAMES), rng.choice(TAGS + ["", "", ""])
    place_phrase, location = "", None
    if rng.random() < 0.35:
        place_phrase, location, _ = weighted(rng, PLACES)
    since = (day_onset.astimezone(PST) + timedelta(minutes=rng.randrange(0, 6))).strftime("%-I:%M a.m. PST")
    tpl = rng.choice(REPORT_TEMPLATES)
    if "{place_phrase}" not in tpl:
        place_phrase = ""
    text = tpl.format(name=name, symptom=symptom, tag=tag, place_phrase=place_phrase, since=since)
    return text, "en", location


def build() -> tuple[list[dict], list[dict], list[dict]]:
    rng = random.Random(SEED)
    out = Writer(rng)
    minute = WINDOW_START
    while minute < WINDOW_END:
        for service, rate in BACKGROUND_RATES.items():
            for _ in range(poisson(rng, rate * diurnal(minute))):
                text = rng.choice(BACKGROUND[service])
                out.add(minute + timedelta(seconds=rng.uniform(0, 60)), text, LANG_OF.get(text, "en"))
        for inc in INCIDENTS:
            rate = curve_rate(inc["curve"], inc["day"], minute) * SCALE
            if rate <= 0:
                continue
            onset = pst(inc["day"], inc["curve"][1][0])
            for _ in range(poisson(rng, rate)):
                text, lang, loc = report_text(rng, inc["service"], minute, onset)
                out.add(minute + timedelta(seconds=rng.uniform(0, 60)), text, lang, loc, "report")
            if inc["service"] == "chatgpt":
                for _ in range(poisson(rng, rate * 0.15)):
                    out.add(minute + timedelta(seconds=rng.uniform(0, 60)), rng.choice(NOISE_DURING),
                            kind="noise")
        minute += timedelta(minutes=1)
    out.posts.sort(key=lambda p: p["created_at"])
    return out.posts, status_events(), truth()


def status_events() -> list[dict]:
    """The status page: acknowledged late, 'mitigation applied' around 9:32 on 4 Feb."""
    def ev(day, clock, kind, title, message, service="chatgpt"):
        return {"source": "status.openai.com" if service == "chatgpt" else "discordstatus.com",
                "service": service, "time": pst(day, clock).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "kind": kind, "title": title, "message": message}
    return [
        ev("2026-02-03", "12:09", "investigating", "Elevated error rates in ChatGPT",
           "We are investigating elevated error rates and missing conversation history."),
        ev("2026-02-03", "12:31", "resolved", "Elevated error rates in ChatGPT",
           "This incident has been resolved."),
        ev("2026-02-03", "18:50", "investigating", "Messages failing to send",
           "We are investigating reports of messages failing to send.", service="discord"),
        ev("2026-02-03", "19:12", "resolved", "Messages failing to send", "Resolved.", service="discord"),
        ev("2026-02-04", "09:31", "investigating", "Partial outage: ChatGPT unavailable for some users",
           "We are investigating reports of errors for ChatGPT users."),
        ev("2026-02-04", "09:32", "identified", "Partial outage: ChatGPT unavailable for some users",
           "We have applied a mitigation and are monitoring the recovery."),
        ev("2026-02-04", "10:05", "monitoring", "Partial outage: ChatGPT unavailable for some users",
           "Error rates are returning to normal. We continue to monitor."),
        ev("2026-02-04", "10:41", "resolved", "Partial outage: ChatGPT unavailable for some users",
           "This incident has been resolved."),
    ]


def truth() -> list[dict]:
    rows = []
    for inc in INCIDENTS:
        curve = inc["curve"]
        rows.append({
            "service": inc["service"],
            "start": pst(inc["day"], curve[1][0]).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "peak": pst(inc["day"], inc["peak_note"]).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "end": pst(inc["day"], curve[-1][0]).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "description": inc["description"],
        })
    return rows


def main() -> None:
    posts, events, incidents = build()
    OUT.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the gzip bytes identical from run to run
    with gzip.GzipFile(OUT / "sample_posts.jsonl.gz", "wb", mtime=0) as fh:
        for p in posts:
            fh.write((json.dumps(p, ensure_ascii=False) + "\n").encode())
    (OUT / "sample_status.json").write_text(json.dumps(events, indent=1) + "\n")
    (OUT / "sample_truth.json").write_text(json.dumps(incidents, indent=1) + "\n")
    kinds = {}
    for p in posts:
        kinds[p["kind"]] = kinds.get(p["kind"], 0) + 1
    print(f"{len(posts)} posts {kinds}; {len(events)} status events; {len(incidents)} incidents -> {OUT}")


if __name__ == "__main__":
    main()
