"""What the workspace hands to the window and the command line: plain, immutable rows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from enum import Enum

from claimledger.domain.status import Status


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """Progress has one definition everywhere (library, status bar, PDF, `articles
    --json`): `claims` are the live statements the app classed as claims, `reviewed`
    and the four status counts are this reviewer's verdicts on those claims, and
    `set_aside` counts the statements the app classed as not claims (headlines,
    captions, credits…), which stay reviewable but are not owed a verdict. `statements`
    is every live statement."""

    id: str
    title: str
    outlet: str | None
    author: str | None
    url: str | None
    published: str | None
    retrieved: str
    statements: int
    reviewed: int
    sourced: int = 0
    disputed: int = 0
    unverified: int = 0
    not_a_claim: int = 0
    claims: int = 0
    set_aside: int = 0

    @property
    def complete(self) -> bool:
        return self.reviewed >= self.claims

    def as_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    id: str
    title: str
    outlet: str | None
    author: str | None
    url: str | None
    published: str | None
    retrieved: str
    filename: str | None
    encoding: str | None
    text: str


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A ledger row: one statement and the current reviewer's verdict on it."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    kind: str
    role: str
    origin: str
    status: Status = Status.UNREVIEWED
    reason: str | None = None
    note: str | None = None
    supports: int = 0
    contradicts: int = 0
    context: int = 0

    @property
    def source_count(self) -> int:
        return self.supports + self.contradicts + self.context

    def as_json(self) -> dict:
        row = asdict(self)
        row["status"] = self.status.value
        return row


@dataclass(frozen=True, slots=True)
class Verdict:
    status: Status = Status.UNREVIEWED
    reason: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ImportedArticle:
    id: str
    title: str
    statements: int
    created: bool
    filename: str | None = None

    def as_json(self) -> dict:
        return asdict(self)


class Kind(Enum):
    """What kind of thing a verb changed; each view refreshes only the kinds it shows."""

    VERDICTS = "verdicts"        # this reviewer's status, reason or note of `claims`
    SHAPE = "shape"              # claims appeared in, or left, `articles`
    SOURCES = "sources"          # the sources of `claims`
    CONSENSUS = "consensus"      # the desk's settled verdict on `claims`
    SUGGESTIONS = "suggestions"  # accepted or dismissed suggestions of `claims`
    ARTICLES = "articles"        # details of `articles`, or articles came or went
    REASONS = "reasons"          # the reason presets
    EVERYTHING = "everything"    # other reviewers' events merged: anything may differ


#: Kinds that change a library row (its title, counts or presence).
LIBRARY_KINDS = frozenset({Kind.VERDICTS, Kind.SHAPE, Kind.ARTICLES, Kind.EVERYTHING})


@dataclass(frozen=True)
class Changes:
    """What a verb changed, so views refresh only that (Anki's OpChanges idea).

    `initiator` is set by whoever ran the verb (a window part), so it can tell its own
    changes from others'; verbs leave it None.
    """

    label: str = ""
    kinds: frozenset[Kind] = frozenset()
    articles: frozenset[str] = frozenset()
    claims: frozenset[str] = frozenset()
    initiator: object = field(default=None, compare=False)

    @classmethod
    def of(cls, label: str, *kinds: Kind, articles=(), claims=()) -> Changes:
        return cls(label, frozenset(kinds), frozenset(articles), frozenset(claims))

    @classmethod
    def everything(cls, label: str = "") -> Changes:
        return cls(label, frozenset({Kind.EVERYTHING}))

    @property
    def empty(self) -> bool:
        return not self.kinds

    @property
    def library(self) -> bool:
        """A library row changed: the window updates those rows (all after a merge)."""
        return bool(self.kinds & LIBRARY_KINDS)

    def touches(self, *kinds: Kind) -> bool:
        """True if any of `kinds` (or everything) changed."""
        return Kind.EVERYTHING in self.kinds or any(k in self.kinds for k in kinds)

    def started_by(self, initiator: object) -> Changes:
        return replace(self, initiator=initiator)


@dataclass(frozen=True, slots=True)
class SourceView:
    id: str
    claim_id: str
    kind: str
    url: str | None
    file: str | None
    title: str | None
    publisher: str | None
    excerpt: str | None
    stance: str
    accessed: str | None
    archived_url: str | None
    added_by: str

    def as_json(self) -> dict:
        return asdict(self)


#: Private-use characters around each match in a search snippet: they never occur in
#: article text, unlike brackets.
MATCH_START, MATCH_END = "\ue000", "\ue001"


@dataclass(frozen=True, slots=True)
class SearchHit:
    claim_id: str
    article_id: str
    article_title: str
    start: int
    end: int
    text: str
    snippet: str

    @property
    def plain_snippet(self) -> str:
        return self.snippet.replace(MATCH_START, "").replace(MATCH_END, "")

    def marked_snippet(self, start: str = "[", end: str = "]") -> str:
        return self.snippet.replace(MATCH_START, start).replace(MATCH_END, end)

    def as_json(self) -> dict:
        row = asdict(self)
        row["snippet"] = self.marked_snippet()
        return row


@dataclass(frozen=True)
class ClaimAssist:
    """What assisted review says about one statement; it never sets a verdict by itself.

    ``suggestion`` is {status, reason, source_hint, markers, because} (status None: no
    suggestion); ``flags`` name other claims whose figures clash with this one's:
    [{"claim": other claim id, "explanation": ...}]. ``dismissed`` and ``accepted`` are
    the current reviewer's.
    """

    claim_id: str
    kind: str
    suggestion: dict
    checkworthiness: dict
    numbers: list[dict]
    flags: list[dict] = field(default_factory=list)
    dismissed: bool = False
    accepted: bool = False

    @property
    def has_suggestion(self) -> bool:
        return self.suggestion.get("status") is not None

    def as_json(self) -> dict:
        return {"suggestion": self.suggestion, "checkworthiness": self.checkworthiness,
                "numbers": self.numbers, "flags": self.flags, "dismissed": self.dismissed,
                "accepted": self.accepted}


@dataclass(frozen=True, slots=True)
class MatchView:
    """A claim of this article said again in another article (``linked``: the same claim;
    otherwise only alike enough to offer the link)."""

    claim_id: str
    other_article_id: str
    other_article_title: str
    other_claim_id: str
    other_text: str
    similarity: float
    linked: bool
    #: Why the two were matched ("the same figure (...); the same predicate (...)").
    because: str = ""

    def as_json(self) -> dict:
        return asdict(self)
