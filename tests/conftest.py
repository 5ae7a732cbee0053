"""Suite-wide isolation: offscreen Qt, private HOME and XDG folders, no real keyring.

In-process tests get an in-memory keyring. Subprocesses (the command line) cannot share
it, so they run with keyring's null backend and consent to a 0600 key file in their
private config folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets everything when the test ends."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Each test sees its own config/data folders and keyring, so nothing leaks between
    tests or into the developer's real settings and keychain."""
    home = tmp_path_factory.mktemp("home")
    for name, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                      ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        path = home / sub
        path.mkdir()
        monkeypatch.setenv(name, str(path))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("CLAIM_LEDGER_DB", str(home / "workspace.sqlite"))
    monkeypatch.setenv("CLAIM_LEDGER_REVIEWER", "Test Reviewer")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    monkeypatch.setenv("CLAIM_LEDGER_ALLOW_FILE_KEY", "1")
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)
