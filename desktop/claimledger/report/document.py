"""The page machinery: portrait and landscape templates, the footer, "page X of Y"."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .ledger import LedgerTable
from .styles import MARGIN, MUTED, RULE, page_size

TOTAL_FORM = "clPageTotal"
FOOTER_FONT = ("ClSans", 7.5)
FOOTER_SPACE = 8  # between the text frame and the footer rule
FOOTER_GAP = 14  # between the footer's label and the ledger digest


class TotalPagesCanvas(Canvas):
    """Draws the page total into a form that every footer references ("of Y")."""

    page_count = 0

    def save(self) -> None:
        self.page_count = self._pageNumber - 1
        self.beginForm(TOTAL_FORM)
        self.setFont(*FOOTER_FONT)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(self.page_count))
        self.endForm()
        super().save()


class ReportDoc(BaseDocTemplate):
    """A document with "tall" (portrait) and "wide" (landscape) pages and a footer.

    `on_flowable(flowable)` is called after each flowable is drawn (for progress and
    cancellation).
    """

    def __init__(self, fh, *, paper: str, footer: tuple[str, str],
                 on_flowable: Callable[[Flowable], None], **meta: str) -> None:
        super().__init__(fh, pagesize=page_size(paper), leftMargin=MARGIN,
                         rightMargin=MARGIN, topMargin=MARGIN,
                         bottomMargin=MARGIN + FOOTER_SPACE,
                         **meta)
        self._footer = footer
        self._on_flowable = on_flowable
        self.addPageTemplates([self._template("tall", page_size(paper)),
                               self._template("wide", page_size(paper, wide=True))])

    def _template(self, name: str, size: tuple[float, float]) -> PageTemplate:
        w, h = size
        frame = Frame(MARGIN, MARGIN + FOOTER_SPACE, w - 2 * MARGIN,
                      h - 2 * MARGIN - FOOTER_SPACE,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)
        return PageTemplate(id=name, frames=[frame], pagesize=size, onPage=self._draw_footer)

    @staticmethod
    def frame_size(paper: str, wide: bool = False) -> tuple[float, float]:
        """(width, height) of the text frame on a portrait or (`wide`) landscape page."""
        w, h = page_size(paper, wide)
        return w - 2 * MARGIN, h - 2 * MARGIN - FOOTER_SPACE

    def afterFlowable(self, flowable: Flowable) -> None:
        self._on_flowable(flowable)

    def _draw_footer(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        w, _h = canv._pagesize
        left, digest = self._footer
        y = MARGIN - 6
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.line(MARGIN, y + 10, w - MARGIN, y + 10)
        canv.setFont(*FOOTER_FONT)
        canv.setFillColor(MUTED)
        room = (w - 2 * MARGIN) * 0.45
        if digest:
            stamp = f"Ledger SHA-256 {digest}"
            centre = w / 2 + 40
            canv.drawCentredString(centre, y, stamp)
            room = centre - canv.stringWidth(stamp, *FOOTER_FONT) / 2 - MARGIN - FOOTER_GAP
        canv.drawString(MARGIN, y, _fit(canv, left, room))
        label = f"Page {canv.getPageNumber()} of "
        x = w - MARGIN - 62
        canv.drawString(x, y, label)
        canv.translate(x + canv.stringWidth(label, *FOOTER_FONT), y)
        canv.doForm(TOTAL_FORM)
        canv.restoreState()


def _fit(canv: Canvas, text: str, width: float) -> str:
    """`text`, shortened with an ellipsis to fit `width` in the footer font."""
    if canv.stringWidth(text, *FOOTER_FONT) <= width:
        return text
    while text and canv.stringWidth(text + "…", *FOOTER_FONT) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def ledger_rows_drawn(flowable: Flowable) -> int:
    """Data rows in a drawn ledger table part (its repeated header not counted)."""
    if isinstance(flowable, LedgerTable):
        return max(0, len(flowable._cellvalues) - 1)
    return 0
