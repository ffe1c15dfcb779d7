"""Reddit: subreddit search (or /new) and the comments under each submission, via praw.

Outage reports pile up in the comments of megathreads, so a harvest reads every listed
submission's comments too. The run cursor is JSON:
  {"after": A}                  page A (a listing `after` fullname; null: the first page) is next
  {"after": A, "done": [t3...]} page A's submissions are stored, and these ones' comments
  {"end": true}                 the listing is exhausted
so a killed run resumes at the page and submission where it stopped.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import praw
import prawcore
from praw.config import Config
from praw.endpoints import API_PATH
from praw.models.reddit.base import RedditBase

from .. import __version__
from ..records import Post
from ..store import Store
from .base import (Batch, HarvestError, RateLimited, Stopper, Summary, Transient, harvest,
                   with_retries)

log = logging.getLogger(__name__)
T = TypeVar("T")

SOURCE = "reddit"
WEB = "https://www.reddit.com"
PAGE_SIZE = 100
SORTS = ("new", "relevance", "hot", "top", "comments")
TIME_FILTERS = ("hour", "day", "week", "month", "year", "all")
DELETED = {"[deleted]", "[removed]"}
# Attributes praw adds to its objects that are not part of Reddit's JSON.
NOT_RAW = {"comment_limit", "comment_sort", "replies", "submission"}

CREDENTIAL_HELP = (
    "set client_id and client_secret of a Reddit 'script' app (create one at "
    "https://www.reddit.com/prefs/apps) in praw.ini ([DEFAULT] or the section named by "
    "$praw_site; read from ./praw.ini or ~/.config/praw.ini) or in the environment "
    "variables praw_client_id and praw_client_secret (optionally praw_user_agent)")


# ----------------------------------------------------------------------- client
def reddit_client(**settings: Any) -> praw.Reddit:
    """A read-only praw client; credentials come from praw.ini or praw_* variables.

    `settings` override praw.ini (tests pass oauth_url/reddit_url of a local server).
    A missing credential is a HarvestError that says every way to provide it.
    """
    site = os.environ.get("praw_site") or "DEFAULT"
    try:
        config = Config(site, **settings)
    except Exception as exc:  # a bad praw.ini or an unknown site name
        raise HarvestError(f"{SOURCE}: cannot read praw.ini section {site!r} ({exc})") from None
    missing = [key for key in ("client_id", "client_secret") if not getattr(config, key)]
    if missing:
        raise HarvestError(f"{SOURCE}: missing {' and '.join(missing)}; {CREDENTIAL_HELP}")
    if not config.user_agent:
        settings["user_agent"] = f"outage-miner/{__version__} (read-only research)"
    reddit = praw.Reddit(site_name=site, check_for_updates=False, check_for_async=False,
                         **settings)
    reddit.read_only = True
    return reddit


# ---------------------------------------------------------------------- mapping
def _jsonable(value: Any) -> Any:
    """Reddit's JSON back out of praw's objects: authors and subreddits become names."""
    if isinstance(value, RedditBase):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _raw(thing: RedditBase) -> dict[str, Any]:
    return {k: _jsonable(v) for k, v in vars(thing).items()
            if not k.startswith("_") and k not in NOT_RAW}


def post_from_submission(submission: Any) -> Post:
    """A submission (t3) as a Post: the title and the self text are the report."""
    title = submission.title or ""
    body = submission.selftext or ""
    text = f"{title}\n\n{body}" if body and body not in DELETED else title
    return Post(source=SOURCE, id=submission.name, text=text,
                created_at=submission.created_utc, url=WEB + submission.permalink,
                author=str(submission.author) if submission.author else None,
                raw=_raw(submission))


def post_from_comment(comment: Any) -> Post:
    """A comment (t1) as a Post; its submission stays in raw["link_id"]."""
    return Post(source=SOURCE, id=comment.name, text=comment.body or "",
                created_at=comment.created_utc, url=WEB + comment.permalink,
                author=str(comment.author) if comment.author else None,
                raw=_raw(comment))


def _usable(comment: Any) -> bool:
    return (comment.body or "").strip() not in DELETED | {""}


# ----------------------------------------------------------------------- errors
def _retry_after(exc: prawcore.TooManyRequests) -> float | None:
    headers = exc.response.headers
    for name in ("retry-after", "x-ratelimit-reset"):
        try:
            return float(headers[name])
        except (KeyError, TypeError, ValueError):
            continue
    return None


def first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__


def translate(exc: Exception, what: str = "") -> Exception:
    """prawcore's exceptions as ours: retry, wait, or one line that says what to do."""
    where = f" ({what})" if what else ""
    if isinstance(exc, prawcore.TooManyRequests):
        return RateLimited(_retry_after(exc))
    if isinstance(exc, prawcore.RequestException):
        return Transient(f"network error{where}: {type(exc.original_exception).__name__}")
    if isinstance(exc, prawcore.ResponseException) and exc.response.status_code >= 500:
        return Transient(f"HTTP {exc.response.status_code}{where}")
    if isinstance(exc, prawcore.OAuthException) or (
            isinstance(exc, prawcore.ResponseException) and exc.response.status_code == 401):
        return HarvestError(f"{SOURCE}: Reddit refused the credentials; {CREDENTIAL_HELP}")
    if isinstance(exc, prawcore.Forbidden):
        return HarvestError(f"{SOURCE}: access denied{where}: private, quarantined or banned?")
    if isinstance(exc, (prawcore.NotFound, prawcore.Redirect)):
        return HarvestError(f"{SOURCE}: not found{where}: check the subreddit name")
    if isinstance(exc, prawcore.PrawcoreException):
        return HarvestError(f"{SOURCE}: {first_line(exc)}{where}")
    return exc


def call(fn: Callable[[], T], what: str = "", sleep: Callable[[float], None] = time.sleep) -> T:
    """`fn()` with the shared retry policy, prawcore's errors translated."""
    def attempt() -> T:
        try:
            return fn()
        except prawcore.PrawcoreException as exc:
            raise translate(exc, what) from None
    return with_retries(attempt, source=SOURCE, sleep=sleep)


# ---------------------------------------------------------------------- reading
def fetch_listing(reddit: praw.Reddit, subreddit: str, query: str | None, *, sort: str,
                  time_filter: str, after: str | None, limit: int = PAGE_SIZE) -> Any:
    """One listing page: search results if there is a query, else the newest posts."""
    params: dict[str, Any] = {"limit": limit}
    if after:
        params["after"] = after
    if query:
        params.update(q=query, restrict_sr=True, sort=sort, t=time_filter, syntax="lucene")
        path = API_PATH["search"].format(subreddit=subreddit)
    else:
        path = API_PATH["subreddit"].format(subreddit=subreddit) + "new/"
    return reddit.get(path, params=params)


def fetch_comments(reddit: praw.Reddit, submission_id: str, more: int | None) -> list[Any]:
    """Every comment of a submission, `more` "load more comments" links expanded.

    A fresh Submission each call: replace_more() changes the tree, so a retry starts over.
    """
    submission = reddit.submission(id=submission_id)
    submission.comments.replace_more(limit=more)
    return submission.comments.list()


def reddit_pages(reddit: praw.Reddit, subreddit: str, query: str | None, cursor: str | None, *,
                 sort: str = "new", time_filter: str = "all", comments: bool = True,
                 more: int | None = 32, sleep: Callable[[float], None] = time.sleep
                 ) -> Iterator[Batch]:
    """Batches from `cursor` on: a page of submissions, then each submission's comments."""
    state = json.loads(cursor) if cursor else {"after": None}
    if state.get("end"):
        return
    after: str | None = state.get("after")
    done: set[str] | None = set(state["done"]) if "done" in state else None
    while True:
        listing = call(lambda: fetch_listing(reddit, subreddit, query, sort=sort,
                                             time_filter=time_filter, after=after),
                       f"r/{subreddit}", sleep)
        submissions = list(listing)
        following = {"after": listing.after} if listing.after and submissions else {"end": True}
        if not comments:
            yield Batch([post_from_submission(s) for s in submissions], json.dumps(following))
        else:
            if done is None:
                done = set()
                yield Batch([post_from_submission(s) for s in submissions],
                            json.dumps({"after": after, "done": []}))
            for s in submissions:
                if s.name in done:
                    continue
                found = [] if not s.num_comments else call(
                    lambda: fetch_comments(reddit, s.id, more), f"comments of {s.name}", sleep)
                done.add(s.name)
                usable = [c for c in found if _usable(c)]
                yield Batch([post_from_comment(c) for c in usable],
                            json.dumps({"after": after, "done": sorted(done)}),
                            skipped=len(found) - len(usable))
            yield Batch([], json.dumps(following))
        if "end" in following:
            return
        after, done = following["after"], None


def harvest_reddit(store: Store, subreddit: str, query: str | None = None, *, sort: str = "new",
                   time_filter: str = "all", comments: bool = True, more: int | None = 32,
                   limit: int | None = None, resume: bool = False,
                   reddit: praw.Reddit | None = None, sleep: Callable[[float], None] = time.sleep,
                   show_progress: bool | None = None) -> Summary:
    """Harvest r/`subreddit` (search for `query`, or /new) into `store`, resumably."""
    subreddit = subreddit.removeprefix("r/").strip("/")
    reddit = reddit or reddit_client()
    params = {"subreddit": subreddit.lower(), "sort": sort, "time_filter": time_filter,
              "comments": comments, "more": more}
    return harvest(
        store, SOURCE,
        lambda cursor: reddit_pages(reddit, subreddit, query, cursor, sort=sort,
                                    time_filter=time_filter, comments=comments, more=more,
                                    sleep=sleep),
        query=query or "", params=params, resume=resume, limit=limit, show_progress=show_progress)


# ----------------------------------------------------------------------- stream
def query_terms(query: str | None) -> list[str]:
    """The terms of a Reddit-style query ("down OR outage", quotes kept together)."""
    if not query:
        return []
    parts = re.split(r"\s+OR\s+|\s*\|\s*", query.strip())
    return [p.strip().strip("()").strip('"').lower() for p in parts if p.strip().strip("()\"")]


def matcher(query: str | None) -> Callable[[Post], bool]:
    """Whether a post's text contains one of the query's terms as words."""
    terms = query_terms(query)
    if not terms:
        return lambda post: True
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in terms) + r")(?!\w)",
                         re.IGNORECASE)
    return lambda post: bool(pattern.search(post.text))


def stream_reddit(store: Store, subreddit: str, query: str | None = None, *,
                  comments: bool = True, max_posts: int | None = None,
                  duration: float | None = None, poll: float = 5.0,
                  reddit: praw.Reddit | None = None,
                  sleep: Callable[[float], None] = time.sleep) -> Summary:
    """Store new submissions (and comments) of r/`subreddit` as they arrive.

    Stops after `max_posts` stored posts, `duration` seconds, or Ctrl-C; each poll's posts
    are committed together, so a stop at any moment loses nothing that was stored.
    """
    subreddit = subreddit.removeprefix("r/").strip("/")
    reddit = reddit or reddit_client()
    sub = reddit.subreddit(subreddit)
    keep = matcher(query)
    failures = 0

    def on_error(exc: Exception) -> None:
        """Called by praw's stream: wait and go on after a transient error, else stop."""
        nonlocal failures
        mapped = (translate(exc, f"r/{subreddit}")
                  if isinstance(exc, prawcore.PrawcoreException) else exc)
        failures += 1
        if not isinstance(mapped, (RateLimited, Transient)):
            raise mapped
        if failures >= 6:
            raise HarvestError(f"{SOURCE}: stream still failing after {failures} tries: {mapped}")
        log.warning("%s: stream error (%s), retrying", SOURCE, mapped)

    streams: list[tuple[Iterator[Any], Callable[[Any], Post]]] = [
        (sub.stream.submissions(pause_after=0, exception_handler=on_error), post_from_submission)]
    if comments:
        streams.append((sub.stream.comments(pause_after=0, exception_handler=on_error),
                        post_from_comment))
    stop = Stopper(duration)

    def running() -> bool:
        return not stop()

    def pages(_cursor: str | None) -> Iterator[Batch]:
        nonlocal failures
        while running():
            for items, to_post in streams:
                posts, skipped = [], 0
                for item in items:
                    if item is None:  # pause_after=0: nothing new in this poll
                        break
                    failures = 0
                    post = to_post(item)
                    if keep(post) and post.text.strip() not in DELETED | {""}:
                        posts.append(post)
                    else:
                        skipped += 1
                yield Batch(posts, skipped=skipped)
            wake = time.monotonic() + poll
            while running() and time.monotonic() < wake:  # short naps: Ctrl-C acts at once
                sleep(max(0.0, min(0.2, wake - time.monotonic())))

    with stop.catching_ctrl_c():
        return harvest(store, SOURCE, pages, query=f"stream r/{subreddit}: {query or ''}",
                       params={"stream": True, "subreddit": subreddit.lower(),
                               "comments": comments},
                       limit=max_posts, show_progress=False, end_status="stopped")


def service_query(name: str) -> str:
    """The search query for a known service, from miner.nlp.services.expand_query."""
    try:
        from ..nlp.services import expand_query  # type: ignore[import-not-found]
    except ImportError:
        raise HarvestError(f"{SOURCE}: --service needs miner/nlp/services.py, which this "
                           f"build lacks; give --query instead") from None
    try:
        expanded = expand_query(name)
    except (KeyError, ValueError):
        raise HarvestError(f"{SOURCE}: unknown service {name!r}; give --query instead") from None
    if isinstance(expanded, str):
        return expanded
    # quoted unless a plain word: Lucene reads "-", ":" or a space as syntax
    return " OR ".join(t if re.fullmatch(r"\w+", t) else f'"{t}"' for t in expanded)
