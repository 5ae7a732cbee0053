"""Verdict statuses and how they look.

The palette is Okabe-Ito (safe for the common forms of colour blindness), and every
status also has a letter so colour is never the only cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    UNREVIEWED = "unreviewed"
    SOURCED = "sourced"
    DISPUTED = "disputed"
    UNVERIFIED = "unverified"
    NOT_A_CLAIM = "not-a-claim"

    @classmethod
    def parse(cls, value: str) -> Status:
        """The status named by `value`, or ValueError listing the valid names."""
        try:
            return cls(value.strip().lower())
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown status {value!r}; use one of: {names}") from None

    @property
    def style(self) -> StatusStyle:
        return STYLES[self]

    @property
    def is_reviewed(self) -> bool:
        return self is not Status.UNREVIEWED


@dataclass(frozen=True, slots=True)
class StatusStyle:
    label: str
    letter: str
    colour: str
    tint: str
    key: str


STYLES: dict[Status, StatusStyle] = {
    Status.UNREVIEWED: StatusStyle("Unreviewed", "·", "#7a7a7a", "#00000000", "0"),
    Status.SOURCED: StatusStyle("Sourced", "S", "#009E73", "#c7eadf", "1"),
    Status.DISPUTED: StatusStyle("Disputed", "D", "#D55E00", "#f6d2bd", "2"),
    Status.UNVERIFIED: StatusStyle("Unverified", "U", "#E69F00", "#fbe7b5", "3"),
    Status.NOT_A_CLAIM: StatusStyle("Not a claim", "N", "#8c8c8c", "#e4e4e4", "4"),
}
