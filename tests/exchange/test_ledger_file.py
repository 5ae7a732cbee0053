"""The .cledger file: round trips, atomic writes, and a clear refusal of bad files."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.domain import events as ev
from claimledger.exchange import keys
from claimledger.exchange.errors import LedgerFileError
from claimledger.exchange.ledgerfile import (
    FORMAT,
    VERSION,
    parse_ledger_bytes,
    read_ledger_file,
    write_ledger_file,
)

WHEN = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)


def _write(path: Path, reviewers, events, **kw) -> Path:
    write_ledger_file(path, events=events, reviewers=[r.card for r in reviewers],
                      exporter_name=kw.pop("exporter_name", "Ann Ode"),
                      exported_at=WHEN, **kw)
    return path


def _sample(tmp_path, ann, ben) -> Path:
    events = [ann.event(ev.REVIEWER_JOINED, name="Ann Ode"), ann.event(),
              ben.event(status="disputed", note="Zitat „falsch“ — 😀")]
    return _write(tmp_path / "river.cledger", [ann, ben], events)


def _bad(tmp_path, text: str | bytes, name: str = "river.cledger") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    with pytest.raises(LedgerFileError) as raised:
        read_ledger_file(path)
    message = str(raised.value)
    assert message.startswith(f"{name}: "), message
    return message


def _doc(tmp_path, ann, ben) -> dict:
    return json.loads(_sample(tmp_path, ann, ben).read_text())


def _edited(tmp_path, ann, ben, edit) -> str:
    doc = _doc(tmp_path, ann, ben)
    edit(doc)
    return _bad(tmp_path, json.dumps(doc), "edited.cledger")


# -- round trips ---------------------------------------------------------------------------


def test_a_written_file_reads_back_the_same(tmp_path, ann, ben):
    events = [ann.event(ev.REVIEWER_JOINED, name="Ann Ode"), ann.event(), ben.event()]
    path = _write(tmp_path / "river.cledger", [ann, ben], events)
    ledger = read_ledger_file(path)
    assert ledger.format == FORMAT and ledger.version == VERSION
    assert ledger.exporter.app == "Claim Ledger" and ledger.exporter.reviewer == "Ann Ode"
    assert datetime.fromisoformat(ledger.exported_at) == WHEN
    assert ledger.reviewers == [ann.card, ben.card]
    assert ledger.events == events
    assert all(keys.verify_event(e, ann.public if e.author == ann.id else ben.public)
               for e in ledger.events)
    assert ledger.path == path and ledger.name == "river.cledger"


def test_the_file_has_one_event_per_line(tmp_path, ann, ben):
    path = _sample(tmp_path, ann, ben)
    lines = path.read_text(encoding="utf-8").splitlines()
    event_lines = [line for line in lines if '"signature"' in line]
    assert len(event_lines) == 3
    assert "„falsch“" in path.read_text(encoding="utf-8")  # readable, not \\u escapes
    assert json.loads(path.read_text())["format"] == FORMAT


def test_an_empty_ledger_round_trips(tmp_path):
    path = tmp_path / "empty.cledger"
    write_ledger_file(path, events=[], reviewers=[], exporter_name="Ann Ode")
    ledger = read_ledger_file(path)
    assert ledger.events == [] and ledger.reviewers == []


def test_events_can_be_streamed_from_a_generator(tmp_path, ann):
    events = [ann.event() for _ in range(5)]
    path = _write(tmp_path / "a.cledger", [ann], (e for e in events))
    assert read_ledger_file(path).events == events


_json_leaf = (st.none() | st.booleans() | st.integers(-(2**63), 2**63)
              | st.floats(allow_nan=False, allow_infinity=False)
              | st.text(st.characters(exclude_categories=("Cs",)), max_size=20))
_payloads = st.dictionaries(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=10).filter(
        lambda key: key != "kind"),  # event()'s own argument
    st.recursive(_json_leaf, lambda inner: st.lists(inner, max_size=4)
                 | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=20),
    max_size=6,
)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=_payloads, kind=st.sampled_from(sorted(ev.KINDS)))
def test_any_event_round_trips_unchanged_and_still_verifies(tmp_path, ann, payload, kind):
    event = ann.event(kind, **{}) if not payload else ann.event(kind, **payload)
    path = _write(tmp_path / "h.cledger", [ann], [event])
    [back] = read_ledger_file(path).events
    assert back == event
    assert back.canonical_bytes() == event.canonical_bytes()
    assert keys.verify_event(back, ann.public)


# -- atomic writes -------------------------------------------------------------------------


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path, ann, ben):
    path = _sample(tmp_path, ann, ben)
    before = path.read_bytes()

    def events():
        yield ann.event()
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        _write(path, [ann], events())
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["river.cledger"]


def test_unsigned_or_unknown_author_events_are_not_written(tmp_path, ann, ben):
    import dataclasses

    unsigned = dataclasses.replace(ann.event(), signature=None)
    with pytest.raises(ValueError, match="not signed"):
        _write(tmp_path / "x.cledger", [ann], [unsigned])
    with pytest.raises(ValueError, match="no reviewer card"):
        _write(tmp_path / "x.cledger", [ann], [ben.event()])
    assert list(tmp_path.iterdir()) == []


# -- malformed files -----------------------------------------------------------------------


def test_an_empty_file(tmp_path):
    assert _bad(tmp_path, "") == "river.cledger: empty file"
    assert _bad(tmp_path, " \n\t") == "river.cledger: empty file"


def test_a_missing_file(tmp_path):
    with pytest.raises(LedgerFileError, match=r"^gone.cledger: cannot be read"):
        read_ledger_file(tmp_path / "gone.cledger")


def test_not_a_claim_ledger_file(tmp_path, ann, ben):
    assert _bad(tmp_path, '{"format": "foo"}') == (
        "river.cledger: not a Claim Ledger file (format is 'foo')")
    assert "no 'format' field" in _bad(tmp_path, '{"version": 1}')
    assert "not a Claim Ledger file (the JSON is a list)" in _bad(tmp_path, "[1, 2]")


def test_a_newer_version(tmp_path, ann, ben):
    message = _edited(tmp_path, ann, ben, lambda d: d.update(version=3))
    assert "version 3 is newer than this app reads (2)" in message
    assert "unknown format version" in _edited(tmp_path, ann, ben,
                                               lambda d: d.update(version="1"))
    assert "unknown format version" in _edited(tmp_path, ann, ben,
                                               lambda d: d.update(version=0))


def test_truncation_at_several_points(tmp_path, ann, ben):
    data = _sample(tmp_path, ann, ben).read_bytes()
    for cut in (1, 10, len(data) // 3, len(data) // 2, len(data) - 3):
        message = _bad(tmp_path, data[:cut], "cut.cledger")
        assert message.startswith("cut.cledger: truncated"), message
        assert "(line " in message and ", column " in message


def test_the_line_and_column_of_a_syntax_error(tmp_path):
    message = _bad(tmp_path, '{\n  "format": "claim-ledger/ledger",\n  "version" 1}')
    assert "(line 3, column 13" in message


def test_text_after_the_json(tmp_path, ann, ben):
    data = _sample(tmp_path, ann, ben).read_bytes() + b"{}"
    assert "text after the end of the JSON" in _bad(tmp_path, data)


def test_duplicate_keys_are_named_with_their_event(tmp_path, ann, ben):
    text = _sample(tmp_path, ann, ben).read_text()
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if '"signature"' in line) + 1  # event 2
    lines[index] = lines[index].replace('{"id": ', '{"id": "x", "id": ', 1)
    message = _bad(tmp_path, "\n".join(lines))
    assert message == "river.cledger: duplicate key 'id' in event 2"


def test_duplicate_keys_in_the_header_and_payload(tmp_path):
    assert "duplicate key 'format' in the header" in _bad(
        tmp_path, '{"format": "a", "format": "b"}')
    text = ('{"format": "claim-ledger/ledger", "events": [{"payload": '
            '{"a": 1, "a": 2}}]}')
    assert "duplicate key 'a' in event 1" in _bad(tmp_path, text)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused(tmp_path, constant):
    message = _bad(tmp_path, '{"format": "claim-ledger/ledger", "x": ' + constant + "}")
    assert f"{constant} is not allowed" in message


def test_a_number_too_large_for_a_float(tmp_path):
    assert "too large" in _bad(tmp_path, '{"x": 1e400}')


def test_a_whole_number_of_thousands_of_digits_is_named_in_words(tmp_path):
    message = _bad(tmp_path, '{"format": 1' + "9" * 6000 + "}")
    assert "a number of more than 4,300 digits" in message
    assert "set_int_max_str_digits" not in message and "\n" not in message


def test_deep_nesting_is_refused(tmp_path):
    message = _bad(tmp_path, "[" * 100_000)
    assert "nested too deeply" in message


def test_nesting_beyond_the_limit_inside_a_payload(tmp_path, ann, ben):
    deep: dict = {}
    for _ in range(200):
        deep = {"x": deep}
    message = _edited(tmp_path, ann, ben,
                      lambda d: d["events"][1].update(payload=deep))
    assert "event 2: nested too deeply (more than 64 levels)" in message


def test_fifty_megabytes_of_junk_are_refused(tmp_path):
    path = tmp_path / "junk.cledger"
    path.write_bytes(os.urandom(1024) * (50 * 1024))
    with pytest.raises(LedgerFileError, match=r"^junk.cledger: not UTF-8 text"):
        read_ledger_file(path)
    path.write_bytes(b"{" + b'"a":[' * 10 + b"x" * (50 * 2**20))
    with pytest.raises(LedgerFileError, match=r"^junk.cledger: truncated or not JSON \(line 1"):
        read_ledger_file(path)
    path.write_bytes(b'{"a": "' + b"x" * (50 * 2**20))
    with pytest.raises(LedgerFileError, match=r"^junk.cledger: truncated"):
        read_ledger_file(path)
    path.write_bytes(b"[" * (50 * 2**20))
    with pytest.raises(LedgerFileError, match=r"^junk.cledger: nested too deeply"):
        read_ledger_file(path)


def test_a_file_over_the_size_cap(tmp_path):
    path = tmp_path / "big.cledger"
    path.write_bytes(b" " * 2048)
    with pytest.raises(LedgerFileError, match=r"^big.cledger: too large"):
        read_ledger_file(path, max_bytes=1024)


def test_not_utf8(tmp_path):
    message = _bad(tmp_path, '{"format": "caf\xe9"}'.encode("latin-1"))
    assert "not UTF-8 text (byte 0xe9 on line 1)" in message


def test_a_utf8_bom_is_tolerated(tmp_path, ann, ben):
    path = _sample(tmp_path, ann, ben)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(read_ledger_file(path).events) == 3


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("hlc", None, "event 2: missing field 'hlc'"),
        ("hlc", "yesterday", "event 2: field 'hlc' is not a clock stamp"),
        ("hlc", "1.2", "event 2: field 'hlc' is not a clock stamp"),
        ("kind", "DROP TABLE event", "event 2: field 'kind' is not an event kind"),
        ("kind", "verdict", "event 2: field 'kind' is not an event kind"),
        ("id", 17, "event 2: field 'id' is a number, not an event id"),
        ("id", "not-a-uuid", "event 2: field 'id' is not an event id"),
        ("author", ["x"], "event 2: field 'author' is a list, not a UUID"),
        ("payload", [1, 2], "event 2: field 'payload' is a list, not an object"),
        ("signature", None, "event 2: missing field 'signature'"),
        ("signature", True, "event 2: field 'signature' is a boolean, not an Ed25519"),
        ("signature", "abc", "event 2: field 'signature' is not an Ed25519 signature"),
    ],
)
def test_bad_event_fields(tmp_path, ann, ben, field, value, expected):
    def edit(doc):
        event = doc["events"][1]
        if value is None:
            del event[field]
        else:
            event[field] = value

    assert expected in _edited(tmp_path, ann, ben, edit)


def test_unknown_fields_are_refused(tmp_path, ann, ben):
    assert "event 1: unknown field 'extra'" in _edited(
        tmp_path, ann, ben, lambda d: d["events"][0].update(extra=1))
    assert "the header: unknown field 'extra'" in _edited(
        tmp_path, ann, ben, lambda d: d.update(extra=1))


def test_an_event_that_is_not_an_object(tmp_path, ann, ben):
    assert "event 3 is a list, not an object" in _edited(
        tmp_path, ann, ben, lambda d: d["events"].__setitem__(2, []))


def test_the_same_event_twice(tmp_path, ann, ben):
    message = _edited(tmp_path, ann, ben, lambda d: d["events"].append(d["events"][0]))
    assert "event 4: id" in message and "appears twice (also event 1)" in message


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda d: d["reviewers"][0].update(public_key="AAAA"),
         "reviewer 1: field 'public_key' is not an Ed25519 public key"),
        (lambda d: d["reviewers"][1].update(name=""), "reviewer 2: field 'name' is not"),
        (lambda d: d["reviewers"].append(d["reviewers"][0]), "reviewer 3: id"),
        (lambda d: d.update(reviewers={}), "the header: field 'reviewers' is an object"),
        (lambda d: d.update(exported_at="last week"),
         "field 'exported_at' is not an ISO 8601 date and time"),
        (lambda d: d["exporter"].pop("app"), "the exporter: missing field 'app'"),
        (lambda d: d.pop("events"), "the header: missing field 'events'"),
    ],
)
def test_bad_header_and_reviewer_fields(tmp_path, ann, ben, edit, expected):
    assert expected in _edited(tmp_path, ann, ben, edit)


def test_parse_bytes_names_the_file(ann):
    with pytest.raises(LedgerFileError, match=r"^mail.cledger: empty file"):
        parse_ledger_bytes(b"", Path("mail.cledger"))
