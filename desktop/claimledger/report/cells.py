"""A table-cell paragraph that remembers its line breaks.

reportlab's Table wraps every cell again each time a long table is split across pages
and once more when it draws it; for a ledger of thousands of rows that re-breaking of
the same text at the same width is most of the work. CellParagraph keeps the last result
per width, so each distinct cell is broken into lines once (cells with identical content
can also share one CellParagraph).
"""

from __future__ import annotations

from reportlab.platypus import Paragraph


class CellParagraph(Paragraph):
    """A Paragraph whose wrap() is cached for the last width. Never split (table cells)."""

    _wrapped_at: float | None = None

    def wrap(self, availWidth, availHeight):
        if availWidth == self._wrapped_at:
            self.width = availWidth
            self.blPara, self.height, self._wrapWidths = self._wrapped
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):
            self._wrapped_at = availWidth
            self._wrapped = (self.blPara, self.height, self._wrapWidths)
        return size
