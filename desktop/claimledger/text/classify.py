"""Give each statement a kind (claim / not-a-claim / duplicate / outside-body) and a role.

Most roles belong to a whole line (a byline, a credit, "ADVERTISEMENT"), so lines are
classified first and their statements inherit the role. Body lines are then looked at
statement by statement: a trailing "(Photo: …)" is a credit and makes the rest of its
line a caption, a question is not a claim, and neither is a sentence of pure opinion
("I believe ...", "In my view ..."). A pasted page tail ("Related Articles" and the
other stories under it, to the end) is outside the body; a line repeated just below
(an image's alt text standing again as its caption) is a duplicate. Every decision
carries a short reason ("photo credit", "headline") so the UI can explain it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from claimledger.text import rules
from claimledger.text.captions import (
    CAPTION_VERB,
    POSITION_IN_PHOTO,
    captions_near_credits,
    labelled_caption,
)
from claimledger.text.clutter import CREDIT_RULES, RULE_ROLES, clutter_role, layout_row
from claimledger.text.header import (
    HEADER_LINES,
    author_notes,
    headline_and_kicker,
    is_label,
    key_points,
    names_by_the_date,
    newsletter_boxes,
)
from claimledger.text.model import (
    CLAIM,
    CLAIM_ROLES,
    DUPLICATE,
    NOT_A_CLAIM,
    OUTSIDE_BODY,
    Statement,
)
from claimledger.text.segment import LINE_PATTERN, segment
from claimledger.text.tail import article_returns, story_change

#: Roles whose line is one statement even with a period inside ("The VW ID. SPACE ...").
_WHOLE_LINE_ROLES = frozenset({"headline", "kicker", "heading"})
_OPENING_QUOTE = re.compile(r"[\"“«‘']\s*[^\W\d_]")

_BULLET = re.compile(r"(?:[*\-•‣▪◦⁃–]|\d{1,3}[.)])\s+\S")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+\S.*")
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_TERMINAL_END = rules.TERMINAL_END
_QUESTION_END = re.compile(r"[?‽][\"'”’»)\]]*\Z")
_SENTENCE_BREAK = rules.SENTENCE_BREAK
_TRAILING_PARENTHESIS = re.compile(r"(?P<caption>.*[^\s.!?])\s*(?P<credit>\([^()]{3,120}\))")
#: "... after the vote [Photo: Kofi Mensah]", "... – Photo: Kofi Mensah", "... | Photo: ...".
_TRAILING_LABELLED_CREDIT = re.compile(
    r"(?P<caption>.*\S)\s*(?:[–—|]\s*|\[)(?P<credit>(?:photo|photograph|image|picture|"
    r"credit)\s*:\s*[^\[\]]{2,100}?)\]?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str           # stripped, without markdown emphasis around it
    blank_before: bool  # a blank line separates it from the previous line


@dataclass(frozen=True)
class Classified:
    """Statements with the reason for each, where the page tail begins, and duplicates."""

    statements: list[Statement]
    reasons: list[str]
    tail_start: int | None = None
    duplicates: dict[int, int] = field(default_factory=dict)


def classify(text: str, spans: list[tuple[int, int]]) -> list[Statement]:
    """Statements for ``spans`` (from segment) of ``text``."""
    return classify_article(text, spans).statements


#: Why a statement has its role, when it cannot be worked out again from the text
#: (a reviewer's own selection, or a role given by a web page's structure).
ROLE_WORDS = {
    "body": "claim", "quote": "a quotation", "bullet": "bullet point",
    "standfirst": "summary below the headline", "headline": "headline",
    "kicker": "section label above the headline", "heading": "heading", "byline": "byline",
    "dateline": "dateline", "timestamp": "date of the article", "caption": "photo caption",
    "credit": "photo or reporting credit", "advertisement": "advertisement",
    "clutter": "page clutter", "furniture": "page clutter",
    "related-links": "links to other stories", "page-tail": "in the page tail (other stories)",
    "question": "a question, not a claim", "opinion": "pure opinion, nothing to check",
}


def role_reasons(text: str, spans: list[tuple[int, int]]) -> dict[tuple[int, int], tuple[str, str]]:
    """(role, reason) per statement span of a stored article, worked out again from its
    text; ``spans`` are the statements to explain (any span the text does not give back,
    such as a reviewer's own selection, gets the stock words for its role)."""
    found = classify_article(text, segment(text))
    by_span = {(s.start, s.end): (s.role, s.reason) for s in found.statements}
    return {span: by_span[span] for span in spans if span in by_span}


def classify_with_reasons(
    text: str, spans: list[tuple[int, int]]
) -> list[tuple[Statement, str]]:
    """Like classify, with the reason for each decision ("photo credit", "claim")."""
    found = classify_article(text, spans)
    return list(zip(found.statements, found.reasons, strict=True))


def classify_article(
    text: str,
    spans: list[tuple[int, int]],
    known: Mapping[int, tuple[str, str]] | None = None,
    captions: tuple[tuple[str, str | None], ...] = (),
    pasted: bool = True,
    headline: str | None = None,
) -> Classified:
    """Kinds, roles and reasons of the statements, the page tail and duplicate lines.

    ``known`` gives the (role, reason) of lines whose role the file's markup states
    (keyed by the line's start offset): those are taken as they are. ``captions`` are a
    web page's own figure captions and credits (page_structure): lines that carry them
    are captions and credits whatever they look like. ``pasted`` is False for text
    extracted from a web page, where other stories come under a heading ("Related") if
    at all, never straight after the article. ``headline`` is the page's own headline:
    the line that holds it is the headline however it ends.
    """
    lines = _lines(text)
    roles = _line_roles(lines, known or {})
    if headline and lines and lines[0].text == headline:
        roles[0] = ("headline", "the page's headline")
    _page_captions(lines, roles, captions)
    by_line = _group(spans, lines)
    for index, (role, _reason) in enumerate(roles):
        if role in _WHOLE_LINE_ROLES:
            by_line[index] = _one_statement(text, by_line[index])
    pieces = [
        _statement_roles(text, line_spans, role, reason)
        for (role, reason), line_spans in zip(roles, by_line, strict=True)
    ]
    _alt_text_captions(text, lines, by_line, pieces)
    captions_near_credits(lines, pieces)
    tail_line, tail_reason = _tail_line(text, lines, _with_captions(roles, pieces), pasted)
    _promo_boxes(lines, pieces, len(lines) if tail_line is None else tail_line)
    statements: list[Statement] = []
    reasons: list[str] = []
    duplicates: dict[int, int] = {}
    previous: dict[str, int] = {}
    earlier: dict[str, int] = {}  # long statements anywhere above (galleries repeat captions)
    for index, (line, line_spans, line_pieces) in enumerate(
        zip(lines, by_line, pieces, strict=True)
    ):
        in_tail = tail_line is not None and index >= tail_line
        current: dict[str, int] = {}
        whole = _same_text(line.text)
        for (start, end), (role, reason) in zip(line_spans, line_pieces, strict=True):
            key = _same_text(text[start:end])
            first = previous.get(key) if key else None
            if first is None and whole and len(line_spans) == 1:
                first = previous.get(whole)
            repeated = earlier.get(key) if first is None and key.count(" ") >= 5 else None
            if in_tail:
                kind, role = OUTSIDE_BODY, "page-tail"
                reason = f"in the page tail (other stories), not the article: {tail_reason}"
            elif first is not None:
                kind, reason = DUPLICATE, "repeats the line before"
                duplicates[len(statements)] = first
            elif repeated is not None:
                kind, reason = DUPLICATE, "repeats a statement further up"
                duplicates[len(statements)] = repeated
            else:
                kind = CLAIM if role in CLAIM_ROLES else NOT_A_CLAIM
            if key:
                current.setdefault(key, duplicates.get(len(statements), len(statements)))
                earlier.setdefault(key, duplicates.get(len(statements), len(statements)))
            statements.append(Statement(start, end, kind, role, reason))
            reasons.append(reason)
        if whole and len(line_spans) > 1 and line_spans:
            current.setdefault(whole, len(statements) - len(line_spans))
        if line_spans:
            previous = current
    tail_start = lines[tail_line].start if tail_line is not None else None
    if tail_start is not None:
        tail_start = next((s.start for s in statements if s.start >= tail_start), tail_start)
    return Classified(statements, reasons, tail_start, duplicates)


def _one_statement(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of a headline line as one statement (after an inline date header)."""
    head = spans[:1] if spans and rules.DATE_HEADER.fullmatch(text[slice(*spans[0])]) else []
    rest = spans[len(head):]
    return head + ([(rest[0][0], rest[-1][1])] if rest else [])


#: No "[" in the words and no "(" in the address, so a search stops at the next image's
#: start instead of scanning to the end of the line from each "![" (quadratic on hostile
#: lines such as "![a](" repeated).
_IMAGE_MARKUP = re.compile(r"!\[([^\[\]\n]*)\]\([^()\n]*\)")
_NOT_WORD = re.compile(r"[\W_]+")


def _same_text(piece: str) -> str:
    """A statement's words for comparing lines: no image markup, case or punctuation."""
    piece = _IMAGE_MARKUP.sub(r"\1", piece)
    return _NOT_WORD.sub(" ", piece.lower()).strip()


def _alt_text_captions(
    text: str,
    lines: list[_Line],
    by_line: list[list[tuple[int, int]]],
    pieces: list[list[tuple[str, str]]],
) -> None:
    """A line whose words stand again as the caption on the next line is that caption too.

    Pasted pages often hold an image's description (alt text) and, just below, the same
    words as its caption with a credit ("... (AP Photo/…)"): both are captions.
    """
    for index in range(len(lines) - 1):
        mine = pieces[index]
        if not mine or any(role != "body" for role, _reason in mine):
            continue
        below = pieces[index + 1]
        after = pieces[index + 2] if index + 2 < len(lines) else []
        is_caption = any(role in {"caption", "credit"} for role, _reason in below) or (
            bool(after) and after[0][0] == "credit"
        )
        if not is_caption or not by_line[index + 1]:
            continue
        words = _same_text(lines[index].text)
        first_below = _same_text(text[slice(*by_line[index + 1][0])])
        if words and (words == first_below or words == _same_text(lines[index + 1].text)):
            pieces[index] = [("caption", "image description repeated as its caption")] * len(mine)


def _with_captions(
    roles: list[tuple[str | None, str]], pieces: list[list[tuple[str, str]]]
) -> list[tuple[str | None, str]]:
    """Line roles, with "caption" for a line whose statements are all captions and
    credits ("FILE - A ship crosses ... (AP Photo/..., File)" is no headline of a tail)."""
    return [
        ("caption", "caption with its credit") if role is None and line_pieces and all(
            piece in {"caption", "credit"} for piece, _reason in line_pieces) else (role, reason)
        for (role, reason), line_pieces in zip(roles, pieces, strict=True)
    ]


def _tail_line(
    text: str, lines: list[_Line], roles: list[tuple[str | None, str]], pasted: bool
) -> tuple[int | None, str]:
    """Index of the line that opens a pasted page tail, and why; (None, "") if none.

    The tail runs to the end of the text: either a "Related Articles" heading with other
    stories under it, or a change of story (tail.story_change). Either way the article
    must not come back after it: a promo box that the article goes on after is no tail.
    """
    body_before = 0
    for index, line in enumerate(lines):
        if roles[index][0] is None and len(line.text.split()) >= 12:
            body_before += 1
        if body_before < 2 or index == len(lines) - 1:
            continue
        if rules.first_rule(rules.TAIL_RULES, line.text.rstrip(":").strip()) is None:
            continue
        rest = lines[index + 1:]
        spans = [(x.start, x.end) for x in lines]
        if all(len(other.text.split()) <= rules.TAIL_MAX_WORDS for other in rest) \
                and not article_returns(text, spans, index):
            return index, f"a \"{line.text.rstrip(':')}\" heading with other stories under it"
        if story_change(text, spans, index + 1) is not None:
            return index, f"a \"{line.text.rstrip(':')}\" heading, then a different story"
    if not pasted:
        return None, ""
    found = story_change(text, [(x.start, x.end) for x in lines], None,
                         [role for role, _reason in roles])
    if found is not None:
        while found > 1 and _tail_label(lines[found - 1], roles[found - 1][0]):
            found -= 1  # the story's section label or time stamp above its headline
        return found, "a new headline and a story about other people and places"
    return None, ""


def _tail_label(line: _Line, role: str | None) -> bool:
    """"WORLD", "Sponsored", "2 hours ago": a label a pasted story carries above it."""
    if role in {"timestamp", "advertisement"}:
        return True
    return role in {None, "heading", "kicker"} and len(line.text.split()) <= 3 \
        and is_label(line.text) and not _TERMINAL_END.search(line.text)


_BOX_ROLES = frozenset({"body", "heading", "related-links"})


def _promo_boxes(lines: list[_Line], pieces: list[list[tuple[str, str]]], end: int) -> None:
    """A "DON'T MISS" or "Related" box inside the article, which goes on after it: the
    box's label and the headlines of other stories under it are links, not headings."""
    index = 0
    while index < end:
        if not _box_label(lines[index].text, pieces[index]):
            index += 1
            continue
        box = index + 1
        while box < end and _box_line(pieces[box]) and not _TERMINAL_END.search(
                lines[box].text) and len(lines[box].text.split()) <= rules.TAIL_MAX_WORDS // 2:
            box += 1
        for inside in range(index, box):
            pieces[inside] = [("related-links", "a box of other stories inside the article")]
        index = box


def _box_label(line: str, line_pieces: list[tuple[str, str]]) -> bool:
    """"DON'T MISS", "Related", a bare "READ MORE": a label over links to other stories."""
    if not _box_line(line_pieces):
        return False
    if line_pieces[0][0] == "related-links":
        return len(line.split()) <= 3
    return rules.first_rule(rules.TAIL_RULES, line.rstrip(":").strip()) is not None


def _box_line(line_pieces: list[tuple[str, str]]) -> bool:
    return len(line_pieces) == 1 and line_pieces[0][0] in _BOX_ROLES


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    previous_end = 0
    for match in LINE_PATTERN.finditer(text):
        stripped = match.group().strip()
        if not stripped:
            continue
        gap = text[previous_end:match.start()]
        blank_before = bool(lines) and sum(gap.count(c) for c in "\n\r\u2028\u2029\x85") > 1
        lines.append(_Line(match.start(), match.end(), _undecorate(stripped), blank_before))
        previous_end = match.end()
    return lines


def _undecorate(line: str) -> str:
    """"*Health correspondent · Lowmere Courier*" -> the words inside the emphasis."""
    if line.startswith("|") and line.endswith("|"):
        return line  # a table row keeps its cell marks
    inner = line
    for mark in ("**", "__", "*", "_"):
        if len(inner) > 2 * len(mark) and inner.startswith(mark) and inner.endswith(mark):
            inner = inner[len(mark):-len(mark)].strip()
            break
    return inner.lstrip("·| ").strip() or line


def _group(spans: list[tuple[int, int]], lines: list[_Line]) -> list[list[tuple[int, int]]]:
    groups: list[list[tuple[int, int]]] = [[] for _ in lines]
    index = 0
    for span in spans:
        while index + 1 < len(lines) and span[0] >= lines[index].end:
            index += 1
        groups[index].append(span)
    return groups


# --- line roles ---------------------------------------------------------------------------


def _line_roles(
    lines: list[_Line], known: Mapping[int, tuple[str, str]]
) -> list[tuple[str | None, str]]:
    """(role, reason) per line; role None means "look at each statement"."""
    header_end = _header_end(lines)
    roles: list[tuple[str | None, str]] = [
        known.get(line.start) or _line_role(line, index, index < header_end)
        for index, line in enumerate(lines)
    ]
    headline_and_kicker(lines, roles)
    names_by_the_date(lines, roles, header_end)
    key_points(lines, roles)
    newsletter_boxes(lines, roles)
    author_notes(lines, roles, header_end)
    for index, line in enumerate(lines[:-1]):
        below = lines[index + 1]
        if (
            roles[index][0] is None
            and line.start not in known
            and roles[index + 1][0] == "credit"
            and roles[index + 1][1].startswith("photo credit")
            and not below.blank_before
            and len(line.text) <= 400
        ):
            roles[index] = ("caption", "caption above a photo credit")
    return roles


def _page_captions(
    lines: list[_Line], roles: list[tuple[str | None, str]],
    captions: tuple[tuple[str, str | None], ...],
) -> None:
    """Lines that are a <figcaption> of the page (or its credit) are captions (credits)."""
    if not captions:
        return
    credits = {_same_text(credit) for _caption, credit in captions if credit}
    texts = {_same_text(caption) for caption, _credit in captions}
    texts |= {_same_text(caption.replace(credit, "")) for caption, credit in captions if credit}
    for index, line in enumerate(lines):
        key = _same_text(line.text)
        if not key or roles[index][0] in {"headline", "byline"}:
            continue
        if key in credits:
            roles[index] = ("credit", "credit of a figure on the page")
        elif key in texts:
            roles[index] = ("caption", "caption of a figure on the page")


def _header_end(lines: list[_Line]) -> int:
    """Index of the first paragraph that reads like body text (the header is above it)."""
    for index, line in enumerate(lines[:HEADER_LINES]):
        if len(line.text.split()) >= 15 and _TERMINAL_END.search(line.text):
            return index
    return min(len(lines), HEADER_LINES)


def _line_role(line: _Line, index: int, in_header: bool) -> tuple[str | None, str]:
    text = line.text
    words = len(text.split())
    if not any(c.isalnum() for c in text):
        return "clutter", "separator line"
    name = rules.first_rule(rules.ADVERTISEMENT_RULES, text)
    if name:
        return "advertisement", name
    if text.startswith("|"):
        return layout_row(text) or (None, "claim")  # a table row: its cells are claims
    if words <= 20:
        name = rules.first_rule(rules.FURNITURE_RULES, text)
        if name:
            return RULE_ROLES.get(name, "clutter"), name
        if not in_header and _is_name_and_outlet(text):
            return "credit", "photo credit (the photographer and the outlet)"
        if _is_metadata_strip(text) and not _is_byline(text):
            if all(rules.DATE_LINE.fullmatch(part) for part in re.split(r"\s[·|•]\s", text)):
                return "timestamp", "dates of the article"
            return "clutter", "article metadata"
    if words <= 45:
        name = rules.first_rule(rules.PROMO_RULES, text)
        if name:
            return ("credit" if name in CREDIT_RULES else "clutter"), name
    if words <= 80:
        name = rules.first_rule(rules.CLUTTER_RULES, text)
        if name:
            role = "credit" if name in CREDIT_RULES else "clutter"
            return RULE_ROLES.get(name, role), name
    if words <= 25 and rules.OPINION_HEADING.fullmatch(text):
        return ("headline" if index == 0 else "heading"), "opinion heading"
    if words <= 60 and labelled_caption(text):
        return "caption", "caption after a \"Photo:\" label"
    credit = _credit(text)
    if credit:
        return "credit", credit
    if rules.first_rule(rules.CAPTION_RULES, text) or _MARKDOWN_IMAGE.fullmatch(text):
        return "caption", "caption"
    if _ends_with_photo_credit(text):
        return "caption", "caption with its photo credit"
    if _is_byline(text):
        return "byline", "byline"
    if words <= 16 and rules.DATE_LINE.fullmatch(text):
        return "timestamp", "date of the article"
    if words <= 16 and _is_dateline_only(text):
        return "dateline", "dateline"
    if index == 0 and len(text) <= 250 and (
        _MARKDOWN_HEADING.fullmatch(text) or not text.rstrip("\"'”’»)]").endswith(".")
    ):
        return "headline", "headline"
    if _MARKDOWN_HEADING.fullmatch(text):
        return "heading", "heading"
    if _BULLET.match(text):
        return "bullet", "bullet point"
    if in_header and words <= 10 and rules.STAFF_BYLINE.fullmatch(text):
        return "byline", "byline (the reporter and their job)"
    if in_header and rules.looks_like_outlet(text):
        return "byline", "name of the outlet"
    if (
        words <= rules.HEADING_WORDS
        and len(text) <= 180
        and (text[0].isupper() or (text[0] in rules.TEASER_DASHES and text[1:2].isupper()))
        and not _TERMINAL_END.search(text)
        and not _SENTENCE_BREAK.search(text)
    ):
        return "heading", "heading"
    return None, "claim"


def _credit(text: str) -> str | None:
    """"photo credit" / "reporting credit" for a credit line or statement, else None."""
    if len(text.split()) > 16 or labelled_caption(text):
        return None
    if rules.looks_like_slash_credit(text):
        return "photo credit"
    return rules.first_rule(rules.CREDIT_RULES, text)


def _ends_with_photo_credit(text: str) -> bool:
    """"Traffic backs up at the tunnel (Photo: O. Lindqvist/Meridian Wire)": a caption
    and its credit on one line, as a page's figure caption or a Markdown paragraph has."""
    for pattern in (_TRAILING_PARENTHESIS, _TRAILING_LABELLED_CREDIT):
        match = pattern.fullmatch(text)
        if match is not None and len(match["caption"].split()) <= 40 \
                and _credit(match["credit"]) == "photo credit":
            return True
    return False


def _is_byline(text: str) -> bool:
    match = rules.BYLINE.fullmatch(text)
    if match is None or len(text.split()) > 15 or text.endswith((".", "?", "!", ":", ";")):
        return False
    names, _outlet = rules.split_byline(match["names"])
    particles = {"and", "de", "da", "del", "der", "van", "von", "la", "le", "bin", "al", "y"}
    return all(word[0].isupper() or word in particles for word in names.replace(",", " ").split())


def _is_dateline_only(text: str) -> bool:
    match = rules.dateline(text)
    return match is not None and match.end() == len(text)


def _is_name_and_outlet(text: str) -> bool:
    """"Kofi Mensah | Northgate Press" under a photo: who took it, for whom."""
    parts = re.split(r"\s[|/]\s", text)
    return len(parts) == 2 and rules.is_person_name(parts[0]) and (
        rules.looks_like_outlet(parts[1]) or parts[1] in rules.KNOWN_OUTLETS)


def _is_metadata_strip(text: str) -> bool:
    """"Health correspondent · Published date 2026-03-11 · Lowmere Courier"."""
    parts = re.split(r"\s[·|•]\s", text)
    return len(parts) >= 2 and all(
        part and len(part.split()) <= 6 and not _TERMINAL_END.search(part) for part in parts
    )


# --- statement roles inside a body line ----------------------------------------------------


def _whole_line_piece(piece: str, role: str, reason: str, pieces: int) -> tuple[str, str]:
    """A statement of a line whose role is known: an inline date header stays a date,
    and a caption's own credit ("... years. (ABC News: Jess Tamura)") is a credit."""
    if rules.DATE_HEADER.fullmatch(piece):
        return "timestamp", "inline date header"
    if role == "caption" and pieces > 1:
        credit = _credit(piece)
        if credit:
            return "credit", credit
    return role, reason


def _statement_roles(
    text: str, spans: list[tuple[int, int]], role: str | None, reason: str
) -> list[tuple[str, str]]:
    if role is not None and role != "bullet":
        return [_whole_line_piece(text[a:b], role, reason, len(spans)) for a, b in spans]
    pieces: list[tuple[str, str]] = []
    for start, end in spans:
        piece = text[start:end]
        credit = _credit(piece) if role is None else None
        clutter = clutter_role(piece) if role is None or len(spans) > 1 else None
        if credit:
            pieces.append(("credit", credit))
        elif clutter:
            pieces.append(clutter)
        elif role is None and _QUESTION_END.search(piece):
            pieces.append(("question", "a question, not a claim"))
        elif role is None and rules.is_opinion(piece):
            pieces.append(("opinion", "pure opinion, nothing to check"))
        elif role is None and POSITION_IN_PHOTO.search(piece) and CAPTION_VERB.search(piece):
            pieces.append(("caption", "describes who stands where in a photo"))
        elif role is None and _OPENING_QUOTE.match(piece):
            pieces.append(("quote", "a quotation"))
        else:
            pieces.append((role or "body", reason if role else "claim"))
    if role is None and len(pieces) > 1 and pieces[-1][0] == "credit" \
            and pieces[-1][1].startswith("photo credit"):
        pieces = [
            ("caption", "caption of a photo, before its credit")
            if piece_role in {"body", "question", "quote"}
            else (piece_role, piece_reason)
            for piece_role, piece_reason in pieces
        ]
    return pieces
