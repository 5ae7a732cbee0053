"""Headings that add themselves to the PDF outline (bookmarks) when drawn."""

from __future__ import annotations

from reportlab.platypus import Paragraph


class Heading(Paragraph):
    """A paragraph that places a bookmark at its top and an outline entry.

    `outline_title` is plain text (not markup); `level` 0 is top level.
    """

    _counter = 0

    def __init__(self, markup: str, style, outline_title: str, level: int = 0) -> None:
        super().__init__(markup, style)
        Heading._counter += 1
        self.outline_key = f"cl-{Heading._counter}"
        self.outline_title = outline_title
        self.outline_level = level

    def draw(self) -> None:
        super().draw()
        canv = self.canv
        canv.bookmarkHorizontal(self.outline_key, 0, self.height + 6)
        canv.addOutlineEntry(
            self.outline_title, self.outline_key, level=self.outline_level, closed=False
        )

    def split(self, availWidth, availHeight):
        # A heading never splits; a split copy would lose its outline entry.
        return []
