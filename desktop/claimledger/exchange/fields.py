"""The field tables of a ledger file, shared by the reader and the JSON Schema.

`ledgerfile` validates with these tables and `schema` generates the JSON Schema from
them, so the two cannot drift. Each field type has a JSON type, an optional regular
expression (written without anchors; the schema adds ^...$) and, where JSON Schema
cannot say it, a further check.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from claimledger.domain.clock import format_stamp, parse_stamp
from claimledger.domain.events import KINDS
from claimledger.exchange import keys

FORMAT = "claim-ledger/ledger"
VERSION = 2
#: Format 1 had random UUID event ids signed with the id; 2 has content ids and states,
#: per reviewer, how complete the file is.
READS = (1, 2)
MAX_DEPTH = 64  # nesting levels of the whole document, counting the top object as 1


def _stamp_ok(value: str) -> bool:
    try:
        return format_stamp(*parse_stamp(value)) == value
    except ValueError:
        return False


def _datetime_ok(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class FieldType:
    name: str  # how a problem names it: "a UUID", "a clock stamp", ...
    json_type: str  # "string" | "integer" | "object" | "array"
    pattern: str | None = None
    check: Callable[[Any], bool] | None = None
    schema_extra: dict[str, Any] = field(default_factory=dict)
    accepts: Callable[[Any], bool] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "accepts", _acceptor(self))

    def problem(self, value: Any) -> str | None:
        """None if `value` fits, else 'is not <name>' (or 'is <json type>, not <name>')."""
        if not _json_type_ok(value, self.json_type):
            return f"is {json_type_name(value)}, not {self.name}"
        if not self.accepts(value):
            return f"is not {self.name}"
        return None


_PY_TYPES = {"string": str, "integer": int, "object": dict, "array": list}


def _acceptor(kind: FieldType) -> Callable[[Any], bool]:
    """A fast yes/no test per type for the reader's hot path: exact JSON types only, so
    it may say no where `problem` (the authority, which explains a no) says yes."""
    py_type, check = _PY_TYPES[kind.json_type], kind.check
    fullmatch = re.compile(kind.pattern, re.ASCII).fullmatch if kind.pattern else None
    if fullmatch is not None and check is None:
        return lambda value: type(value) is py_type and fullmatch(value) is not None
    if fullmatch is not None:
        return lambda value: (type(value) is py_type and fullmatch(value) is not None
                              and bool(check(value)))
    if check is not None:
        return lambda value: type(value) is py_type and bool(check(value))
    return lambda value: type(value) is py_type


def _json_type_ok(value: Any, json_type: str) -> bool:
    if json_type == "string":
        return isinstance(value, str)
    if json_type == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if json_type == "object":
        return isinstance(value, dict)
    if json_type == "array":
        return isinstance(value, list)
    raise AssertionError(json_type)


def json_type_name(value: Any) -> str:
    for kind, name in ((bool, "a boolean"), (str, "text"), (int, "a number"),
                       (float, "a number"), (dict, "an object"), (list, "a list")):
        if isinstance(value, kind):
            return name
    return "null"


UUID = FieldType(
    "a UUID", "string", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)
_UUID_PATTERN = UUID.pattern
EVENT_ID = FieldType("an event id (64 hex digits, or a UUID for an event from before them)",
                     "string", f"[0-9a-f]{{64}}|{_UUID_PATTERN}")
TEXT = FieldType("non-empty text", "string", check=bool, schema_extra={"minLength": 1})
#: Any well-formed kind is carried: a kind this version does not know (from a newer app)
#: is verified, stored and passed on, and changes nothing here until an app that knows
#: it replays the log. So no reviewer's work is lost between app versions.
KIND = FieldType("an event kind (like verdict.set)", "string", "[a-z]+(?:[._-][a-z]+){1,3}",
                 check=lambda kind: len(kind) <= 64,
                 schema_extra={"maxLength": 64, "examples": sorted(KINDS)})
STAMP = FieldType("a clock stamp", "string", "[0-9]{15}\\.[0-9]{6}", check=_stamp_ok)
OBJECT = FieldType("an object", "object")
SIGNATURE = FieldType("an Ed25519 signature in base64", "string", "[A-Za-z0-9+/]{86}==")
PUBLIC_KEY = FieldType("an Ed25519 public key in base64", "string", "[A-Za-z0-9+/]{43}=",
                       check=keys.is_public_key_b64)
DATETIME = FieldType("an ISO 8601 date and time", "string", check=_datetime_ok,
                     schema_extra={"format": "date-time"})
INTEGER = FieldType("a whole number from 1", "integer", check=(1).__le__,
                    schema_extra={"minimum": 1})
LIST = FieldType("a list", "array")


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: FieldType
    description: str
    schema: dict[str, Any] = field(default_factory=dict)  # refines the type's schema


EVENT_FIELDS: tuple[Field, ...] = (
    Field("id", EVENT_ID, "The SHA-256 of the event's canonical bytes (older events: a UUID, "
          "signed with the event); merging ledgers is the union of events by id."),
    Field("kind", KIND, "What happened (claim.created, verdict.set, ...)."),
    Field("author", UUID, "The id of the reviewer who made and signed the event."),
    Field("hlc", STAMP, "Hybrid logical clock stamp: 15-digit ms, '.', 6-digit counter."),
    Field("payload", OBJECT, "The event's data; its shape depends on the kind."),
    Field("signature", SIGNATURE,
          "Ed25519 signature by the author over the event's canonical JSON without it."),
)
REVIEWER_FIELDS_V1: tuple[Field, ...] = (
    Field("id", UUID, "The reviewer's UUID."),
    Field("name", TEXT, "The reviewer's display name."),
    Field("public_key", PUBLIC_KEY, "The reviewer's raw 32-byte Ed25519 public key."),
)
REVIEWER_FIELDS: tuple[Field, ...] = REVIEWER_FIELDS_V1 + (
    Field("events", INTEGER, "How many of this reviewer's events the file carries."),
    Field("held", INTEGER, "How many of this reviewer's events the exporter held; more "
          "than `events` means the file is a part (some articles) or was cut."),
    Field("head", EVENT_ID, "The id of the latest of this reviewer's events the exporter "
          "held (by clock): a receiver without it has an incomplete view of them."),
)
EXPORTER_FIELDS: tuple[Field, ...] = (
    Field("app", TEXT, "The application that wrote the file."),
    Field("version", TEXT, "Its version."),
    Field("reviewer", TEXT, "The reviewer who exported the file (display name)."),
)
HEADER_FIELDS: tuple[Field, ...] = (
    Field("format", TEXT, f"Always '{FORMAT}'.", {"const": FORMAT}),
    Field("version", INTEGER, f"The format version; this app writes {VERSION}.",
          {"const": VERSION}),
    Field("exporter", OBJECT, "Who wrote the file, with what.",
          {"$ref": "#/$defs/exporter"}),
    Field("exported_at", DATETIME, "When the file was written (ISO 8601, UTC)."),
    Field("reviewers", LIST, "Every author of an event in the file, with their key.",
          {"items": {"$ref": "#/$defs/reviewer"}}),
    Field("events", LIST, "The signed events, in the exporter's log order.",
          {"items": {"$ref": "#/$defs/event"}}),
)
