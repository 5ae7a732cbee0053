"""One validator for every event, made here or received in a ledger file (DESIGN §8).

The verbs check what a reviewer types; this checks the events themselves, with the same
limits, so a peer's signed event can never hold what the app would not let its own
reviewer write: a status that does not exist, a 50 MB note, offsets outside the article,
an article whose id is not the hash of its text, a verdict on a claim nobody has.

`event_problem` returns the rule an event breaks, as words that finish the sentence
"... is refused: <rule>", or None. References are looked up in `Known`, which holds what
the workspace already has and what arrives together with the event.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from claimledger.domain import events as ev
from claimledger.domain import limits
from claimledger.domain.events import Event, canonical_json
from claimledger.domain.evidence import (
    SOURCE_KINDS,
    STANCES,
    EvidenceError,
    check_pointer,
    check_url,
)
from claimledger.domain.ids import article_id_for, claim_id_for
from claimledger.domain.status import Status
from claimledger.exchange import keys
from claimledger.text.model import KINDS as STATEMENT_KINDS
from claimledger.text.normalise import normalise
from claimledger.text.revisions import ANCHORINGS, ORPHANED

STATUSES = frozenset(s.value for s in Status)
_STATUS_LIST = ", ".join(s.value for s in Status)
_TOKEN = re.compile(r"[a-z][a-z-]{0,31}").fullmatch
_LINKS = ("undo_of", "redo_of")
ARTICLE_FIELDS = ("title", "outlet", "author", "url", "published", "retired")
SOURCE_FIELDS = ("kind", "url", "file", "title", "publisher", "excerpt", "stance",
                 "accessed", "archived_url")


class Rule(Exception):
    """An event breaks a rule; the message says which."""


@dataclass
class Known:
    """What events may refer to: article id -> text length, claim id -> article id,
    source id -> claim id."""

    articles: dict[str, int] = field(default_factory=dict)
    claims: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    def add_events(self, events: Iterable[Event]) -> Known:
        """Learn what these events create (so a file may refer to its own events)."""
        for event in events:
            p = event.payload
            try:
                if event.kind == ev.ARTICLE_IMPORTED and isinstance(p.get("text"), str):
                    self.articles.setdefault(p["article"], len(p["text"]))
                    for start, end, *_ in p.get("statements") or ():
                        self.claims.setdefault(claim_id_for(p["article"], start, end),
                                               p["article"])
                elif event.kind == ev.CLAIM_CREATED:
                    self.claims.setdefault(p["claim"], p["article"])
                elif event.kind == ev.SOURCE_ADDED:
                    self.sources.setdefault(p["source"], p["claim"])
            except (KeyError, TypeError, ValueError):
                continue  # malformed: event_problem will say what is wrong with it
        return self

    def missing(self, events: Iterable[Event]) -> tuple[set[str], set[str], set[str]]:
        """The article, claim and source ids these events refer to but that are unknown."""
        articles, claims, sources = set(), set(), set()
        for event in events:
            p = event.payload
            for key, known, wanted in (("article", self.articles, articles),
                                       ("claim", self.claims, claims),
                                       ("source", self.sources, sources)):
                value = p.get(key)
                if isinstance(value, str) and value not in known:
                    wanted.add(value)
            if event.kind == ev.ARTICLE_REVISED:
                _revision_references(p, self, articles, claims)
        return articles, claims, sources


def _revision_references(p: dict, known: Known, articles: set, claims: set) -> None:
    """A revision refers to the earlier article and to every claim it places."""
    earlier = p.get("revision_of")
    if isinstance(earlier, str) and earlier not in known.articles:
        articles.add(earlier)
    placements = p.get("placements")
    for item in placements[:MAX_PLACEMENTS] if isinstance(placements, list) else ():
        if isinstance(item, list) and item and isinstance(item[0], str) \
                and item[0] not in known.claims:
            claims.add(item[0])


def event_problem(event: Event, known: Known) -> str | None:
    """The rule `event` breaks, or None."""
    check = _CHECKS.get(event.kind)
    try:
        if check is None:
            _unknown_kind(event.payload)
        else:
            if not isinstance(event.payload, dict):
                raise Rule("its payload is not an object")
            check(event.payload, known)
    except Rule as rule:
        return str(rule)
    return None


# -- field rules ----------------------------------------------------------------------


def _fields(p: dict, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> None:
    for name in required:
        if name not in p:
            raise Rule(f"it has no {name!r} field")
    allowed = set(required) | set(optional) | set(_LINKS)
    for name in p:
        if name not in allowed:
            raise Rule(f"it has an unknown field {name[:40]!r}")
    for name in _LINKS:
        if name in p:
            _text(p, name, limits.SHORT_TEXT, optional=False)


def _text(p: dict, name: str, limit: int, *, optional: bool = True) -> str | None:
    value = p.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise Rule(f"its {name} is not text")
    if len(value) > limit:
        raise Rule(f"its {name} has {len(value):,} characters; at most {limit:,} are allowed")
    return value


def _flag(p: dict, name: str) -> None:
    if name in p and not isinstance(p[name], bool):
        raise Rule(f"its {name} is not true or false")


def _choice(value: Any, allowed, what: str) -> None:
    if not isinstance(value, str) or value not in allowed:
        shown = value if isinstance(value, str) else type(value).__name__
        raise Rule(f"its {what} {str(shown)[:40]!r} is not one of {', '.join(allowed)}")


def _offsets(start: Any, end: Any, length: int) -> None:
    if not all(type(n) is int for n in (start, end)):
        raise Rule("its offsets are not whole numbers")
    if not 0 <= start < end <= length:
        raise Rule(f"its offsets {start}-{end} are outside the article (0-{length})")


def _link(p: dict, name: str) -> None:
    value = _text(p, name, limits.SHORT_TEXT, optional=False)
    if name in ("url", "archived_url") and value:
        try:
            check_url(value, doi_allowed=name == "url")
        except EvidenceError as error:
            raise Rule(f"its {name}: {str(error)[:120]}") from None


# -- references -----------------------------------------------------------------------


def _article(p: dict, known: Known) -> int:
    article = _text(p, "article", limits.SHORT_TEXT, optional=False)
    length = known.articles.get(article)
    if length is None:
        raise Rule(f"its article {article[:24]} is neither here nor in the file")
    return length


def _claim(p: dict, known: Known) -> str:
    claim = _text(p, "claim", limits.SHORT_TEXT, optional=False)
    if claim not in known.claims:
        raise Rule(f"its claim {claim[:24]} is neither here nor in the file")
    return claim


# -- one check per kind ---------------------------------------------------------------


def _verdict(p: dict, known: Known) -> None:
    _fields(p, ("claim", "status"), ("reason", "note", "accepted_suggestion"))
    _claim(p, known)
    if not isinstance(p["status"], str) or p["status"] not in STATUSES:
        raise Rule(f"its status {str(p['status'])[:40]!r} is not one of {_STATUS_LIST}")
    reason = _text(p, "reason", limits.MAX_REASON)
    if reason and p["status"] == Status.UNREVIEWED.value:
        raise Rule("an unreviewed statement takes no reason")
    _text(p, "note", limits.MAX_NOTE)
    _flag(p, "accepted_suggestion")


def _article_imported(p: dict, known: Known) -> None:
    _fields(p, ("article", "text", "statements"),
            ("title", "outlet", "author", "url", "published", "retrieved", "filename",
             "encoding"))
    text = _text(p, "text", limits.MAX_ARTICLE_CHARS, optional=False)
    for name in ("title", "outlet", "author", "url"):
        _text(p, name, limits.ARTICLE_TEXT[name])
    for name in ("published", "retrieved", "filename", "encoding"):
        _text(p, name, limits.SHORT_TEXT)
    if normalise(text) != text:
        raise Rule("its text is not normalised as this app stores articles")
    if p["article"] != article_id_for(text):
        raise Rule(f"its article id {str(p['article'])[:24]} is not the hash of its text")
    statements = p["statements"]
    if not isinstance(statements, list):
        raise Rule("its statements are not a list")
    for item in statements:
        if not (isinstance(item, list) and len(item) == 4):
            raise Rule("a statement is not [start, end, kind, role]")
        start, end, kind, role = item
        _offsets(start, end, len(text))
        _choice(kind, STATEMENT_KINDS, "statement kind")
        if not (isinstance(role, str) and _TOKEN(role)):
            raise Rule(f"a statement's role {str(role)[:40]!r} is not a role")


def _article_edited(p: dict, known: Known) -> None:
    _fields(p, ("article", "fields"))
    _article(p, known)
    fields = p["fields"]
    if not isinstance(fields, dict) or not fields:
        raise Rule("its fields are not an object of changes")
    for name, value in fields.items():
        if name not in ARTICLE_FIELDS:
            raise Rule(f"an article has no field {name[:40]!r}")
        if name == "retired":
            if value not in (0, 1) or isinstance(value, float):
                raise Rule("its retired flag is not 0 or 1")
        elif name == "published":
            _text(fields, name, limits.SHORT_TEXT)
        else:
            _text(fields, name, limits.ARTICLE_TEXT[name])


def _claim_created(p: dict, known: Known) -> None:
    _fields(p, ("article", "claim", "start", "end"), ("kind", "role", "origin"))
    length = _article(p, known)
    _offsets(p["start"], p["end"], length)
    if p["claim"] != claim_id_for(p["article"], p["start"], p["end"]):
        raise Rule("its claim id does not match its article and offsets")
    _choice(p.get("kind", "claim"), STATEMENT_KINDS, "kind")
    if not (isinstance(p.get("role", "body"), str) and _TOKEN(p.get("role", "body"))):
        raise Rule("its role is not a role")
    _choice(p.get("origin", "manual"), ("manual", "auto"), "origin")


#: The most claims one revision may place (an article's statements, with room to spare).
MAX_PLACEMENTS = 500_000


def _article_revised(p: dict, known: Known) -> None:
    _fields(p, ("article", "revision_of", "placements"))
    length = _article(p, known)
    earlier = _text(p, "revision_of", limits.SHORT_TEXT, optional=False)
    if earlier == p["article"]:
        raise Rule("an article is not a revision of itself")
    old_length = known.articles.get(earlier)
    if old_length is None:
        raise Rule(f"its earlier article {earlier[:24]} is neither here nor in the file")
    placements = p["placements"]
    if not isinstance(placements, list) or len(placements) > MAX_PLACEMENTS:
        raise Rule(f"its placements are not a list of at most {MAX_PLACEMENTS:,}")
    seen = set()
    for item in placements:
        if not (isinstance(item, list) and len(item) == 6):
            raise Rule("a placement is not [claim, old_start, old_end, anchoring, start, end]")
        claim, old_start, old_end, anchoring, start, end = item
        if not isinstance(claim, str) or claim not in known.claims or claim in seen:
            raise Rule(f"a placement's claim {str(claim)[:24]} is unknown or placed twice")
        seen.add(claim)
        _offsets(old_start, old_end, old_length)
        _choice(anchoring, ANCHORINGS, "anchoring")
        if anchoring == ORPHANED:
            if start is not None or end is not None:
                raise Rule("an orphaned claim has no place in the new text")
        else:
            _offsets(start, end, length)


def _claim_retired(p: dict, known: Known) -> None:
    _fields(p, ("claim",), ("retired",))
    _claim(p, known)
    _flag(p, "retired")


def _source_fields(fields: dict) -> None:
    for name, value in fields.items():
        if name not in SOURCE_FIELDS:
            raise Rule(f"a source has no field {name[:40]!r}")
        if value is None:
            continue
        if name == "kind":
            _choice(value, SOURCE_KINDS, "source kind")
        elif name == "stance":
            _choice(value, STANCES, "stance")
        elif name in ("url", "archived_url"):
            _link(fields, name)
        else:
            _text(fields, name, limits.SOURCE_TEXT.get(name, limits.SHORT_TEXT))


def _source(p: dict, known: Known, *, added: bool = False) -> None:
    claim = _claim(p, known)
    source = _text(p, "source", limits.SHORT_TEXT, optional=False)
    if not added and known.sources.get(source) != claim:
        raise Rule(f"its source {source[:24]} is not a source of that claim, here or in "
                   "the file")


def _source_added(p: dict, known: Known) -> None:
    _fields(p, ("claim", "source"), SOURCE_FIELDS)
    _source(p, known, added=True)
    _source_fields({k: v for k, v in p.items() if k in SOURCE_FIELDS})
    try:
        check_pointer(p)
    except EvidenceError:
        raise Rule("a source needs a link or a local file") from None


def _source_edited(p: dict, known: Known) -> None:
    _fields(p, ("claim", "source", "fields"))
    _source(p, known)
    if not isinstance(p["fields"], dict):
        raise Rule("its fields are not an object")
    _source_fields(p["fields"])


def _source_retired(p: dict, known: Known) -> None:
    _fields(p, ("claim", "source"), ("retired",))
    _source(p, known)
    _flag(p, "retired")


def _dismissed(p: dict, known: Known) -> None:
    _fields(p, ("claim",), ("dismissed",))
    _claim(p, known)
    _flag(p, "dismissed")


def _reviewer_joined(p: dict, known: Known) -> None:
    _fields(p, ("name", "public_key"))
    name = _text(p, "name", limits.MAX_NAME, optional=False)
    if not name.strip():
        raise Rule("its reviewer name is empty")
    if not keys.is_public_key_b64(p["public_key"]):
        raise Rule("its public key is not an Ed25519 key")


def _reviewer_key_rotated(p: dict, known: Known) -> None:
    _fields(p, ("public_key", "previous_key"))
    for name in ("public_key", "previous_key"):
        if not keys.is_public_key_b64(p[name]):
            raise Rule(f"its {name.replace('_', ' ')} is not an Ed25519 key")
    if p["public_key"] == p["previous_key"]:
        raise Rule("it rotates to the key it already has")


def _unknown_kind(payload: Any) -> None:
    """A kind from a newer app is carried, not understood; only its size is bounded."""
    size = len(canonical_json(payload))
    if size > limits.MAX_UNKNOWN_PAYLOAD:
        raise Rule(f"its payload is {size:,} bytes; an event of a kind this app does not "
                   f"know may have at most {limits.MAX_UNKNOWN_PAYLOAD:,}")


_CHECKS: dict[str, Callable[[dict, Known], None]] = {
    ev.VERDICT_SET: _verdict,
    ev.CONSENSUS_SET: lambda p, known: _verdict(p, known),
    ev.ARTICLE_IMPORTED: _article_imported,
    ev.ARTICLE_EDITED: _article_edited,
    ev.CLAIM_CREATED: _claim_created,
    ev.CLAIM_RETIRED: _claim_retired,
    ev.SOURCE_ADDED: _source_added,
    ev.SOURCE_EDITED: _source_edited,
    ev.SOURCE_RETIRED: _source_retired,
    ev.SUGGESTION_DISMISSED: _dismissed,
    ev.REVIEWER_JOINED: _reviewer_joined,
    ev.REVIEWER_KEY_ROTATED: _reviewer_key_rotated,
    ev.ARTICLE_REVISED: _article_revised,
}
