"""W3C Web Annotation (JSON-LD): each claim of the ledger an `Annotation` whose target
selects its words with a TextQuoteSelector (exact, prefix, suffix) and a
TextPositionSelector, and whose bodies carry the verdict, reason and note.

Positions count Unicode code points, as the Web Annotation Data Model asks (so an
emoji is one character; JavaScript tools that count UTF-16 units may be off by one per
emoji before it, which the importer's quote and context matching absorbs).
"""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.domain.status import Status
from claimledger.report.model import ReportArticle, ReportClaim
from claimledger.text.anchoring import Quote

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: Characters of context kept on each side of the quote (Hypothesis keeps 32 too).
CONTEXT_CHARS = 32
#: Body purposes: the verdict classifies, the reason assesses, the note comments.
VERDICT, REASON, NOTE = "classifying", "assessing", "commenting"


def article_source(article: ReportArticle) -> str:
    return article.url or f"urn:claim-ledger:article:{article.article_id}"


def annotation(article: ReportArticle, claim: ReportClaim, creator: str) -> dict:
    text = article.text
    bodies = [_body(VERDICT, claim.status.value)]
    bodies += [_body(purpose, value) for purpose, value in ((REASON, claim.reason),
                                                            (NOTE, claim.note)) if value]
    return {
        "@context": CONTEXT,
        "id": f"urn:claim-ledger:claim:{claim.claim_id}",
        "type": "Annotation",
        "motivation": "assessing",
        "creator": {"type": "Person", "name": creator},
        "body": bodies,
        "target": {
            "source": article_source(article),
            "selector": [
                {"type": "TextQuoteSelector", "exact": text[claim.start:claim.end],
                 "prefix": text[max(0, claim.start - CONTEXT_CHARS):claim.start],
                 "suffix": text[claim.end:claim.end + CONTEXT_CHARS]},
                {"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
            ],
        },
    }


def _body(purpose: str, value: str) -> dict:
    return {"type": "TextualBody", "purpose": purpose, "value": value,
            "format": "text/plain"}


def annotation_collection(article: ReportArticle, creator: str, created: str) -> dict:
    """Every ledger row of `article` (reviewed or not), as one AnnotationCollection whose
    first page holds them all."""
    items = [annotation(article, c, creator) for c in article.claims if c.in_ledger]
    ledger = f"urn:claim-ledger:ledger:{article.article_id}"
    return {
        "@context": CONTEXT,
        "id": ledger,
        "type": "AnnotationCollection",
        "label": article.title or "Claim ledger",
        "created": created,
        "total": len(items),
        "first": {"id": f"{ledger}:page:1", "type": "AnnotationPage", "startIndex": 0,
                  "partOf": ledger, "items": items},
    }


def verdict_from_bodies(bodies: list[dict]) -> tuple[Status, str | None, str | None]:
    """The verdict, reason and note an annotation's bodies carry (our own purposes; a
    body without a purpose, as other tools write a comment, is the note; an unknown
    status or none reads as unreviewed)."""
    found: dict = {}
    for body in bodies:
        if isinstance(body, dict) and isinstance(body.get("value"), str):
            found.setdefault(body.get("purpose") or NOTE, body["value"])
    try:
        status = Status.parse(found.get(VERDICT) or "unreviewed")
    except ValueError:
        status = Status.UNREVIEWED
    return status, found.get(REASON) or None, found.get(NOTE) or None


#: The most annotations one file may hold, and the longest quote or context taken.
MAX_ANNOTATIONS = 100_000
MAX_QUOTE_CHARS = 20_000


class NotAnnotations(ValueError):
    """The document is not Web Annotations; the message says what is wrong, in words."""


@dataclass(frozen=True)
class IncomingAnnotation:
    """One annotation read from a file: where it points and the verdict it carries."""

    number: int  # 1-based, in file order, for messages
    quote: Quote | None  # None: it has no usable TextQuoteSelector
    status: Status
    reason: str | None
    note: str | None


def annotations_in(doc) -> list[IncomingAnnotation]:
    """The annotations of a parsed JSON-LD document: one Annotation, a list of them, an
    AnnotationPage or an AnnotationCollection with its first page embedded."""
    items = _items(doc)
    if len(items) > MAX_ANNOTATIONS:
        raise NotAnnotations(f"it holds {len(items):,} annotations; at most "
                             f"{MAX_ANNOTATIONS:,} are read from one file")
    found = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or item.get("type") != "Annotation":
            raise NotAnnotations(f"item {number} is not an Annotation")
        status, reason, note = verdict_from_bodies(_as_list(item.get("body")))
        found.append(IncomingAnnotation(number, _quote(item.get("target")), status,
                                        reason, note))
    return found


def _items(doc) -> list:
    if isinstance(doc, list):
        return doc
    if not isinstance(doc, dict):
        raise NotAnnotations("it is not a JSON object or list")
    kind = doc.get("type")
    if kind == "Annotation":
        return [doc]
    if kind == "AnnotationPage" and isinstance(doc.get("items"), list):
        return doc["items"]
    if kind == "AnnotationCollection" and isinstance(doc.get("first"), dict) \
            and isinstance(doc["first"].get("items"), list):
        return doc["first"]["items"]
    raise NotAnnotations("it is not an Annotation, AnnotationPage or AnnotationCollection "
                         "(W3C Web Annotation JSON-LD)")


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value] if value is not None else []


def _quote(target) -> Quote | None:
    """The first target's TextQuoteSelector, with the TextPositionSelector's start."""
    selectors = []
    for one in _as_list(target):
        if isinstance(one, dict):
            selectors += _as_list(one.get("selector"))
    quote = next((s for s in selectors if isinstance(s, dict)
                  and s.get("type") == "TextQuoteSelector"), None)
    if quote is None or not isinstance(quote.get("exact"), str) or not quote["exact"].strip():
        return None
    position = next((s for s in selectors if isinstance(s, dict)
                     and s.get("type") == "TextPositionSelector"), {})
    start = position.get("start")
    texts = [quote.get(k) if isinstance(quote.get(k), str) else "" for k in
             ("exact", "prefix", "suffix")]
    if any(len(t) > MAX_QUOTE_CHARS for t in texts):
        return None
    return Quote(*texts, start if type(start) is int and start >= 0 else None)
