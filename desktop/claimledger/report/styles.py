"""Page geometry, colours and paragraph styles, built once and shared by every section."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from .errors import ReportError
from .fonts import register_fonts

PAPERS = {"a4": A4, "letter": LETTER}
MARGIN = 18 * mm
INK = HexColor("#1d1d1f")
MUTED = HexColor("#5f6368")
RULE = HexColor("#c9c9c9")
HEADER_BG = HexColor("#eeeeee")
ZEBRA = HexColor("#f7f7f7")
ACCENT = HexColor("#1f3a5f")


def page_size(paper: str, wide: bool = False) -> tuple[float, float]:
    """Portrait (or landscape when `wide`) size of "A4" or "Letter"."""
    size = PAPERS.get(paper.strip().lower())
    if size is None:
        raise ReportError(f"Unknown paper size {paper!r}; use A4 or Letter.")
    return landscape(size) if wide else size


@dataclass(frozen=True)
class Styles:
    """The report's paragraph styles."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    article: ParagraphStyle
    article_head: ParagraphStyle
    meta: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_small: ParagraphStyle
    claim_title: ParagraphStyle
    verdict_line: ParagraphStyle


@cache
def styles() -> Styles:
    """The shared styles (fonts are registered on first use)."""
    f = register_fonts()

    def ps(name: str, font: str, size: float, lead: float, **kw) -> ParagraphStyle:
        kw.setdefault("textColor", INK)
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=lead, alignment=TA_LEFT, **kw
        )

    return Styles(
        title=ps("title", f.serif_bold, 24, 29, spaceAfter=4),
        subtitle=ps("subtitle", f.sans, 10.5, 14, textColor=MUTED, spaceAfter=14),
        h1=ps("h1", f.serif_bold, 17, 21, spaceBefore=0, spaceAfter=8, textColor=ACCENT),
        h2=ps("h2", f.sans_bold, 11.5, 15, spaceBefore=12, spaceAfter=5),
        h3=ps("h3", f.sans_bold, 9.5, 12.5, spaceBefore=8, spaceAfter=3),
        body=ps("body", f.sans, 9.5, 13.5, spaceAfter=5),
        article=ps("article", f.serif, 10.5, 16.5, spaceAfter=0),
        article_head=ps("article_head", f.serif_bold, 13, 18, spaceAfter=6),
        meta=ps("meta", f.sans, 8.5, 11.5, textColor=MUTED),
        small=ps("small", f.sans, 8, 10.5, textColor=MUTED),
        cell=ps("cell", f.sans, 8, 10.2),
        cell_head=ps("cell_head", f.sans_bold, 8, 10.2),
        cell_small=ps("cell_small", f.sans, 7.2, 9.2, textColor=HexColor("#333333")),
        claim_title=ps("claim_title", f.sans, 9.5, 13, spaceBefore=12, spaceAfter=4),
        verdict_line=ps("verdict_line", f.sans, 8.5, 11.5, textColor=MUTED, spaceBefore=4),
    )
