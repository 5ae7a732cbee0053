"""The committed JSON Schema of the ledger file matches the code that reads the file."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claimledger.exchange import fields
from claimledger.exchange.ledgerfile import write_ledger_file
from claimledger.exchange.schema import ledger_file_schema, schema_text

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "schema" / "ledger-file.v2.schema.json"


def test_the_committed_schema_is_the_generated_one():
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "schema/ledger-file.v2.schema.json is out of date: run `make schema`"
    )


def test_the_module_prints_the_schema():
    done = subprocess.run(
        [sys.executable, "-m", "claimledger.exchange.schema"],
        capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(ROOT / "desktop"), "PATH": ""},
    )
    assert done.stdout == schema_text()


def test_the_schema_lists_every_field_the_reader_checks():
    schema = ledger_file_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    defs = schema["$defs"]
    for table, props in ((fields.EVENT_FIELDS, defs["event"]),
                         (fields.REVIEWER_FIELDS, defs["reviewer"]),
                         (fields.EXPORTER_FIELDS, defs["exporter"]),
                         (fields.HEADER_FIELDS, schema)):
        assert props["required"] == [f.name for f in table]
        assert props["additionalProperties"] is False
    kind = defs["event"]["properties"]["kind"]
    known = sorted(__import__("claimledger.domain.events", fromlist=["KINDS"]).KINDS)
    assert kind["examples"] == known  # known kinds listed; newer ones still fit the pattern
    assert all(re.fullmatch(kind["pattern"], k) for k in [*known, "claim.flagged"])
    assert not re.fullmatch(kind["pattern"], "DROP TABLE event")


def test_a_written_file_is_valid_against_the_schema(tmp_path, ann, ben):
    jsonschema = pytest.importorskip("jsonschema")
    path = tmp_path / "river.cledger"
    write_ledger_file(path, events=[ann.event(), ben.event(status="disputed")],
                      reviewers=[ann.card, ben.card], exporter_name="Ann Ode")
    document = json.loads(path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(ledger_file_schema())
    validator.validate(document)
    document["events"][0]["hlc"] = "yesterday"
    document["events"][1]["extra"] = 1
    assert len(list(validator.iter_errors(document))) == 2
