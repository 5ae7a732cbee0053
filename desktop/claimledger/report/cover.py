"""The cover page: what was checked, by whom, when, and a summary of the verdicts."""

from __future__ import annotations

from collections import Counter

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from claimledger.domain.status import Status

from .markup import DASH, esc, link
from .model import ReportArticle, ReportInput
from .outline import Heading
from .styles import INK, MUTED, RULE, styles

SUMMARY_ORDER = (
    Status.SOURCED, Status.DISPUTED, Status.UNVERIFIED, Status.NOT_A_CLAIM, Status.UNREVIEWED
)


def status_counts(report: ReportInput) -> Counter[Status]:
    """How many claims have each status, over all articles: the statements the app
    classed as claims, as the window and `articles --json` count them."""
    return Counter(c.status for a in report.articles for c in a.claims if c.kind == "claim")


def set_aside_count(report: ReportInput) -> int:
    """Statements the app classed as not claims (headlines, captions, credits…)."""
    return sum(1 for a in report.articles for c in a.claims if c.kind != "claim")


def cover_flowables(report: ReportInput, width: float) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [
        Paragraph(esc(report.kicker), st.small),
        Spacer(1, 4),
        Heading(esc(report.title), st.title, "Cover", level=0),
        Paragraph(
            f"Generated {esc(report.generated_at)}"
            + (f" · Ledger digest {esc(report.ledger_digest)}" if report.ledger_digest else ""),
            st.subtitle,
        ),
        Paragraph("Articles checked" if len(report.articles) != 1 else "Article checked", st.h2),
    ]
    for article in report.articles:
        out.append(_article_block(article, width))
    out.append(Paragraph("Reviewers", st.h2))
    out.append(_reviewers(report, width))
    out.append(Paragraph("Summary of verdicts", st.h2))
    out.extend(_summary(report, width))
    return out


def _field_table(rows: list[tuple[str, str]], width: float) -> Table:
    st = styles()
    data = [[Paragraph(k, st.meta), Paragraph(v, st.body)] for k, v in rows]
    table = Table(data, colWidths=[28 * 3.2, width - 28 * 3.2], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
    ]))
    return table


def _article_block(article: ReportArticle, width: float) -> Flowable:
    rows = [
        ("Title", f"<b>{esc(article.title, 'Untitled article')}</b>"),
        ("Outlet", esc(article.outlet, DASH)),
        ("Author", esc(article.author, DASH)),
        ("URL", link(article.url) or DASH),
        ("Published", esc(article.published, DASH)),
        ("Retrieved", esc(article.retrieved, DASH)),
    ]
    if article.revision:
        rows.append(("Revision", esc(article.revision)))
        rows += [("" if i else "Changes", esc(line))
                 for i, line in enumerate(article.revision_changes)]
    table = _field_table(rows, width)
    table.spaceAfter = 8
    return table


def _reviewers(report: ReportInput, width: float) -> Flowable:
    if not report.reviewers:
        return Paragraph("No reviewers recorded.", styles().body)
    rows = [
        (esc(r.name), f'<font size="8" color="#5f6368">{esc(r.fingerprint, "no key")}</font>')
        for r in report.reviewers
    ]
    st = styles()
    data = [[Paragraph(f"<b>{name}</b>", st.body), Paragraph(fp, st.body)] for name, fp in rows]
    table = Table(data, colWidths=[width * 0.32, width * 0.68], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _summary(report: ReportInput, width: float) -> list[Flowable]:
    counts = status_counts(report)
    total, set_aside = sum(counts.values()), set_aside_count(report)
    if not total and not set_aside:
        return [Paragraph("No statements recorded.", styles().body)]
    reviewed = total - counts[Status.UNREVIEWED]
    line = f"{reviewed} of {total} claim{'s' if total != 1 else ''} reviewed."
    if set_aside:
        line += (f" {set_aside} statement{'s' if set_aside != 1 else ''} set aside by the "
                 "app as not claims (headlines, bylines, captions…).")
    return [Paragraph(line, styles().body), Spacer(1, 4), status_chart(counts, width)]


def status_chart(counts: Counter[Status], width: float) -> Drawing:
    """Horizontal bars, one per status, each labelled with its name, letter and count."""
    bar_h, gap, label_w, count_w = 11, 6, 110, 60
    rows = len(SUMMARY_ORDER)
    height = rows * (bar_h + gap)
    chart_w = min(width, 420)
    drawing = Drawing(chart_w, height)
    biggest = max(counts.values()) or 1
    span = chart_w - label_w - count_w
    for i, status in enumerate(SUMMARY_ORDER):
        y = height - (i + 1) * (bar_h + gap) + gap / 2
        style = status.style
        drawing.add(String(0, y + 2, f"{style.label} ({style.letter})",
                           fontName="ClSans", fontSize=8.5, fillColor=INK))
        drawing.add(Rect(label_w, y, span, bar_h, fillColor=HexColor("#f2f2f2"),
                         strokeColor=None))
        n = counts.get(status, 0)
        if n:
            drawing.add(Rect(label_w, y, max(1.5, span * n / biggest), bar_h,
                             fillColor=HexColor(style.colour), strokeColor=None))
        drawing.add(String(label_w + span + 6, y + 2, str(n),
                           fontName="ClSans-Bold", fontSize=8.5, fillColor=MUTED))
    return drawing
