"""Reasons: presets per status that explain a verdict ("Claimed without evidence")."""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.domain.status import Status

MAX_REASON = 200


@dataclass(frozen=True, slots=True)
class Reason:
    id: str
    label: str


@dataclass(frozen=True)
class Taxonomy:
    by_status: dict[Status, tuple[Reason, ...]]

    @classmethod
    def from_json(cls, data: dict) -> Taxonomy:
        reasons = data.get("reasons")
        if not isinstance(reasons, dict):
            raise ValueError("a reason taxonomy needs a 'reasons' object keyed by status")
        by_status = {}
        for name, items in reasons.items():
            status = Status.parse(name)
            by_status[status] = tuple(Reason(str(i["id"]), str(i["label"])) for i in items)
        return cls(by_status)

    def for_status(self, status: Status) -> tuple[Reason, ...]:
        return self.by_status.get(status, ())

    def canonical(self, status: Status, reason: str) -> str:
        """The preset label matching `reason` by id or label, else `reason` as typed."""
        wanted = reason.strip().casefold()
        for preset in self.for_status(status):
            if wanted in (preset.id.casefold(), preset.label.casefold()):
                return preset.label
        return reason.strip()
