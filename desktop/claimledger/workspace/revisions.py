"""Revision verbs: a new version of an article takes over its claims.

Each claim of the earlier text is placed on the new one by its quote (text.revisions)
and moves there with its id, so its verdicts, notes, sources, consensus and history
carry over, for every reviewer, through sync (store.projections). A claim whose words
changed moves too, flagged "changed" with both versions; one that cannot be placed is
an orphan and stays on the earlier article with all it had.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from claimledger.domain import events as ev
from claimledger.domain.ids import article_id_for
from claimledger.domain.records import Changes, ClaimView, ImportedArticle, Kind
from claimledger.domain.status import Status
from claimledger.report.publishing import shortened
from claimledger.store import queries, revisions
from claimledger.text import ArticleError, prepare_article
from claimledger.text.revisions import CHANGED, EXACT, MOVED, ORPHANED, Placement, place_claims
from claimledger.workspace.errors import WorkspaceError
from claimledger.workspace.importing import ImportVerbs, read_article_file

ADDED = "added"


@dataclass(frozen=True)
class ChangedWording:
    """An article's statements whose words changed in the revision that made it, for
    those this reviewer gave a verdict on before it and not since (what the ledger flags
    "text changed since your verdict"). A verdict of theirs clocked after `revised_at`
    confirms the new wording."""

    revision: int
    revised_at: str
    earlier: dict[str, str] = field(default_factory=dict)  # claim id -> earlier words


@dataclass(frozen=True)
class ClaimAnchoring:
    """How a claim came to this revision: exact, moved, changed, added (new in it) or
    orphaned (left behind by a later one); `previous_text` is the earlier wording of a
    changed claim; `confirmed` says this reviewer has given their verdict again since."""

    anchoring: str
    previous_text: str | None = None
    confirmed: bool = False  # a changed claim's verdict given again since the revision


@dataclass(frozen=True)
class RevisionRow:
    """One claim of the Revisions view: how it came to this revision, its verdict (this
    reviewer's), and its earlier and current words (None where there are none)."""

    claim_id: str
    anchoring: str
    status: Status
    earlier_text: str | None
    text: str | None
    confirmed: bool = False


@dataclass(frozen=True)
class RevisionView:
    """Both texts of a revision and what became of each claim, for the window."""

    earlier_id: str
    earlier_title: str
    earlier_text: str
    earlier_claims: list[ClaimView]  # every claim at its place in the earlier text
    article_id: str
    number: int
    title: str
    text: str
    claims: list[ClaimView]
    rows: list[RevisionRow]


@dataclass
class RevisionReport:
    article: ImportedArticle
    revision: int
    earlier_id: str
    placements: list[Placement] = field(default_factory=list)
    orphans: list[ClaimView] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)

    def count(self, anchoring: str) -> int:
        return sum(p.anchoring == anchoring for p in self.placements)


class RevisionVerbs(ImportVerbs):
    def import_revision(self, path: Path | str, earlier_id: str, *,
                        analyse: bool = True) -> RevisionReport:
        """Import `path` as the next revision of article `earlier_id`."""
        path = Path(path)
        try:
            article = prepare_article(read_article_file(path), path.name)
        except (ArticleError, WorkspaceError) as error:
            raise WorkspaceError(f"{path}: {error}") from None
        new_id = article_id_for(article.text)
        with self.db.write() as conn:
            earlier = queries.article_detail(conn, earlier_id)
            if earlier is None:
                raise WorkspaceError(f"No article with id {earlier_id}.")
            if new_id == earlier_id:
                raise WorkspaceError(f"{path.name} has the same text as that article; there "
                                     "is no revision to record.")
            if queries.article_detail(conn, new_id) is not None:
                raise WorkspaceError(f"{path.name} is already an article here ({new_id[:12]}); "
                                     "a revision must be new to the workspace.")
            report = self._record_revision(
                conn, earlier, new_id, article.text,
                [(st.start, st.end) for st in article.statements],
                [self._import_event(new_id, article, path.name)],
                ImportedArticle(new_id, article.title, len(article.statements), True,
                                path.name))
        if analyse:
            self._analyse_imported([report.article])
        return report

    def make_revision(self, article_id: str, earlier_id: str) -> RevisionReport:
        """Record an article already here as the next revision of `earlier_id` (the window
        proposes it when an import has the same headline or address). Refused once
        anyone has reviewed the newer one: its own statements would give way."""
        with self.db.write() as conn:
            earlier = queries.article_detail(conn, earlier_id)
            current = queries.article_detail(conn, article_id)
            if earlier is None or current is None:
                raise WorkspaceError("No such article; nothing was changed.")
            if article_id == earlier_id or earlier_id in _family(conn, article_id):
                raise WorkspaceError("These two are already revisions of one story.")
            if revisions.claims_have_events(conn, article_id):
                raise WorkspaceError("Someone has already reviewed the newer article; it "
                                     "stays an article of its own.")
            statements = [(c.start, c.end) for c in
                          queries.claims_of_article(conn, article_id, self.reviewer_id)]
            report = self._record_revision(
                conn, earlier, article_id, current.text, statements, [],
                ImportedArticle(article_id, current.title, len(statements), False,
                                current.filename))
        analyse = getattr(self, "analyse", None)
        if analyse is not None:
            analyse(article_id)
        return report

    def revision_candidates(self, article_id: str) -> list[str]:
        """Other articles here this one looks like a new version of: the same web address
        or the same headline, latest revision of its story, not yet linked to it."""
        summaries = {a.id: a for a in self.articles()}
        mine = summaries.get(article_id)
        if mine is None:
            return []
        with self.db.read() as conn:
            linked = set(_family(conn, article_id))
            superseded = {e.payload["revision_of"] for e in revisions.all_revisions(conn)}
        headline = " ".join((mine.title or "").split()).casefold()
        return [a.id for a in summaries.values()
                if a.id != article_id and a.id not in linked and a.id not in superseded
                and ((mine.url and a.url == mine.url)
                     or (headline and " ".join((a.title or "").split()).casefold()
                         == headline))]

    def _record_revision(self, conn, earlier, new_id: str, new_text: str,
                         statements: list[tuple[int, int]], first: list,
                         article: ImportedArticle) -> RevisionReport:
        later = revisions.revisions_of(conn, earlier.id)
        if later:
            raise WorkspaceError(f"That article already has a later revision "
                                 f"({later[0].payload['article'][:12]}); revise the latest.")
        claims = queries.claims_of_article(conn, earlier.id, self.reviewer_id)
        placements = place_claims(earlier.text, [(c.id, c.start, c.end) for c in claims],
                                  new_text, statements)
        self._append(conn, [*first, self._event(ev.ARTICLE_REVISED, {
            "article": new_id, "revision_of": earlier.id,
            "placements": [[p.claim_id, p.old_start, p.old_end, p.anchoring, p.start, p.end]
                           for p in placements]})])
        orphaned = {p.claim_id for p in placements if p.anchoring == ORPHANED}
        return RevisionReport(
            article, _revision_number(conn, new_id), earlier.id, placements,
            [c for c in claims if c.id in orphaned],
            Changes.of("Revision", Kind.ARTICLES, Kind.SHAPE,
                       articles={new_id, earlier.id}, claims={c.id for c in claims}))

    def confirm_verdict(self, claim_id: str) -> Changes:
        """Give this reviewer's verdict on a changed claim again, as it stands: the new
        wording has been checked, and the claim is no longer flagged."""
        with self.db.write() as conn:
            view = queries.claim(conn, claim_id, self.reviewer_id)
            if view is None:
                raise WorkspaceError(f"No live claim with id {claim_id}.")
            if not view.status.is_reviewed:
                raise WorkspaceError("You have no verdict on that statement to confirm; "
                                     "mark it instead.")
            self._append(conn, [self._event(ev.VERDICT_SET, {
                "claim": claim_id, "status": view.status.value, "reason": view.reason,
                "note": view.note})])
        return Changes.of("Confirm verdict", Kind.VERDICTS, articles={view.article_id},
                          claims={claim_id})

    def revision_view(self, article_id: str) -> RevisionView | None:
        """The article beside its earlier revision, or None if it has none."""
        with self.db.read() as conn:
            into = revisions.revision_into(conn, article_id)
            if into is None:
                return None
            earlier_id = into.payload["revision_of"]
            earlier = queries.article_detail(conn, earlier_id)
            current = queries.article_detail(conn, article_id)
            claims = queries.claims_of_article(conn, article_id, self.reviewer_id)
            left_behind = queries.claims_of_article(conn, earlier_id, self.reviewer_id)
            number = _revision_number(conn, article_id)
        found = self.anchorings(article_id)
        by_id = {c.id: c for c in claims + left_behind}
        earlier_claims, rows = list(left_behind), []
        for claim_id, old_start, old_end, anchoring, _, _ in into.payload["placements"]:
            claim = by_id.get(claim_id)
            if claim is None:
                continue  # retired since
            before = earlier.text[old_start:old_end]
            if anchoring != ORPHANED:
                earlier_claims.append(replace(claim, article_id=earlier_id, start=old_start,
                                              end=old_end, text=before))
            if anchoring != EXACT:
                kept = found.get(claim_id)
                rows.append(RevisionRow(claim_id, anchoring, claim.status, before,
                                        None if anchoring == ORPHANED else claim.text,
                                        bool(kept and kept.confirmed)))
        rows += [RevisionRow(c.id, ADDED, c.status, None, c.text) for c in claims
                 if found.get(c.id) and found[c.id].anchoring == ADDED]
        return RevisionView(earlier_id, earlier.title, earlier.text,
                            sorted(earlier_claims, key=lambda c: (c.start, -c.end)),
                            article_id, number,
                            current.title, current.text, claims, rows)

    def revision_number(self, article_id: str) -> int:
        """1 for an article first imported as it is, 2 for its first revision, ..."""
        with self.db.read() as conn:
            return _revision_number(conn, article_id)

    def earlier_revision(self, article_id: str) -> str | None:
        with self.db.read() as conn:
            event = revisions.revision_into(conn, article_id)
        return event.payload["revision_of"] if event else None

    def anchorings(self, article_id: str) -> dict[str, ClaimAnchoring]:
        """How each live claim of the article relates to the revisions around it; empty
        for an article that was never revised."""
        with self.db.read() as conn:
            into = revisions.revision_into(conn, article_id)
            later = revisions.revisions_of(conn, article_id)
            if into is None and not later:
                return {}
            live = queries.claims_of_article(conn, article_id, self.reviewer_id)
            earlier = queries.article_detail(conn, into.payload["revision_of"]) if into \
                else None
            placed = {item[0]: item for item in into.payload["placements"]} if into else {}
            clocks = revisions.verdict_clocks(
                conn, [i for i, item in placed.items() if item[3] == CHANGED],
                self.reviewer_id)
        orphaned = {item[0] for event in later for item in event.payload["placements"]
                    if item[3] == ORPHANED}
        found = {}
        for claim in live:
            if claim.id in orphaned:
                found[claim.id] = ClaimAnchoring(ORPHANED)
            elif claim.id in placed:
                _, old_start, old_end, anchoring, _, _ = placed[claim.id]
                before = earlier.text[old_start:old_end] if earlier and \
                    anchoring == CHANGED else None
                found[claim.id] = ClaimAnchoring(anchoring, before,
                                                 clocks.get(claim.id, "") > into.hlc)
            elif into is not None:
                found[claim.id] = ClaimAnchoring(ADDED)
        return found


    def changed_wording(self, article_id: str) -> ChangedWording | None:
        """The article's changed statements awaiting this reviewer's look (None: the
        article is not a revision)."""
        with self.db.read() as conn:
            into = revisions.revision_into(conn, article_id)
            number = _revision_number(conn, article_id) if into is not None else 0
        if into is None:
            return None
        earlier = {claim_id: found.previous_text
                   for claim_id, found in self.anchorings(article_id).items()
                   if found.anchoring == CHANGED and not found.confirmed
                   and found.previous_text is not None}
        return ChangedWording(number, into.hlc, earlier)

    def revision_summary(self, article_id: str) -> dict:
        """What the PDF says of an article's revisions: the `revision` it is and the
        `revision_changes` since the earlier one and in any later one ({} if none)."""
        with self.db.read() as conn:
            into = revisions.revision_into(conn, article_id)
            later = revisions.revisions_of(conn, article_id)
            if into is None and not later:
                return {}
            number = _revision_number(conn, article_id)
            orphans = [queries.claim_span(conn, item[0]) for item in
                       (into.payload["placements"] if into else []) if item[3] == ORPHANED]
            earlier = queries.article_detail(conn, into.payload["revision_of"]) if into \
                else None
        lines = []
        if into is not None:
            lines.append(self._since_earlier(article_id, number, into))
            lines += [f"Removed since revision {number - 1}, kept there with its verdicts: "
                      f"\u201c{shortened(earlier.text[span[1]:span[2]], 160)}\u201d"
                      for span in orphans if span and earlier]
        for event in later:
            kinds = [item[3] for item in event.payload["placements"]]
            lines.append(f"Revision {number + 1} was imported since: "
                         f"{kinds.count(CHANGED)} statement(s) changed, "
                         f"{kinds.count(ORPHANED)} removed; this report checks the "
                         "earlier text.")
        total = number + len(later)
        return {"revision": f"{number} of {total}" + (", the latest" if not later else ""),
                "revision_changes": tuple(lines)}

    def _since_earlier(self, article_id: str, number: int, into) -> str:
        numbers = self.statement_numbers(article_id)
        found = self.anchorings(article_id)
        by_kind: dict[str, list[str]] = {}
        for claim_id, anchoring in found.items():
            by_kind.setdefault(anchoring.anchoring, []).append(numbers.get(claim_id, "?"))
        parts = []
        for kind in (EXACT, MOVED, CHANGED, ADDED):
            shown = sorted(by_kind.get(kind, []), key=_number_order)
            if kind == EXACT:
                parts.append(f"{len(shown)} unchanged")
            elif shown:
                parts.append(f"{len(shown)} {kind} (statement {', '.join(shown)})")
        return f"Since revision {number - 1}: " + ", ".join(parts) + "."


def _number_order(number: str) -> tuple[int, str]:
    digits = "".join(ch for ch in number if ch.isdigit())
    return (int(digits) if digits else 0, number)


def _family(conn, article_id: str) -> list[str]:
    return revisions.revision_families(conn, [article_id]) or []


def _revision_number(conn, article_id: str) -> int:
    return revisions.revision_number(conn, article_id)
