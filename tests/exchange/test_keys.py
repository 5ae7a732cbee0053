"""Ed25519 keys, OpenSSH fingerprints and event signatures."""

from __future__ import annotations

import base64
import dataclasses
import hashlib

import pytest
from cryptography.hazmat.primitives import serialization

from claimledger.domain import events as ev
from claimledger.domain.events import Event
from claimledger.exchange import keys


def _openssh_fingerprint(private) -> str:
    line = private.public_key().public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
    ).decode()
    kind, blob = line.split()[:2]
    assert kind == "ssh-ed25519"
    digest = hashlib.sha256(base64.b64decode(blob)).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


def test_fingerprint_is_what_openssh_prints():
    for _ in range(20):
        private = keys.generate_private_key()
        assert keys.fingerprint(keys.public_key_b64(private)) == _openssh_fingerprint(private)


def test_fingerprint_of_a_known_key():
    # The RFC 8032 test vector 1 public key; ssh-keygen -lf on it prints this line.
    raw = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    public = base64.b64encode(raw).decode()
    blob = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + raw
    expected = "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
    assert keys.fingerprint(public) == expected
    assert len(expected) == len("SHA256:") + 43


def test_keys_round_trip_as_raw_base64():
    private = keys.generate_private_key()
    text = keys.private_key_to_b64(private)
    assert len(base64.b64decode(text)) == 32
    again = keys.private_key_from_b64(text)
    assert keys.public_key_b64(again) == keys.public_key_b64(private)
    assert len(base64.b64decode(keys.public_key_b64(private))) == 32


@pytest.mark.parametrize("bad", ["", "not base64!", base64.b64encode(b"x" * 31).decode()])
def test_malformed_keys_are_refused(bad):
    with pytest.raises(ValueError):
        keys.private_key_from_b64(bad)
    with pytest.raises(ValueError):
        keys.fingerprint(bad)


def _event() -> Event:
    return Event.new(ev.VERDICT_SET, "a" * 8, "000001700000000.000000",
                     {"claim": "x", "status": "disputed", "note": "naïve ✓"})


def test_a_signed_event_verifies_with_its_key_only():
    private, other = keys.generate_private_key(), keys.generate_private_key()
    signed = keys.sign_event(_event(), private)
    assert len(base64.b64decode(signed.signature)) == 64
    assert keys.verify_event(signed, keys.public_key_b64(private))
    assert not keys.verify_event(signed, keys.public_key_b64(other))


def test_signing_does_not_change_what_is_signed():
    event = _event()
    signed = keys.sign_event(event, keys.generate_private_key())
    assert signed.canonical_bytes() == event.canonical_bytes()
    assert dataclasses.replace(signed, signature=None) == event


@pytest.mark.parametrize(
    "signature",
    [None, "", "garbage", "A" * 88, base64.b64encode(b"\x00" * 63).decode(), 12345],
)
def test_missing_or_garbled_signatures_do_not_verify(signature):
    private = keys.generate_private_key()
    event = dataclasses.replace(_event(), signature=signature)
    assert keys.verify_event(event, keys.public_key_b64(private)) is False


def test_a_changed_event_does_not_verify():
    private = keys.generate_private_key()
    public = keys.public_key_b64(private)
    signed = keys.sign_event(_event(), private)
    changed = dataclasses.replace(signed, payload={**signed.payload, "status": "sourced"})
    assert not keys.verify_event(changed, public)
    assert not keys.verify_event(dataclasses.replace(signed, hlc="000001700000000.000001"),
                                 public)


def test_verification_never_raises_on_a_bad_key_or_payload():
    signed = keys.sign_event(_event(), keys.generate_private_key())
    assert keys.verify_event(signed, "not a key") is False
    assert keys.verify_event(signed, None) is False  # type: ignore[arg-type]
    weird = dataclasses.replace(signed, payload={"x": float("nan")})
    assert keys.verify_event(weird, keys.public_key_b64(keys.generate_private_key())) is False
