"""The JSON Schema (draft 2020-12) of a ledger file, generated from `fields`.

    python -m claimledger.exchange.schema > schema/ledger-file.v2.schema.json

The reader validates with the same tables; a few checks JSON Schema cannot express
(a stamp's digits, a key that decodes to 32 bytes, unique event ids, the nesting
limit) are the reader's alone.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from claimledger.exchange import fields as F

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = f"urn:claim-ledger:schema:ledger-file:v{F.VERSION}"


def ledger_file_schema() -> dict[str, Any]:
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": "Claim Ledger ledger file",
        "description": (
            "Signed events exchanged between reviewers (suffix .cledger). Merging two "
            "ledgers is the union of their events; each event is verified against its "
            "author's Ed25519 key."
        ),
        **_object(F.HEADER_FIELDS),
        "$defs": {
            "exporter": _object(F.EXPORTER_FIELDS),
            "reviewer": _object(F.REVIEWER_FIELDS),
            "event": _object(F.EVENT_FIELDS),
        },
    }


def schema_text() -> str:
    """The schema as committed in schema/: stable key order, two-space indent."""
    return json.dumps(ledger_file_schema(), indent=2, ensure_ascii=False) + "\n"


def _object(table: tuple[F.Field, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": [field.name for field in table],
        "additionalProperties": False,
        "properties": {field.name: _property(field) for field in table},
    }


def _property(field: F.Field) -> dict[str, Any]:
    kind = field.type
    schema: dict[str, Any] = {"description": field.description, "type": kind.json_type}
    if kind.pattern is not None:
        schema["pattern"] = f"^{kind.pattern}$"
    schema.update(kind.schema_extra)
    schema.update(field.schema)
    if "$ref" in field.schema:  # a reference stands for the whole type
        schema = {"description": field.description, "$ref": field.schema["$ref"]}
    return schema


def main() -> None:
    sys.stdout.write(schema_text())


if __name__ == "__main__":
    main()
