"""Strict JSON for ledger files: no duplicate keys, no NaN or Infinity, no number too
large for a float, bounded nesting; every problem is a `Problem` whose message says
where, in words (the ledger reader prefixes the file's name)."""

from __future__ import annotations

import json
import math
import sys
from typing import Any

from claimledger.exchange import fields as F


class Problem(Exception):
    """A problem inside the file."""


class Constant(Exception):
    """NaN, Infinity or a number too large, met by the parser's hooks."""


def _reject_constant(name: str) -> Any:
    raise Constant(f"{name} is not allowed (JSON has no NaN or Infinity)")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise Constant(f"the number {text[:40]} is too large")
    return value


LINE_DECODER = json.JSONDecoder(parse_constant=_reject_constant, parse_float=_finite_float)


def parse_json(text: str, *, interned: bool = False) -> Any:
    """The JSON value of `text`; `interned` shares the key strings between the many small
    documents of a streamed file, as one big document's parse shares them by itself."""
    duplicates: list[tuple[str, dict]] = []
    intern = sys.intern

    def pairs(items: list[tuple[str, Any]]) -> dict:
        obj = {intern(k): v for k, v in items} if interned else dict(items)
        if len(obj) != len(items) and not duplicates:
            duplicates.append((_first_duplicate(items), obj))
        return obj

    try:
        doc = json.loads(text, object_pairs_hook=pairs, parse_constant=_reject_constant,
                         parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        raise Problem(_syntax(exc)) from None
    except Constant as exc:
        raise Problem(str(exc)) from None
    except RecursionError:
        raise Problem(f"nested too deeply (more than {F.MAX_DEPTH} levels)") from None
    except ValueError as exc:
        raise Problem(_value_problem(exc)) from None
    if duplicates:
        key, obj = duplicates[0]
        raise Problem(f"duplicate key {key!r} {_where(doc, obj)}")
    return doc


def _value_problem(exc: ValueError) -> str:
    """Python's words for a number too long to convert name its own setting; ours say
    what is wrong with the file."""
    if "integer string conversion" in str(exc):
        limit = sys.get_int_max_str_digits()
        return f"has a number of more than {limit:,} digits (no ledger file holds one)"
    return "not valid JSON"


def _syntax(exc: json.JSONDecodeError) -> str:
    where = f"line {exc.lineno}, column {exc.colno}"
    if not exc.doc[exc.pos:].strip():
        return f"truncated: the file ends in the middle of the JSON ({where})"
    if exc.msg == "Extra data":
        return f"has text after the end of the JSON ({where})"
    reason = exc.msg[:1].lower() + exc.msg[1:]
    return f"truncated or not JSON ({where}: {reason})"


def _first_duplicate(items: list[tuple[str, Any]]) -> str:
    seen: set[str] = set()
    for key, _ in items:
        if key in seen:
            return key
        seen.add(key)
    return ""


def _where(doc: Any, obj: dict) -> str:
    """Where a parsed object sits, for messages: 'in event 17', 'in the header', ..."""
    if obj is doc or not isinstance(doc, dict):
        return "in the header"
    for key, label in (("exporter", "the exporter"), ("reviewers", "reviewer"),
                       ("events", "event")):
        value = doc.get(key)
        if value is obj or (isinstance(value, dict) and _contains(value, obj)):
            return f"in {label}"
        if isinstance(value, list):
            for index, item in enumerate(value, 1):
                if item is obj or _contains(item, obj):
                    return f"in {label} {index}"
    return "in the file"


def _contains(value: Any, target: dict) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if item is target:
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def keys_in(value: Any) -> int:
    count, stack = 0, [value]
    while stack:
        item = stack.pop()
        if type(item) is dict:
            count += len(item)
            stack.extend(v for v in item.values() if type(v) in (dict, list))
        elif type(item) is list:
            stack.extend(v for v in item if type(v) in (dict, list))
    return count
