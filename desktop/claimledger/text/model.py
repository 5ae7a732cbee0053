"""The values the text pipeline hands to the layers above it."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Statement kinds.
CLAIM = "claim"
NOT_A_CLAIM = "not-a-claim"
DUPLICATE = "duplicate"
#: A statement of the page tail ("Related Articles" and the other stories under it).
OUTSIDE_BODY = "outside-body"
KINDS = (CLAIM, NOT_A_CLAIM, DUPLICATE, OUTSIDE_BODY)

#: Statement roles (where the statement sits in the article). "furniture" is the old
#: name of "clutter", still found in ledgers imported before the split.
ROLES = (
    "body", "quote", "bullet", "standfirst", "headline", "kicker", "heading", "byline",
    "dateline", "timestamp", "caption", "credit", "advertisement", "clutter",
    "related-links", "page-tail", "question", "opinion", "furniture",
)
#: Roles whose statements make claims; every other role is "not a claim".
CLAIM_ROLES = frozenset({"body", "quote", "bullet", "standfirst"})


@dataclass(frozen=True, slots=True)
class Statement:
    """One automatic statement: ``text[start:end]`` of its article (code-point offsets)."""

    start: int
    end: int
    kind: str
    role: str
    #: Why the statement got its role and kind ("photo credit", "newsletter prompt").
    reason: str = ""

    def text_in(self, text: str) -> str:
        """The statement's words, cut from the article text it was made from."""
        return text[self.start:self.end]


@dataclass(frozen=True)
class ExtractedPage:
    """What an HTML or Markdown file gives us; ``text`` starts with the headline line.

    ``roles`` maps the offset of a line in ``text`` to the (role, reason) its markup
    gives it (a Markdown heading, an image's caption); other lines are classified from
    their words.
    """

    text: str
    title: str | None
    byline: str | None
    published: str | None
    url: str | None
    outlet: str | None
    roles: dict[int, tuple[str, str]] = field(default_factory=dict)
    #: (caption, credit or None) of the page's <figure>s, so they become caption
    #: and credit statements rather than claims.
    captions: tuple[tuple[str, str | None], ...] = ()


@dataclass(frozen=True)
class PreparedArticle:
    """An article cleaned and split into statements, ready to be stored."""

    text: str
    title: str
    byline: str | None
    outlet: str | None
    published: str | None
    url: str | None
    encoding: str
    statements: list[Statement] = field(default_factory=list)
    #: Offset where a pasted page tail ("Related Articles" and the stories below) begins.
    tail_start: int | None = None
    #: Index of a duplicate statement -> index of its first occurrence.
    duplicates: dict[int, int] = field(default_factory=dict)
