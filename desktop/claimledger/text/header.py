"""The lines above an article's body: headline, kicker, standfirst, byline and date.

A pasted page starts with whatever the browser copied: the site's name, its section
path ("Home / World / Europe"), a section label ("POLITICS"), the headline, a summary
(one line, a tabloid's three points, or "Key points:"), a byline with or without "By",
the date. These functions refine the line roles classify gives each line on its own,
looking at the lines around it; they also mark a newsletter box down to its end mark
and a note about the author under an opinion piece.
"""

from __future__ import annotations

import re
from typing import Protocol

from claimledger.text import rules
from claimledger.text.rules import TERMINAL_END

#: The first lines searched for the header.
HEADER_LINES = 12


class Line(Protocol):
    text: str
    blank_before: bool


Roles = list[tuple[str | None, str]]


_METADATA_ROLES = frozenset({"timestamp", "dateline", "clutter", "advertisement", "byline"})
_ABOVE_HEADLINE = _METADATA_ROLES | {"kicker"}
#: "Home / World / Europe", "News › Local › Health": the page's section path.
_BREADCRUMB = re.compile(r"[^\W\d_][\w'’&.-]*(?: [\w'’&.-]+){0,3}"
                         r"(?: (?P<mark>[›>»/|]) [^\W\d_][\w'’&.-]*(?: [\w'’&.-]+){0,3})"
                         r"(?: (?P=mark) [^\W\d_][\w'’&.-]*(?: [\w'’&.-]+){0,3})+")
_SITE_LINES = 3


def _site_name(text: str) -> bool:
    """"The Fenwick Herald", "ABC News": an outlet's name ends in its newspaper word (a
    headline in capitals such as "Daily Mail Owner Sells Stake" does not)."""
    words = text.split()
    return rules.looks_like_outlet(text) and len(words) <= 5 and (
        text in rules.KNOWN_OUTLETS or rules.OUTLET_WORDS.fullmatch(words[-1]) is not None)


def _site_furniture(lines: list[Line], roles: Roles) -> None:
    """Above the headline of a pasted page: the site's name ("The Fenwick Herald") and
    its section path ("News › Local › Health"), neither of which is the headline."""
    for index, line in enumerate(lines[:_SITE_LINES]):
        if roles[index][0] not in {None, "heading", "headline", "credit"}:
            continue
        if _BREADCRUMB.fullmatch(line.text) and not TERMINAL_END.search(line.text):
            roles[index] = ("kicker", "section path above the headline")
        elif index <= 1 and _site_name(line.text) and index + 1 < len(lines) \
                and roles[index + 1][0] in {None, "heading", "kicker"}:
            roles[index] = ("byline", "name of the outlet")


_KICKER_SEPARATORS = (":", "|", "·", "—", "-")


def headline_and_kicker(lines: list[Line], roles: Roles) -> None:
    """The headline is the first line after any date or clutter lines above it; a short
    section label or all-caps slogan just above it ("POLITICS", "Exclusive") is a kicker."""
    _site_furniture(lines, roles)
    first = next((i for i, r in enumerate(roles[:4]) if r[0] not in _ABOVE_HEADLINE), None)
    if first is None:
        return
    if first > 0 and _could_be_headline(lines[first].text) and roles[first][0] in {None, "heading"}:
        above = "the date" if roles[first - 1][0] == "timestamp" else "the page's header"
        roles[first] = ("headline", f"headline, below {above}")
    if first + 1 >= len(lines) or roles[first][0] not in {"headline", "heading"}:
        return
    label, below = lines[first].text, lines[first + 1].text
    if _is_kicker(label) and _could_be_headline(below) and len(below.split()) > len(label.split()) \
            and roles[first + 1][0] in {None, "heading", "headline"}:
        roles[first] = ("kicker", "section label above the headline")
        roles[first + 1] = ("headline", "headline, below its section label")
        first += 1
    elif _is_kicker(label) and is_label(label) and roles[first + 1][0] is None \
            and not _could_be_headline(below) and roles[first][1] != "the page's headline":
        roles[first] = ("kicker", "section label above the article")  # no headline
        return
    _standfirst(lines, roles, first)


def is_label(text: str) -> bool:
    """One word, or words in capitals: "BREAKING", "LOCAL NEWS", "Politics"."""
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) == 1 or (bool(letters) and all(c.isupper() for c in letters))


def names_by_the_date(lines: list[Line], roles: Roles, header_end: int) -> None:
    """A name alone on a line just above or below the date in the header is the byline
    ("Tom Ashworth" over "Wed 12 Feb 2025 06.00 GMT")."""
    for index in range(min(header_end, len(lines))):
        if roles[index][0] not in {None, "heading"} or not rules.is_person_name(
                lines[index].text):
            continue
        near = [roles[i][0] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
        if "timestamp" in near:
            roles[index] = ("byline", "byline (a name next to the date)")


#: A newsletter box runs from its prompt to its own end mark, this many lines at most.
_NEWSLETTER_BOX_LINES = 8


def newsletter_boxes(lines: list[Line], roles: Roles) -> None:
    """"Sign up to ..." down to "after newsletter promotion": the box's description and
    privacy lines between them are part of the prompt, not of the article."""
    for index, (_role, reason) in enumerate(roles):
        if reason != "newsletter prompt":
            continue
        for end in range(index + 1, min(len(lines), index + 1 + _NEWSLETTER_BOX_LINES)):
            if roles[end][1] == "newsletter box end":
                for inside in range(index + 1, end):
                    roles[inside] = ("clutter", "inside a newsletter box")
                break


def author_notes(lines: list[Line], roles: Roles, header_end: int) -> None:
    """"Priyanka Shah is a nurse at St Agnes hospital.": a line about the author of the
    byline, under an opinion piece, is not one of its claims."""
    authors = []
    for line, (role, _reason) in zip(lines[:header_end + 1], roles, strict=False):
        match = rules.BYLINE.fullmatch(line.text) if role == "byline" else None
        if match is not None:
            names, _outlet = rules.split_byline(match["names"])
            authors += [name.strip() for name in re.split(r",| and ", names) if name.strip()]
    for index in range(header_end + 1, len(lines)):
        text = lines[index].text
        if roles[index][0] is None and len(text.split()) <= 60 and any(
                text.startswith(f"{name} {verb} ") for name in authors if " " in name
                for verb in ("is", "was", "has", "writes", "lives", "works", "teaches")):
            roles[index] = ("clutter", "note about the author")


#: A label over the article's summary points: "Key points:", "In brief", "At a glance".
_KEY_POINTS = re.compile(r"(?:key (?:points|facts|takeaways)|in brief|at a glance|highlights|"
                         r"the big picture|what we know|in short|quick read|summary)\s*:?",
                         re.IGNORECASE)
_KEY_POINT_LINES = 6


def key_points(lines: list[Line], roles: Roles) -> None:
    """The lines under a "Key points:" label are the article's summary points (bullets,
    so claims alike however each ends), up to the first paragraph of running text."""
    for index, line in enumerate(lines[:HEADER_LINES]):
        if not _KEY_POINTS.fullmatch(line.text):
            continue
        for point in range(index + 1, min(len(lines), index + 1 + _KEY_POINT_LINES)):
            text = lines[point].text
            if roles[point][0] not in {None, "heading"} or not 4 <= len(text.split()) <= 40 \
                    or TERMINAL_END.search(text):
                break
            roles[point] = ("bullet", "a key point of the article")
        return


#: At most this many summary lines stand between the headline and the byline or date.
_STANDFIRST_LINES = 4


def _standfirst(lines: list[Line], roles: Roles, headline: int) -> None:
    """Summary lines just below the headline and above the byline or date (one, or a
    tabloid's three or four points, however each ends)."""
    if roles[headline][0] != "headline":
        return
    below = headline + 1
    end = below
    while end < min(len(lines), below + _STANDFIRST_LINES) and roles[end][0] in {None, "heading"} \
            and 6 <= len(lines[end].text.split()) <= 60:
        end += 1
    after = {roles[index][0] for index in range(end, min(len(lines), end + 2))}
    if end == below or not after & {"byline", "timestamp", "dateline"}:
        return
    if end - below == 1 and len(lines[below].text.split()) < 8:
        return
    for index in range(below, end):
        roles[index] = ("standfirst", "summary below the headline")


def _is_kicker(text: str) -> bool:
    bare = text.strip().rstrip("".join(_KICKER_SEPARATORS)).strip()
    words = bare.split()
    if not words or len(words) > 5 or TERMINAL_END.search(bare):
        return False
    letters = [c for c in bare if c.isalpha()]
    shouting = bool(letters) and all(c.isupper() for c in letters)
    return len(words) <= 2 or shouting


def _could_be_headline(text: str) -> bool:
    return 3 <= len(text.split()) <= 40 and len(text) <= 250 and not text.rstrip(
        "\"'”’»)]").endswith(".")
