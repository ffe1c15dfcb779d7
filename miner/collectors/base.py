"""What every collector shares: run bookkeeping, resume, retry with backoff, the summary.

A collector is a generator of `Batch`es: the posts of one page and the cursor that comes
after them. `harvest()` commits each batch together with its cursor, so a run killed at any
moment resumes (`resume=True`) from the last committed page: no post lost, none repeated.
"""

from __future__ import annotations

import logging
import random
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..progress import progress
from ..records import Post
from ..store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")


class HarvestError(Exception):
    """A harvest stopped: the message is one line that names the source and what to do."""


class InputError(ValueError):
    """Bad input (a file, a line, a field): one line that says where and why."""


class RateLimited(Exception):
    """The server said to slow down; `retry_after` is how many seconds it asked for."""

    def __init__(self, retry_after: float | None = None, message: str = "rate limited"):
        super().__init__(message)
        self.retry_after = retry_after


class Transient(Exception):
    """A failure worth retrying: 5xx, a dropped connection, a timeout."""


@dataclass
class Batch:
    posts: list[Post]
    cursor: str | None = None  # where the next page starts; None keeps the previous cursor
    skipped: int = 0  # items read but not usable (bad rows, deleted posts)


@dataclass
class Summary:
    source: str
    run_id: int
    status: str = "running"
    new: int = 0
    known: int = 0
    skipped: int = 0
    resumed: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def line(self) -> str:
        how = "resumed run" if self.resumed else "run"
        return (f"{self.source}: {how} {self.run_id} {self.status}: {self.new} new, "
                f"{self.known} already known, {self.skipped} skipped")


def with_retries(call: Callable[[], T], *, source: str, attempts: int = 6, base_delay: float = 1.0,
                 max_delay: float = 60.0, sleep: Callable[[float], None] = time.sleep,
                 hint: str = "check the network and try again with --resume") -> T:
    """Call `call()`; on RateLimited wait what the server asked; on Transient back off
    exponentially with jitter. After `attempts` tries, raise a one-line HarvestError."""
    for attempt in range(1, attempts + 1):
        try:
            return call()
        except RateLimited as exc:
            wait = exc.retry_after if exc.retry_after is not None else base_delay * 2 ** attempt
            wait = min(max(wait, 0.0), 15 * 60)
            log.warning("%s: rate limited, waiting %.1fs as the server asked", source, wait)
            if attempt == attempts:
                raise HarvestError(f"{source}: still rate limited after {attempts} tries; {hint}") from None
            sleep(wait)
        except Transient as exc:
            if attempt == attempts:
                raise HarvestError(f"{source}: {exc} (after {attempts} tries); {hint}") from None
            wait = min(max_delay, base_delay * 2 ** (attempt - 1))
            wait = wait / 2 + random.uniform(0, wait / 2)
            log.warning("%s: %s; retry %d/%d in %.1fs", source, exc, attempt, attempts - 1, wait)
            sleep(wait)
    raise AssertionError("unreachable")


def harvest(store: Store, source: str, pages: Callable[[str | None], Iterable[Batch]], *,
            query: str = "", params: dict[str, Any] | None = None, resume: bool = False,
            limit: int | None = None, show_progress: bool | None = None,
            end_status: str = "done") -> Summary:
    """Run one harvest: start (or resume) a run, commit every batch with its cursor, finish it.

    `pages(cursor)` yields batches starting after `cursor` (None: from the beginning).
    `limit` stops after that many posts have been read. Ctrl-C marks the run interrupted
    (resumable) and re-raises; any other error marks it failed, also resumable.
    `end_status` is what a run whose pages ran out becomes: a live stream never really ends,
    so it passes "stopped", which --resume continues like any status other than "done".
    """
    previous = store.resumable_run(source, query, params) if resume else None
    if previous:
        run_id, cursor = previous["id"], previous["cursor"]
        store.reopen_run(run_id)
    else:
        run_id, cursor = store.start_run(source, query, params), None
    summary = Summary(source=source, run_id=run_id, resumed=previous is not None)
    seen = 0
    try:
        with progress(f"{source}", length=limit, enabled=show_progress) as bar:
            for batch in pages(cursor):
                posts = batch.posts
                if limit is not None and seen + len(posts) > limit:
                    posts = posts[: limit - seen]
                new, known = store.save_batch(run_id, posts, batch.cursor, batch.skipped)
                summary.new += new
                summary.known += known
                summary.skipped += batch.skipped
                seen += len(posts)
                bar.update(len(posts))
                if limit is not None and seen >= limit:
                    break
    except KeyboardInterrupt:
        summary.status = "interrupted"
        store.finish_run(run_id, "interrupted")
        raise
    except BaseException as exc:
        summary.status = "failed"
        store.finish_run(run_id, "failed", str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        raise
    summary.status = end_status
    store.finish_run(run_id, end_status)
    return summary


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Stopper:
    """When a stream stops: a deadline, or Ctrl-C, which only raises a flag so that the posts
    read so far are committed with their cursor first (a second Ctrl-C stops at once)."""

    def __init__(self, duration: float | None = None):
        self.deadline = time.monotonic() + duration if duration is not None else None
        self.interrupted = False

    def __call__(self) -> bool:
        return self.interrupted or (self.deadline is not None and time.monotonic() >= self.deadline)

    @contextmanager
    def catching_ctrl_c(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return

        def on_sigint(signum: int, frame: Any) -> None:
            if self.interrupted:
                raise KeyboardInterrupt
            self.interrupted = True

        previous = signal.signal(signal.SIGINT, on_sigint)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)
