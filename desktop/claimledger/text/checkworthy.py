"""How much a statement is worth checking: a score from 0 to 1 with its reasons.

A linear ranker over features a fact-checker can read: the signals a fact-checker looks
for (a figure or percentage, a comparison or superlative, a named person or
organisation, a causal claim, a time reference, an attribution, the article's own
qualifiers, the statement's length) and its words and word pairs. The weights are
learned (``make train``, tests/bench/checkworthy_train.py) and read here from a small
JSON file with pure Python; the features that add most to a statement's score are its
reasons. Statements that are not claims (headings, captions, furniture, questions,
opinion, duplicates, the page tail) score 0.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from claimledger.resources import resource
from claimledger.text.matching import STOPWORDS
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

#: The signals, by key: the reason each gives when it adds to the score.
SIGNALS = {
    "figure": "a figure",
    "percent": "a percentage",
    "comparison": "a comparison or superlative",
    "named": "a named person or organisation",
    "causal": "a causal claim",
    "time": "a time reference",
    "attributed": "an attribution",
    "qualified": "qualified by the article itself",
    "silence": "about a source's silence",
    "question": "a question",
    "short": "a short statement",
    "long": "a long statement",
}
#: Reasons shown per statement: the features adding most to its score.
MAX_REASONS = 3
#: The shipped weights (resources/), made by ``make train``.
WEIGHTS_FILE = "checkworthy-weights.json"

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


@dataclass(frozen=True)
class Ranker:
    """A linear model: ``bias`` plus the weights of the features a statement has, each
    divided by the square root of how many features it has (``normalised``), so a long
    statement does not outscore a short one by its length alone."""

    bias: float
    weights: dict[str, float]
    normalised: bool = False

    @classmethod
    def from_json(cls, data: dict) -> Ranker:
        return cls(float(data["bias"]), {str(k): float(v) for k, v in data["weights"].items()},
                   bool(data.get("normalised", False)))

    def linear(self, features: list[str]) -> float:
        """The score before the logistic."""
        scale = 1 / math.sqrt(len(features)) if self.normalised and features else 1.0
        return self.bias + scale * sum(self.weights.get(f, 0.0) for f in features)

    def rank(self, features: list[str]) -> Checkworthiness:
        """The score (a logistic of the sum) and the features that raise it most."""
        total = self.linear(features)
        score = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
        found = [(self.weights.get(f, 0.0), f) for f in features]
        raising = sorted((item for item in found if item[0] > 0 and _telling(item[1])),
                         key=lambda i: -i[0])
        reasons = list(dict.fromkeys(reason(f) for _w, f in raising))
        return Checkworthiness(round(score, 2), tuple(reasons[:MAX_REASONS]))


@cache
def shipped_ranker() -> Ranker:
    return load_ranker(resource(WEIGHTS_FILE))


def load_ranker(path: Path) -> Ranker:
    return Ranker.from_json(json.loads(path.read_text(encoding="utf-8")))


def checkworthiness(
    text: str,
    kind: str,
    role: str,
    *,
    suggestion: Suggestion | None = None,
    quantities: list[Quantity] | None = None,
    ranker: Ranker | None = None,
) -> Checkworthiness:
    """Score and reasons for one statement (0 for anything that is not a claim).

    ``suggestion`` and ``quantities``, when the caller has them already (from suggest
    and extract_numbers), save matching the statement twice; ``ranker`` defaults to the
    shipped weights.
    """
    if kind != CLAIM or role not in CLAIM_ROLES:
        return NOT_WORTH
    ranker = ranker or shipped_ranker()
    return ranker.rank(features(text, suggestion=suggestion, quantities=quantities))


def features(text: str, *, suggestion: Suggestion | None = None,
             quantities: list[Quantity] | None = None) -> list[str]:
    """The statement's signals (their keys) and its words ("w:tax") and word pairs
    ("b:tax cut"); figures are written "0"."""
    return signals(text, suggestion=suggestion, quantities=quantities) + word_features(text)


def reason(feature: str) -> str:
    """What a feature says to the reviewer: "a figure", "the words 'tax cut'",
    "the words '[figure] percent'"."""
    if feature == "w:0":
        return SIGNALS["figure"]
    if feature.startswith(("w:", "b:")):
        words = " ".join("[figure]" if w == "0" else w for w in feature[2:].split())
        return f"the words \u2018{words}\u2019"
    return SIGNALS.get(feature, feature)


def _telling(feature: str) -> bool:
    """Whether a feature reads as a reason: not words that are all function words."""
    if not feature.startswith(("w:", "b:")):
        return True
    return any(w not in STOPWORDS for w in feature[2:].split())


def signals(text: str, *, suggestion: Suggestion | None = None,
            quantities: list[Quantity] | None = None) -> list[str]:
    """The keys of SIGNALS the statement shows."""
    found: list[str] = []
    if quantities is None:
        quantities = extract_numbers(text)
    if quantities:
        found.append("figure")
        if any(q.unit in {"percent", "percentage points", "fraction"} for q in quantities):
            found.append("percent")
    if _COMPARISON.search(text):
        found.append("comparison")
    if _named(text):
        found.append("named")
    if _CAUSAL.search(text):
        found.append("causal")
    if _TIME.search(text):
        found.append("time")
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
        found.append("attributed")
    if qualified:
        found.append("qualified")
    if silence:
        found.append("silence")
    if text.rstrip().endswith("?"):
        found.append("question")
    words = len(text.split())
    if words < 6:
        found.append("short")
    elif words > 25:
        found.append("long")
    return found


_WORD = re.compile(r"\d[\d,.]*\d|\d|[a-z]+(?:['\u2019][a-z]+)?")


def word_features(text: str) -> list[str]:
    """Lowercased words and adjacent pairs; every figure is the word "0"."""
    words = ["0" if w[0].isdigit() else w.replace("\u2019", "'")
             for w in _WORD.findall(text.lower())]
    out = {f"w:{w}" for w in words}
    out.update(f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return sorted(out)


def _named(text: str) -> bool:
    for match in _NAMED.finditer(text):
        word = match.group().strip(" .")
        if word not in _WEEKDAY_OR_MONTH:
            return True
    return False
