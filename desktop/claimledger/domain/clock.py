"""A hybrid logical clock (Kulkarni et al.): wall time in ms plus a counter.

Stamps are fixed-width strings, so they sort as text in the order they happen. A clock
that has seen a stamp from another reviewer never issues a smaller one afterwards.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

_MS_WIDTH = 15
_COUNTER_WIDTH = 6


def format_stamp(ms: int, counter: int) -> str:
    return f"{ms:0{_MS_WIDTH}d}.{counter:0{_COUNTER_WIDTH}d}"


def parse_stamp(stamp: str) -> tuple[int, int]:
    ms, _, counter = stamp.partition(".")
    if not (ms.isdigit() and counter.isdigit()):
        raise ValueError(f"not a clock stamp: {stamp!r}")
    return int(ms), int(counter)


def stamp_ms(stamp: str) -> int:
    return parse_stamp(stamp)[0]


@dataclass
class HybridClock:
    wall_ms: Callable[[], int] = lambda: time.time_ns() // 1_000_000
    last_ms: int = 0
    counter: int = 0

    def now(self) -> str:
        physical = self.wall_ms()
        if physical > self.last_ms:
            self.last_ms, self.counter = physical, 0
        else:
            self.counter += 1
        return format_stamp(self.last_ms, self.counter)

    def observe(self, stamp: str) -> None:
        """Move past a stamp seen in the log or in another reviewer's file."""
        ms, counter = parse_stamp(stamp)
        if (ms, counter) > (self.last_ms, self.counter):
            self.last_ms, self.counter = ms, counter
