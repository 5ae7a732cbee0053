"""Trust on first use: tampering, unknown reviewers, changed keys, relayed files."""

from __future__ import annotations

import base64
import dataclasses

import pytest

from claimledger.exchange import keys
from claimledger.exchange.errors import TrustError
from claimledger.exchange.ledgerfile import (
    LedgerFile,
    read_ledger_file,
    write_ledger_file,
)
from claimledger.exchange.trust import check_events


def _file(tmp_path, events, reviewers, exporter="Ann Ode") -> LedgerFile:
    """A file of `events`, then each reviewer's reviewer.joined (so positions stay)."""
    path = tmp_path / "river.cledger"
    write_ledger_file(path, events=[*events, *(r.joined() for r in reviewers)],
                      reviewers=[r.card for r in reviewers], exporter_name=exporter)
    return read_ledger_file(path)


def _with_event(ledger: LedgerFile, index: int, event) -> LedgerFile:
    events = list(ledger.events)
    events[index] = event
    return dataclasses.replace(ledger, events=events)


def test_a_good_file_from_strangers_returns_them_as_new(tmp_path, ann, ben):
    events = [ann.event(), ben.event(), ann.event()]
    report = check_events(_file(tmp_path, events, [ann, ben]), pinned={})
    assert report.events[:3] == events
    assert report.new_reviewers == [ann.card, ben.card]


def test_pinned_reviewers_are_not_new(tmp_path, ann, ben):
    ledger = _file(tmp_path, [ann.event(), ben.event()], [ann, ben])
    report = check_events(ledger, pinned={ann.id: ann.public})
    assert report.new_reviewers == [ben.card]
    assert check_events(ledger, {ann.id: ann.public, ben.id: ben.public}).new_reviewers == []


def test_a_flipped_signature_byte_refuses_the_file(tmp_path, ann, ben):
    ledger = _file(tmp_path, [ann.event(), ben.event()], [ann, ben])
    event = ledger.events[1]
    raw = bytearray(base64.b64decode(event.signature))
    raw[10] ^= 0x01
    bad = dataclasses.replace(event, signature=base64.b64encode(bytes(raw)).decode())
    with pytest.raises(TrustError) as raised:
        check_events(_with_event(ledger, 1, bad), pinned={})
    message = str(raised.value)
    assert message.startswith("river.cledger: event 2 (id ")
    assert event.id in message and "signature does not match" in message
    assert "refusing the whole file" in message


def test_a_changed_payload_value_refuses_the_file(tmp_path, ann):
    ledger = _file(tmp_path, [ann.event(status="disputed")], [ann])
    event = ledger.events[0]
    bad = dataclasses.replace(event, payload={**event.payload, "status": "sourced"})
    with pytest.raises(TrustError, match="event 1 .*its id is not the hash of its content"):
        check_events(_with_event(ledger, 0, bad), pinned={ann.id: ann.public})


def test_a_changed_payload_in_the_file_itself_is_caught(tmp_path, ann):
    _file(tmp_path, [ann.event(status="disputed")], [ann])
    path = tmp_path / "river.cledger"
    path.write_text(path.read_text().replace('"disputed"', '"sourced"'))
    with pytest.raises(TrustError, match="its id is not the hash of its content"):
        check_events(read_ledger_file(path), pinned={})


def test_swapping_the_author_of_an_event_refuses_the_file(tmp_path, ann, ben):
    ledger = _file(tmp_path, [ann.event(), ben.event()], [ann, ben])
    swapped = dataclasses.replace(ledger.events[0], author=ben.id)
    with pytest.raises(TrustError, match="event 1 .* by 'Ben Ode': its id is not the hash"):
        check_events(_with_event(ledger, 0, swapped), pinned={})


def test_an_author_without_a_card_refuses_the_file(tmp_path, ann, ben):
    ledger = _file(tmp_path, [ann.event()], [ann])
    ledger = dataclasses.replace(ledger, events=[*ledger.events, ben.event()])
    with pytest.raises(TrustError, match=f"event 3 .*{ben.id}\\) has no card among"):
        check_events(ledger, pinned={})


def test_a_changed_key_for_a_pinned_reviewer_is_refused_loudly(tmp_path, ann, ben):
    old_public = ben.public
    ben.private = keys.generate_private_key()
    ben.public = keys.public_key_b64(ben.private)
    ben.card = dataclasses.replace(ben.card, public_key=ben.public)
    ledger = _file(tmp_path, [ann.event(), ben.event()], [ann, ben])
    with pytest.raises(TrustError) as raised:
        check_events(ledger, pinned={ann.id: ann.public, ben.id: old_public})
    assert str(raised.value) == (
        f"river.cledger: reviewer 'Ben Ode' (id {ben.id}) now presents a different key "
        f"({keys.fingerprint(ben.public)}) than the one pinned here "
        f"({keys.fingerprint(old_public)}); a changed key is refused (a new key is accepted "
        "only from a rotation signed with the old one), refusing the whole file; nothing "
        "was imported"
    )


def test_events_verify_against_the_pinned_key_not_the_card(tmp_path, ann, ben):
    """A forger who re-signs Ann's events with a new key and swaps her card's key in
    the file is caught by the key-change check; with an unpinned Ann, the file is
    self-consistent and Ann comes back as new for the user to inspect."""
    forger = keys.generate_private_key()
    forged = keys.sign_event(dataclasses.replace(ann.event(), signature=None), forger)
    ann.card = dataclasses.replace(ann.card, public_key=keys.public_key_b64(forger))
    joined = keys.sign_event(dataclasses.replace(ann.joined(), signature=None), forger)
    path = tmp_path / "river.cledger"
    write_ledger_file(path, events=[forged, joined], reviewers=[ann.card],
                      exporter_name="Ann Ode")
    ledger = read_ledger_file(path)
    with pytest.raises(TrustError, match="different key"):
        check_events(ledger, pinned={ann.id: ann.public})
    assert check_events(ledger, pinned={}).new_reviewers == [ann.card]


def test_a_relayed_file_verifies_with_each_authors_key(tmp_path, ann, ben, cat):
    """Cat exports a file that holds Ann's and Ben's events as well as her own."""
    events = [ann.event(), ben.event(), cat.event(), ann.event()]
    ledger = _file(tmp_path, events, [ann, ben, cat], exporter="Cat Ode")
    assert ledger.exporter.reviewer == "Cat Ode"
    report = check_events(ledger, pinned={ann.id: ann.public, ben.id: ben.public})
    assert report.events[:4] == events
    assert report.new_reviewers == [cat.card]


def test_an_unsigned_event_refuses_the_file(tmp_path, ann):
    ledger = _file(tmp_path, [ann.event()], [ann])
    unsigned = dataclasses.replace(ledger.events[0], signature=None)
    with pytest.raises(TrustError, match="signature does not match"):
        check_events(_with_event(ledger, 0, unsigned), pinned={})

