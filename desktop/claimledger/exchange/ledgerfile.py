"""The ledger file (.cledger): a JSON header, reviewer cards and signed events (DESIGN §5).

Written atomically, one event per line so two exports diff well. Read strictly: UTF-8
only, no duplicate keys, no NaN or Infinity, bounded size and nesting, every field
checked against the tables in `fields`. Every failure is a `LedgerFileError` whose
message names the file and says where and why, in one sentence. Events are numbered
from 1, in file order, in messages.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from claimledger import __version__
from claimledger.atomic import atomic_write
from claimledger.domain.events import Event
from claimledger.exchange import fields as F
from claimledger.exchange import linereader
from claimledger.exchange.errors import LedgerFileError
from claimledger.exchange.strictjson import LINE_DECODER as _LINE_DECODER
from claimledger.exchange.strictjson import Constant as _Constant
from claimledger.exchange.strictjson import Problem as _Bad
from claimledger.exchange.strictjson import keys_in as _keys_in
from claimledger.exchange.strictjson import parse_json as _parse_json

FORMAT = F.FORMAT
VERSION = F.VERSION
SUFFIX = ".cledger"
APP_NAME = "Claim Ledger"
MAX_BYTES = 512 * 1024 * 1024
_PAYLOAD_DEPTH = F.MAX_DEPTH - 3  # document > events list > event > payload
_EVENT_KEYS = frozenset(f.name for f in F.EVENT_FIELDS)


@dataclass(frozen=True, slots=True)
class ReviewerCard:
    id: str
    name: str
    public_key: str


@dataclass(frozen=True, slots=True)
class Chain:
    """How complete a file is for one reviewer: `events` of theirs in the file, of the
    `held` the exporter had, the latest of which is `head`."""

    events: int
    held: int
    head: str


@dataclass(frozen=True, slots=True)
class Exporter:
    app: str
    version: str
    reviewer: str


@dataclass(frozen=True)
class LedgerFile:
    format: str
    version: int
    exporter: Exporter
    exported_at: str
    reviewers: list[ReviewerCard]
    events: list[Event]
    path: Path | None = None
    #: reviewer id -> Chain (format 2 on)
    chains: dict[str, Chain] = dataclass_field(default_factory=dict)

    @property
    def name(self) -> str:
        """How messages name the file."""
        return self.path.name if self.path is not None else "ledger file"


# -- writing ------------------------------------------------------------------------------


def write_ledger_file(
    path: Path,
    *,
    events: Iterable[Event],
    reviewers: Iterable[ReviewerCard],
    exporter_name: str,
    exported_at: datetime | None = None,
    chains: dict[str, Chain] | None = None,
) -> None:
    """Write a ledger file atomically. `events` may be a generator (streamed, in order)
    when `chains` says how many events of each reviewer it yields.

    ValueError (and no file) if an event is unsigned, has no reviewer card, or could not
    be read back (NaN, nesting deeper than the reader allows).
    """
    cards = list(reviewers)
    known = {card.id for card in cards}
    if chains is None:
        events = list(events)
        chains = chains_of(events)
    when = (exported_at or datetime.now(UTC)).replace(microsecond=0).isoformat()
    header = {
        "format": FORMAT,
        "version": VERSION,
        "exporter": {"app": APP_NAME, "version": __version__, "reviewer": exporter_name},
        "exported_at": when,
    }
    if not exporter_name.strip():
        raise ValueError("the exporter needs a name")

    def write(handle: BinaryIO) -> None:
        handle.write(b"{\n")
        for key, value in header.items():
            handle.write(f"  {_dumps(key)}: {_dumps(value)},\n".encode())
        _write_list(handle, "reviewers", (_card_json(c, chains) for c in cards if c.id in chains),
                    last=False)
        _write_list(handle, "events", (_event_json(e, known) for e in events), last=True)
        handle.write(b"}\n")

    atomic_write(Path(path), write)


def _write_list(handle: BinaryIO, key: str, items: Iterable[str], *, last: bool) -> None:
    handle.write(f'  "{key}": ['.encode())
    separator = "\n    "
    for item in items:
        handle.write((separator + item).encode("utf-8"))
        separator = ",\n    "
    handle.write(("\n  ]" if separator != "\n    " else "]").encode())
    handle.write(b"\n" if last else b",\n")


def _card_json(card: ReviewerCard, chains: dict[str, Chain]) -> str:
    chain = chains[card.id]
    return _dumps({"id": card.id, "name": card.name, "public_key": card.public_key,
                   "events": chain.events, "held": chain.held, "head": chain.head})


def chains_of(events: Iterable[Event], held: dict[str, Chain] | None = None
              ) -> dict[str, Chain]:
    """Each author's count in `events`, with what the exporter held (`held`, by author;
    default: exactly these events) and the head of their chain."""
    counts: dict[str, int] = {}
    heads: dict[str, Event] = {}
    for event in events:
        counts[event.author] = counts.get(event.author, 0) + 1
        head = heads.get(event.author)
        if head is None or event.order_key > head.order_key:
            heads[event.author] = event
    out = {}
    for author, count in counts.items():
        whole = (held or {}).get(author)
        out[author] = Chain(count, whole.held if whole else count,
                            whole.head if whole else heads[author].id)
    return out


def _event_json(event: Event, known: set[str]) -> str:
    if not event.signature:
        raise ValueError(f"event {event.id} is not signed")
    if event.author not in known:
        raise ValueError(f"event {event.id}: its author {event.author} has no reviewer card")
    if not _depth_within(event.payload, _PAYLOAD_DEPTH):
        raise ValueError(f"event {event.id}: payload nested more than {F.MAX_DEPTH} levels")
    body = {f.name: getattr(event, f.name) for f in F.EVENT_FIELDS}
    return _dumps(body)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))


# -- reading ------------------------------------------------------------------------------


def read_ledger_file(path: Path, max_bytes: int = MAX_BYTES) -> LedgerFile:
    """Read and check a ledger file. Its size is checked before anything is read; a file
    from STREAM_FROM bytes in the app's own layout is read line by line (see linereader);
    other files are read whole, up to WHOLE_MAX bytes (see there)."""
    path = Path(path)
    try:
        try:
            with _open_regular(path) as handle:
                size = _size(handle)
                if size > max_bytes:
                    raise _Bad(_too_large(size, max_bytes))
                if size >= STREAM_FROM:
                    streamed = _stream(handle, path, size)
                    if streamed is not None:
                        return streamed
                data = handle.read(size + 1)
        except OSError as exc:
            raise _Bad(f"cannot be read ({exc.strerror or exc})") from None
        return _parse(data, path)
    except _Bad as exc:
        raise LedgerFileError(f"{path.name}: {exc}") from None


#: Up to this size a file is parsed whole (fastest; at most about 5x its size in memory,
#: well under 3x the largest file accepted); a larger one is streamed (about 2x its size)
#: and must then be in the app's own layout.
WHOLE_MAX = 64 * 1024 * 1024
STREAM_FROM = WHOLE_MAX + 1


def _stream(handle: BinaryIO, path: Path, size: int) -> LedgerFile | None:
    """The file read line by line, or None (rewound) to read it whole instead."""
    try:
        header, lines = linereader.header_bytes(handle)
        head = _parse(header, path, whole=False)
        events, seen = [], {}
        for number, body in linereader.event_lines(handle, lines):
            events.append(_event_of(_parse_line(body, number, len(events) + 1),
                                    len(events) + 1, seen))
    except linereader.EventTooLong as exc:
        raise _Bad(str(exc)) from None
    except (linereader.OtherLayout, _Bad) as exc:
        if size > WHOLE_MAX:
            raise _Bad(f"{exc} (a file over {WHOLE_MAX // 2**20} MB must be laid out as "
                       "Claim Ledger writes it, one event per line)") from None
        handle.seek(0)
        return None
    _check_chains(head.chains, head.reviewers, events)
    return replace(head, events=events)


def _parse_line(body: bytes, number: int, index: int) -> Any:
    """One event line. The C parser reads it alone; the line cannot hide a duplicate key
    when it has as many '": ' as the parsed objects have keys (a duplicate leaves fewer
    keys than the text names). Anything else is parsed again by the strict path, which
    names the duplicate."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Bad(f"not UTF-8 text (byte 0x{body[exc.start]:02x} on line {number})") from None
    try:
        item, end = _LINE_DECODER.scan_once(text, 0)
        if end == len(text) and type(item) is dict and text.count('": ') == _keys_in(item):
            _share_strings(item)
            return item
        return _parse_json(text, interned=True)
    except (ValueError, RecursionError, StopIteration, _Constant):
        try:
            return _parse_json(text, interned=True)
        except _Bad as exc:
            raise _Bad(f"event {index} (line {number}): {exc}") from None
    except _Bad as exc:
        raise _Bad(f"event {index} (line {number}): {exc}") from None


#: A payload's string values up to this length are shared between events (a status, a
#: claim's id): a million events then hold one copy of each, not a million.
_SHARED_VALUE = 32


def _share_strings(item: dict) -> None:
    """Intern what repeats from event to event of a streamed file: the kind, the author,
    the payload's keys and its short values."""
    intern = sys.intern
    for key in ("kind", "author"):
        if type(item.get(key)) is str:
            item[key] = intern(item[key])
    payload = item.get("payload")
    if type(payload) is dict:
        item["payload"] = {intern(k): intern(v) if type(v) is str and len(v) <= _SHARED_VALUE
                           else v for k, v in payload.items()}


def parse_ledger_bytes(data: bytes, path: Path | None = None) -> LedgerFile:
    """Parse a ledger file already in memory (e.g. an e-mail attachment). A problem of
    one event sets the error's `event_index` (its place among the events, from 1)."""
    try:
        return _parse(data, path)
    except _Bad as exc:
        name = path.name if path is not None else "ledger file"
        error = LedgerFileError(f"{name}: {exc}")
        found = _EVENT_AT.match(str(exc))
        error.event_index = int(found.group(1)) if found else None
        raise error from None


#: How a problem of one event begins ("event 3: ...", "event 3 (line 9): ...").
_EVENT_AT = re.compile(r"event (\d+)\b")


def _parse(data: bytes, path: Path | None, *, whole: bool = True) -> LedgerFile:
    """`whole` False: the header of a streamed file, whose events come after."""
    doc = _parse_json(_decode(data))
    _check_header(doc)
    cards, chains = _reviewers(doc["reviewers"], doc["version"])
    events = _events(doc["events"])
    if whole:
        _check_chains(chains, cards, events)
    return LedgerFile(
        format=doc["format"],
        version=doc["version"],
        exporter=_exporter(doc["exporter"]),
        exported_at=doc["exported_at"],
        reviewers=cards,
        events=events,
        path=path,
        chains=chains,
    )


def _open_regular(path: Path) -> BinaryIO:
    """The file opened for reading, without blocking, once it is known to be an ordinary
    file: a named pipe would wait for a writer for ever, a device never end."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                         | getattr(os, "O_BINARY", 0))
    try:
        kind = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(kind):
            raise _Bad("is a folder, not a ledger file")
        if not stat.S_ISREG(kind):
            raise _Bad("is not an ordinary file (a device, pipe or socket); save the ledger "
                       "to a file first")
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _size(handle: BinaryIO) -> int:
    return os.fstat(handle.fileno()).st_size


def _too_large(size: int, limit: int) -> str:
    return (f"too large ({size / 2**20:,.1f} MB; this app reads ledger files up to "
            f"{limit / 2**20:,.0f} MB)")


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _Bad(f"not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line})") from None
    if not text.strip():
        raise _Bad("empty file")
    return text


# -- checking the shape -------------------------------------------------------------------


def _check_header(doc: Any) -> None:
    if not isinstance(doc, dict):
        raise _Bad(f"not a Claim Ledger file (the JSON is {F.json_type_name(doc)})")
    if "format" not in doc:
        raise _Bad("not a Claim Ledger file (it has no 'format' field)")
    if doc["format"] != FORMAT:
        raise _Bad(f"not a Claim Ledger file (format is {_show(doc['format'])})")
    version = doc.get("version")
    if F.INTEGER.problem(version) is not None:
        raise _Bad(f"unknown format version {_show(version)}")
    if version > VERSION:
        raise _Bad(f"version {version} is newer than this app reads ({VERSION}); "
                   "update Claim Ledger to open it")
    if version not in F.READS:
        raise _Bad(f"unknown format version {_show(version)}")
    _check_object(doc, F.HEADER_FIELDS, "the header")


def _check_object(raw: Any, table: tuple[F.Field, ...], where: str) -> None:
    if not isinstance(raw, dict):
        raise _Bad(f"{where} is {F.json_type_name(raw)}, not an object")
    for field in table:
        if field.name not in raw:
            raise _Bad(f"{where}: missing field {field.name!r}")
        problem = field.type.problem(raw[field.name])
        if problem is not None:
            raise _Bad(f"{where}: field {field.name!r} {problem} "
                       f"({_show(raw[field.name])})")
    if len(raw) != len(table):
        names = {field.name for field in table}
        unknown = next(key for key in raw if key not in names)
        raise _Bad(f"{where}: unknown field {unknown!r}")


def _exporter(raw: Any) -> Exporter:
    _check_object(raw, F.EXPORTER_FIELDS, "the exporter")
    return Exporter(raw["app"], raw["version"], raw["reviewer"])


def _reviewers(raw: list, version: int) -> tuple[list[ReviewerCard], dict[str, Chain]]:
    table = F.REVIEWER_FIELDS_V1 if version == 1 else F.REVIEWER_FIELDS
    cards: list[ReviewerCard] = []
    chains: dict[str, Chain] = {}
    for index, item in enumerate(raw, 1):
        _check_object(item, table, f"reviewer {index}")
        if any(card.id == item["id"] for card in cards):
            raise _Bad(f"reviewer {index}: id {item['id']} is listed twice")
        cards.append(ReviewerCard(item["id"], item["name"], item["public_key"]))
        if version > 1:
            chains[item["id"]] = Chain(item["events"], item["held"], item["head"])
    return cards, chains


def _check_chains(chains: dict[str, Chain], cards: list[ReviewerCard],
                  events: list[Event]) -> None:
    """A card's count must be what the file carries: a file cut short says so."""
    if not chains:
        return
    counts: dict[str, int] = {}
    for event in events:
        counts[event.author] = counts.get(event.author, 0) + 1
    for index, card in enumerate(cards, 1):
        chain, count = chains[card.id], counts.get(card.id, 0)
        if chain.events != count:
            raise _Bad(f"reviewer {index} ({card.name}) is said to have {chain.events:,} "
                       f"events in the file, but {count:,} are there; the file was cut or "
                       "altered")
        if chain.held < chain.events:
            raise _Bad(f"reviewer {index} ({card.name}): the exporter is said to hold "
                       f"fewer of their events ({chain.held:,}) than the file carries")


def _events(raw: list) -> list[Event]:
    seen: dict[str, int] = {}
    return [_event_of(item, index, seen) for index, item in enumerate(raw, 1)]


def _event_of(item: Any, index: int, seen: dict[str, int]) -> Event:
    if type(item) is not dict or item.keys() != _EVENT_KEYS or not _fast_ok(item):
        _check_object(item, F.EVENT_FIELDS, f"event {index}")
    if not _depth_within(item["payload"], _PAYLOAD_DEPTH):
        raise _Bad(f"event {index}: nested too deeply (more than {F.MAX_DEPTH} levels)")
    first = seen.setdefault(item["id"], index)
    if first != index:
        raise _Bad(f"event {index}: id {item['id']} appears twice (also event {first})")
    return Event(item["id"], sys.intern(item["kind"]), sys.intern(item["author"]),
                 item["hlc"], item["payload"], item["signature"])


_EVENT_CHECKS = tuple((f.name, f.type.accepts) for f in F.EVENT_FIELDS)


def _fast_ok(item: dict) -> bool:
    for name, accepts in _EVENT_CHECKS:
        if not accepts(item[name]):
            return False
    return True


def _depth_within(value: Any, limit: int) -> bool:
    """True if `value` (a payload) nests at most `limit` levels, counting itself."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return False
        children = item.values() if isinstance(item, dict) else item
        for child in children:
            if isinstance(child, dict | list):
                stack.append((child, depth + 1))
    return True


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
