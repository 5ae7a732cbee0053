"""Reading a ledger file line by line, as the app writes it (one event per line).

A large file is never held whole: its header is read up to the `"events": [` line, then
each event line is handed on and can be parsed alone, so memory follows the events kept,
not the file's bytes, its text and its parse tree at once. A file laid out otherwise
(hand-edited, pretty-printed) raises `OtherLayout`, and the reader falls back to parsing
it whole, which it allows only for smaller files.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from claimledger.domain.limits import MAX_ARTICLE_CHARS, MAX_UNKNOWN_PAYLOAD

EVENTS_OPEN = b'  "events": [\n'
EVENTS_CLOSE = b"  ]\n"
DOCUMENT_CLOSE = (b"}\n", b"}")
MAX_HEADER = 16 * 1024 * 1024
#: The longest line an event can take: an article's whole text (at most 4 bytes a
#: character in UTF-8) and the rest of the event. A longer line is refused unread, not
#: parsed (a parse of hundreds of megabytes would hold the interpreter for seconds).
MAX_EVENT_LINE = 4 * MAX_ARTICLE_CHARS + MAX_UNKNOWN_PAYLOAD


class OtherLayout(Exception):
    """Not the layout this app writes; the message says where it differs."""


class EventTooLong(Exception):
    """An event line longer than any event can be; the message says which."""


def header_bytes(handle: BinaryIO) -> tuple[bytes, int]:
    """The header (everything before the events) closed as a document of its own with no
    events, and the number of lines read."""
    lines, size = [], 0
    for line in handle:
        if line == EVENTS_OPEN:
            lines.append(b'  "events": []\n}\n')
            return b"".join(lines), len(lines)
        size += len(line)
        if size > MAX_HEADER:
            break
        lines.append(line)
    raise OtherLayout("no line opens the list of events")


def event_lines(handle: BinaryIO, first_line: int) -> Iterator[tuple[int, bytes]]:
    """(line number, the event's JSON) for each event line, through the closing lines."""
    number = first_line
    while line := handle.readline(MAX_EVENT_LINE + 8):
        number += 1
        if len(line) > MAX_EVENT_LINE + 6:  # "    " before the event, ",\n" after it
            raise EventTooLong(f"event line {number} is longer than any event can be "
                               f"(over {MAX_EVENT_LINE // 2**20} MB)")
        if line == EVENTS_CLOSE:
            _expect_end(handle, number)
            return
        if not line.startswith(b"    {"):
            raise OtherLayout(f"line {number} is not an event")
        body = line[4:-2] if line.endswith(b",\n") else line[4:-1]
        if not body.endswith(b"}"):
            raise OtherLayout(f"line {number} does not end an event")
        yield number, body
    raise OtherLayout("the file ends before its list of events does")


def _expect_end(handle: BinaryIO, number: int) -> None:
    rest = handle.read(8)
    if rest not in DOCUMENT_CLOSE:
        raise OtherLayout(f"line {number + 1} should end the file")
