"""Ratios of two timings that a busy machine cannot skew: alternated runs, one process.

Timing every run of A and then every run of B lets a change of load land on one side
only (the same PDF ratio read 1.84 once and 1.33 the next time). ``alternate`` runs the
two in pairs instead, swapping which goes first from one pair to the next, and the
figure is the median of the per-pair ratios; the spread of those ratios is printed
with it, so a noisy figure shows itself.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Ratio:
    """Seconds of A and of B, pair by pair (and what each call returned)."""

    a: list[float]
    b: list[float]
    results_a: list[Any] = field(default_factory=list, repr=False)
    results_b: list[Any] = field(default_factory=list, repr=False)

    @property
    def pairs(self) -> list[float]:
        return [a / b for a, b in zip(self.a, self.b, strict=True)]

    @property
    def value(self) -> float:
        return statistics.median(self.pairs)

    @property
    def median_a(self) -> float:
        return statistics.median(self.a)

    @property
    def median_b(self) -> float:
        return statistics.median(self.b)

    def line(self, name: str, baseline: str = "baseline") -> str:
        """'name: 1.23× baseline (median of N alternated pairs, spread x–y)'."""
        pairs = self.pairs
        return (f"{name}: {self.value:.2f}× {baseline} (median of {len(pairs)} alternated "
                f"pairs, spread {min(pairs):.2f}–{max(pairs):.2f})")


def wall(function: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def alternate(a: Callable[[], Any], b: Callable[[], Any], rounds: int = 5, *,
              warmup: int = 0, seconds: Callable[[Any], float] | None = None) -> Ratio:
    """Run A and B ``rounds`` times each, alternated (AB, BA, AB, ...), after ``warmup``
    unrecorded pairs; the ratio is A's time over B's.

    By default a run's time is the wall time of the call. With ``seconds``, it is
    ``seconds(result)``: for a call that times its own part (a subprocess reporting
    its clock, or a run whose set-up must not count).
    """
    for _ in range(warmup):
        a()
        b()
    times: dict[str, list[float]] = {"a": [], "b": []}
    results: dict[str, list[Any]] = {"a": [], "b": []}
    sides = {"a": a, "b": b}
    for round_ in range(rounds):
        for side in ("ab" if round_ % 2 == 0 else "ba"):
            elapsed, result = wall(sides[side])
            times[side].append(seconds(result) if seconds else elapsed)
            results[side].append(result)
    return Ratio(times["a"], times["b"], results["a"], results["b"])
