"""Hostile sizes: a ledger file's size is checked before it is read, a large file in the
app's layout is read line by line, and reading never needs more than 3x the file."""

from __future__ import annotations

import json
import os
import random
import tracemalloc
from pathlib import Path

import pytest

from claimledger.exchange import ledgerfile
from claimledger.exchange.errors import LedgerFileError
from claimledger.exchange.ledgerfile import read_ledger_file, write_ledger_file


def _verdicts(reviewer, n: int):
    rng = random.Random(3)
    return [reviewer.event(claim=f"{rng.getrandbits(96):024x}", status="sourced",
                           reason=None, note=None) for _ in range(n)]


def _peak(read) -> tuple[object, int]:
    tracemalloc.start()
    try:
        result = read()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_file_over_the_cap_is_refused_without_being_read(tmp_path):
    path = tmp_path / "huge.cledger"
    with path.open("wb") as handle:
        handle.truncate(600 * 2**20)  # sparse: 600 MB that take no disk
    tracemalloc.start()
    try:
        with pytest.raises(LedgerFileError) as raised:
            read_ledger_file(path)
        assert tracemalloc.get_traced_memory()[1] < 2**20
    finally:
        tracemalloc.stop()
    assert str(raised.value) == ("huge.cledger: too large (600.0 MB; this app reads ledger "
                                 "files up to 512 MB)")


@pytest.fixture
def stream_from_one_megabyte(monkeypatch):
    """What the reader does from 64 MB on, at a size a test can afford."""
    monkeypatch.setattr(ledgerfile, "STREAM_FROM", 2**20)
    monkeypatch.setattr(ledgerfile, "WHOLE_MAX", 2**20)


def test_reading_a_large_file_needs_less_than_three_times_its_size(tmp_path, ann,
                                                                  stream_from_one_megabyte):
    path = tmp_path / "large.cledger"
    events = [ann.joined(), *_verdicts(ann, 12_000)]
    write_ledger_file(path, events=events, reviewers=[ann.card], exporter_name="Ann Ode")
    size = path.stat().st_size
    assert size > ledgerfile.STREAM_FROM
    del events
    ledger, peak = _peak(lambda: read_ledger_file(path))
    assert len(ledger.events) == 12_001
    assert ledger == ledgerfile.parse_ledger_bytes(path.read_bytes(), path)  # as if whole
    assert peak < 3 * size, f"peak {peak / size:.2f}x the file's {size:,} bytes"


def test_a_large_file_in_another_layout_is_refused_in_one_line(tmp_path, ann, monkeypatch):
    path = tmp_path / "pretty.cledger"
    write_ledger_file(path, events=[ann.joined(), *_verdicts(ann, 4_000)],
                      reviewers=[ann.card], exporter_name="Ann Ode")
    path.write_text(json.dumps(json.loads(path.read_text()), indent=1))
    assert len(read_ledger_file(path).events) == 4_001  # under WHOLE_MAX: read whole
    monkeypatch.setattr(ledgerfile, "STREAM_FROM", 2**20)
    monkeypatch.setattr(ledgerfile, "WHOLE_MAX", 2**20)
    with pytest.raises(LedgerFileError) as raised:
        read_ledger_file(path)
    message = str(raised.value)
    assert message.startswith("pretty.cledger: no line opens the list of events (a file "
                              "over 1 MB must be laid out as Claim Ledger writes it")
    assert "\n" not in message


def test_a_bad_line_in_a_streamed_file_is_named_by_event_and_line(tmp_path, ann, monkeypatch):
    path = tmp_path / "broken.cledger"
    write_ledger_file(path, events=[ann.joined(), *_verdicts(ann, 4_000)],
                      reviewers=[ann.card], exporter_name="Ann Ode")
    lines = path.read_bytes().split(b"\n")
    first_event = lines.index(b'  "events": [') + 1
    lines[first_event + 99] = lines[first_event + 99].replace(b'"status": ', b'"status": !')
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(LedgerFileError, match=r"truncated or not JSON \(line \d+"):
        read_ledger_file(path)  # small enough to be read whole: the usual message
    monkeypatch.setattr(ledgerfile, "STREAM_FROM", 2**20)
    monkeypatch.setattr(ledgerfile, "WHOLE_MAX", 2**20)
    with pytest.raises(LedgerFileError) as raised:
        read_ledger_file(path)
    assert str(raised.value).startswith(
        f"broken.cledger: event 100 (line {first_event + 100}): truncated or not JSON")


def test_an_event_line_longer_than_any_event_is_refused_unparsed(tmp_path, ann, monkeypatch):
    """A streamed file's event of hundreds of megabytes is refused by its length: parsing
    it would hold the interpreter (and the window's event loop) for seconds."""
    from claimledger.exchange import linereader

    path = tmp_path / "huge-event.cledger"
    write_ledger_file(path, events=[ann.joined(), *_verdicts(ann, 50)],
                      reviewers=[ann.card], exporter_name="Ann Ode")
    lines = path.read_bytes().split(b"\n")
    first_event = lines.index(b'  "events": [') + 1
    lines[first_event + 9] = lines[first_event + 9].replace(b'"note": null',
                                                            b'"note": "' + b"a" * 3 * 2**20 + b'"')
    path.write_bytes(b"\n".join(lines))
    monkeypatch.setattr(ledgerfile, "STREAM_FROM", 2**20)
    monkeypatch.setattr(ledgerfile, "WHOLE_MAX", 2**20)
    monkeypatch.setattr(linereader, "MAX_EVENT_LINE", 2**21)
    parsed, parse_line = [], ledgerfile._parse_line
    monkeypatch.setattr(ledgerfile, "_parse_line",
                        lambda body, *where: parsed.append(len(body)) or parse_line(body, *where))
    with pytest.raises(LedgerFileError) as raised:
        read_ledger_file(path)
    assert str(raised.value) == (f"huge-event.cledger: event line {first_event + 10} is longer "
                                 "than any event can be (over 2 MB)")
    assert len(parsed) == 9 and max(parsed) < 2**20  # the events before it only


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_or_a_device_is_refused_without_waiting_for_it(tmp_path):
    """A pipe would wait for a writer for ever (the window's worker with it); a device
    never ends. Both are refused at once, in one line."""
    pipe = tmp_path / "colleague.cledger"
    os.mkfifo(pipe)
    with pytest.raises(LedgerFileError) as refused:
        read_ledger_file(pipe)
    assert str(refused.value) == ("colleague.cledger: is not an ordinary file (a device, "
                                  "pipe or socket); save the ledger to a file first")
    with pytest.raises(LedgerFileError, match="zero: is not an ordinary file"):
        read_ledger_file(Path("/dev/zero"))
    with pytest.raises(LedgerFileError, match="is a folder, not a ledger file"):
        read_ledger_file(tmp_path)
