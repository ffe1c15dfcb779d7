"""Bluesky: past posts through search (app.bsky.feed.searchPosts) and live ones through Jetstream.

Both end in `post_from_bluesky()`: a Jetstream event is first shaped like a post view, so every
stored Bluesky post keeps one form of raw JSON and can be re-mapped by that one function.
Search needs a logged-in session (Bluesky refuses logged-out search); Jetstream needs nothing.
Credentials live only in the client: never in runs, logs or error messages.
"""

from __future__ import annotations

import json
import logging
import random
import re
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..config import config_path, setting
from ..records import Post, iso, to_utc
from ..store import Store
from .base import (Batch, HarvestError, RateLimited, Stopper, Summary, Transient, harvest,
                   with_retries)

log = logging.getLogger(__name__)

SOURCE = "bluesky"
SEARCH = "app.bsky.feed.searchPosts"
POST_COLLECTION = "app.bsky.feed.post"
JETSTREAM_URL = f"wss://jetstream2.us-east.bsky.network/subscribe?wantedCollections={POST_COLLECTION}"
PAGE_SIZE = 100  # the most searchPosts gives per page
REWIND_US = 5_000_000  # Jetstream cursors are times: replay 5 s so no event at the seam is missed
HINT = "run the same command again with --resume to go on"
_sleep = time.sleep  # the one sleep of this module; tests replace it

# Used when miner/nlp/services.py has no expand_query(). Bluesky search ANDs the words of a
# query and has no OR, so a service is searched as several queries.
SERVICE_TERMS = {
    "chatgpt": ["chatgpt", "openai", "#chatgptdown"],
    "claude": ["claude", "anthropic"],
    "gemini": ["gemini"],
    "github": ["github"],
    "discord": ["discord"],
    "cloudflare": ["cloudflare"],
}


# --------------------------------------------------------------------------- mapping
def post_from_bluesky(post_view: dict[str, Any]) -> Post:
    """The one mapping of a Bluesky post view (app.bsky.feed.defs#postView) into a Post."""
    uri = post_view["uri"]
    if not isinstance(uri, str) or not uri.startswith("at://"):
        raise ValueError(f"not an at:// uri: {uri!r}")
    record = post_view.get("record") or {}
    author = post_view.get("author") or {}
    handle = author.get("handle")
    if handle == "handle.invalid":
        handle = None
    did = author.get("did") or uri[len("at://"):].split("/", 1)[0]
    langs = record.get("langs") or []
    return Post(
        source=SOURCE, id=uri, text=record.get("text") or "",
        created_at=_first_time(record.get("createdAt"), post_view.get("indexedAt")),
        url=f"https://bsky.app/profile/{handle or did}/post/{uri.rsplit('/', 1)[-1]}",
        author=handle or did, lang=langs[0] if langs else None, raw=post_view)


def _first_time(*values: Any) -> datetime | None:
    """The first value that parses: clients write createdAt in odd forms now and then."""
    for value in values:
        try:
            parsed = to_utc(value)
        except (TypeError, ValueError):
            continue
        if parsed is not None:
            return parsed
    return None


def view_from_jetstream(event: dict[str, Any]) -> dict[str, Any]:
    """A Jetstream post-create event as a post view (no handle: Jetstream only knows the DID)."""
    commit, did = event["commit"], event["did"]
    seen = datetime.fromtimestamp(event["time_us"] / 1e6, tz=timezone.utc)
    return {"uri": f"at://{did}/{commit['collection']}/{commit['rkey']}", "cid": commit.get("cid"),
            "author": {"did": did}, "record": commit["record"],
            "indexedAt": seen.isoformat(timespec="microseconds").replace("+00:00", "Z")}


# ----------------------------------------------------------------------- query terms
def service_terms(name: str) -> list[str]:
    """The words that find posts about a service: nlp.services.expand_query() when it exists."""
    try:
        from ..nlp import services
        expand = getattr(services, "expand_query", None)
    except ImportError:
        expand = None
    try:
        found = expand(name) if expand else SERVICE_TERMS[name.strip().lower()]
    except (LookupError, ValueError):
        found = None
    if isinstance(found, str):  # "a OR b": Bluesky has no OR, so split it into queries
        found = re.split(r"\s+OR\s+", found.strip())
    terms = [str(t).strip() for t in found or [] if str(t).strip()]
    if not terms:
        raise HarvestError(f"{SOURCE}: unknown service {name!r}; give the words to look for instead")
    return terms


def split_terms(text: str | None) -> list[str]:
    """`chatgpt, openai,#chatgptdown` -> its terms, without empty ones or repeats."""
    terms: list[str] = []
    for term in (text or "").split(","):
        term = term.strip().strip('"').strip()
        if term and term.lower() not in (t.lower() for t in terms):
            terms.append(term)
    return terms


def track_terms(track: str | None, service: str | None = None) -> list[str]:
    """What a stream looks for: the --track list plus a service's words."""
    extra = service_terms(service) if service else []
    return split_terms(",".join([track or "", *extra]))


# ------------------------------------------------------------------------- search
def credentials() -> tuple[str, str]:
    """Handle and app password from the environment or the config file, or a HarvestError
    that lists every way to give them."""
    handle = setting("bluesky", "handle", env="BSKY_HANDLE")
    password = setting("bluesky", "app_password", env="BSKY_APP_PASSWORD")
    missing = [name for name, value in (("handle", handle), ("app password", password)) if not value]
    if missing:
        raise HarvestError(
            f"{SOURCE}: no {' and no '.join(missing)}: Bluesky search needs a login. Set "
            f"BSKY_HANDLE and BSKY_APP_PASSWORD, or put handle = \"...\" and app_password = \"...\" "
            f"under [bluesky] in {config_path()} (or the file $MINER_CONFIG names); "
            f"create an app password at https://bsky.app/settings/app-passwords")
    return str(handle).strip().lstrip("@"), str(password).strip()


def _error_name(exc: Exception) -> str:
    """`400 ExpiredToken`: the status and XRPC error name, never the message (it may echo input)."""
    response = getattr(exc, "response", None)
    if response is None:  # no answer at all: say what the transport said (a URL at most)
        cause = exc.__cause__ or exc
        return f"{type(cause).__name__}: {cause}".splitlines()[0].rstrip(": ")
    error = getattr(response.content, "error", None)
    return f"{response.status_code} {error}" if error else str(response.status_code)


def _is_expired(exc: Exception) -> bool:
    response = getattr(exc, "response", None)
    return response is not None and getattr(response.content, "error", None) == "ExpiredToken"


def _retry_after(exc: Any) -> float | None:
    """Seconds the 429 asked for: Retry-After, else until ratelimit-reset (+1 s: it is rounded)."""
    if exc.retry_after is not None:
        return exc.retry_after
    if exc.reset_at is not None:
        return max((exc.reset_at - datetime.now(timezone.utc)).total_seconds(), 0.0) + 1.0
    return None


def _xrpc(call: Callable[[], Any], what: str) -> Any:
    """Run one SDK call, turning its errors into the retry vocabulary of base.with_retries."""
    from atproto_client import exceptions as ex

    try:
        return call()
    except ex.RateLimitExceededError as exc:
        raise RateLimited(_retry_after(exc), f"{what}: rate limited") from None
    except ex.NetworkError as exc:  # transport errors, timeouts, 502/409/413
        raise Transient(f"{what} failed: {_error_name(exc)}") from None
    except ex.RequestException as exc:
        status = exc.response.status_code if exc.response is not None else 0
        if status >= 500:
            raise Transient(f"{what} failed: HTTP {_error_name(exc)}") from None
        raise


def login(base_url: str | None = None, sleep: Callable[[float], None] | None = None) -> Any:
    """A logged-in atproto Client (on base_url, else bsky.social) or a one-line HarvestError."""
    from atproto_client import Client
    from atproto_client import exceptions as ex
    from atproto_client.request import Request

    handle, password = credentials()
    client = Client(base_url, request=Request(timeout=30.0))
    try:
        with_retries(lambda: _xrpc(lambda: client.login(handle, password, fetch_bsky_profile=False),
                                   "login"),
                     source=SOURCE, sleep=sleep or _sleep, hint="try again later")
    except (ex.UnauthorizedError, ex.BadRequestError) as exc:
        raise HarvestError(f"{SOURCE}: login refused ({_error_name(exc)}): check the handle and "
                           f"app password (BSKY_HANDLE / BSKY_APP_PASSWORD, or [bluesky] in "
                           f"{config_path()})") from None
    except ex.AtProtocolError as exc:
        raise HarvestError(f"{SOURCE}: login failed ({_error_name(exc)})") from None
    return client


def search_page(client: Any, params: dict[str, Any]) -> dict[str, Any]:
    """One searchPosts page as raw JSON. An ExpiredToken answer (the SDK only refreshes ahead
    of the expiry time it reads in the token) refreshes the session and asks again once."""
    from atproto_client import exceptions as ex
    from atproto_client import models

    def ask() -> dict[str, Any]:
        model = models.AppBskyFeedSearchPosts.Params(**params)
        content = _xrpc(lambda: client.invoke_query(SEARCH, params=model), "search").content
        if not isinstance(content, dict):
            raise Transient("search answered something other than JSON")
        return content

    try:
        try:
            return ask()
        except (ex.BadRequestError, ex.UnauthorizedError) as exc:
            if not _is_expired(exc):
                raise
            log.info("%s: session expired; refreshing it", SOURCE)
            _xrpc(client._refresh_and_set_session, "session refresh")  # the SDK's own refresh
            return ask()
    except (ex.BadRequestError, ex.UnauthorizedError) as exc:
        if _is_expired(exc):
            raise HarvestError(f"{SOURCE}: the session expired and could not be refreshed; "
                               f"{HINT}") from None
        raise HarvestError(f"{SOURCE}: search refused ({_error_name(exc)}); check the query "
                           f"and --since/--until/--lang") from None
    except ex.AtProtocolError as exc:
        raise HarvestError(f"{SOURCE}: search failed ({_error_name(exc)}); {HINT}") from None


def search_pages(client: Any, queries: list[str], *, since: str | None = None,
                 until: str | None = None, lang: str | None = None, page_size: int = PAGE_SIZE,
                 sleep: Callable[[float], None] | None = None
                 ) -> Callable[[str | None], Iterator[Batch]]:
    """`pages(cursor)` for base.harvest over several queries, newest first.

    The run cursor is `<query index>|<searchPosts cursor>`, so a resumed run goes on inside
    the query it stopped in."""
    def pages(cursor: str | None) -> Iterator[Batch]:
        index, _, page = (cursor or "0|").partition("|")
        start = int(index or 0)
        for i in range(start, len(queries)):
            page_cursor = (page or None) if i == start else None
            while True:
                params = {"q": queries[i], "sort": "latest", "since": since, "until": until,
                          "lang": lang, "limit": page_size, "cursor": page_cursor}
                answer = with_retries(lambda: search_page(client, params), source=SOURCE,
                                      sleep=sleep or _sleep, hint=HINT)
                views = answer.get("posts") or []
                posts, skipped = [], 0
                for view in views:
                    try:
                        posts.append(post_from_bluesky(view))
                    except (KeyError, TypeError, ValueError):
                        skipped += 1
                following = answer.get("cursor")
                done = not views or not following or following == page_cursor
                yield Batch(posts, f"{i + 1}|" if done else f"{i}|{following}", skipped)
                if done:
                    break
                page_cursor = following
    return pages


def _when(value: str | None) -> str | None:
    """A --since/--until value as the ISO form searchPosts takes (UTC unless an offset is given)."""
    if not value:
        return None
    try:
        return iso(to_utc(value))
    except ValueError:
        raise HarvestError(f"{SOURCE}: {value!r} is not a date or time; use e.g. 2026-02-03 "
                           f"or 2026-02-03T14:00:00Z") from None


def harvest_bluesky(store: Store, query: str | None = None, *, service: str | None = None,
                    since: str | None = None, until: str | None = None, lang: str | None = None,
                    limit: int | None = None, resume: bool = False, base_url: str | None = None,
                    sleep: Callable[[float], None] | None = None,
                    show_progress: bool | None = None) -> Summary:
    """Search Bluesky for `query` (and/or a service's words) into the store, in a resumable run."""
    queries = ([query.strip()] if query and query.strip() else []) + \
        (service_terms(service) if service else [])
    if not queries:
        raise HarvestError(f"{SOURCE}: give a QUERY or --service")
    since, until = _when(since), _when(until)
    base_url = base_url or setting("bluesky", "base_url", env="BSKY_BASE_URL")
    if base_url and not re.match(r"https?://", base_url):
        raise HarvestError(f"{SOURCE}: base URL {base_url!r} must start with http:// or https://")
    params = {k: v for k, v in {"since": since, "until": until, "lang": lang,
                                "base_url": base_url}.items() if v}
    client = login(base_url, sleep)
    try:
        pages = search_pages(client, queries, since=since, until=until, lang=lang,
                             page_size=min(PAGE_SIZE, limit or PAGE_SIZE), sleep=sleep)
        return harvest(store, SOURCE, pages, query=" OR ".join(queries), params=params,
                       resume=resume, limit=limit, show_progress=show_progress)
    finally:
        client.request.close()


# ------------------------------------------------------------------------- stream
def matcher(terms: list[str]) -> Callable[[dict[str, Any]], bool]:
    """Is a post record about one of `terms`? Case-insensitive whole words (or phrases) in its
    text; a term also matches the record's hashtags (its `tags` and its facets' tags)."""
    words = [re.escape(t.strip()).replace(r"\ ", r"\s+") for t in terms if t.strip()]
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)
    tags = {t.lstrip("#").lower() for t in terms}

    def match(record: dict[str, Any]) -> bool:
        if pattern.search(record.get("text") or ""):
            return True
        found = [t for t in record.get("tags") or [] if isinstance(t, str)]
        for facet in record.get("facets") or []:
            for feature in (facet or {}).get("features") or []:
                if (feature or {}).get("$type") == "app.bsky.richtext.facet#tag":
                    found.append(str(feature.get("tag") or ""))
        return any(t.lstrip("#").lower() in tags for t in found)
    return match


def is_post_create(event: dict[str, Any]) -> bool:
    commit = event.get("commit") or {}
    return (event.get("kind") == "commit" and commit.get("operation") == "create"
            and commit.get("collection") == POST_COLLECTION and isinstance(commit.get("record"), dict))


def jetstream_url(url: str, cursor: int | None) -> str:
    """`url` asking for posts only, from `cursor` (microseconds) when given."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "cursor"]
    if not any(k == "wantedCollections" for k, _ in query):
        query.append(("wantedCollections", POST_COLLECTION))
    if cursor is not None:
        query.append(("cursor", str(max(cursor, 0))))
    return urlunsplit(parts._replace(query=urlencode(query)))


def _pause(seconds: float, stop: Callable[[], bool], sleep: Callable[[float], None]) -> None:
    """Sleep in short slices, so that Ctrl-C during a backoff still stops at once."""
    left = seconds
    while left > 0 and not stop():
        sleep(min(0.25, left))
        left -= 0.25


def jetstream_events(url: str, cursor: int | None, stop: Callable[[], bool], *,
                     sleep: Callable[[float], None] | None = None, attempts: int = 8,
                     tick: float = 0.5) -> Iterator[dict[str, Any] | None]:
    """Jetstream events from `cursor` on, reconnecting with backoff from the last one seen.

    Yields None after `tick` seconds of silence, so the caller can commit and check `stop`."""
    from websockets.exceptions import InvalidStatus, InvalidURI, WebSocketException
    from websockets.sync.client import connect

    sleep = sleep or _sleep
    failures = 0
    while not stop():
        target = jetstream_url(url, cursor - REWIND_US if cursor else None)
        try:
            with connect(target, open_timeout=15, max_size=2 ** 22) as ws:
                log.info("%s: connected to %s", SOURCE, target)
                while not stop():
                    try:
                        message = ws.recv(timeout=tick)
                    except TimeoutError:
                        yield None
                        continue
                    failures = 0
                    try:
                        event = json.loads(message)
                    except ValueError:
                        continue
                    if isinstance(event, dict):
                        cursor = event.get("time_us") or cursor
                        yield event
        except InvalidURI:
            raise HarvestError(f"{SOURCE}: {url!r} is not a websocket URL (ws:// or wss://)") from None
        except (OSError, TimeoutError, WebSocketException) as exc:
            if isinstance(exc, InvalidStatus) and 400 <= exc.response.status_code < 500:
                raise HarvestError(f"{SOURCE}: Jetstream refused the connection (HTTP "
                                   f"{exc.response.status_code}); check --jetstream") from None
            failures += 1
            if failures >= attempts:
                raise HarvestError(f"{SOURCE}: Jetstream unreachable ({type(exc).__name__}, "
                                   f"{attempts} tries); {HINT}") from None
            wait = min(60.0, 2.0 ** (failures - 1))
            wait = wait / 2 + random.uniform(0, wait / 2)
            log.warning("%s: Jetstream connection lost (%s); reconnecting in %.1fs",
                        SOURCE, type(exc).__name__, wait)
            _pause(wait, stop, sleep)


def stream_bluesky(store: Store, terms: list[str], *, url: str = JETSTREAM_URL,
                   resume: bool = False, max_posts: int | None = None,
                   duration: float | None = None, batch_size: int = 50,
                   batch_seconds: float = 2.0, sleep: Callable[[float], None] | None = None,
                   show_progress: bool | None = None) -> Summary:
    """Follow Jetstream and store the posts that match `terms`, in small transactions that
    carry the cursor (time_us). The run ends "stopped", so --resume goes on from the cursor."""
    if not terms:
        raise HarvestError(f"{SOURCE}: give --track words or --service")
    match, stop = matcher(terms), Stopper(duration)
    stats = {"events": 0, "matched": 0}

    def pages(cursor: str | None) -> Iterator[Batch]:
        pending: list[Post] = []
        saved = position = int(cursor) if cursor else None
        last_commit, skipped = time.monotonic(), 0
        for event in jetstream_events(url, saved, stop, sleep=sleep):
            if event is not None:
                stats["events"] += 1
                # position is the newest event seen: the replays after a (re)connect are
                # stored again (dedup) but neither move it back nor count for --max-posts
                fresh = position is None or event.get("time_us", 0) > position
                position = event.get("time_us") if fresh else position
                if is_post_create(event) and match(event["commit"]["record"]):
                    try:
                        pending.append(post_from_bluesky(view_from_jetstream(event)))
                        stats["matched"] += 1 if fresh else 0
                    except (KeyError, TypeError, ValueError):
                        skipped += 1
            full = max_posts is not None and stats["matched"] >= max_posts
            due = time.monotonic() - last_commit >= batch_seconds
            if len(pending) >= batch_size or full or (due and position != saved):
                yield Batch(pending, str(position) if position else None, skipped)
                pending, saved, last_commit, skipped = [], position, time.monotonic(), 0
            if full:
                return
        if pending or position != saved:
            yield Batch(pending, str(position) if position else None, skipped)

    with stop.catching_ctrl_c():
        summary = harvest(store, SOURCE, pages, query=",".join(sorted(t.lower() for t in terms)),
                          params={"stream": "jetstream"}, resume=resume,
                          show_progress=show_progress, end_status="stopped")
    summary.extra.update(stats, interrupted=stop.interrupted,
                         cursor=store.run(summary.run_id)["cursor"])
    return summary
