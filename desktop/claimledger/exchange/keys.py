"""Ed25519 keys, OpenSSH-style fingerprints and event signatures (DESIGN §3, §5).

Keys travel as standard base64 of their raw 32 bytes; signatures as standard base64 of
their 64 bytes, over `Event.canonical_bytes()` (which excludes the signature itself). A
content-addressed event verifies only if its id is also the hash of those bytes.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import functools
import hashlib
import struct
from collections.abc import Callable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from claimledger.domain.events import Event, is_content_id

PrivateKey = Ed25519PrivateKey
PublicKey = Ed25519PublicKey
KEY_BYTES = 32
SIGNATURE_BYTES = 64
_SSH_KEY_TYPE = b"ssh-ed25519"
_RAW = {"encoding": serialization.Encoding.Raw}


def generate_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_key_b64(private: Ed25519PrivateKey) -> str:
    raw = private.public_key().public_bytes(**_RAW, format=serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def private_key_to_b64(private: Ed25519PrivateKey) -> str:
    raw = private.private_bytes(
        **_RAW,
        format=serialization.PrivateFormat.Raw,
        encryption_algorithm=serialization.NoEncryption(),
    )
    return base64.b64encode(raw).decode("ascii")


def private_key_from_b64(text: str) -> Ed25519PrivateKey:
    """The private key of its base64 text; ValueError (without the text) if malformed."""
    raw = _decode_b64(text, KEY_BYTES, "private key")
    return Ed25519PrivateKey.from_private_bytes(raw)


@functools.lru_cache(maxsize=4096)
def public_key_from_b64(text: str) -> Ed25519PublicKey:
    """The public key of its base64 text (cached: a file has few authors, many events)."""
    raw = _decode_b64(text, KEY_BYTES, "public key")
    return Ed25519PublicKey.from_public_bytes(raw)


def is_public_key_b64(text: object) -> bool:
    try:
        public_key_from_b64(text)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return False
    return True


def fingerprint(public_b64: str) -> str:
    """'SHA256:...' exactly as `ssh-keygen -l` prints it for this key."""
    raw = _decode_b64(public_b64, KEY_BYTES, "public key")
    blob = _ssh_string(_SSH_KEY_TYPE) + _ssh_string(raw)
    digest = base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii")
    return "SHA256:" + digest.rstrip("=")


def sign_event(event: Event, private: Ed25519PrivateKey) -> Event:
    signature = private.sign(event.canonical_bytes())
    return dataclasses.replace(event, signature=base64.b64encode(signature).decode("ascii"))


def verify_event(event: Event, public_b64: str) -> bool:
    """True only if the event carries a valid signature by this key; never raises."""
    try:
        public = public_key_from_b64(public_b64)
    except (ValueError, TypeError):
        return False
    return _verify(public, event)


def verifier(public_b64: str) -> Callable[[Event], bool]:
    """A fast `verify_event` bound to one key (ValueError if the key is malformed)."""
    public = public_key_from_b64(public_b64)
    return functools.partial(_verify, public)


def _verify(public: Ed25519PublicKey, event: Event) -> bool:
    return _problem(public, event) is None


BAD_ID = "its id is not the hash of its content (the event was altered after signing)"
BAD_SIGNATURE = "its signature does not match its author's key"


def problem_checker(public_b64: str) -> Callable[[Event], str | None]:
    """Like `verifier`, but says what is wrong: BAD_ID, BAD_SIGNATURE or None."""
    public = public_key_from_b64(public_b64)
    return functools.partial(_problem, public)


def _problem(public: Ed25519PublicKey, event: Event) -> str | None:
    """One canonical encoding serves both checks: the id's hash, then the signature."""
    signature = event.signature
    if not isinstance(signature, str) or len(signature) != 88:
        return BAD_SIGNATURE
    try:
        data = event.canonical_bytes()
        if is_content_id(event.id) and hashlib.sha256(data).hexdigest() != event.id:
            return BAD_ID
        raw = base64.b64decode(signature, validate=True)
        if len(raw) != SIGNATURE_BYTES:
            return BAD_SIGNATURE
        public.verify(raw, data)
    except (InvalidSignature, ValueError, TypeError, binascii.Error):
        return BAD_SIGNATURE
    return None


def _decode_b64(text: str, size: int, what: str) -> bytes:
    if not isinstance(text, str):
        raise TypeError(f"a {what} must be base64 text")
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error:
        raise ValueError(f"this {what} is not valid base64") from None
    if len(raw) != size or base64.b64encode(raw).decode("ascii") != text:
        raise ValueError(f"this {what} is not {size} bytes in canonical base64")
    return raw


def _ssh_string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data
