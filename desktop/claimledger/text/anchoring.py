"""Finding a quoted statement again in a text that may have changed.

The way Hypothesis anchors an annotation, in our own code: the quote is looked for
exactly first, then approximately; every place found is scored on how well the quote
matches (weight 50), how well the words before and after match the quote's prefix and
suffix (20 each) and how near it is to where it used to be (2). A place whose quote
matches less than MIN_QUOTE_SCORE (half the characters) is no place at all.

Offsets are Python string indexes, that is Unicode code points (an emoji is one).
Approximate search never scans the whole text with an edit distance: pieces of the
quote are looked up exactly (str.find), each piece found votes for where the quote
would start, and only the few best-voted windows are aligned (difflib), so anchoring
a thousand claims in a megabyte stays fast.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50, 20, 20, 2
MIN_QUOTE_SCORE = 0.5
#: How many exact occurrences, seed hits per piece and aligned windows are looked at.
MAX_OCCURRENCES, MAX_SEED_HITS, MAX_WINDOWS, PIECES = 64, 16, 4, 8
#: Matching runs shorter than this at either end of an alignment are chance, not quote.
MIN_EDGE_RUN = 3
#: An exact copy scoring this much (its context mostly the quote's) ends the search.
CONTEXT_TRUSTED = 0.8
#: Exact copies scored in full (context by alignment); the others by their edges only.
MAX_SCORED = 8
#: Characters of context looked up exactly to vote for where the quote starts.
CONTEXT_SEED = 16
#: How far around its old place a quote's pieces are looked for first (at least).
NEAR_CHARS = 4096


@dataclass(frozen=True)
class Quote:
    """What an anchor remembers: the words, their context and where they were."""

    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None

    @classmethod
    def of(cls, text: str, start: int, end: int, context: int = 32) -> Quote:
        return cls(text[start:end], text[max(0, start - context):start],
                   text[end:end + context], start)


@dataclass(frozen=True)
class Anchor:
    """Where a quote was placed: `exact` when the words are the quote's own."""

    start: int
    end: int
    score: float
    quote_score: float

    @property
    def exact(self) -> bool:
        return self.quote_score == 1.0


class Anchorer:
    """Places quotes in one text; build one per text and reuse it."""

    def __init__(self, text: str) -> None:
        self.text = text

    def locate(self, quote: Quote) -> Anchor | None:
        """The best place for `quote` in the text, or None when none is good enough."""
        if not quote.exact.strip():
            return None
        exact = self._exact_places(quote)
        best = max(exact, key=lambda a: a.score) if exact else None
        if best is not None and best.score >= CONTEXT_TRUSTED:
            return best
        # No exact copy, or only copies whose surroundings are not the quote's (a
        # repeated sentence elsewhere): an edited version in the right place may win.
        places = self._fuzzy_places(quote) + ([best] if best else [])
        return max(places, key=lambda a: a.score) if places else None

    def _exact_places(self, quote: Quote) -> list[Anchor]:
        starts, at = [], self.text.find(quote.exact)
        while at >= 0 and len(starts) < MAX_OCCURRENCES:
            starts.append(at)
            at = self.text.find(quote.exact, at + 1)
        if len(starts) > MAX_SCORED:  # a repeated sentence: keep the copies whose edges fit
            starts = sorted(starts, key=lambda start: -self._edge_fit(quote, start))
            starts = starts[:MAX_SCORED]
        return [self._scored(quote, at, at + len(quote.exact), 1.0) for at in starts]

    def _edge_fit(self, quote: Quote, start: int) -> int:
        """How many characters next to the copy match the quote's prefix and suffix."""
        end, text, fit = start + len(quote.exact), self.text, 0
        for offset in range(1, min(len(quote.prefix), start) + 1):
            if text[start - offset] != quote.prefix[-offset]:
                break
            fit += 1
        for offset, ch in enumerate(quote.suffix):
            if end + offset >= len(text) or text[end + offset] != ch:
                break
            fit += 1
        return fit

    def _fuzzy_places(self, quote: Quote) -> list[Anchor]:
        places = []
        for start in self._likely_starts(quote):
            aligned = self._aligned(quote.exact, start)
            if aligned is not None and aligned[2] >= MIN_QUOTE_SCORE:
                places.append(self._scored(quote, *aligned))
        return places

    def _likely_starts(self, quote: Quote) -> list[int]:
        """Where the quote would start, voted for by each of its pieces found exactly
        and by its context's edges; hits near where the quote was count double, and
        are looked for first (a common phrase is found everywhere)."""
        exact, votes = quote.exact, Counter()
        size = max(4, len(exact) // PIECES)
        bucket = max(8, len(exact) // 4)
        near = self._near(quote)
        for offset in range(0, max(1, len(exact) - size + 1), size):
            piece = exact[offset:offset + size]
            if piece.strip():
                for at, weight in self._hits(piece, near):
                    votes[(at - offset) // bucket] += weight
        prefix, suffix = quote.prefix[-CONTEXT_SEED:], quote.suffix[:CONTEXT_SEED]
        if len(prefix.strip()) >= CONTEXT_SEED // 2:
            for at, weight in self._hits(prefix, near):
                votes[(at + len(prefix)) // bucket] += weight * PIECES // 2
        if len(suffix.strip()) >= CONTEXT_SEED // 2:
            for at, weight in self._hits(suffix, near):
                votes[max(0, at - len(exact)) // bucket] += weight * PIECES // 2
        starts = [b * bucket for b, _ in votes.most_common(MAX_WINDOWS)]
        if quote.start is not None and 0 <= quote.start < len(self.text):
            starts.append(quote.start)
        return starts

    def _near(self, quote: Quote) -> tuple[int, int] | None:
        if quote.start is None:
            return None
        reach = max(NEAR_CHARS, len(self.text) // 50)
        return max(0, quote.start - reach), min(len(self.text), quote.start + reach)

    def _hits(self, needle: str, near: tuple[int, int] | None) -> list[tuple[int, int]]:
        """(offset, weight) of `needle`: up to MAX_SEED_HITS near the quote's old place
        (weight 2), then up to MAX_SEED_HITS anywhere (weight 1)."""
        found, text = [], self.text
        if near is not None:
            at = text.find(needle, *near)
            while at >= 0 and len(found) < MAX_SEED_HITS:
                found.append((at, 2))
                at = text.find(needle, at + 1, near[1])
        seen = {at for at, _ in found}
        at, hits = text.find(needle), 0
        while at >= 0 and hits < MAX_SEED_HITS:
            if at not in seen:
                found.append((at, 1))
            at, hits = text.find(needle, at + 1), hits + 1
        return found

    def _aligned(self, exact: str, start: int) -> tuple[int, int, float] | None:
        """The span around `start` that best matches `exact`, and how well it does."""
        slack = len(exact) // 2 + 16
        low = max(0, start - slack)
        window = self.text[low:start + len(exact) + slack]
        blocks = [b for b in SequenceMatcher(None, exact, window, autojunk=False)
                  .get_matching_blocks() if b.size]
        while blocks and blocks[0].size < MIN_EDGE_RUN:
            blocks.pop(0)
        while blocks and blocks[-1].size < MIN_EDGE_RUN:
            blocks.pop()
        if not blocks:
            return None
        first, last = blocks[0], blocks[-1]
        begin, end = low + first.b, low + last.b + last.size
        matched = sum(b.size for b in blocks)
        return begin, end, 2 * matched / (len(exact) + end - begin)

    def _scored(self, quote: Quote, start: int, end: int, quote_score: float) -> Anchor:
        text = self.text
        prefix = _similarity(quote.prefix, text[max(0, start - len(quote.prefix)):start])
        suffix = _similarity(quote.suffix, text[end:end + len(quote.suffix)])
        position = 1.0
        if quote.start is not None and text:
            position = max(0.0, 1 - abs(start - quote.start) / len(text))
        total = (QUOTE_WEIGHT * quote_score + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix
                 + POSITION_WEIGHT * position) / (QUOTE_WEIGHT + PREFIX_WEIGHT
                                                  + SUFFIX_WEIGHT + POSITION_WEIGHT)
        return Anchor(start, end, total, quote_score)


def _similarity(wanted: str, found: str) -> float:
    """1.0 for the same context (or none remembered), down to 0.0 for nothing alike."""
    if not wanted:
        return 1.0
    if wanted == found:
        return 1.0
    return SequenceMatcher(None, wanted, found, autojunk=False).ratio()


#: A placed quote takes over a statement's span when this much of it lies inside the
#: statement and it covers at least STATEMENT_COVERED of the statement.
INSIDE, STATEMENT_COVERED = 0.9, 0.5


def snapped(start: int, end: int, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The statement span that (start, end) mostly is, else (start, end): an
    approximately placed quote lands on the sentence it became, not on a ragged edge."""
    best, best_cover = (start, end), STATEMENT_COVERED
    for s, e in spans:
        shared = min(end, e) - max(start, s)
        if shared <= 0 or shared < INSIDE * (end - start):
            continue
        cover = shared / (e - s)
        if cover >= best_cover:
            best, best_cover = (s, e), cover
    return best
