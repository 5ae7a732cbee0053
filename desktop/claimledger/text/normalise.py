"""Normalise article text: the exact text the reviewer reads and offsets point into.

Only the *line structure* is normalised; the characters themselves are kept (curly
quotes, NBSP, tabs, emoji), apart from NFC composition and invisible control characters
that would otherwise end up in the database and the PDF. The result is stable:
``normalise(normalise(t)) == normalise(t)``, which matters because an article's id is
derived from the hash of this text.
"""

from __future__ import annotations

import re
import unicodedata

#: Every line break Python knows of (see str.splitlines) becomes "\n".
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
#: C0 controls other than tab and newline, DEL, and the "unit separator".
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")
#: Whitespace at the end of a line (horizontal: "\n" is not in the class).
_TRAILING_SPACE = re.compile(r"[^\S\n]+(?=\n|\Z)")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """NFC, "\\n" line endings, no trailing spaces, at most one blank line in a row."""
    text = text.replace("\ufeff", "")  # a stray BOM or zero-width no-break space
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROLS.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")  # whitespace-only lines are empty by now
