"""Publishing verbs: the ledger in the formats a desk already uses (ClaimReview for
search engines, W3C Web Annotations for annotation tools, a table for editors), and
annotations read back onto an article here.

The exports read the same report model as the verification PDF (report_input), so every
format shows the verdict the PDF shows.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from claimledger.atomic import atomic_write_bytes
from claimledger.domain import events as ev
from claimledger.domain.evidence import EvidenceError, check_url
from claimledger.domain.ids import claim_id_for
from claimledger.domain.limits import MAX_NOTE, MAX_REASON
from claimledger.domain.records import Changes, Kind
from claimledger.domain.status import Status
from claimledger.exchange.strictjson import Problem, parse_json
from claimledger.report.annotations import (
    IncomingAnnotation,
    NotAnnotations,
    annotation_collection,
    annotations_in,
)
from claimledger.report.claimreview import Publisher, claim_review, review_page
from claimledger.report.publishing import published_verdicts, shortened
from claimledger.report.table import write_csv, write_xlsx
from claimledger.store import queries
from claimledger.text.anchoring import Anchorer, snapped
from claimledger.workspace.base import display_names
from claimledger.workspace.errors import WorkspaceError
from claimledger.workspace.exporting import ExportVerbs

TABLE_SUFFIXES = (".csv", ".xlsx")
MAX_ANNOTATION_FILE = 64 * 1024 * 1024


@dataclass(frozen=True)
class FormatExport:
    path: Path
    items: int  # reviews, annotations or rows written


@dataclass
class AnnotationImport:
    placed: int = 0
    created: int = 0
    verdicts: int = 0
    unplaced: list[tuple[int, str]] = field(default_factory=list)  # (number, quote)
    changes: Changes = field(default_factory=Changes)


class PublishingVerbs(ExportVerbs):
    def export_claimreview(self, article_ids: Sequence[str], out_path: Path | str, *,
                           page: bool = False, review_url: str | None = None,
                           desk: str | None = None, own: bool = False) -> FormatExport:
        """One ClaimReview per published verdict, as a JSON-LD list or (page) an HTML page
        with the list embedded. `own` publishes this reviewer's verdicts instead of the
        ledger's."""
        if review_url:
            try:
                review_url = check_url(review_url, doi_allowed=False)
            except EvidenceError as error:
                raise WorkspaceError(f"The review URL: {error}") from None
        desk = " ".join((desk or "").split())[:120]
        report = self.report_input(_some(article_ids), desk=desk or None)
        publisher = Publisher(desk or self.reviewer_name, bool(desk), review_url,
                              datetime.now(UTC).date().isoformat())
        mine = self._own_name() if own else None
        sections, reviews = [], []
        for article in report.articles:
            verdicts = published_verdicts(article, mine, self._settled(article.article_id))
            sections.append((article, verdicts))
            reviews += [claim_review(article, v, publisher) for v in verdicts]
        if page:
            body = review_page(f"Fact-check: {shortened(report.title, 120)}", sections, reviews)
        else:
            body = json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"
        _write(Path(out_path), body.encode("utf-8"))
        return FormatExport(Path(out_path), len(reviews))

    def export_annotations(self, article_id: str, out_path: Path | str) -> FormatExport:
        """Every ledger row of one article as a W3C AnnotationCollection (JSON-LD)."""
        report = self.report_input([article_id])
        created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        collection = annotation_collection(report.articles[0], self.reviewer_name, created)
        _write(Path(out_path), (json.dumps(collection, ensure_ascii=False, indent=2)
                                + "\n").encode("utf-8"))
        return FormatExport(Path(out_path), collection["total"])

    def export_table(self, article_ids: Sequence[str], out_path: Path | str) -> FormatExport:
        """One row per claim of every article, as CSV or XLSX (by the file's suffix)."""
        path = Path(out_path)
        suffix = path.suffix.lower()
        if suffix not in TABLE_SUFFIXES:
            raise WorkspaceError(f"A table is written as .csv or .xlsx, not {path.name!r}.")
        report = self.report_input(_some(article_ids))
        writer = write_csv if suffix == ".csv" else write_xlsx
        try:
            rows = writer(report, path)
        except OSError as error:
            raise _unwritable(path, error) from None
        return FormatExport(path, rows)

    def import_annotations(self, path: Path | str, article_id: str) -> AnnotationImport:
        """Place each annotation of the file on the article by its quote, as a claim (new
        where no statement has those words) with its verdict as this reviewer's. All or
        nothing: a file that is not annotations changes nothing."""
        incoming = _read_annotations(Path(path))
        for item in incoming:
            self._check_verdict(item)
        result = AnnotationImport()
        with self.db.write() as conn:
            detail = queries.article_detail(conn, article_id)
            if detail is None:
                raise WorkspaceError(f"No article with id {article_id}.")
            claims = {c.id: c for c in queries.claims_of_article(conn, article_id,
                                                                 self.reviewer_id)}
            spans = [(c.start, c.end) for c in claims.values()]
            events, touched = [], set()
            anchorer = Anchorer(detail.text)
            for item in incoming:
                start, end = _placed(anchorer, item, spans)
                if start >= end:
                    result.unplaced.append((item.number, item.quote.exact if item.quote
                                            else "(no TextQuoteSelector)"))
                    continue
                claim_id = claim_id_for(article_id, start, end)
                events += self._claim_for(conn, claim_id, article_id, start, end,
                                          claims, result)
                events += self._verdict_for(claim_id, item, claims, result)
                touched.add(claim_id)
                result.placed += 1
            if events:
                self._append(conn, events)
        if events:
            result.changes = Changes.of("Import annotations", Kind.SHAPE, Kind.VERDICTS,
                                        articles={article_id}, claims=touched)
        return result

    def _claim_for(self, conn, claim_id, article_id, start, end, claims, result) -> list:
        if claim_id in claims:
            return []
        claims[claim_id] = None  # placed once; a second annotation on it adds no claim
        result.created += 1
        if queries.claim_span(conn, claim_id):
            return [self._event(ev.CLAIM_RETIRED, {"claim": claim_id, "retired": False})]
        return [self._event(ev.CLAIM_CREATED, {
            "article": article_id, "claim": claim_id, "start": start, "end": end,
            "kind": "claim", "role": "body", "origin": "manual"})]

    def _verdict_for(self, claim_id, item: IncomingAnnotation, claims, result) -> list:
        current = claims.get(claim_id)
        now = (current.status, current.reason, current.note) if current else \
            (Status.UNREVIEWED, None, None)
        reason = self.taxonomy.canonical(item.status, item.reason) if item.reason else None
        wanted = (item.status, reason, item.note)
        if wanted == now:
            return []
        result.verdicts += 1
        return [self._event(ev.VERDICT_SET, {"claim": claim_id, "status": item.status.value,
                                             "reason": reason, "note": item.note})]

    def _check_verdict(self, item: IncomingAnnotation) -> None:
        where = f"Annotation {item.number}"
        if item.reason and item.status is Status.UNREVIEWED:
            raise WorkspaceError(f"{where} gives a reason but no verdict; nothing was "
                                 "imported.")
        if item.reason and len(item.reason) > MAX_REASON:
            raise WorkspaceError(f"{where}: a reason is at most {MAX_REASON} characters; "
                                 "nothing was imported.")
        if item.note and len(item.note) > MAX_NOTE:
            raise WorkspaceError(f"{where}: a note is at most {MAX_NOTE:,} characters; "
                                 "nothing was imported.")

    def _settled(self, article_id: str) -> frozenset[str]:
        return frozenset(k for k, c in self.consensus(article_id).items() if c.settled_by)

    def _own_name(self) -> str:
        """This reviewer's name as the report model shows it."""
        with self.db.read() as conn:
            return display_names(conn).get(self.reviewer_id, self.reviewer_name)


def _placed(anchorer: Anchorer, item: IncomingAnnotation, spans) -> tuple[int, int]:
    """Where an annotation's quote goes: on the statement it (nearly) covers, less white
    space; (0, 0) when it goes nowhere."""
    anchor = anchorer.locate(item.quote) if item.quote else None
    if anchor is None:
        return 0, 0
    return _trimmed(anchorer.text, *snapped(anchor.start, anchor.end, spans))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span less white space at either end (a claim holds words, as add_claim's)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _some(article_ids: Sequence[str]) -> list[str]:
    if not article_ids:
        raise WorkspaceError("Choose at least one article to export.")
    return list(article_ids)


def _write(path: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(path, data)
    except OSError as error:
        raise _unwritable(path, error) from None


def _unwritable(path: Path, error: OSError) -> WorkspaceError:
    return WorkspaceError(f"{path} could not be written ({error.strerror or error}); "
                          "nothing was written.")


def _read_annotations(path: Path) -> list[IncomingAnnotation]:
    """The annotations of a JSON-LD file, or one WorkspaceError saying what is wrong."""
    name = path.name
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise WorkspaceError(f"{name} cannot be read ({error.strerror or error}).") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise WorkspaceError(f"{name} is not an ordinary file.")
        if info.st_size > MAX_ANNOTATION_FILE:
            raise WorkspaceError(f"{name} is {info.st_size // (1024 * 1024)} MB; annotation "
                                 f"files over {MAX_ANNOTATION_FILE // (1024 * 1024)} MB are "
                                 "refused.")
        with os.fdopen(os.dup(descriptor), "rb") as handle:
            raw = handle.read(MAX_ANNOTATION_FILE + 1)
    except OSError as error:
        raise WorkspaceError(f"{name} cannot be read ({error.strerror or error}).") from None
    finally:
        os.close(descriptor)
    if len(raw) > MAX_ANNOTATION_FILE:
        raise WorkspaceError(f"{name} grew past {MAX_ANNOTATION_FILE // (1024 * 1024)} MB "
                             "while it was read; nothing was imported.")
    try:
        return annotations_in(parse_json(raw.decode("utf-8-sig")))
    except UnicodeDecodeError:
        raise WorkspaceError(f"{name} is not UTF-8 text; nothing was imported.") from None
    except (Problem, NotAnnotations) as error:
        raise WorkspaceError(f"{name} is not a Web Annotation file: {error}; nothing was "
                             "imported.") from None
