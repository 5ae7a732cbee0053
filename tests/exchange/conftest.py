"""Keyring backends for the exchange tests, and ledger-making helpers.

The root conftest points keyring at the null backend; tests here install an in-memory
backend (or a hanging one) with keyring.set_keyring and the original comes back after.
"""

from __future__ import annotations

import threading
import uuid
from types import SimpleNamespace

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import null
from keyring.compat import properties

from claimledger.domain import events as ev
from claimledger.domain.clock import format_stamp
from claimledger.domain.events import Event
from claimledger.exchange import keys
from claimledger.exchange.ledgerfile import ReviewerCard


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "secret_service: needs a real Secret Service (D-Bus + gnome-keyring); "
        "runs only with CLAIM_LEDGER_SECRET_SERVICE=1",
    )


class MemoryKeyring(KeyringBackend):
    """A secure-looking keyring that keeps passwords in a dict."""

    @properties.classproperty
    def priority(cls) -> float:
        return 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        self.passwords.pop((service, username), None)


class HangingKeyring(KeyringBackend):
    """A keyring whose calls block until released, like a hung D-Bus."""

    @properties.classproperty
    def priority(cls) -> float:
        return 1

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service, username):
        self.release.wait(30)
        return None

    def set_password(self, service, username, password):
        self.release.wait(30)

    def delete_password(self, service, username):
        self.release.wait(30)


class UntouchableKeyring(KeyringBackend):
    """Fails the test if anything asks it for a key."""

    @properties.classproperty
    def priority(cls) -> float:
        return 1

    def get_password(self, service, username):
        raise AssertionError("the keyring was touched")

    set_password = delete_password = get_password


# Keyring registers every backend class for its own discovery; these are for tests only,
# so keep them out of it (the chainer must never pick the hanging one).
for _test_backend in (MemoryKeyring, HangingKeyring, UntouchableKeyring):
    KeyringBackend._classes.discard(_test_backend)


def _install(monkeypatch, backend):
    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.core._keyring_backend)
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def backends() -> SimpleNamespace:
    """The test backend classes (tests get them here, never by importing conftest)."""
    return SimpleNamespace(Memory=MemoryKeyring, Hanging=HangingKeyring,
                           Untouchable=UntouchableKeyring)


@pytest.fixture
def install_keyring(monkeypatch):
    """install_keyring(backend) makes it the keyring for the rest of the test."""
    return lambda backend: _install(monkeypatch, backend)


@pytest.fixture
def memory_keyring(monkeypatch) -> MemoryKeyring:
    return _install(monkeypatch, MemoryKeyring())


@pytest.fixture
def null_keyring(monkeypatch):
    return _install(monkeypatch, null.Keyring())


@pytest.fixture
def hanging_keyring(monkeypatch):
    backend = _install(monkeypatch, HangingKeyring())
    yield backend
    backend.release.set()


@pytest.fixture
def untouchable_keyring(monkeypatch):
    return _install(monkeypatch, UntouchableKeyring())


# -- reviewers and events ------------------------------------------------------------------


class Reviewer:
    """A reviewer with a key pair and a clock, who makes signed events."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.id = str(uuid.uuid4())
        self.private = keys.generate_private_key()
        self.public = keys.public_key_b64(self.private)
        self.card = ReviewerCard(self.id, name, self.public)
        self._tick = 0

    def event(self, kind: str = ev.VERDICT_SET, **payload) -> Event:
        self._tick += 1
        stamp = format_stamp(1_700_000_000_000 + self._tick, 0)
        payload = payload or {"claim": "c" * 24, "status": "sourced", "note": "ok"}
        return keys.sign_event(Event.new(kind, self.id, stamp, payload), self.private)

    def joined(self) -> Event:
        """The reviewer.joined event that introduces this reviewer (name, card's key)."""
        return self.event(ev.REVIEWER_JOINED, name=self.card.name,
                          public_key=self.card.public_key)


@pytest.fixture
def ann() -> Reviewer:
    return Reviewer("Ann Ode")


@pytest.fixture
def ben() -> Reviewer:
    return Reviewer("Ben Ode")


@pytest.fixture
def cat() -> Reviewer:
    return Reviewer("Cat Ode")
