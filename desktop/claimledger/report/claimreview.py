"""schema.org ClaimReview: one JSON-LD object per published verdict, as Google's
fact-check markup documents it (claimReviewed, reviewRating with alternateName, url,
author, datePublished, itemReviewed as a Claim with its appearance), and an HTML page
that embeds them for a search engine to read."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from claimledger.domain.status import Status
from claimledger.report.model import ReportArticle
from claimledger.report.publishing import PublishedVerdict, shortened
from claimledger.text.attribution import attributed_to

#: A small ordinal scale: worst 1 (disputed) to best 3 (sourced).
RATING = {Status.DISPUTED: 1, Status.UNVERIFIED: 2, Status.SOURCED: 3}


@dataclass(frozen=True)
class Publisher:
    """Who publishes the reviews: the desk (an Organization) or, without one, the
    reviewer (a Person). `review_url` is the page the reviews are published on; without
    it each review's url is an anchor on the exported page itself."""

    name: str
    is_desk: bool
    review_url: str | None
    date: str  # YYYY-MM-DD

    def url_of(self, verdict: PublishedVerdict) -> str:
        base = (self.review_url or "").split("#", 1)[0]
        return f"{base}#{verdict.anchor}"


def claim_review(article: ReportArticle, verdict: PublishedVerdict,
                 publisher: Publisher) -> dict:
    """The ClaimReview of one verdict."""
    claim: dict = {"@type": "Claim"}
    if article.url:
        claim["appearance"] = {"@type": "CreativeWork", "url": article.url,
                               "headline": article.title or None}
        claim["firstAppearance"] = claim["appearance"]
    if article.published:
        claim["datePublished"] = article.published
    speaker = attributed_to(verdict.claim.text)
    if speaker:
        claim["author"] = {"@type": "Person", "name": speaker}
    return _without_nones({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": publisher.url_of(verdict),
        "claimReviewed": shortened(verdict.claim.text),
        "datePublished": publisher.date,
        "author": {"@type": "Organization" if publisher.is_desk else "Person",
                   "name": publisher.name},
        "reviewRating": {"@type": "Rating", "ratingValue": RATING[verdict.status],
                         "bestRating": 3, "worstRating": 1,
                         "name": verdict.status.style.label,
                         "alternateName": verdict.words},
        "reviewBody": verdict.note,
        "itemReviewed": claim,
    })


def _without_nones(value):
    if isinstance(value, dict):
        return {k: _without_nones(v) for k, v in value.items() if v is not None}
    return value


def review_page(title: str, sections: list[tuple[ReportArticle, list[PublishedVerdict]]],
                reviews: list[dict]) -> str:
    """A self-contained HTML page: the reviews in words, each under its anchor, and
    their JSON-LD in the head."""
    data = json.dumps(reviews, ensure_ascii=False, indent=1).replace("</", "<\\/")
    body = []
    for article, verdicts in sections:
        body.append(f"<h2>{html.escape(article.title or 'Article')}</h2>")
        for verdict in verdicts:
            note = f"<p>{html.escape(verdict.note)}</p>" if verdict.note else ""
            body.append(
                f'<section id="{verdict.anchor}"><blockquote>'
                f"{html.escape(verdict.claim.text)}</blockquote>"
                f"<p><strong>{html.escape(verdict.words)}</strong></p>{note}</section>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title>\n"
            f'<script type="application/ld+json">\n{data}\n</script>\n</head>\n<body>\n'
            f"<h1>{html.escape(title)}</h1>\n" + "\n".join(body) + "\n</body></html>\n")
