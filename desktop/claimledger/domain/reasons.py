"""Reasons: presets per status that explain a verdict ("Claimed without evidence").

A desk edits its presets; a retired preset is no longer offered, but verdicts keep the
label they were given, so old verdicts still show it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from claimledger.domain.status import Status

MAX_REASON = 200
FORMAT = "claim-ledger/reasons"


@dataclass(frozen=True, slots=True)
class Reason:
    id: str
    label: str
    retired: bool = False


@dataclass(frozen=True)
class Taxonomy:
    by_status: dict[Status, tuple[Reason, ...]]

    @classmethod
    def from_json(cls, data: object) -> Taxonomy:
        """Parse and validate; ValueError says exactly what is wrong."""
        reasons = data.get("reasons") if isinstance(data, dict) else None
        if not isinstance(reasons, dict):
            raise ValueError("a reason list needs a 'reasons' object keyed by status")
        by_status = {}
        for name, items in reasons.items():
            status = Status.parse(name)
            if status is Status.UNREVIEWED:
                raise ValueError("unreviewed statements take no reasons")
            if not isinstance(items, list):
                raise ValueError(f"the reasons for {name} must be a list")
            by_status[status] = tuple(_reason(item, name) for item in items)
        taxonomy = cls(by_status)
        taxonomy.check()
        return taxonomy

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "version": 1,
            "reasons": {
                status.value: [
                    {"id": r.id, "label": r.label, **({"retired": True} if r.retired else {})}
                    for r in reasons
                ]
                for status, reasons in self.by_status.items()
            },
        }

    def check(self) -> None:
        """The same rules whether a list is imported or edited in Settings."""
        for status, reasons in self.by_status.items():
            for reason in reasons:
                if not reason.id.strip() or not reason.label.strip():
                    raise ValueError(f"every {status.value} reason needs an id and a label")
                if len(reason.label) > MAX_REASON:
                    raise ValueError(f"the {status.value} reason {reason.id!r} is longer "
                                     f"than {MAX_REASON} characters")
            ids = [r.id for r in reasons]
            labels = [r.label.casefold() for r in reasons]
            if len(set(ids)) != len(ids) or len(set(labels)) != len(labels):
                raise ValueError(f"two {status.value} reasons share an id or a label")

    def for_status(self, status: Status, *, include_retired: bool = False
                   ) -> tuple[Reason, ...]:
        reasons = self.by_status.get(status, ())
        return reasons if include_retired else tuple(r for r in reasons if not r.retired)

    def with_reasons(self, status: Status, reasons: list[Reason]) -> Taxonomy:
        updated = dict(self.by_status)
        updated[status] = tuple(reasons)
        taxonomy = replace(self, by_status=updated)
        taxonomy.check()
        return taxonomy

    def canonical(self, status: Status, reason: str) -> str:
        """The preset label matching `reason` by id or label, else `reason` as typed."""
        wanted = reason.strip().casefold()
        for preset in self.for_status(status, include_retired=True):
            if wanted in (preset.id.casefold(), preset.label.casefold()):
                return preset.label
        return reason.strip()


def _reason(item: object, status: str) -> Reason:
    if not isinstance(item, dict):
        raise ValueError(f"each {status} reason must be an object with an id and a label")
    rid, label = item.get("id"), item.get("label")
    if not isinstance(rid, str) or not rid.strip():
        raise ValueError(f"a {status} reason has no id")
    if not isinstance(label, str) or not label.strip():
        raise ValueError(f"the {status} reason {rid!r} has no label")
    if len(label) > MAX_REASON:
        raise ValueError(f"the {status} reason {rid!r} is longer than {MAX_REASON} characters")
    return Reason(rid.strip(), label.strip(), bool(item.get("retired", False)))
