"""Read verbs: what the window and the command line show."""

from __future__ import annotations

from claimledger.domain.history import HistoryEntry, history_entries
from claimledger.domain.numbering import statement_numbers
from claimledger.domain.records import ArticleDetail, ArticleSummary, ClaimView
from claimledger.store import DatabaseFault, log, queries, revisions, verify
from claimledger.workspace.base import WorkspaceBase, display_names
from claimledger.workspace.errors import Ambiguous, NotFound, WorkspaceError


class ReadVerbs(WorkspaceBase):
    def articles(self) -> list[ArticleSummary]:
        with self.db.read() as conn:
            return queries.article_summaries(conn, self.reviewer_id)

    def article_summary(self, article_id: str) -> ArticleSummary:
        with self.db.read() as conn:
            found = queries.article_summaries(conn, self.reviewer_id, article_id)
        if not found:
            raise NotFound(f"No article with id {article_id}.")
        return found[0]

    def article(self, article_id: str) -> ArticleDetail:
        with self.db.read() as conn:
            detail = queries.article_detail(conn, article_id)
        if detail is None:
            raise NotFound(f"No article with id {article_id}.")
        return detail

    def claims(self, article_id: str) -> list[ClaimView]:
        with self.db.read() as conn:
            return queries.claims_of_article(conn, article_id, self.reviewer_id)

    def statement_numbers(self, article_id: str) -> dict[str, str]:
        """{claim id: "12" or "12a"}: the numbers the window, the PDF and the command
        line all show (see domain/numbering.py)."""
        with self.db.read() as conn:
            return statement_numbers(queries.statement_spans(conn, article_id))

    def claim(self, claim_id: str) -> ClaimView:
        with self.db.read() as conn:
            view = queries.claim(conn, claim_id, self.reviewer_id)
        if view is None:
            raise NotFound(f"No claim with id {claim_id}.")
        return view

    def resolve_article(self, prefix: str, *, include_retired: bool = False) -> str:
        return self._resolve("article", prefix, include_retired)

    def resolve_claim(self, prefix: str, *, include_retired: bool = False) -> str:
        return self._resolve("claim", prefix, include_retired)

    def _resolve(self, table: str, prefix: str, include_retired: bool = False) -> str:
        cleaned = prefix.strip().lower()
        if not cleaned or any(c not in "0123456789abcdef" for c in cleaned):
            raise NotFound(f"No {table} with id {prefix!r} (ids are hexadecimal).")
        with self.db.read() as conn:
            found = queries.ids_with_prefix(conn, table, cleaned,
                                            include_retired=include_retired)
        if not found:
            raise NotFound(f"No {table} with id {prefix!r}.")
        if len(found) > 1:
            raise Ambiguous(f"The id {prefix!r} matches more than one {table}; type more of it.")
        return found[0]

    def projections_match_log(self) -> bool:
        """Rebuild every projection from the event log and compare (nothing is kept)."""
        try:
            with self.db.rollback_only() as conn:
                return verify.rebuild_equals_live(conn)
        except DatabaseFault as fault:
            raise WorkspaceError(str(fault)) from None

    def integrity_problems(self) -> list[str]:
        """What SQLite's quick_check finds wrong with the file ([] when it is sound)."""
        return self.db.quick_check()

    def history(self, claim_id: str) -> list[HistoryEntry]:
        """Every event of the claim, newest first, in words, with each revision of its
        article that carried it on or left it behind."""
        with self.db.read() as conn:
            if not queries.claim_exists(conn, claim_id):
                raise NotFound(f"No claim with id {claim_id}.")
            events = list(log.iter_events(conn, claim_id=claim_id))
            carried = revisions.revisions_placing(conn, claim_id)
            numbers = {e.id: (claim_id, revisions.revision_number(conn, e.payload["article"]))
                       for e in carried}
            names = display_names(conn)
        return history_entries(events + carried, names, numbers)
