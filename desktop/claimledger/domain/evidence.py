"""Evidence rules: what a source may be, and which links are safe to keep and open."""

from __future__ import annotations

import re
from datetime import date

SOURCE_KINDS = {
    "web": "Web page",
    "document": "Document",
    "dataset": "Dataset",
    "statement": "Official statement",
    "interview": "Interview",
    "article": "Cited in the article",
    "other": "Other",
}
#: A source the article itself cites or quotes: the article is where it points.
CITED_IN_ARTICLE = "article"


STANCES = {"supports": "Supports", "contradicts": "Contradicts", "context": "Context"}
LINK_SCHEMES = ("http", "https", "doi")
_DOI = re.compile(r"^doi:10\.\d{4,9}/\S+$", re.IGNORECASE)
_WEB = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+[^\s]*$|^https?://localhost[^\s]*$",
                  re.IGNORECASE)


class EvidenceError(ValueError):
    pass


def check_pointer(fields: dict) -> None:
    """Every source points somewhere (a link or a local file), but the article's own
    citation, which points at the article."""
    if fields.get("kind") != CITED_IN_ARTICLE and not fields.get("url") \
            and not fields.get("file"):
        raise EvidenceError("A source needs a link or a local file.")


def check_url(url: str, *, doi_allowed: bool = True) -> str:
    """The URL, trimmed, if it is http(s) (or doi:); else EvidenceError saying why."""
    url = url.strip()
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme == "doi" and doi_allowed:
        if _DOI.match(url):
            return url
        raise EvidenceError(f"{url!r} is not a DOI; write it like doi:10.1234/abcd.")
    if scheme not in ("http", "https"):
        allowed = "http, https or doi" if doi_allowed else "http or https"
        shown = scheme + ":" if scheme else "no scheme"
        raise EvidenceError(f"Links must be {allowed}; {url!r} has {shown}.")
    if not _WEB.match(url) or any(c in url for c in "<>\"'` "):
        raise EvidenceError(f"{url!r} is not a valid web address.")
    return url


def check_choice(value: str, allowed: dict[str, str], what: str) -> str:
    key = value.strip().lower()
    for name, label in allowed.items():
        if key in (name, label.lower()):
            return name
    raise EvidenceError(f"Unknown {what} {value!r}; use one of: {', '.join(allowed)}.")


def check_date(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise EvidenceError(f"{value!r} is not a date; write it as YYYY-MM-DD.") from None


def browsable_url(url: str | None) -> str | None:
    """A URL the app may hand to the system browser: http(s) as is, doi: via doi.org."""
    if not url:
        return None
    try:
        checked = check_url(url)
    except EvidenceError:
        return None
    if checked.lower().startswith("doi:"):
        return "https://doi.org/" + checked[4:]
    return checked
