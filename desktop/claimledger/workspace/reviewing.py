"""Review verbs: verdicts, reasons and notes, with undo and redo.

Undo never deletes: it appends a verdict that restores the earlier value and names the
event it undoes (DESIGN §3). The undo stack lives here, below the window, as in Anki.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from claimledger.domain import events as ev
from claimledger.domain.reasons import MAX_REASON
from claimledger.domain.records import Changes, Verdict
from claimledger.domain.status import Status
from claimledger.store import queries
from claimledger.workspace.base import WorkspaceBase
from claimledger.workspace.errors import NotFound, WorkspaceError

MAX_NOTE = 20_000
_KEEP = object()


@dataclass(frozen=True, slots=True)
class _Step:
    label: str
    article_id: str
    claim_id: str
    before: Verdict
    after: Verdict
    event_id: str


class ReviewVerbs(WorkspaceBase):
    _undo: list[_Step]
    _redo: list[_Step]

    def mark(self, claim_id: str, status: Status | str, *, reason=_KEEP, note=_KEEP) -> Changes:
        """Set this reviewer's status; a new status drops a reason that was for the old one."""
        status = Status.parse(status) if isinstance(status, str) else status

        def change(old: Verdict) -> Verdict:
            new_reason = old.reason if status is old.status else None
            if reason is not _KEEP:
                new_reason = reason
            return Verdict(status, new_reason, old.note if note is _KEEP else note)

        return self._change_verdict(claim_id, f"Mark {status.style.label.lower()}", change)

    def set_reason(self, claim_id: str, reason: str | None) -> Changes:
        return self._change_verdict(claim_id, "Set reason", lambda old: replace(old, reason=reason))

    def set_note(self, claim_id: str, note: str | None) -> Changes:
        return self._change_verdict(claim_id, "Edit note", lambda old: replace(old, note=note))

    @property
    def undo_label(self) -> str | None:
        return self._stack("_undo")[-1].label if self._stack("_undo") else None

    @property
    def redo_label(self) -> str | None:
        return self._stack("_redo")[-1].label if self._stack("_redo") else None

    def undo(self) -> Changes:
        return self._replay("_undo", "_redo", lambda s: s.before, "undo_of")

    def redo(self) -> Changes:
        return self._replay("_redo", "_undo", lambda s: s.after, "redo_of")

    def _stack(self, name: str) -> list[_Step]:
        if not hasattr(self, name):
            setattr(self, name, [])
        return getattr(self, name)

    def _replay(self, source: str, target: str, value, link: str) -> Changes:
        stack = self._stack(source)
        if not stack:
            return Changes()
        step = stack.pop()
        with self.db.write() as conn:
            if not queries.claim_is_live(conn, step.claim_id):
                raise WorkspaceError("That claim has been retired; there is nothing to undo.")
            event = self._verdict_event(step.claim_id, value(step), {link: step.event_id})
            self._append(conn, [event])
        self._stack(target).append(replace(step, event_id=event.id))
        return Changes(step.label, articles=frozenset({step.article_id}),
                       claims=frozenset({step.claim_id}), library=True)

    def _change_verdict(self, claim_id: str, label: str, change) -> Changes:
        with self.db.write() as conn:
            view = queries.claim(conn, claim_id, self.reviewer_id)
            if view is None:
                raise NotFound(f"No claim with id {claim_id}.")
            before = Verdict(view.status, view.reason, view.note)
            after = self._validated(change(before))
            if after == before:
                return Changes()
            event = self._verdict_event(claim_id, after, {})
            self._append(conn, [event])
        self._stack("_undo").append(_Step(label, view.article_id, claim_id, before, after,
                                          event.id))
        self._stack("_redo").clear()
        return Changes(label, articles=frozenset({view.article_id}),
                       claims=frozenset({claim_id}), library=True)

    def _validated(self, verdict: Verdict) -> Verdict:
        reason = (verdict.reason or "").strip() or None
        note = (verdict.note or "").strip() or None
        if reason and verdict.status is Status.UNREVIEWED:
            raise WorkspaceError("An unreviewed statement takes no reason; mark it first.")
        if reason and len(reason) > MAX_REASON:
            raise WorkspaceError(f"A reason is at most {MAX_REASON} characters.")
        if note and len(note) > MAX_NOTE:
            raise WorkspaceError(f"A note is at most {MAX_NOTE:,} characters.")
        if reason:
            reason = self.taxonomy.canonical(verdict.status, reason)
        return Verdict(verdict.status, reason, note)

    def _verdict_event(self, claim_id: str, verdict: Verdict, extra: dict):
        payload = {"claim": claim_id, "status": verdict.status.value,
                   "reason": verdict.reason, "note": verdict.note, **extra}
        return self._event(ev.VERDICT_SET, payload)
