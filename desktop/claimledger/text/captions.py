"""Captions with no credit beside them: alt text, short present-tense descriptions.

A photo's alt text or a short description ("Officials speak at a briefing.") stands
right above or below a caption+credit line, or above a credit, or alone between body
paragraphs; ``captions_near_credits`` makes such lines captions.
"""

from __future__ import annotations

import re
from typing import Protocol

from claimledger.text.rules import SENTENCE_BREAK, TERMINAL_END


class Line(Protocol):
    text: str
    blank_before: bool


#: Present-tense verbs of photo captions: "Officials speak at a briefing."
CAPTION_VERB = re.compile(
    r"\b(?:speaks?|looks? on|gestures?|poses?|arrives?|attends?|walks?|stands?|sits?|holds?|"
    r"waves?|reacts?|(?:is|are) (?:seen|pictured|shown|escorted|greeted)|listens?|addresses|"
    r"delivers?|leaves|departs?|greets?|shakes? hands|celebrates?|waits?|gathers?|marches|"
    r"protests?|pray|prays|rides?|plays?|inspects?|displays?|wears?|works?|cries|hugs?|"
    r"clears?|sorts?|carries|carry|survey|surveys|watch|watches|cross|crosses|sweeps?|"
    r"repairs?|fly|flies|rides?|queue|queues|line up|lines up)\b"
)
#: "(left)", "(second from right)", "from left": a caption naming people in a photo.
POSITION_IN_PHOTO = re.compile(
    r"\((?:far |second |third )?(?:left|right|center|centre|l|r|c)(?: to right| from "
    r"(?:left|right))?\)|\bfrom (?:left|right)\b|\bleft to right\b", re.IGNORECASE)
#: "Photo: The hospital has struggled to recruit doctors. (ABC News: Jess Tamura)".
_LABELLED = re.compile(r"(?:photo|image|picture|video)\s*:\s*(?P<rest>\S.*)", re.IGNORECASE)
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]{2,}\b")
_NAME_WORDS = frozenset({"and", "the", "for", "via", "courtesy", "from", "file", "handout",
                         "supplied", "staff", "pool", "photo", "photographer", "images"})


def labelled_caption(text: str) -> bool:
    """A caption after a "Photo:" label, as some sites print it: words of a sentence
    after the label, where a credit there ("Photo: Kofi Mensah/Northgate Press") has
    names."""
    match = _LABELLED.fullmatch(text.strip())
    if match is None:
        return False
    lower = [word for word in _LOWER_WORD.findall(match["rest"]) if word not in _NAME_WORDS]
    return len(lower) >= 3


_PAST_TENSE = re.compile(r"\b[a-z]{3,}ed\b")
_PAST_SPEECH = re.compile(r"\b(?:said|told|according to|says)\b|[\"“”]")


def captions_near_credits(lines: list[Line], pieces: list[list[tuple[str, str]]]) -> None:
    """Caption lines with no credit of their own, next to a caption or a credit.

    A photo's alt text or a short present-tense description ("Officials speak at a
    briefing.") stands right above or below a caption+credit line, or above a credit.
    """
    for index, line in enumerate(lines):
        mine = pieces[index]
        if len(mine) != 1 or mine[0][0] not in {"body", "heading"} \
                or not _caption_like(line.text):
            continue
        if mine[0][0] == "heading":
            if _next_to_caption(lines, pieces, index, touching_only=True, below_only=True):
                pieces[index] = [("caption", "photo description above its caption")]
            continue
        has_verb = CAPTION_VERB.search(line.text) is not None
        if _next_to_caption(lines, pieces, index, touching_only=not has_verb):
            pieces[index] = [("caption", "short photo description next to a caption")]
        elif _names_the_caption_below(lines, pieces, index):
            pieces[index] = [("caption", "image description above its caption")]
        elif has_verb and _stands_alone(lines, index) and _describes_a_photo(line.text):
            pieces[index] = [("caption", "short present-tense photo description")]


def _next_to_caption(
    lines: list[Line], pieces: list[list[tuple[str, str]]], index: int, touching_only: bool,
    below_only: bool = False,
) -> bool:
    """A caption or credit line just above or below (with no blank line between, unless
    ``touching_only`` is False)."""
    around = [(index + 1, index + 1)]
    if not below_only:
        around.append((index - 1, index))
    for near, gap_line in around:
        if not 0 <= near < len(lines) or (touching_only and lines[gap_line].blank_before):
            continue
        if any(role in {"caption", "credit"} for role, _reason in pieces[near]):
            return True
    return False


#: A capitalised word inside a line (not its first word): a name in a caption.
_INNER_NAME = re.compile(r"(?<=[\w,] )[A-Z][\w'’-]{2,}")


def _names_the_caption_below(
    lines: list[Line], pieces: list[list[tuple[str, str]]], index: int
) -> bool:
    """A photo's alt text, a blank line above its caption: one short sentence that names
    two of the things the caption names ("An Osborne Firefinder, ..." over "The Osborne
    Firefinder, a rotating map ... (Courtesy of ...)")."""
    below = index + 1
    text = lines[index].text
    if below >= len(lines) or len(text.split()) > 20 or SENTENCE_BREAK.search(text):
        return False
    if not any(role == "caption" for role, _reason in pieces[below]):
        return False
    shared = set(_INNER_NAME.findall(text)) & set(_INNER_NAME.findall(lines[below].text))
    return len(shared) >= 2


def _caption_like(text: str) -> bool:
    words = len(text.split())
    return 3 <= words <= 30 and _PAST_SPEECH.search(text) is None and (
        CAPTION_VERB.search(text) is not None or not TERMINAL_END.search(text)
        or words <= 20
    )


#: A caption's verb comes right after its subject: "Officials speak at a briefing."
CAPTION_VERB_WITHIN = 8
#: What a photo's description does not have: a past or future tense, a modal, a sum of
#: money or a share ("A new ferry would cost about $30 million, less than the board
#: spends on repairs" is a claim, whatever "repairs" could be).
_NOT_A_DESCRIPTION = re.compile(
    r"\b(?:would|will|could|should|can|may|might|must|has|have|had|was|were|been)\b|"
    r"[$€£¥]|%|\b(?:percent|per cent|million|billion)\b", re.IGNORECASE)


def _describes_a_photo(text: str) -> bool:
    """Whether a line alone between paragraphs reads as a photo's description: its
    caption verb among its first words, in the present tense, and nothing a claim of the
    article carries instead."""
    verb = CAPTION_VERB.search(text)
    return (verb is not None and len(text[:verb.start()].split()) < CAPTION_VERB_WITHIN
            and not _PAST_TENSE.search(text) and not _NOT_A_DESCRIPTION.search(text))


def _stands_alone(lines: list[Line], index: int) -> bool:
    """A one-sentence paragraph of its own, with body paragraphs around it."""
    line = lines[index]
    if len(line.text.split()) > 20 or SENTENCE_BREAK.search(line.text):
        return False
    after = lines[index + 1] if index + 1 < len(lines) else None
    return line.blank_before and (after is None or after.blank_before)
