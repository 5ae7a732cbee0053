"""The optional sections: disagreements and agreement, and the audit appendix.

Each builder returns [] when it has nothing to show, so no section is ever printed blank.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from .cells import CellParagraph
from .markup import DASH, chip, esc
from .model import Agreement, ReportClaim, ReportInput
from .outline import Heading
from .styles import HEADER_BG, INK, RULE, styles

AUDIT_ROWS_PER_TABLE = 500
Numbers = dict[str, dict[str, str]]  # article id -> claim id -> ledger number


def _small_table(header: list[str], rows: list[list], widths: list[float]) -> Table:
    st = styles()
    data = [[CellParagraph(h, st.cell_head) for h in header]] + rows
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), "ClSans", 8, 10.2),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _claim_title(claim: ReportClaim, number: str | None) -> Paragraph:
    prefix = f"<b>[{number}]</b> " if number else ""
    return Paragraph(f"{prefix}{esc(claim.text, DASH)}", styles().claim_title)


def _cell(text: str | None) -> CellParagraph:
    return CellParagraph(esc(text, DASH), styles().cell)


def disagreement_flowables(report: ReportInput, numbers: Numbers, width: float) -> list:
    """Claims where reviewers differ (each one's verdict), then the agreement figures."""
    blocks: list[Flowable] = []
    multi = len(report.articles) > 1
    for article in report.articles:
        claims = [c for c in article.claims if c.has_disagreement and c.verdicts]
        if claims and multi:
            blocks.append(Paragraph(esc(article.title, "Untitled article"), styles().h3))
        for claim in claims:
            blocks.append(_disagreement(claim, numbers[article.article_id], width))
    figures = _agreement(report.agreement, width)
    if not blocks and not figures:
        return []
    st = styles()
    out: list[Flowable] = [Heading("Disagreements and agreement", st.h1,
                                   "Disagreements and agreement", level=0)]
    if blocks:
        out.append(Paragraph(
            "Statements on which reviewers gave different verdicts. The ledger shows the "
            "verdict currently recorded for each.", st.meta))
        out.extend(blocks)
    out.extend(figures)
    return out


def _disagreement(claim: ReportClaim, numbers: dict[str, str], width: float) -> Flowable:
    rows = [
        [_cell(v.reviewer), Paragraph(chip(v.status), styles().cell), _cell(v.reason),
         _cell(v.note)]
        for v in claim.verdicts
    ]
    widths = [width * f for f in (0.2, 0.16, 0.27, 0.37)]
    table = _small_table(["Reviewer", "Verdict", "Reason", "Note"], rows, widths)
    settled = Paragraph(f"Ledger verdict: {chip(claim.status)}", styles().verdict_line)
    return KeepTogether([_claim_title(claim, numbers.get(claim.claim_id)), table, settled])


def _agreement(figures: tuple[Agreement, ...], width: float) -> list[Flowable]:
    if not figures:
        return []
    rows = [[_cell(f.label), _cell(_figure(f.value))] for f in figures]
    table = _small_table(["Measure", "Value"], rows, [width * 0.7, width * 0.3])
    return [Paragraph("Agreement between reviewers", styles().h2), table]


def _figure(value: float | None) -> str:
    return "not enough data" if value is None else f"{value:.2f}"


def audit_flowables(report: ReportInput, numbers: Numbers, width: float) -> list[Flowable]:
    """Each claim's history, one table per article; [] when audit is off or empty."""
    if not report.include_audit:
        return []
    out: list[Flowable] = []
    widths = [width * f for f in (0.34, 0.18, 0.16, 0.32)]
    for article in report.articles:
        rows = _audit_rows(article.claims, numbers[article.article_id])
        if not rows:
            continue
        title = article.title or "Untitled article"
        out.append(Heading(esc(title), styles().h2, title, level=1))
        for first in range(0, len(rows), AUDIT_ROWS_PER_TABLE):
            chunk = rows[first : first + AUDIT_ROWS_PER_TABLE]
            out.append(_small_table(["Statement", "When", "Who", "What"], chunk, widths))
    if not out:
        return []
    head = Heading("Audit appendix", styles().h1, "Audit appendix", level=0)
    note = Paragraph("The recorded history of each statement, oldest first.", styles().meta)
    return [head, note, *out]


def _audit_rows(claims: tuple[ReportClaim, ...], numbers: dict[str, str]) -> list[list]:
    rows: list[list] = []
    for claim in claims:
        for i, event in enumerate(claim.history):
            first = _claim_cell(claim, numbers.get(claim.claim_id)) if i == 0 else ""
            rows.append([first, _cell(event.when), _cell(event.who), _cell(event.what)])
    return rows


def _claim_cell(claim: ReportClaim, number: str | None) -> CellParagraph:
    prefix = f"<b>[{number}]</b> " if number else ""
    return CellParagraph(f"{prefix}{esc(claim.text, DASH)}", styles().cell)
