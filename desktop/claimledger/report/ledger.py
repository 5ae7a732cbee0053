"""The ledger: one table row per statement, split into 500-row tables for speed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

from reportlab.platypus import Flowable, Table, TableStyle

from claimledger.domain.status import Status

from .cells import CellParagraph
from .markup import DASH, chip, esc, link
from .model import ReportArticle, ReportClaim, ReportSource
from .styles import HEADER_BG, INK, RULE, ZEBRA, styles

ROWS_PER_TABLE = 500
HEADERS = ("No.", "Statement", "Status", "Reason", "Note", "Sources", "Reviewers")
WIDTHS = (0.045, 0.25, 0.095, 0.12, 0.16, 0.225, 0.105)
STANCE_WORDS = {"supports": "supports", "contradicts": "contradicts", "context": "context"}


class LedgerTable(Table):
    """A ledger table (its split parts are LedgerTables too, which progress counts).

    Rows move whole to the next page; only a row taller than a whole page (a very long
    note, say) is split inside itself, on a fresh page, rather than failing the build.
    """

    page_height = 0.0

    def split(self, availWidth, availHeight):
        self.splitInRow = int(self.page_height > 0 and availHeight >= 0.95 * self.page_height)
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part.page_height = self.page_height
        return parts


def ledger_rows(article: ReportArticle) -> list[ReportClaim]:
    """The statements the ledger lists, in text order."""
    return [c for c in article.claims if c.in_ledger]


def ledger_tables(
    rows: list[ReportClaim],
    numbers: dict[str, str],
    size: tuple[float, float],
    tick: Callable[[int], None],
) -> Iterator[Flowable]:
    """Tables of at most ROWS_PER_TABLE rows for a frame of `size` (width, height);
    `tick(n)` is called after each n rows are prepared."""
    width, height = size
    widths = [width * w for w in WIDTHS]
    header = [CellParagraph(h, styles().cell_head) for h in HEADERS]
    cells = _Cells()
    for first in range(0, len(rows), ROWS_PER_TABLE):
        chunk = rows[first : first + ROWS_PER_TABLE]
        data = [header] + [cells.row(c, numbers.get(c.claim_id)) for c in chunk]
        table = LedgerTable(data, colWidths=widths, repeatRows=1, style=_table_style())
        table.page_height = height
        tick(len(chunk))
        yield table


@lru_cache(maxsize=1)
def _table_style() -> TableStyle:
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), "ClSans", 8, 10.2),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, ZEBRA]),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("ALIGN", (0, 0), (0, -1), "RIGHT"),
    ])


class _Cells:
    """Builds row cells; identical short cells (status, preset reasons, reviewer lists)
    share one Paragraph, which is safe because a column wraps every cell to one width."""

    def __init__(self) -> None:
        self._shared: dict[str, CellParagraph | str] = {}

    def row(self, claim: ReportClaim, number: str | None) -> list:
        return [
            str(number) if number else DASH,
            _statement(claim),
            self.shared(chip(claim.status), markup=True),
            self.shared(claim.reason),
            _cell(claim.note),
            _sources_cell(claim.sources) if claim.sources or claim.status is not Status.SOURCED
            else self.shared(NO_SOURCE_ATTACHED, markup=True),
            self.shared(", ".join(claim.reviewers)),
        ]

    def shared(self, text: str | None, markup: bool = False) -> CellParagraph | str:
        key = ("m:" if markup else "t:") + (text or "")
        cell = self._shared.get(key)
        if cell is None:
            cell = CellParagraph(text, styles().cell) if markup else _cell(text)
            if len(self._shared) < 2048:
                self._shared[key] = cell
        return cell


#: A claim marked sourced with nothing attached says so, so "Sourced" never reads as
#: checked against a source the editor cannot see.
NO_SOURCE_ATTACHED = '<font color="#9b1c1c" size="7"><i>No source attached</i></font>'


def _statement(claim: ReportClaim) -> CellParagraph:
    markup = esc(claim.text, DASH)
    if claim.kind != "claim":
        markup += f' <font color="#5f6368" size="7"><i>({esc(claim.kind)})</i></font>'
    return CellParagraph(markup, styles().cell)


def _cell(text: str | None) -> CellParagraph | str:
    markup = esc(text)
    return CellParagraph(markup, styles().cell) if markup else DASH


def _sources_cell(sources: tuple[ReportSource, ...]) -> CellParagraph | str:
    if not sources:
        return DASH
    return CellParagraph("<br/>".join(source_markup(s) for s in sources), styles().cell_small)


def source_markup(source: ReportSource) -> str:
    """A source as markup: title, publisher, link, stance, a stored file's hash and
    excerpt."""
    head = f"<b>{esc(source.title, 'Untitled source')}</b>"
    if source.cited_in_article:
        head += " (cited in the article)"
    if source.publisher and source.publisher.strip():
        head += f", {esc(source.publisher)}"
    stance = STANCE_WORDS.get(source.stance.strip().lower(), esc(source.stance))
    lines = [f'{head} <font color="#5f6368">· {stance}</font>']
    if source.url and source.url.strip():
        lines.append(link(source.url))
    if source.file_sha256:
        lines.append(f'<font size="6">SHA-256 {esc(source.file_sha256)}</font>'
                     + (f", attached {esc(source.attached)}" if source.attached else ""))
    if source.excerpt and source.excerpt.strip():
        lines.append(f"<i>“{esc(source.excerpt)}”</i>")
    return "<br/>".join(lines)
