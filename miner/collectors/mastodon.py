"""Mastodon: public hashtag timelines of one or more instances, via Mastodon.py (no login).

Each (instance, tag) is a feed read newest first, page by page with `max_id` from the Link
headers, down to `since_id`: the newest status a previous run read when it went through
that feed to the end. The run cursor keeps a state per feed,
  {"feeds": {"https://host|tag": {"max_id", "since_id", "newest", "complete"}}}
so a killed run resumes inside the feed where it stopped, and the next run reads only
what is new.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from html.parser import HTMLParser
from typing import Any, TypeVar
from urllib.parse import urlparse

from mastodon import Mastodon
from mastodon.errors import (MastodonAPIError, MastodonError, MastodonNetworkError,
                             MastodonNotFoundError, MastodonRatelimitError, MastodonServerError,
                             MastodonUnauthorizedError)

from .. import __version__
from ..config import setting
from ..records import Post
from ..store import Store
from .base import Batch, HarvestError, RateLimited, Summary, Transient, harvest, with_retries

log = logging.getLogger(__name__)
T = TypeVar("T")

SOURCE = "mastodon"
PAGE_SIZE = 40  # the most a Mastodon timeline page holds


# ----------------------------------------------------------------------- client
def normalize_instance(url: str) -> str:
    """`mastodon.social`, `https://mastodon.social/` -> `https://mastodon.social`."""
    url = url.strip().rstrip("/")
    return url if url.startswith(("http://", "https://")) else f"https://{url}"


def access_token(instance: str, n_instances: int = 1) -> str | None:
    """The token for `instance`, if any: `[mastodon.tokens] "host" = "..."` in the config
    file, else $MASTODON_ACCESS_TOKEN / `[mastodon] access_token` when only one instance is
    harvested (a token belongs to one instance and is never sent to another)."""
    tokens = setting("mastodon", "tokens", default={}) or {}
    host = urlparse(instance).netloc
    if host in tokens:
        return tokens[host]
    token = setting("mastodon", "access_token", env="MASTODON_ACCESS_TOKEN")
    if token and n_instances > 1:
        log.info("%s: not sending the access token to %s: several instances given; "
                 "use [mastodon.tokens] in the config file", SOURCE, host)
        return None
    return token or None


def mastodon_client(instance: str, token: str | None = None) -> Mastodon:
    """A client that raises on 429 (we wait in with_retries) and skips version checks."""
    return Mastodon(api_base_url=normalize_instance(instance), access_token=token,
                    ratelimit_method="throw", version_check_mode="none", request_timeout=30,
                    user_agent=f"outage-miner/{__version__}")


# ---------------------------------------------------------------------- mapping
class _Text(HTMLParser):
    """Status HTML to plain text: paragraphs and line breaks kept, tags dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "p" and self.parts:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(html: str | None) -> str:
    parser = _Text()
    parser.feed(html or "")
    parser.close()
    return "".join(parser.parts).strip()


def _jsonable(value: Any) -> Any:
    """The wire JSON back out of Mastodon.py's objects (times as ISO 8601, UTC)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)


def post_from_status(status: dict[str, Any], instance: str) -> Post:
    """A status as a Post. The id is the status URI, the same on every instance, so a
    status federated to several harvested instances is stored once."""
    host = urlparse(normalize_instance(instance)).netloc
    account = status.get("account") or {}
    acct = account.get("acct") or account.get("username")
    if acct and "@" not in acct:
        acct = f"{acct}@{host}"  # local accounts have a bare name
    text = html_to_text(status.get("content"))
    if status.get("spoiler_text"):
        text = f"{status['spoiler_text']}\n\n{text}"
    return Post(source=SOURCE, id=status.get("uri") or f"{host}:{status['id']}", text=text,
                created_at=status.get("created_at"), url=status.get("url") or status.get("uri"),
                author=acct, lang=status.get("language"), raw=_jsonable(status))


# ----------------------------------------------------------------------- errors
def translate(exc: MastodonError, client: Mastodon, where: str) -> Exception:
    """Mastodon.py's exceptions as ours: retry, wait, or one line that says what to do."""
    if isinstance(exc, MastodonRatelimitError):
        reset = client.ratelimit_reset
        return RateLimited(max(0.0, reset - time.time()) if reset else None)
    if isinstance(exc, (MastodonServerError, MastodonNetworkError)):
        return Transient(f"{where}: {type(exc).__name__.removeprefix('Mastodon')}")
    if isinstance(exc, MastodonUnauthorizedError):
        return HarvestError(f"{SOURCE}: {where} needs a login for hashtag timelines (401); "
                            f"set MASTODON_ACCESS_TOKEN or [mastodon.tokens] in the config file")
    if isinstance(exc, MastodonNotFoundError):
        return HarvestError(f"{SOURCE}: {where} not found (404): is it a Mastodon instance?")
    if isinstance(exc, MastodonAPIError) and len(exc.args) > 1:
        return HarvestError(f"{SOURCE}: {where}: HTTP {exc.args[1]} {exc.args[2] or ''}".rstrip())
    text = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
    return HarvestError(f"{SOURCE}: {where}: {text}")


def call(client: Mastodon, fn: Callable[[], T], where: str,
         sleep: Callable[[float], None] = time.sleep) -> T:
    def attempt() -> T:
        try:
            return fn()
        except MastodonError as exc:
            raise translate(exc, client, where) from None
    return with_retries(attempt, source=SOURCE, sleep=sleep)


# ---------------------------------------------------------------------- reading
def feed_key(instance: str, tag: str) -> str:
    return f"{normalize_instance(instance)}|{tag.lower()}"


def _as_int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def previous_floors(store: Store) -> dict[str, str]:
    """For each feed, the newest status id of the latest run that read it to the end."""
    floors: dict[str, str] = {}
    for run in store.recent_runs(SOURCE):
        try:
            feeds = json.loads(run["cursor"]).get("feeds", {})
        except (ValueError, AttributeError):
            continue
        for key, feed in feeds.items():
            floor = feed.get("newest") or feed.get("since_id")
            if feed.get("complete") and floor and key not in floors:
                floors[key] = floor
    return floors


def mastodon_pages(clients: dict[str, Mastodon], tags: list[str], cursor: str | None,
                   floors: dict[str, str], sleep: Callable[[float], None] = time.sleep
                   ) -> Iterator[Batch]:
    """A batch per timeline page, feed after feed, each with the whole cursor after it."""
    state: dict[str, Any] = json.loads(cursor) if cursor else {"feeds": {}}
    feeds: dict[str, dict[str, Any]] = state.setdefault("feeds", {})
    for instance, client in clients.items():
        for tag in tags:
            key = feed_key(instance, tag)
            feed = feeds.setdefault(key, {"max_id": None, "since_id": floors.get(key),
                                          "newest": None, "complete": False})
            where = f"{urlparse(instance).netloc} #{tag}"
            while not feed["complete"]:
                page = call(client, lambda: client.timeline_hashtag(
                    tag, max_id=feed["max_id"], since_id=feed["since_id"], limit=PAGE_SIZE),
                    where, sleep)
                if page and feed["newest"] is None:
                    feed["newest"] = str(max(page, key=lambda s: _as_int(s["id"]))["id"])
                following = getattr(page, "_pagination_next", None) or {}
                more = bool(page) and following.get("max_id") is not None
                if more:
                    feed["max_id"] = str(following["max_id"])
                if page:
                    posts = [post_from_status(s, instance) for s in page if not s.get("reblog")]
                    yield Batch(posts, json.dumps(state), skipped=len(page) - len(posts))
                if not more:
                    # "complete" only ever goes with no posts: had --limit cut the page
                    # above, this batch is never committed, so no later run skips the rest
                    feed["complete"] = True
                    yield Batch([], json.dumps(state))


def harvest_mastodon(store: Store, instances: list[str], tags: list[str], *,
                     limit: int | None = None, resume: bool = False,
                     clients: dict[str, Mastodon] | None = None,
                     sleep: Callable[[float], None] = time.sleep,
                     show_progress: bool | None = None) -> Summary:
    """Harvest the hashtag timelines of `tags` on every instance into `store`, resumably."""
    instances = list(dict.fromkeys(normalize_instance(i) for i in instances))
    tags = list(dict.fromkeys(t.lstrip("#").lower() for t in tags if t.lstrip("#")))
    if not instances or not tags:
        raise HarvestError(f"{SOURCE}: give at least one --instance and one --tag")
    given = clients or {}
    clients = {i: given.get(i) or mastodon_client(i, access_token(i, len(instances)))
               for i in instances}
    floors = previous_floors(store)
    return harvest(
        store, SOURCE, lambda cursor: mastodon_pages(clients, tags, cursor, floors, sleep),
        query=" ".join(f"#{t}" for t in tags), params={"instances": instances, "tags": tags},
        resume=resume, limit=limit, show_progress=show_progress)
