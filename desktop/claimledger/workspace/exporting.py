"""Export verbs: the verification PDF for the editor."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from claimledger.domain.consensus import consensus
from claimledger.domain.events import canonical_json
from claimledger.domain.evidence import CITED_IN_ARTICLE
from claimledger.domain.history import history_entries
from claimledger.domain.numbering import statement_numbers
from claimledger.domain.records import ArticleDetail, ClaimView, SourceView, Verdict
from claimledger.domain.status import Status
from claimledger.domain.stored_evidence import file_reference, shown_name
from claimledger.exchange.keys import fingerprint
from claimledger.report import (
    Agreement,
    ReportArticle,
    ReportCancelled,
    ReportClaim,
    ReportError,
    ReportEvent,
    ReportInput,
    ReportReviewer,
    ReportSource,
    ReportVerdict,
    build_pdf,
)
from claimledger.store import evidence, log, queries
from claimledger.workspace.base import WorkspaceBase, display_names
from claimledger.workspace.errors import WorkspaceError

PAPERS = ("A4", "Letter")


class ExportCancelled(WorkspaceError):
    pass


@dataclass(frozen=True)
class PdfExport:
    path: Path
    pages: int
    digest: str
    articles: int
    claims: int


class ExportVerbs(WorkspaceBase):
    def export_pdf(self, article_ids: Sequence[str], out_path: Path | str, *,
                   audit: bool = False, paper: str = "A4", desk: str | None = None,
                   progress: Callable[[int, int], bool] | None = None) -> PdfExport:
        """Write the verification PDF atomically; a cancelled or failed export leaves any
        earlier file at `out_path` as it was."""
        if not article_ids:
            raise WorkspaceError("Choose at least one article to export.")
        if paper not in PAPERS:
            raise WorkspaceError(f"Paper size is one of {', '.join(PAPERS)}, not {paper!r}.")
        desk = " ".join((desk or "").split())[:120] or None
        report = self.report_input(article_ids, audit=audit, paper=paper, desk=desk)
        try:
            pages = build_pdf(report, Path(out_path), progress)
        except ReportCancelled:
            raise ExportCancelled("Export cancelled; no file was written.") from None
        except ReportError as error:
            raise WorkspaceError(str(error)) from None
        claims = sum(len(a.claims) for a in report.articles)
        return PdfExport(Path(out_path), pages, report.ledger_digest, len(report.articles),
                         claims)

    def _report_agreement(self, articles: Sequence[ReportArticle]) -> tuple[Agreement, ...]:
        """Agreement figures per exported article, when two or more reviewers rated."""
        rows: list[Agreement] = []
        for article in articles:
            report = self.agreement(article.article_id)
            prefix = f"{article.title}: " if len(articles) > 1 else ""
            rows.extend(replace(row, label=prefix + row.label)
                        for row in _agreement_rows(report) if report.pairs)
        return tuple(rows)

    def report_input(self, article_ids: Sequence[str], *, audit: bool = False,
                     paper: str = "A4", desk: str | None = None) -> ReportInput:
        with self.db.read() as conn:
            names = display_names(conn)
            names.setdefault(self.reviewer_id, self.reviewer_name)
            articles = []
            for article_id in dict.fromkeys(article_ids):
                detail = queries.article_detail(conn, article_id)
                if detail is None:
                    raise WorkspaceError(f"No article with id {article_id}.")
                claims = queries.claims_of_article(conn, article_id, self.reviewer_id)
                verdicts = queries.verdicts_of_article(conn, article_id)
                events = list(log.claim_events_of_article(conn, article_id)) if audit else []
                sources = evidence.sources_of_article(conn, article_id)
                settled = queries.consensus_of_article(conn, article_id)
                numbers = statement_numbers(queries.statement_spans(conn, article_id))
                articles.append(_report_article(detail, claims, verdicts, events, names,
                                                sources, settled, numbers))
            keys = {name: key for _, name, key in queries.reviewers(conn)}
        describe = getattr(self, "revision_summary", None)  # RevisionVerbs, in a Workspace
        if describe is not None:
            articles = [replace(a, **describe(a.article_id)) for a in articles]
        names_seen = sorted({r for a in articles for c in a.claims for r in c.reviewers}
                            or {self.reviewer_name})
        return ReportInput(
            articles=tuple(articles),
            reviewers=tuple(ReportReviewer(n, fingerprint(keys[n]) if keys.get(n) else None)
                            for n in names_seen),
            agreement=self._report_agreement(articles),
            generated_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            ledger_digest=ledger_digest(articles),
            paper=paper,
            include_audit=audit,
            desk=desk,
        )


def _agreement_rows(report) -> list[Agreement]:
    rows = [Agreement(f"Cohen's kappa, {p.first} / {p.second} ({p.claims} claims)", p.kappa)
            for p in report.pairs]
    if report.claims:
        rows.append(Agreement(f"Krippendorff's alpha, all reviewers ({report.claims} claims)",
                              report.alpha))
    return rows


def ledger_digest(articles: Sequence[ReportArticle]) -> str:
    """A short SHA-256 of the ledger state a report shows, so two prints can be compared."""
    state = [
        [a.article_id, [[c.claim_id, c.status.value, c.reason, c.note,
                         sorted([v.reviewer, v.status.value, v.reason, v.note]
                                for v in c.verdicts)] for c in a.claims]]
        for a in articles
    ]
    return hashlib.sha256(canonical_json(state)).hexdigest()[:16]


def _report_article(detail: ArticleDetail, claims: list[ClaimView],
                    verdicts: dict[str, list[tuple[str, Verdict]]], events, names,
                    sources: dict[str, list[SourceView]], settled: dict[str, tuple],
                    numbers: dict[str, str]) -> ReportArticle:
    by_claim: dict[str, list] = {}
    for event in events:
        by_claim.setdefault(event.payload.get("claim"), []).append(event)
    report_claims = tuple(
        replace(_report_claim(c, verdicts.get(c.id, []), by_claim.get(c.id, []), names,
                              sources.get(c.id, []), settled.get(c.id)),
                number=numbers.get(c.id, ""))
        for c in claims
    )
    return ReportArticle(detail.id, detail.title, detail.outlet, detail.author, detail.url,
                         detail.published, detail.retrieved[:10], detail.text, report_claims)


def _report_source(source: SourceView) -> ReportSource:
    stored = file_reference(source.file)
    return ReportSource(source.title or source.url or shown_name(source.file) or "Source",
                        source.publisher, source.url, source.stance, source.excerpt,
                        cited_in_article=source.kind == CITED_IN_ARTICLE,
                        file_sha256=stored.sha256 if stored else None,
                        attached=source.accessed if stored else None)


def _report_claim(claim: ClaimView, verdicts: list[tuple[str, Verdict]], events, names,
                  sources: list[SourceView], settled: tuple | None) -> ReportClaim:
    """The ledger row an editor reads: a settled consensus first, then what all reviewers
    agree on, then the exporting reviewer's own verdict."""
    per_reviewer = tuple(
        ReportVerdict(names.get(rid, "unknown reviewer"), v.status, v.reason, v.note)
        for rid, v in verdicts if v.status.is_reviewed
    )
    agreed, state = consensus(v.status for v in per_reviewer)
    status, reason, note = claim.status, claim.reason, claim.note
    if settled and settled[0] != Status.UNREVIEWED.value:
        status, reason, note = Status(settled[0]), settled[1], settled[2]
    elif agreed is not None:
        status = agreed
    history = tuple(
        ReportEvent(datetime.fromtimestamp(h.when_ms / 1000, UTC).strftime("%Y-%m-%d %H:%M"),
                    h.who, h.what)
        for h in reversed(history_entries(events, names))
    )
    return ReportClaim(
        claim_id=claim.id, start=claim.start, end=claim.end, text=claim.text, kind=claim.kind,
        status=status, reason=reason, note=note,
        reviewers=tuple(v.reviewer for v in per_reviewer), verdicts=per_reviewer,
        consensus_state=state if per_reviewer else None, history=history,
        sources=tuple(_report_source(s) for s in sources),
    )
