"""Title, byline, outlet and date read from the article text itself.

Used for text and Markdown files and pasted text; for HTML the page's own metadata
comes first and this fills the gaps. Only the header (the first lines) is searched,
so a date or a "By ..." deep in the body is never mistaken for the article's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.text import rules
from claimledger.text.model import Statement

_HEADER_LINES = 15


@dataclass(frozen=True)
class TextMetadata:
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: str | None = None


def text_metadata(text: str, statements: list[Statement]) -> TextMetadata:
    """What the header lines of ``text`` say about the article."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][:_HEADER_LINES]
    return TextMetadata(
        title=_title(text, statements),
        byline=_byline(lines)[0],
        outlet=_outlet(lines),
        published=_published(lines),
    )


def clean_title(line: str) -> str:
    """A headline line without Markdown "#" marks or emphasis."""
    return line.strip().lstrip("#").strip().strip("*_").strip()


def _title(text: str, statements: list[Statement]) -> str | None:
    if statements and statements[0].role == "headline":
        line_end = text.find("\n", statements[0].start)
        line = text[statements[0].start:line_end if line_end >= 0 else len(text)]
        return clean_title(line) or None
    return None


def _byline(lines: list[str]) -> tuple[str | None, str | None]:
    for line in lines:
        match = rules.BYLINE.fullmatch(line.strip(" *_"))
        if match and len(line.split()) <= 15 and not line.endswith((".", "?", "!")):
            names, outlet = rules.split_byline(match["names"])
            if names and names[0].isupper():
                return names, outlet
    return None, None


def _outlet(lines: list[str]) -> str | None:
    _names, outlet = _byline(lines)
    if outlet:
        return outlet
    for line in lines:
        match = rules.dateline(line)
        if match is not None and match["outlet"]:
            return match["outlet"].strip()
    for line in lines:
        for part in line.strip(" *_").replace(" | ", " · ").split(" · "):
            if rules.looks_like_outlet(part) and not rules.BYLINE.fullmatch(part):
                return part.strip(" *_")
    return None


def _published(lines: list[str]) -> str | None:
    """A "Published …" / "Date: …" header date first, then any date-only line."""
    for line in lines:
        lower = line.lower()
        for part in line.split(" · "):
            part = part.strip(" *_")
            if rules.DATE_LINE.fullmatch(part) and any(
                word in lower for word in ("published", "posted", "date")
            ):
                return rules.iso_date(part)
    for line in lines:
        for part in line.split(" · "):
            if rules.DATE_LINE.fullmatch(part.strip(" *_")):
                return rules.iso_date(part)
    return None
