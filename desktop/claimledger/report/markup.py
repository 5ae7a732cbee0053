"""Turning untrusted user text into safe reportlab paragraph markup.

Every string from the user goes through `esc` (or `link`) before it is put into
markup, so "&", "<b" or "<img src=...>" print literally and can never pull a file in.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from claimledger.domain.status import Status

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_ATTR = {'"': "&quot;"}
_DOI = re.compile(r"^(?:doi:\s*)?(10\.\d{4,9}/\S+)$", re.IGNORECASE)
DASH = "—"


def clean(text: str | None) -> str:
    """Text with control characters and lone surrogates removed (fonts cannot draw them)."""
    if not text:
        return ""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def esc(text: str | None, empty: str = "") -> str:
    """Escaped markup for `text`; line breaks become <br/>; `empty` when there is no text."""
    text = clean(text).strip()
    if not text:
        return empty
    return escape(text).replace("\n", "<br/>")


def safe_url(url: str | None) -> str | None:
    """The URL to make clickable, or None when it is not an http(s) or DOI link."""
    url = clean(url).strip()
    if not url or any(c.isspace() for c in url):
        return None
    doi = _DOI.match(url)
    if doi and not url.lower().startswith("http"):
        return "https://doi.org/" + doi.group(1)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url
    return None


def link(url: str | None, label: str | None = None) -> str:
    """Markup for a link: clickable when safe, otherwise the escaped text only."""
    shown = esc(label or url)
    target = safe_url(url)
    if target is None:
        return shown
    href = escape(target, _ATTR)
    return f'<a href="{href}" color="#1f4e9a"><u>{shown}</u></a>'


def chip(status: Status) -> str:
    """A colour square and the status word (the word keeps colour from being the only cue)."""
    style = status.style
    return f'<font color="{style.colour}">■</font> {escape(style.label)}'
