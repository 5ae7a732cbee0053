"""A real Secret Service (gnome-keyring over D-Bus) keeps and returns a reviewer's key.

Runs only with CLAIM_LEDGER_SECRET_SERVICE=1, inside a D-Bus session with an unlocked
keyring (CI starts one with dbus-run-session and gnome-keyring-daemon).
"""

from __future__ import annotations

import os
import uuid

import pytest

from claimledger.exchange import keys
from claimledger.exchange.keystore import SERVICE, KeyStore

pytestmark = [
    pytest.mark.secret_service,
    pytest.mark.skipif(os.environ.get("CLAIM_LEDGER_SECRET_SERVICE") != "1",
                       reason="set CLAIM_LEDGER_SECRET_SERVICE=1 in a D-Bus session"),
]


def test_a_key_round_trips_through_the_secret_service(tmp_path, install_keyring):
    from keyring.backends import SecretService

    backend = install_keyring(SecretService.Keyring())
    reviewer_id = str(uuid.uuid4())
    store = KeyStore(tmp_path, allow_file_key=False, timeout=20)
    private = keys.generate_private_key()
    try:
        assert store.describe() == "Secret Service (keyring)"
        assert store.save(reviewer_id, private) == "Secret Service (keyring)"
        loaded = KeyStore(tmp_path, allow_file_key=False, timeout=20).load(reviewer_id)
        assert loaded is not None
        assert keys.public_key_b64(loaded) == keys.public_key_b64(private)
        assert not (tmp_path / "keys").exists()
    finally:
        backend.delete_password(SERVICE, reviewer_id)
