"""How much a statement is worth checking: a score from 0 to 1 with its reasons.

The score adds up features a fact-checker looks for, each with a weight and a reason
shown to the reviewer: a figure or percentage, a comparison or superlative, a named
person or organisation, a causal claim, a time reference, an attribution. Statements
that are not claims (headings, captions, furniture, questions, opinion, duplicates, the
page tail) score 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger.text.model import CLAIM, CLAIM_ROLES
from claimledger.text.numbers import Quantity, extract_numbers
from claimledger.text.suggest import (
    DECLINED,
    NO_RESPONSE,
    Suggestion,
    attribution,
    evidence_markers,
)

_I = re.IGNORECASE

FIGURE = ("a figure", 0.4)
PERCENT = ("a percentage", 0.05)
COMPARISON = ("a comparison or superlative", 0.2)
NAMED = ("a named person or organisation", 0.2)
CAUSAL = ("a causal claim", 0.2)
TIME = ("a time reference", 0.15)
ATTRIBUTED = ("an attribution", 0.2)
QUALIFIED = ("qualified by the article itself", 0.15)

_COMPARISON = re.compile(
    r"\b(?:more|less|fewer|higher|lower|greater|larger|smaller|bigger|longer|shorter|"
    r"faster|slower|cheaper|dearer|worse|better) than\b|"
    r"\b(?:up|down) from\b|\bcompared (?:with|to)\b|\b(?:rose|fell|rise|fall|rising|falling|"
    r"increased?|decreased?|dropped|drop|jumped|climbed|declined|doubled|tripled|halved|"
    r"soared|slumped|grew|shrank|exceeded|exceeds|outstripped|surpassed|overtook)\b|"
    r"\b(?:most|least|highest|lowest|largest|smallest|biggest|fastest|slowest|worst|best|"
    r"longest|shortest|first|only|record|all-time|unprecedented)\b|"
    r"\b\w{3,}est\b(?<!\binterest)(?<!\bforest)(?<!\bharvest)(?<!\brequest)(?<!\bprotest)"
    r"(?<!\bsuggest)(?<!\bwest)(?<!\bsouthwest)(?<!\bnorthwest)(?<!\binvest)(?<!\bmodest)"
    r"(?<!\bhonest)(?<!\bcontest)(?<!\btest)(?<!\blatest)(?<!\barrest)(?<!\bmanifest)"
    r"(?<!\bdigest)(?<!\bearnest)(?<!\bnest)",
    _I,
)
_CAUSAL = re.compile(
    r"\bbecause(?: of)?\b|\bdue to\b|\bcaused\b|\bcauses?\b|\bled to\b|\bleads? to\b|"
    r"\bresult(?:ed|s)? in\b|\bas a result\b|\bblamed\b|\bblames?\b|\blinked to\b|"
    r"\battributed to\b|\bowing to\b|\bthanks to\b|\btriggered\b|\bdriven by\b|"
    r"\bresponsible for\b|\bcontributed to\b|\bin response to\b|\bso that\b|\bprevent(?:ed|s)?\b",
    _I,
)
_TIME = re.compile(
    r"\b(?:January|February|March|April|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?|"
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"\b(?:1[89]|20)\d\d\b|\b(?:last|next|this|previous) (?:year|month|week|quarter|spring|"
    r"summer|autumn|fall|winter)\b|\byesterday\b|\bsince\b|\bquarter\b|\bin May\b",
)
_NAMED = re.compile(
    r"(?:(?<=[a-z,;:] )|(?<=[a-z,;:] “)|(?<=[a-z,;:] \"))"
    r"(?:Dr|Gov|Sen|Rep|Mr|Mrs|Ms|Prof|Gen)?\.? ?[A-Z][\w'’-]+|"
    r"\b(?:Dr|Gov|Sen|Rep|Mr|Mrs|Ms|Prof|Gen)\. [A-Z]|"
    r"\b(?:ministry|board|council|department|agency|authority|company|union|court|"
    r"police|government|commission|office|bank|hospital|university|committee|parliament|"
    r"institute|bureau|regulator|association|federation)\b"
)
_WEEKDAY_OR_MONTH = frozenset("""
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December
""".split())


@dataclass(frozen=True)
class Checkworthiness:
    score: float
    reasons: tuple[str, ...]

    def as_json(self) -> dict:
        return {"score": self.score, "reasons": list(self.reasons)}


NOT_WORTH = Checkworthiness(0.0, ())


def checkworthiness(
    text: str,
    kind: str,
    role: str,
    *,
    suggestion: Suggestion | None = None,
    quantities: list[Quantity] | None = None,
) -> Checkworthiness:
    """Score and reasons for one statement (0 for anything that is not a claim).

    ``suggestion`` and ``quantities``, when the caller has them already (from suggest
    and extract_numbers), save matching the statement twice.
    """
    if kind != CLAIM or role not in CLAIM_ROLES:
        return NOT_WORTH
    found: list[tuple[str, float]] = []
    if quantities is None:
        quantities = extract_numbers(text)
    if quantities:
        found.append(FIGURE)
        if any(q.unit in {"percent", "percentage points", "fraction"} for q in quantities):
            found.append(PERCENT)
    if _COMPARISON.search(text):
        found.append(COMPARISON)
    if _named(text):
        found.append(NAMED)
    if _CAUSAL.search(text):
        found.append(CAUSAL)
    if _TIME.search(text):
        found.append(TIME)
    if suggestion is not None:
        attributed = suggestion.status == "sourced" or suggestion.source_hint is not None
        qualified = suggestion.status == "unverified" and suggestion.basis != "attributed"
        silence = suggestion.reason in {DECLINED, NO_RESPONSE}
    else:
        attributed = attribution(text) is not None
        markers = evidence_markers(text)
        qualified = bool(markers)
        silence = bool(markers) and markers[0][0] in {DECLINED, NO_RESPONSE}
    if attributed:
        found.append(ATTRIBUTED)
    if qualified:
        found.append(QUALIFIED)
    score = min(1.0, sum(weight for _label, weight in found))
    if len(text.split()) < 6:
        score *= 0.5
    if silence:
        score *= 0.5  # "X declined to comment": about the source's silence, not a fact
        found.append(("about a source's silence (halved)", 0.0))
    return Checkworthiness(round(score, 2), tuple(label for label, _weight in found))


def _named(text: str) -> bool:
    for match in _NAMED.finditer(text):
        word = match.group().strip(" .")
        if word not in _WEEKDAY_OR_MONTH:
            return True
    return False
