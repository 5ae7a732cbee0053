"""The ledger as a spreadsheet for editors: one row per claim, CSV or XLSX.

CSV starts with a UTF-8 byte order mark, so spreadsheet apps read accents and emoji
right; XLSX (openpyxl) has a frozen, bold header row and column widths to fit.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from claimledger.atomic import atomic_write, atomic_write_bytes
from claimledger.report.model import ReportArticle, ReportClaim, ReportInput, ReportSource

FIXED = ("Article", "Number", "Statement", "Status", "Reason", "Note", "Sources")
WIDTHS = {"Article": 28, "Number": 8, "Statement": 70, "Status": 12, "Reason": 30,
          "Note": 40, "Sources": 50, "Consensus": 14}
REVIEWER_WIDTH = 24
#: A spreadsheet reads a cell starting with these as a formula: such text is quoted.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def header(report: ReportInput) -> list[str]:
    return [*FIXED, *(r.name for r in report.reviewers), "Consensus"]


def rows(report: ReportInput) -> list[list[str]]:
    names = [r.name for r in report.reviewers]
    return [_row(article, claim, names)
            for article in report.articles for claim in article.claims if claim.in_ledger]


def _row(article: ReportArticle, claim: ReportClaim, names: list[str]) -> list[str]:
    by_reviewer = {v.reviewer: v for v in claim.verdicts}
    verdicts = []
    for name in names:
        verdict = by_reviewer.get(name)
        verdicts.append("" if verdict is None else verdict.status.value
                        + (f" ({verdict.reason})" if verdict.reason else ""))
    return [article.title or "", claim.number, claim.text, claim.status.value,
            claim.reason or "", claim.note or "", "; ".join(map(_source, claim.sources)),
            *verdicts, claim.consensus_state or ""]


def _source(source: ReportSource) -> str:
    where = f" <{source.url}>" if source.url and source.url != source.title else ""
    return f"{source.title}{where} [{source.stance}]"


def _safe(cell: str) -> str:
    """Statements are quoted text, never formulas: a leading '=' gets an apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def write_csv(report: ReportInput, path: Path) -> int:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header(report))
    body = rows(report)
    writer.writerows([_safe(c) for c in row] for row in body)
    atomic_write_bytes(path, buffer.getvalue().encode("utf-8-sig"))
    return len(body)


def write_xlsx(report: ReportInput, path: Path) -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Claim ledger"
    titles = header(report)
    sheet.append(titles)
    body = rows(report)
    for row in body:
        sheet.append([_printable(c) for c in row])
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.data_type = "s"  # text stays text: a statement is never a formula
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, title in enumerate(titles, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = WIDTHS.get(title, REVIEWER_WIDTH)
        for cell in sheet[letter][1:]:
            cell.alignment = wrap
    atomic_write(path, book.save)
    return len(body)


def _printable(cell: str) -> str:
    """XLSX cannot hold most control characters; they become spaces."""
    return "".join(" " if ord(ch) < 32 and ch not in "\n\t" else ch for ch in cell)
