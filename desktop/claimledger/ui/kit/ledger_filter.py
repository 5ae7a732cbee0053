"""Which ledger rows to show: status chips, "No source yet", "Has a note",
"Disagreements", "Check-worthy", "Text changed", "Not claims", one reviewer's work, and
text.

Statements that are not claims (headlines, bylines, captions, credits, ads, duplicate
lines, the page tail) are hidden unless the filter asks for them (`not_claims`).

Plain Python over precomputed per-row bit flags, so a chip toggle over 100,000 rows is
one list comprehension (a few milliseconds), not a per-cell regex in a proxy model.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from claimledger.domain.records import ClaimView
from claimledger.domain.status import Status

STATUS_BITS = {status: 1 << n for n, status in enumerate(Status)}
ALL_STATUSES = sum(STATUS_BITS.values())
NO_SOURCE = 1 << 8
HAS_NOTE = 1 << 9
#: Reviewers disagree and nobody settled it (set from outside: see RowIndex's `marks`).
DISAGREES = 1 << 10
#: The statement's kind is not "claim" (not-a-claim, duplicate, outside-body).
NOT_CLAIM_KIND = 1 << 11
#: Assisted review scores it check-worthy (set from outside, like DISAGREES).
CHECK_WORTHY = 1 << 12
#: Its words changed in a revision since this reviewer's verdict (set from outside too).
TEXT_CHANGED = 1 << 13
COUNTED_BITS = (*STATUS_BITS.values(), NO_SOURCE, HAS_NOTE, DISAGREES, NOT_CLAIM_KIND,
                CHECK_WORTHY, TEXT_CHANGED)


def flags_of(claim: ClaimView, extra: int = 0) -> int:
    flags = STATUS_BITS[claim.status] | extra
    if not claim.source_count:
        flags |= NO_SOURCE
    if claim.note and claim.note.strip():
        flags |= HAS_NOTE
    if claim.kind != "claim":
        flags |= NOT_CLAIM_KIND
    return flags


def word_patterns(text: str) -> list[re.Pattern]:
    """The text filter's words, each matched as a whole word ("ICE" is not in "office"),
    or as a prefix when it ends with * ("insur*"); every word must be present."""
    patterns = []
    for word in text.casefold().split():
        stem = word.rstrip("*")
        if stem:
            tail = "" if word.endswith("*") else r"(?!\w)"
            patterns.append(re.compile(r"(?<!\w)" + re.escape(stem) + tail))
    return patterns


def haystack(claim: ClaimView) -> str:
    """What the text filter looks in: the statement, its reason and its note."""
    return "\n".join((claim.text, claim.reason or "", claim.note or "")).casefold()


@dataclass(frozen=True)
class LedgerFilter:
    """Statuses are alternatives (any of them); the other conditions must all hold."""

    statuses: frozenset[Status] = field(default_factory=frozenset)
    no_source: bool = False
    has_note: bool = False
    text: str = ""
    disagreements: bool = False
    check_worthy: bool = False
    #: Also show the statements that are not claims (hidden by default).
    not_claims: bool = False
    #: One reviewer's work: (reviewer id, True) the statements they gave a verdict,
    #: (reviewer id, False) those they have not marked yet.
    reviewer: tuple[str, bool] | None = None
    text_changed: bool = False

    @property
    def active(self) -> bool:
        return bool(self.statuses or self.no_source or self.has_note or self.disagreements
                    or self.check_worthy or self.text_changed or self.text.strip()
                    or self.reviewer)

    @property
    def hidden(self) -> int:
        return 0 if self.not_claims else NOT_CLAIM_KIND

    @property
    def status_mask(self) -> int:
        return sum(STATUS_BITS[s] for s in self.statuses) if self.statuses else ALL_STATUSES

    @property
    def required(self) -> int:
        return ((NO_SOURCE if self.no_source else 0) | (HAS_NOTE if self.has_note else 0)
                | (DISAGREES if self.disagreements else 0)
                | (CHECK_WORTHY if self.check_worthy else 0)
                | (TEXT_CHANGED if self.text_changed else 0))

    def toggled(self, status: Status) -> LedgerFilter:
        return replace(self, statuses=frozenset(set(self.statuses) ^ {status}))


class RowIndex:
    """Per-row flags for the whole ledger, counts per chip, and the filtered row list.
    `marks(claim)` adds flags the claim itself does not carry (DISAGREES)."""

    def __init__(self, claims: list[ClaimView],
                 marks: Callable[[ClaimView], int] | None = None) -> None:
        self._marks = marks or (lambda _claim: 0)
        self.flags = [flags_of(c, self._marks(c)) for c in claims]
        self._claims = claims
        self._haystacks: list[str] | None = None
        self.counts: Counter[int] = Counter()
        #: The same counts over the claims only (what the chips show by default).
        self.claim_counts: Counter[int] = Counter()
        self._recount()

    def _recount(self) -> None:
        counts: Counter[int] = Counter(self.flags)
        totals: Counter[int] = Counter()
        claims: Counter[int] = Counter()
        for flags, n in counts.items():
            for bit in COUNTED_BITS:
                if flags & bit:
                    totals[bit] += n
                    if not flags & NOT_CLAIM_KIND:
                        claims[bit] += n
            if not flags & NOT_CLAIM_KIND:
                claims[0] += n
        totals[0] = len(self.flags)
        self.counts, self.claim_counts = totals, claims

    def replace(self, row: int, claim: ClaimView) -> bool:
        """Row `row` now holds `claim`: update its flags and the counts; True when its
        flags (and so the counts or what a filter shows) changed."""
        old, new = self.flags[row], flags_of(claim, self._marks(claim))
        self._claims[row] = claim
        if self._haystacks is not None:
            self._haystacks[row] = haystack(claim)
        if old == new:
            return False
        self.flags[row] = new
        old_claim, new_claim = not old & NOT_CLAIM_KIND, not new & NOT_CLAIM_KIND
        self.claim_counts[0] += new_claim - old_claim
        for bit in COUNTED_BITS:
            self.counts[bit] += bool(new & bit) - bool(old & bit)
            self.claim_counts[bit] += (bool(new & bit) and new_claim) - (
                bool(old & bit) and old_claim)
        return True

    def remark(self) -> list[int]:
        """Recompute every row's flags after `marks` changed; the rows that changed."""
        changed = []
        for row, claim in enumerate(self._claims):
            new = flags_of(claim, self._marks(claim))
            if new != self.flags[row]:
                self.flags[row] = new
                changed.append(row)
        if changed:
            self._recount()
        return changed

    def count(self, what: Status | int, not_claims: bool = True) -> int:
        """How many rows carry a status or flag bit (0: rows at all); without
        `not_claims`, only among the claims."""
        bit = STATUS_BITS[what] if isinstance(what, Status) else what
        return (self.counts if not_claims else self.claim_counts).get(bit, 0)

    def rows(self, wanted: LedgerFilter, marked_by: set[int] | None = None) -> list[int]:
        """Indices of the rows `wanted` keeps, in ledger order; `marked_by`: the rows
        `wanted.reviewer` gave a verdict (the caller knows every reviewer's verdicts)."""
        rows = self._rows(wanted)
        if wanted.reviewer is not None:
            marked = marked_by or set()
            keep = wanted.reviewer[1]
            rows = [i for i in rows if (i in marked) is keep]
        return rows

    def _rows(self, wanted: LedgerFilter) -> list[int]:
        flags, hidden = self.flags, wanted.hidden
        if not wanted.active:
            return [i for i, f in enumerate(flags) if not f & hidden] if hidden \
                else list(range(len(flags)))
        mask, required = wanted.status_mask, wanted.required
        if mask == ALL_STATUSES:
            rows = [i for i, f in enumerate(flags)
                    if f & required == required and not f & hidden]
        elif not required:
            rows = [i for i, f in enumerate(flags) if f & mask and not f & hidden]
        else:
            rows = [i for i, f in enumerate(flags)
                    if f & mask and f & required == required and not f & hidden]
        words = word_patterns(wanted.text)
        if words:
            if self._haystacks is None:
                self._haystacks = [haystack(c) for c in self._claims]
            stacks = self._haystacks
            rows = [i for i in rows if all(w.search(stacks[i]) for w in words)]
        return rows
