"""The annotated article: the full text with each reviewed statement tinted and numbered.

One Paragraph per line of text (a blank line before a line adds paragraph spacing), so
long articles never become one giant paragraph that reportlab re-splits on every page.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer

from claimledger.domain.status import Status

from .markup import chip, clean
from .model import ReportArticle, ReportClaim
from .styles import styles

_LINE = re.compile(r"[^\n]+")
LONG_LINE = 3000
HIGHLIGHTED = (Status.SOURCED, Status.DISPUTED, Status.UNVERIFIED)


@dataclass(frozen=True)
class Mark:
    """A highlighted claim and its number in the article and the ledger."""

    number: str
    claim: ReportClaim


def numbering(article: ReportArticle) -> dict[str, str]:
    """Numbers by claim id: each statement's own number, the one the window and the
    command line show, so an editor and a reviewer talk about the same "[12a]".
    Claims that carry none (a report built by hand) number the highlighted ones 1, 2…
    by position."""
    if any(claim.number for claim in article.claims):
        return {claim.claim_id: claim.number for claim in article.claims if claim.number}
    numbers: dict[str, str] = {}
    for claim in sorted(article.claims, key=lambda c: (c.start, -c.end)):
        if claim.is_highlighted and claim.claim_id not in numbers:
            numbers[claim.claim_id] = str(len(numbers) + 1)
    return numbers


@cache
def _gap_style() -> ParagraphStyle:
    base = styles().article
    return ParagraphStyle("article_gap", parent=base, spaceBefore=base.fontSize * 0.8)


def legend() -> Paragraph:
    """The key to the highlights, so colour is never the only cue."""
    parts = [chip(status) for status in HIGHLIGHTED]
    text = (
        "Highlights: " + " &nbsp; ".join(parts)
        + " &nbsp; · &nbsp; [n] is the statement's number in the ledger;"
        " the small letter repeats its status."
    )
    return Paragraph(text, styles().small)


def article_flowables(article: ReportArticle, numbers: dict[str, str]) -> list[Flowable]:
    """The article's text as paragraphs, highlighted claims tinted and numbered."""
    marks = sorted(
        (Mark(numbers[c.claim_id], c) for c in article.claims
         if c.claim_id in numbers and c.is_highlighted),
        key=lambda m: (m.claim.start, -m.claim.end),
    )
    text = clean_keep_offsets(article.text)
    ends = sorted({c.end for c in article.claims})
    out: list[Flowable] = []
    previous_end = 0
    for start, end, markup in _line_markup(text, _spans(text, ends), marks):
        blank_before = "\n\n" in text[previous_end:start] or not out
        style = _gap_style() if blank_before and out else styles().article
        out.append(Paragraph(markup, style))
        previous_end = end
    if not out:
        out.append(Spacer(1, 1))
    return out


def clean_keep_offsets(text: str) -> str:
    """`text` with unprintable characters replaced one-for-one, so offsets still hold."""
    cleaned = clean(text)
    if len(cleaned) == len(text):
        return cleaned
    return "".join(c if clean(c) or c == "\n" else " " for c in text.replace("\r", "\n"))


def _spans(text: str, ends: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line; a very long line is cut into pieces.

    reportlab re-breaks a paragraph each time it splits it across pages, so a
    paragraph many pages long costs quadratic time. Lines longer than LONG_LINE are cut
    after a statement (or at a space) into paragraphs that continue without a gap.
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start, end = line.span()
        if not line.group().strip():
            continue
        while end - start > LONG_LINE:
            cut = _cut(text, start, ends)
            spans.append((start, cut))
            start = cut
        spans.append((start, end))
    return spans


def _cut(text: str, start: int, ends: list[int]) -> int:
    """Where to cut a long line that begins at `start`: a statement end, else a space."""
    low, high = start + LONG_LINE // 2, start + LONG_LINE
    i = bisect_right(ends, high) - 1
    if i >= 0 and ends[i] > low:
        return ends[i]
    space = text.rfind(" ", low, high)
    return space if space > low else high


def _line_markup(
    text: str, lines: list[tuple[int, int]], marks: list[Mark]
) -> Iterator[tuple[int, int, str]]:
    """(start, end, markup) for each line span of `text`."""
    pending = 0  # index of the next mark that has not started yet
    open_marks: list[Mark] = []
    for i, (start, end) in enumerate(lines):
        next_start = lines[i + 1][0] if i + 1 < len(lines) else len(text) + 1
        while pending < len(marks) and marks[pending].claim.start < end:
            open_marks.append(marks[pending])
            pending += 1
        open_marks = [m for m in open_marks if m.claim.end > start]
        yield start, end, _markup(text, (start, end, next_start), open_marks)


def _markup(text: str, span: tuple[int, int, int], marks: list[Mark]) -> str:
    """Markup for one line with `marks` (claims overlapping it) tinted and numbered.

    `span` is (line start, line end, next line start); a claim whose end falls before the
    next line gets its number at the end of this line.
    """
    start, end, next_start = span
    if not marks:
        return escape(text[start:end])
    cuts = {start, end}
    for m in marks:
        cuts.update(p for p in (m.claim.start, m.claim.end) if start < p < end)
    points = sorted(cuts)
    ending = [m for m in marks if m.claim.end <= next_start]
    parts: list[str] = []
    for a, b in zip(points, points[1:], strict=False):
        active = [m for m in marks if m.claim.start <= a and m.claim.end >= b]
        parts.append(_segment(text[a:b], active))
        parts.extend(_marker(m) for m in ending if min(m.claim.end, end) == b)
    return "".join(parts)


def _segment(chunk: str, active: list[Mark]) -> str:
    markup = escape(chunk)
    if not active or not chunk.strip():
        return markup
    inner = max(active, key=lambda m: (m.claim.start, -m.claim.end))
    return f'<span backColor="{inner.claim.status.style.tint}">{markup}</span>'


def _marker(mark: Mark) -> str:
    style = mark.claim.status.style
    return (
        f'<font name="ClSans-Bold" size="7.5" color="#333333">\u2009[{mark.number}]</font>'
        f'<font name="ClSans-Bold" size="6" color="{style.colour}"><super>'
        f"{style.letter}</super></font>"
    )
