"""Statement numbers that do not move: the same number in the window, the PDF and the
command line, before and after a reviewer adds, splits or retires a claim.

The statements the app found at import are numbered 1, 2, 3… in text order, retired
ones included, so retiring one never renumbers the rest (and import makes no others).
A claim made by hand (a finer claim, a split part, a merge) takes the number of the
imported statement it starts in, or else the last one before it, with a letter:
12a, 12b… in text order. Text before the first statement counts as statement 1's.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from string import ascii_lowercase


@dataclass(frozen=True, slots=True)
class NumberedSpan:
    id: str
    start: int
    end: int
    imported: bool  # made by the app at import (origin "auto"), not by a reviewer


def statement_numbers(spans: list[NumberedSpan]) -> dict[str, str]:
    """{statement id: "12" or "12a"} for every span given (live and retired)."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.id))
    imported = [s for s in ordered if s.imported]
    numbers = {s.id: str(n) for n, s in enumerate(imported, start=1)}
    starts = [s.start for s in imported]
    letters: dict[str, int] = {}
    for span in ordered:
        if span.imported:
            continue
        base = str(max(1, bisect_right(starts, span.start))) if imported else "0"
        count = letters.get(base, 0)
        letters[base] = count + 1
        numbers[span.id] = base + _letters(count)
    return numbers


def _letters(index: int) -> str:
    """a, b, … z, aa, ab, …"""
    word = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        word = ascii_lowercase[rest] + word
    return word

