"""Evidence verbs: add, edit and retire the sources behind a verdict."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from claimledger.domain import events as ev
from claimledger.domain.evidence import (
    SOURCE_KINDS,
    STANCES,
    EvidenceError,
    check_choice,
    check_date,
    check_pointer,
    check_url,
)
from claimledger.domain.limits import SOURCE_TEXT
from claimledger.domain.records import Changes, Kind, SourceView
from claimledger.domain.stored_evidence import file_reference
from claimledger.store import evidence, queries
from claimledger.workspace.errors import Ambiguous, NotFound, WorkspaceError
from claimledger.workspace.undo import UndoStep, UndoVerbs

_TEXT_LIMITS = SOURCE_TEXT
EDITABLE = ("kind", "url", "file", "title", "publisher", "excerpt", "stance", "accessed",
            "archived_url")


class EvidenceVerbs(UndoVerbs):
    def sources(self, claim_id: str) -> list[SourceView]:
        with self.db.read() as conn:
            return evidence.sources_of_claim(conn, claim_id)

    def resolve_source(self, prefix: str) -> str:
        cleaned = prefix.strip().lower()
        with self.db.read() as conn:
            found = evidence.source_ids_with_prefix(conn, cleaned) if cleaned else []
        if not found:
            raise NotFound(f"No source with id {prefix!r}.")
        if len(found) > 1:
            raise Ambiguous(f"The id {prefix!r} matches more than one source; type more of it.")
        return found[0]

    def add_source(self, claim_id: str, *, url: str | None = None, file: str | None = None,
                   kind: str = "web", title: str | None = None, publisher: str | None = None,
                   excerpt: str | None = None, stance: str = "supports",
                   accessed: str | None = None, archived_url: str | None = None
                   ) -> tuple[str, Changes]:
        fields = _checked_source(dict(
            kind=kind, url=url, file=file, title=title, publisher=publisher, excerpt=excerpt,
            stance=stance, accessed=accessed or date.today().isoformat(),
            archived_url=archived_url))
        _pointed(fields)
        with self.db.write() as conn:
            article_id = self._claim_article(conn, claim_id)
            source_id = uuid.uuid4().hex[:24]
            event = self._event(ev.SOURCE_ADDED, {"claim": claim_id, "source": source_id,
                                                  **fields})
            self._append(conn, [event])
        changes = _changes("Add source", article_id, claim_id)
        retire = {"claim": claim_id, "source": source_id}
        self._record(UndoStep("Add source", changes,
                              [(ev.SOURCE_RETIRED, {**retire, "retired": True})],
                              [(ev.SOURCE_RETIRED, {**retire, "retired": False})], event.id))
        return source_id, changes

    def edit_source(self, source_id: str, **changes_wanted) -> Changes:
        unknown = set(changes_wanted) - set(EDITABLE)
        if unknown:
            raise WorkspaceError(f"A source has no field {sorted(unknown)[0]!r}.")
        current = self._source(source_id)
        before = {k: getattr(current, k) for k in changes_wanted}
        after = _checked_source({**{k: getattr(current, k) for k in EDITABLE},
                                 **changes_wanted})
        _pointed(after)
        after = {k: after.get(k) for k in changes_wanted}
        if after == before:
            return Changes()
        key = {"claim": current.claim_id, "source": source_id}
        return self._source_step("Edit source", current.claim_id,
                                 (ev.SOURCE_EDITED, {**key, "fields": after}),
                                 (ev.SOURCE_EDITED, {**key, "fields": before}))

    def retire_source(self, source_id: str) -> Changes:
        current = self._source(source_id)
        key = {"claim": current.claim_id, "source": source_id}
        return self._source_step("Retire source", current.claim_id,
                                 (ev.SOURCE_RETIRED, {**key, "retired": True}),
                                 (ev.SOURCE_RETIRED, {**key, "retired": False}))

    def _source_step(self, label, claim_id, forward, reverse) -> Changes:
        event = self._event(*forward)
        with self.db.write() as conn:
            article_id = self._claim_article(conn, claim_id)
            self._append(conn, [event])
        changes = _changes(label, article_id, claim_id)
        return self._record(UndoStep(label, changes, [reverse], [forward], event.id))

    def _source(self, source_id: str) -> SourceView:
        with self.db.read() as conn:
            found = evidence.source(conn, source_id)
        if found is None:
            raise NotFound(f"No source with id {source_id}.")
        return found

    def _claim_article(self, conn, claim_id: str) -> str:
        span = queries.claim_span(conn, claim_id)
        if span is None:
            raise NotFound(f"No claim with id {claim_id}.")
        if span[3]:
            raise WorkspaceError("That claim has been retired; restore it first.")
        return span[0]


def _changes(label: str, article_id: str, claim_id: str) -> Changes:
    return Changes.of(label, Kind.SOURCES, articles={article_id}, claims={claim_id})


def _pointed(fields: dict) -> None:
    try:
        check_pointer(fields)
    except EvidenceError as error:
        raise WorkspaceError(str(error)) from None


def _checked_source(fields: dict) -> dict:
    """Validated and trimmed source fields; a WorkspaceError names the bad one."""
    try:
        out = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in fields.items()}
        out["kind"] = check_choice(out.get("kind") or "web", SOURCE_KINDS, "source kind")
        out["stance"] = check_choice(out.get("stance") or "supports", STANCES, "stance")
        if out.get("url"):
            out["url"] = check_url(out["url"])
        if out.get("archived_url"):
            out["archived_url"] = check_url(out["archived_url"], doi_allowed=False)
        out["accessed"] = check_date(out.get("accessed"))
    except EvidenceError as error:
        raise WorkspaceError(str(error)) from None
    if out.get("file") and file_reference(out["file"]) is None:  # not a stored copy
        path = Path(out["file"]).expanduser()
        if not path.is_file():
            raise WorkspaceError(f"No such file: {out['file']}.")
        out["file"] = str(path.resolve())
    for name, limit in _TEXT_LIMITS.items():
        if out.get(name) and len(out[name]) > limit:
            raise WorkspaceError(f"A source's {name} is at most {limit:,} characters.")
    return out
