"""Finer claims: a selection of words, a split, a merge; retiring and restoring."""

from __future__ import annotations

from claimledger.domain import events as ev
from claimledger.domain.ids import claim_id_for
from claimledger.domain.records import Changes, Kind
from claimledger.store import queries
from claimledger.workspace.errors import NotFound, WorkspaceError
from claimledger.workspace.undo import UndoStep, UndoVerbs


def _retire(claim_id: str, retired: bool = True) -> tuple[str, dict]:
    return (ev.CLAIM_RETIRED, {"claim": claim_id, "retired": retired})


class ClaimVerbs(UndoVerbs):
    def add_claim(self, article_id: str, start: int, end: int) -> tuple[str, Changes]:
        """A claim over exactly text[start:end], less surrounding white space."""
        with self.db.write() as conn:
            body = self._article_text(conn, article_id)
            start, end = _trimmed_span(body, start, end)
            claim_id = claim_id_for(article_id, start, end)
            existing = queries.claim_span(conn, claim_id)
            if existing and not existing[3]:
                raise WorkspaceError("Those words are already a claim of their own.")
            if existing:
                event = self._event(*_retire(claim_id, False))
            else:
                event = self._event(ev.CLAIM_CREATED, {
                    "article": article_id, "claim": claim_id, "start": start, "end": end,
                    "kind": "claim", "role": "body", "origin": "manual"})
            self._append(conn, [event])
        changes = self._claim_changes("Add claim", article_id, {claim_id})
        self._record(UndoStep("Add claim", changes, [_retire(claim_id)],
                              [_retire(claim_id, False)], event.id))
        return claim_id, changes

    def retire_claim(self, claim_id: str) -> Changes:
        article_id = self._live_span(claim_id)[0]
        return self._apply_step("Retire claim", article_id, {claim_id}, [_retire(claim_id)],
                                [_retire(claim_id, False)])

    def restore_claim(self, claim_id: str) -> Changes:
        with self.db.read() as conn:
            span = queries.claim_span(conn, claim_id)
        if span is None:
            raise NotFound(f"No claim with id {claim_id}.")
        if not span[3]:
            raise WorkspaceError("That claim is not retired.")
        return self._apply_step("Restore claim", span[0], {claim_id},
                                [_retire(claim_id, False)], [_retire(claim_id)])

    def split_claim(self, claim_id: str, at: int) -> tuple[list[str], Changes]:
        """Split at a text offset into two claims; the original is retired (kept)."""
        article_id, start, end = self._live_span(claim_id)
        with self.db.read() as conn:
            body = self._article_text(conn, article_id)
        if not start < at < end:
            raise WorkspaceError("Put the cursor inside the statement to split it.")
        try:
            parts = [_trimmed_span(body, start, at), _trimmed_span(body, at, end)]
        except WorkspaceError:
            raise WorkspaceError("Both parts of a split need some words.") from None
        return self._replace_many([claim_id], article_id, parts, "Split claim")

    def merge_claims(self, first_id: str, second_id: str) -> tuple[list[str], Changes]:
        """Join two adjacent statements of one article into one claim."""
        a, b = self._live_span(first_id), self._live_span(second_id)
        if a[0] != b[0]:
            raise WorkspaceError("Only statements of the same article can be merged.")
        (article_id, start, _), (_, _, end) = sorted([a, b], key=lambda s: s[1])
        with self.db.read() as conn:
            between = [c for c in queries.claims_of_article(conn, article_id, self.reviewer_id)
                       if start < c.start < end and c.id not in (first_id, second_id)]
        if between:
            raise WorkspaceError("Only adjacent statements can be merged.")
        return self._replace_many([first_id, second_id], article_id, [(start, end)],
                                  "Merge claims")

    def _replace_many(self, old_ids, article_id, spans, label):
        """Retire `old_ids` and put claims over `spans` in their place, as one undo step
        (a span that was a claim before is restored rather than created again)."""
        new_ids = [claim_id_for(article_id, s, e) for s, e in spans]
        with self.db.read() as conn:
            existing = {i: queries.claim_span(conn, i) for i in new_ids}
        forward = [
            _retire(new_id, False) if existing[new_id] else (ev.CLAIM_CREATED, {
                "article": article_id, "claim": new_id, "start": s, "end": e,
                "kind": "claim", "role": "body", "origin": "manual"})
            for new_id, (s, e) in zip(new_ids, spans, strict=True)
        ] + [_retire(old) for old in old_ids]
        reverse = [_retire(n) for n in new_ids] + [_retire(o, False) for o in old_ids]
        again = [_retire(n, False) for n in new_ids] + [_retire(o) for o in old_ids]
        changes = self._apply_step(label, article_id, set(new_ids) | set(old_ids), forward,
                                   reverse, again)
        return new_ids, changes

    def _apply_step(self, label, article_id, claim_ids, forward, reverse, again=None):
        events = [self._event(kind, payload) for kind, payload in forward]
        with self.db.write() as conn:
            self._append(conn, events)
        changes = self._claim_changes(label, article_id, claim_ids)
        return self._record(UndoStep(label, changes, reverse, again or forward, events[0].id))

    def _claim_changes(self, label, article_id, claim_ids) -> Changes:
        return Changes.of(label, Kind.SHAPE, articles={article_id}, claims=claim_ids)

    def _live_span(self, claim_id: str) -> tuple[str, int, int]:
        with self.db.read() as conn:
            span = queries.claim_span(conn, claim_id)
        if span is None:
            raise NotFound(f"No claim with id {claim_id}.")
        if span[3]:
            raise WorkspaceError("That claim has been retired; restore it first.")
        return span[0], span[1], span[2]

    def _article_text(self, conn, article_id: str) -> str:
        detail = queries.article_detail(conn, article_id)
        if detail is None:
            raise NotFound(f"No article with id {article_id}.")
        return detail.text


def _trimmed_span(body: str, start: int, end: int) -> tuple[int, int]:
    if not (isinstance(start, int) and isinstance(end, int)):
        raise WorkspaceError("Claim offsets must be whole numbers.")
    if start < 0 or end > len(body):
        raise WorkspaceError(f"Offsets {start}-{end} are outside the article "
                             f"(0-{len(body)}).")
    if start >= end:
        raise WorkspaceError("Select some words first: the start must come before the end.")
    chunk = body[start:end]
    stripped = chunk.strip()
    if not stripped:
        raise WorkspaceError("The selection has no words in it.")
    start += len(chunk) - len(chunk.lstrip())
    return start, start + len(stripped)
