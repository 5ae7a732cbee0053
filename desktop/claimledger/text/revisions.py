"""Where the statements of an article went in its revision.

Each claim of the earlier text is anchored in the new one by its quote and context
(text.anchoring). A claim whose words are found unchanged is `exact` if it keeps its
order among the other unchanged claims and `moved` if it does not (the longest run of
placed claims in the same order stays; the rest moved); one found only approximately is
`changed`; one not found well enough is `orphaned`. Changed claims count in the order
too: they keep their place more often than not. Two claims never land on the same
words: the better placed keeps them, the other is orphaned.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from difflib import SequenceMatcher

from claimledger.text.anchoring import Anchor, Anchorer, Quote, snapped

EXACT, MOVED, CHANGED, ORPHANED = "exact", "moved", "changed", "orphaned"
ANCHORINGS = (EXACT, MOVED, CHANGED, ORPHANED)
#: A changed statement must keep most of its words, or it is a different statement: its
#: quote must match this well (stricter than annotation import, where any trace helps).
MIN_CHANGED_QUOTE_SCORE = 0.7


@dataclass(frozen=True)
class Placement:
    """Where one earlier claim went: `start`/`end` in the new text, None if orphaned."""

    claim_id: str
    old_start: int
    old_end: int
    anchoring: str
    start: int | None = None
    end: int | None = None
    score: float = 0.0


def place_claims(old_text: str, claims: list[tuple[str, int, int]], new_text: str,
                 statements: list[tuple[int, int]]) -> list[Placement]:
    """A placement for every (claim_id, start, end) of `old_text`, in the same order."""
    anchorer = Anchorer(new_text)
    scale = len(new_text) / len(old_text) if old_text else 1.0
    found: dict[str, Anchor] = {}
    for claim_id, start, end in claims:
        quote = Quote.of(old_text, start, end)
        quote = Quote(quote.exact, quote.prefix, quote.suffix, int(start * scale))
        anchor = anchorer.locate(quote)
        if anchor is not None and (anchor.exact
                                   or anchor.quote_score >= MIN_CHANGED_QUOTE_SCORE):
            if not anchor.exact:
                span = snapped(anchor.start, anchor.end, statements)
                anchor = Anchor(*span, anchor.score, anchor.quote_score)
            found[claim_id] = anchor
    _one_claim_per_span(found)
    in_order = _keeping_order([(cid, s) for cid, s, _ in claims if cid in found], found)
    placements = []
    for claim_id, start, end in claims:
        anchor = found.get(claim_id)
        if anchor is None:
            placements.append(Placement(claim_id, start, end, ORPHANED))
            continue
        kind = CHANGED if not anchor.exact else EXACT if claim_id in in_order else MOVED
        placements.append(Placement(claim_id, start, end, kind, anchor.start, anchor.end,
                                    round(anchor.score, 4)))
    return placements


def _one_claim_per_span(found: dict[str, Anchor]) -> None:
    best: dict[tuple[int, int], str] = {}
    for claim_id, anchor in sorted(found.items(), key=lambda item: -item[1].score):
        best.setdefault((anchor.start, anchor.end), claim_id)
    for claim_id in [c for c, a in found.items() if best[(a.start, a.end)] != c]:
        del found[claim_id]


def _keeping_order(exact: list[tuple[str, int]], found: dict[str, Anchor]) -> set[str]:
    """The largest set of claims whose new order is their old order (a longest
    increasing subsequence of new starts, taken in old order)."""
    ordered = sorted(exact, key=lambda item: item[1])
    tails: list[int] = []
    tail_ids: list[int] = []
    previous: list[int] = [-1] * len(ordered)
    for index, (claim_id, _) in enumerate(ordered):
        key = found[claim_id].start
        at = bisect_left(tails, key)
        if at == len(tails):
            tails.append(key)
            tail_ids.append(index)
        else:
            tails[at], tail_ids[at] = key, index
        previous[index] = tail_ids[at - 1] if at else -1
    kept, index = set(), tail_ids[-1] if tail_ids else -1
    while index >= 0:
        kept.add(ordered[index][0])
        index = previous[index]
    return kept


def marked_changes(before: str, after: str) -> tuple[str, str]:
    """Both wordings with the words that differ in ⟦brackets⟧: what was taken out of
    `before` and what was put into `after`."""
    old, new = before.split(), after.split()
    marked_old, marked_new = [], []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            marked_old += old[i1:i2]
            marked_new += new[j1:j2]
            continue
        if i2 > i1:
            marked_old.append("⟦" + " ".join(old[i1:i2]) + "⟧")
        if j2 > j1:
            marked_new.append("⟦" + " ".join(new[j1:j2]) + "⟧")
    return " ".join(marked_old), " ".join(marked_new)
