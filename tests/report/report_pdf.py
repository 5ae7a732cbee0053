"""Build a report PDF and read it back with pypdf, for the report tests."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from claimledger.report import build_pdf


class Pdf:
    """A built report: its path, page count, and its text as pypdf extracts it."""

    def __init__(self, path: Path, pages: int) -> None:
        from pypdf import PdfReader

        self.path = path
        self.pages = pages
        self.reader = PdfReader(str(path))

    def page_text(self, index: int) -> str:
        """The text of one page (0-based; negative counts from the end)."""
        return self.reader.pages[index].extract_text() or ""

    @cached_property
    def page_texts(self) -> list[str]:
        return [p.extract_text() or "" for p in self.reader.pages]

    @cached_property
    def text(self) -> str:
        """All text, whitespace collapsed to single spaces."""
        return " ".join(_flat(t) for t in self.page_texts)

    def uris(self) -> list[str]:
        found = []
        for page in self.reader.pages:
            for annot in page.get("/Annots") or []:
                action = annot.get_object().get("/A")
                if action is not None and "/URI" in action:
                    found.append(str(action["/URI"]))
        return found

    def outline_titles(self) -> list[str]:
        titles: list[str] = []

        def walk(items) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item)
                else:
                    titles.append(str(item.title))

        walk(self.reader.outline)
        return titles


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def build(tmp_path: Path, report, name: str = "report.pdf", **kw) -> Pdf:
    path = tmp_path / name
    pages = build_pdf(report, path, **kw)
    return Pdf(path, pages)
