"""Library verbs: article metadata, retiring and restoring articles, search."""

from __future__ import annotations

from claimledger.domain import events as ev
from claimledger.domain.evidence import EvidenceError, check_date, check_url
from claimledger.domain.limits import ARTICLE_TEXT
from claimledger.domain.records import ArticleSummary, Changes, Kind, SearchHit
from claimledger.store import queries, search
from claimledger.workspace.errors import NotFound, WorkspaceError
from claimledger.workspace.undo import UndoStep, UndoVerbs

METADATA = ("title", "outlet", "author", "url", "published")
_LIMITS = ARTICLE_TEXT


class LibraryVerbs(UndoVerbs):
    def edit_article(self, article_id: str, **fields) -> Changes:
        unknown = set(fields) - set(METADATA)
        if unknown:
            raise WorkspaceError(f"An article has no field {sorted(unknown)[0]!r}.")
        with self.db.read() as conn:
            current = queries.article_detail(conn, article_id)
        if current is None:
            raise NotFound(f"No article with id {article_id}.")
        after = _checked_metadata(fields)
        before = {k: getattr(current, k) for k in after}
        if after == before:
            return Changes()
        return self._article_step("Edit article details", article_id, {"fields": after},
                                  {"fields": before})

    def retire_article(self, article_id: str) -> Changes:
        self._require_article(article_id, retired=False)
        return self._article_step("Retire article", article_id, {"fields": {"retired": 1}},
                                  {"fields": {"retired": 0}})

    def restore_article(self, article_id: str) -> Changes:
        self._require_article(article_id, retired=True)
        return self._article_step("Restore article", article_id, {"fields": {"retired": 0}},
                                  {"fields": {"retired": 1}})

    def retired_articles(self) -> list[ArticleSummary]:
        with self.db.read() as conn:
            return queries.article_summaries(conn, self.reviewer_id, retired=True)

    def search(self, text: str, limit: int = 200) -> list[SearchHit]:
        with self.db.read() as conn:
            return search.search(conn, text, limit)

    def _article_step(self, label, article_id, forward, reverse) -> Changes:
        key = {"article": article_id}
        event = self._event(ev.ARTICLE_EDITED, {**key, **forward})
        with self.db.write() as conn:
            self._append(conn, [event])
        changes = Changes.of(label, Kind.ARTICLES, articles={article_id})
        return self._record(UndoStep(label, changes, [(ev.ARTICLE_EDITED, {**key, **reverse})],
                                     [(ev.ARTICLE_EDITED, {**key, **forward})], event.id))

    def _require_article(self, article_id: str, *, retired: bool) -> None:
        with self.db.read() as conn:
            state = queries.article_retired(conn, article_id)
        if state is None:
            raise NotFound(f"No article with id {article_id}.")
        if bool(state) != retired:
            raise WorkspaceError("That article is already retired." if state
                                 else "That article is not retired.")


def _checked_metadata(fields: dict) -> dict:
    out = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in fields.items()}
    if "title" in out and not out["title"]:
        raise WorkspaceError("An article needs a title.")
    try:
        if out.get("url"):
            out["url"] = check_url(out["url"], doi_allowed=False)
        if "published" in out:
            out["published"] = check_date(out["published"])
    except EvidenceError as error:
        raise WorkspaceError(str(error)) from None
    for name, limit in _LIMITS.items():
        if out.get(name) and len(out[name]) > limit:
            raise WorkspaceError(f"An article's {name} is at most {limit:,} characters.")
    return out
