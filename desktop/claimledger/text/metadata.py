"""Title, byline, outlet and date read from the article text itself.

Used for text and Markdown files and pasted text; for HTML the page's own metadata
comes first and this fills the gaps. Only the header (the first lines) is searched,
so a date or a "By ..." deep in the body is never mistaken for the article's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger.text import rules
from claimledger.text.model import CLAIM_ROLES, Statement

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
        byline=_byline(lines)[0] or _agency_byline(lines),
        outlet=_outlet(lines),
        published=_published(lines),
    )


def clean_title(line: str) -> str:
    """A headline line without Markdown "#" marks or emphasis."""
    return line.strip().lstrip("#").strip().strip("*_").strip()


#: A title made from the first statement is cut at a word boundary near this length.
TITLE_LENGTH = 90


def _title(text: str, statements: list[Statement]) -> str | None:
    """The headline; else the first statement with words, shortened at a word boundary."""
    for statement in statements[:6]:
        if statement.role == "headline" and not rules.DATE_HEADER.fullmatch(
                statement.text_in(text)):
            line_end = text.find("\n", statement.start)
            line = clean_title(text[statement.start:line_end if line_end >= 0 else len(text)])
            if any(c.isalpha() for c in line):
                return line
    first = next((s for s in statements if s.role in CLAIM_ROLES
                  and any(c.isalpha() for c in s.text_in(text))), None)
    first = first or next((s for s in statements if any(c.isalpha() for c in s.text_in(text))),
                          None)
    return shorten(clean_title(first.text_in(text))) if first is not None else None


def shorten(line: str, length: int = TITLE_LENGTH) -> str:
    """``line`` cut at the last word boundary before ``length`` characters, with "…"."""
    if len(line) <= length:
        return line
    cut = line.rfind(" ", 0, length)
    return line[:cut if cut > length // 2 else length].rstrip(" ,;:-–—") + "…"


def _byline(lines: list[str]) -> tuple[str | None, str | None]:
    for line in lines:
        match = rules.BYLINE.fullmatch(line.strip(" *_"))
        if match and len(line.split()) <= 15 and not line.endswith((".", "?", "!")):
            names, outlet = rules.split_byline(match["names"])
            if names and names[0].isupper():
                return names, outlet
    for line in lines[:6]:
        staff = rules.STAFF_BYLINE.fullmatch(line.strip(" *_"))
        if staff is not None:
            return staff["names"], None
    for index, line in enumerate(lines[1:8], start=1):
        near = lines[index - 1:index] + lines[index + 1:index + 2]
        if rules.is_person_name(line.strip(" *_")) and any(
                rules.DATE_LINE.fullmatch(other.strip(" *_")) for other in near):
            return line.strip(" *_"), None  # a name alone next to the date
    return None, None


#: News agencies that sign a story with their name alone.
AGENCIES = frozenset({"Reuters", "Associated Press", "The Associated Press", "AP", "AFP",
                      "Agence France-Presse", "Bloomberg", "Bloomberg News", "dpa", "EFE",
                      "ANSA", "Xinhua", "PA Media", "UPI", "Kyodo", "Yonhap"})


def _agency_byline(lines: list[str]) -> str | None:
    """A header line that is only an agency's name, else the agency of the dateline
    ("LONDON (Reuters) -") of a story with no byline."""
    for line in lines:
        if line.strip(" *_·|") in AGENCIES:
            return line.strip(" *_·|")
    for line in lines:
        match = rules.dateline(line)
        if match is not None and match["outlet"] and match["outlet"].strip() in AGENCIES:
            return match["outlet"].strip()
    return None


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
                name, _comma, _place = part.strip(" *_").partition(", ")
                return name if rules.looks_like_outlet(name) else part.strip(" *_")
    return None


def _published(lines: list[str]) -> str | None:
    """An inline "date 2019-11-04" header, a "Published …" / "Date: …" header date, then
    any date-only line."""
    for line in lines:
        header = rules.DATE_HEADER.match(line.strip(" *_"))
        if header is not None:
            return rules.iso_date(header.group())
    for line in lines:
        lower = line.lower()
        for part in re.split(r" [·|] ", line):
            part = part.strip(" *_")
            if rules.DATE_LINE.fullmatch(part) and any(
                word in lower for word in ("published", "posted", "date")
            ):
                return rules.iso_date(part)
    for line in lines:
        for part in re.split(r" [·|] ", line):
            if rules.DATE_LINE.fullmatch(part.strip(" *_")):
                return rules.iso_date(part)
    return None
