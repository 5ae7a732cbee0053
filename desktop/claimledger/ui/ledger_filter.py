"""Which ledger rows to show: status chips, "No source yet", "Has a note",
"Disagreements" and text.

Plain Python over precomputed per-row bit flags, so a chip toggle over 100,000 rows is
one list comprehension (a few milliseconds), not a per-cell regex in a proxy model.
"""

from __future__ import annotations

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
COUNTED_BITS = (*STATUS_BITS.values(), NO_SOURCE, HAS_NOTE, DISAGREES)


def flags_of(claim: ClaimView, extra: int = 0) -> int:
    flags = STATUS_BITS[claim.status] | extra
    if not claim.source_count:
        flags |= NO_SOURCE
    if claim.note and claim.note.strip():
        flags |= HAS_NOTE
    return flags


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

    @property
    def active(self) -> bool:
        return bool(self.statuses or self.no_source or self.has_note or self.disagreements
                    or self.text.strip())

    @property
    def status_mask(self) -> int:
        return sum(STATUS_BITS[s] for s in self.statuses) if self.statuses else ALL_STATUSES

    @property
    def required(self) -> int:
        return ((NO_SOURCE if self.no_source else 0) | (HAS_NOTE if self.has_note else 0)
                | (DISAGREES if self.disagreements else 0))

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
        self._recount()

    def _recount(self) -> None:
        counts: Counter[int] = Counter(self.flags)
        totals: Counter[int] = Counter()
        for flags, n in counts.items():
            for bit in COUNTED_BITS:
                if flags & bit:
                    totals[bit] += n
        self.counts = totals

    def replace(self, row: int, claim: ClaimView) -> None:
        """Row `row` now holds `claim`: update its flags and the counts."""
        old, new = self.flags[row], flags_of(claim, self._marks(claim))
        self._claims[row] = claim
        if self._haystacks is not None:
            self._haystacks[row] = haystack(claim)
        if old == new:
            return
        self.flags[row] = new
        for bit in COUNTED_BITS:
            self.counts[bit] += bool(new & bit) - bool(old & bit)

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

    def count(self, what: Status | int) -> int:
        bit = STATUS_BITS[what] if isinstance(what, Status) else what
        return self.counts.get(bit, 0)

    def rows(self, wanted: LedgerFilter) -> list[int]:
        """Indices of the rows `wanted` keeps, in ledger order."""
        flags = self.flags
        if not wanted.active:
            return list(range(len(flags)))
        mask, required = wanted.status_mask, wanted.required
        if mask == ALL_STATUSES:
            rows = [i for i, f in enumerate(flags) if f & required == required]
        elif not required:
            rows = [i for i, f in enumerate(flags) if f & mask]
        else:
            rows = [i for i, f in enumerate(flags) if f & mask and f & required == required]
        needle = wanted.text.strip().casefold()
        if needle:
            if self._haystacks is None:
                self._haystacks = [haystack(c) for c in self._claims]
            stacks = self._haystacks
            rows = [i for i in rows if needle in stacks[i]]
        return rows
