"""What a normal bin looks like: a trailing robust baseline, and how far a bin stands above it.

The baseline is the median of the trailing window (default 12 hours), so a long outage does
not teach the baseline that outages are normal until it has lasted half the window. Noise
is Poisson-like: sqrt(baseline + 1), so a quiet service needs a few reports, not one, to count.
"""

from __future__ import annotations

import math
from bisect import insort, bisect_left


def trailing_baseline(values: list[int], window: int) -> list[float]:
    """Median of the `window` values before each bin (the bin itself excluded)."""
    out: list[float] = []
    ordered: list[int] = []
    for i, v in enumerate(values):
        if ordered:
            n = len(ordered)
            mid = n // 2
            out.append(float(ordered[mid]) if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2)
        else:
            out.append(0.0)
        insort(ordered, v)
        if i >= window:
            old = values[i - window]
            del ordered[bisect_left(ordered, old)]
    return out


def scores(values: list[int], baseline: list[float]) -> list[float]:
    """How many noise units each bin stands above its baseline."""
    return [(v - b) / math.sqrt(b + 1.0) for v, b in zip(values, baseline)]
