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


#: A text is hard-wrapped when at least this share of the lines at least half as long as
#: the longest that run on to another line of their paragraph are full (the next word
#: would not have fitted) ...
FULL_SHARE = 0.5
#: ... and there are at least this many of them, at a width a wrapping tool uses.
FULL_LINES = 3
WRAP_WIDTHS = range(30, 121)
_LIST_ITEM = re.compile(r"\s*(?:[-*•–]\s|\d{1,3}[.)]\s|\(?[a-z]\)\s)")


def unwrap_hard_wrapped(text: str) -> str:
    """Join the lines of a hard-wrapped text (pasted from an e-mail, a PDF or a terminal:
    every paragraph broken at the same width) into one line per paragraph, so that no
    sentence is cut at a line break. A line that was not full (the next word would have
    fitted) ends where its writer ended it, and a list item starts a line of its own.
    A text that is not hard-wrapped is returned as it is; an unwrapped text stays as it is.
    """
    lines = text.split("\n")
    runs_on = [i for i in range(len(lines) - 1) if lines[i].strip() and lines[i + 1].strip()]
    if len(runs_on) < FULL_LINES:
        return text
    width = max(len(lines[i]) for i in runs_on)
    if width not in WRAP_WIDTHS:
        return text
    full = [i for i in runs_on if _is_full(lines[i], lines[i + 1], width)]
    long_lines = [i for i in runs_on if len(lines[i]) >= width / 2]  # not a heading's
    if len(full) < FULL_LINES or len(full) < FULL_SHARE * len(long_lines):
        return text
    ends_full = set(full)
    paragraphs = [[lines[0]]]
    for i in range(1, len(lines)):
        if i - 1 in ends_full and not _LIST_ITEM.match(lines[i]):
            paragraphs[-1].append(lines[i].strip())
        else:
            paragraphs.append([lines[i]])
    return "\n".join(" ".join(parts) for parts in paragraphs)


def _is_full(line: str, following: str, width: int) -> bool:
    next_word = following.split()[0] if following.split() else ""
    return len(line) + 1 + len(next_word) > width and not _LIST_ITEM.match(following)
