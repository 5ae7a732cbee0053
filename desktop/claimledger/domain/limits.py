"""The sizes a reviewer's input may have: the verbs enforce them on what is typed, and
the event validator on every event, local or received, so both say the same."""

from __future__ import annotations

from claimledger.domain.reasons import MAX_REASON

MAX_NOTE = 20_000
#: An article's text, in characters (its file may be at most 25 MB).
MAX_ARTICLE_CHARS = 25 * 1024 * 1024
SOURCE_TEXT = {"title": 500, "publisher": 200, "excerpt": 5000}
ARTICLE_TEXT = {"title": 500, "outlet": 200, "author": 300, "url": 2000}
#: Other short fields of an event (ids, file names, encodings, dates, URLs of sources).
SHORT_TEXT = 2000
#: A reviewer's display name.
MAX_NAME = 200
#: The canonical size of an event of a kind this app does not know (from a newer app).
MAX_UNKNOWN_PAYLOAD = 1024 * 1024

__all__ = ["ARTICLE_TEXT", "MAX_ARTICLE_CHARS", "MAX_NAME", "MAX_NOTE", "MAX_REASON",
           "MAX_UNKNOWN_PAYLOAD", "SHORT_TEXT", "SOURCE_TEXT"]
