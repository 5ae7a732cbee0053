"""Review verbs: verdicts, reasons and notes."""

from __future__ import annotations

from dataclasses import replace

from claimledger.domain import events as ev
from claimledger.domain.limits import MAX_NOTE, MAX_REASON
from claimledger.domain.records import Changes, Kind, Verdict
from claimledger.domain.status import Status
from claimledger.store import queries
from claimledger.workspace.errors import WorkspaceError
from claimledger.workspace.undo import UndoStep, UndoVerbs

_KEEP = object()


class ReviewVerbs(UndoVerbs):
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

    def _change_verdict(self, claim_id: str, label: str, change) -> Changes:
        with self.db.write() as conn:
            view = self._live_claim(conn, claim_id)
            before = Verdict(view.status, view.reason, view.note)
            after = self._validated(change(before))
            if after == before:
                return Changes()
            event = self._event(ev.VERDICT_SET, _verdict_payload(claim_id, after))
            self._append(conn, [event])
        changes = Changes.of(label, Kind.VERDICTS, articles={view.article_id},
                             claims={claim_id})
        return self._record(UndoStep(
            label, changes,
            reverse=[(ev.VERDICT_SET, _verdict_payload(claim_id, before))],
            again=[(ev.VERDICT_SET, _verdict_payload(claim_id, after))],
            first_event=event.id,
        ))

    def _live_claim(self, conn, claim_id: str):
        view = queries.claim(conn, claim_id, self.reviewer_id)
        if view is not None:
            return view
        if queries.claim_exists(conn, claim_id):
            raise WorkspaceError("That claim has been retired; restore it before reviewing it.")
        raise WorkspaceError(f"No claim with id {claim_id}.")

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


def _verdict_payload(claim_id: str, verdict: Verdict) -> dict:
    return {"claim": claim_id, "status": verdict.status.value, "reason": verdict.reason,
            "note": verdict.note}
