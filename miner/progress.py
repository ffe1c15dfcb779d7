"""Progress for long work: a bar on a terminal, silence when piped or in CI."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click


def interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


class _Quiet:
    def update(self, n: int = 1) -> None:
        pass


@contextmanager
def progress(label: str, length: int | None = None, enabled: bool | None = None) -> Iterator:
    """A click progress bar on stderr, or a no-op when `enabled` is false or stderr is no tty."""
    if enabled is None:
        enabled = interactive()
    if not enabled:
        yield _Quiet()
        return
    # click needs a length or an iterable; an endless one gives a counter with no ETA
    source = {"length": length} if length is not None else {"iterable": itertools.repeat(None)}
    with click.progressbar(**source, label=label, file=sys.stderr,
                           show_pos=True, show_eta=length is not None) as bar:
        yield bar
