"""build_pdf: the verification PDF for an export, written atomically."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph

import claimledger
from claimledger.atomic import atomic_write

from .article import article_flowables, legend, numbering
from .cover import cover_flowables
from .document import ReportDoc, TotalPagesCanvas, ledger_rows_drawn
from .errors import ReportCancelled, ReportError
from .ledger import ledger_rows, ledger_tables
from .markup import esc
from .model import ReportArticle, ReportInput
from .outline import Heading
from .sections import audit_flowables, disagreement_flowables
from .styles import page_size, styles

Progress = Callable[[int, int], bool]


class _Tracker:
    """Reports progress (at most ~20 times a second) and raises ReportCancelled on False."""

    def __init__(self, callback: Progress | None, total: int) -> None:
        self.callback, self.total, self.done = callback, max(1, total), 0
        self._last = 0.0

    def advance(self, n: int = 1, force: bool = False) -> None:
        self.done = min(self.total - 1, self.done + n)
        now = time.monotonic()
        if self.callback is None or (not force and now - self._last < 0.05):
            return
        self._last = now
        self.check(self.done)

    def check(self, done: int) -> None:
        if self.callback is not None and self.callback(done, self.total) is False:
            raise ReportCancelled("The report was cancelled; nothing was written.")


def build_pdf(report: ReportInput, out_path: Path, progress: Progress | None = None) -> int:
    """Write the verification PDF for `report` to `out_path`; return its page count.

    `progress(done, total)` is called as the work advances; returning False cancels with
    ReportCancelled. The file is written to a temporary file in the same folder and moved
    into place, so a failed or cancelled build leaves any older file untouched. Problems
    the user can fix (missing or read-only folder, bad paper size) raise ReportError.
    """
    out_path = Path(out_path)
    page_size(report.paper)  # fail early on a bad paper size
    rows = sum(len(ledger_rows(a)) for a in report.articles)
    tracker = _Tracker(progress, total=2 * rows + 10 * len(report.articles) + 10)
    tracker.check(0)
    return _write_atomically(out_path, lambda fh: _render(report, fh, tracker))


def _render(report: ReportInput, fh: BinaryIO, tracker: _Tracker) -> int:
    story = _story(report, tracker)

    def on_flowable(flowable: Flowable) -> None:
        tracker.advance(ledger_rows_drawn(flowable))

    reviewers = ", ".join(r.name for r in report.reviewers)
    doc = ReportDoc(
        fh, paper=report.paper, on_flowable=on_flowable,
        footer=(report.footer_label, report.ledger_digest),
        title=report.title, author=reviewers or "Claim Ledger",
        subject=_subject(report), creator=f"Claim Ledger {claimledger.__version__}",
        keywords="verification, fact-check, claim ledger",
    )
    canvases: list[TotalPagesCanvas] = []

    def make_canvas(*args, **kwargs) -> TotalPagesCanvas:
        canv = TotalPagesCanvas(*args, **kwargs)
        canv.showOutline()
        canvases.append(canv)
        return canv

    doc.build(story, canvasmaker=make_canvas)
    tracker.check(tracker.total)
    return canvases[-1].page_count


def _subject(report: ReportInput) -> str:
    titles = "; ".join(a.title for a in report.articles if a.title)
    return f"Verification report: {titles}" if titles else "Verification report"


def _story(report: ReportInput, tracker: _Tracker) -> list[Flowable]:
    tall = ReportDoc.frame_size(report.paper)[0]
    wide = ReportDoc.frame_size(report.paper, wide=True)
    story: list[Flowable] = cover_flowables(report, tall)
    numbers: dict[str, dict[str, str]] = {}
    for article in report.articles:
        numbers[article.article_id] = numbering(article)
        story += _article_section(article, numbers[article.article_id], tall, wide, tracker)
    for section in (disagreement_flowables(report, numbers, tall),
                    audit_flowables(report, numbers, tall)):
        if section:
            story += [NextPageTemplate("tall"), PageBreak(), *section]
    return story


def _article_section(article: ReportArticle, numbers: dict[str, str], tall: float,
                     wide: tuple[float, float], tracker: _Tracker) -> list[Flowable]:
    st = styles()
    title = article.title or "Untitled article"
    meta = " · ".join(esc(x) for x in (article.outlet, article.author, article.published)
                      if x and x.strip())
    out: list[Flowable] = [
        NextPageTemplate("tall"), PageBreak(),
        Heading(esc(title), st.h1, title, level=0),
    ]
    if meta:
        out.append(Paragraph(meta, st.meta))
    out += [Heading("Annotated text", st.h2, "Annotated text", level=1), legend()]
    out.append(Paragraph("", st.body))
    out += article_flowables(article, numbers)
    tracker.advance(5)
    rows = ledger_rows(article)
    if rows:
        count = f"{len(rows)} statement{'s' if len(rows) != 1 else ''}"
        out += [
            NextPageTemplate("wide"), PageBreak(),
            Heading(f"Ledger: {esc(title)}", st.h1, "Ledger", level=1),
            Paragraph(f"{count} in text order. Numbers match the highlights in the "
                      "annotated text; “—” marks a statement that was not highlighted.",
                      st.meta),
            Paragraph("", st.body),
        ]
        out += ledger_tables(rows, numbers, wide, tracker.advance)
    return out


def _write_atomically(out_path: Path, write: Callable[[BinaryIO], int]) -> int:
    """Build into a temp file beside the target and swap it in; any failure becomes a
    ReportError that says what to do, and leaves an old report untouched."""
    folder = out_path.parent
    if out_path.is_dir():
        raise ReportError(f"Cannot save the report as {out_path}: that is a folder.")
    if not folder.is_dir():
        raise ReportError(f"Cannot save the report: the folder {folder} does not exist.")
    try:
        return atomic_write(out_path, write, mode=_mode_for(out_path))
    except (ReportError, KeyboardInterrupt, SystemExit):
        raise
    except PermissionError:
        raise ReportError(f"Cannot save the report in {folder}: you do not have permission "
                          "to write there. Choose another folder.") from None
    except OSError as exc:
        raise ReportError(f"Cannot write the report to {out_path}: "
                          f"{exc.strerror or exc}.") from exc
    except Exception as exc:
        raise ReportError(f"The report could not be built: {exc}") from exc


def _mode_for(out_path: Path) -> int:
    """Keep an existing file's permissions; a new report is readable by others (0644)."""
    try:
        return out_path.stat().st_mode & 0o777
    except OSError:
        return 0o644

