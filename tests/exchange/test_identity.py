"""Reviewer identities: made on first use, found again, never half-written."""

from __future__ import annotations

import json
import stat
import sys
import uuid

import pytest

from claimledger.exchange import keys
from claimledger.exchange.errors import IdentityError, InsecureKeyStorage
from claimledger.exchange.identity import IdentityStore, default_config_dir
from claimledger.exchange.keystore import KeyStore


def test_first_use_makes_an_identity_and_later_uses_find_it(tmp_path, memory_keyring):
    store, keystore = IdentityStore(tmp_path), KeyStore(tmp_path, allow_file_key=False)
    identity, private = store.get_or_create("Ann Ode", keystore)
    assert uuid.UUID(identity.id).version == 4
    assert identity.name == "Ann Ode"
    assert identity.public_key == keys.public_key_b64(private)
    assert identity.fingerprint == keys.fingerprint(identity.public_key)
    assert identity.fingerprint.startswith("SHA256:")
    assert identity.key_location.endswith("(keyring)")

    again, private_again = IdentityStore(tmp_path).get_or_create("  Ann Ode ", keystore)
    assert again == identity
    assert keys.private_key_to_b64(private_again) == keys.private_key_to_b64(private)


def test_identities_json_holds_no_secret_and_is_private(tmp_path, memory_keyring):
    store = IdentityStore(tmp_path)
    identity, private = store.get_or_create("Ann Ode", KeyStore(tmp_path, False))
    table = json.loads(store.path.read_text())
    assert table["Ann Ode"]["id"] == identity.id
    assert table["Ann Ode"]["public_key"] == identity.public_key
    assert keys.private_key_to_b64(private) not in store.path.read_text()
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_two_names_are_two_identities(tmp_path, memory_keyring):
    store, keystore = IdentityStore(tmp_path), KeyStore(tmp_path, False)
    ann, _ = store.get_or_create("Ann Ode", keystore)
    ben, _ = store.get_or_create("Ben Ode", keystore)
    assert ann.id != ben.id and ann.public_key != ben.public_key
    assert store.names() == ["Ann Ode", "Ben Ode"]


def test_refused_key_storage_records_nothing(tmp_path, null_keyring):
    store = IdentityStore(tmp_path)
    with pytest.raises(InsecureKeyStorage):
        store.get_or_create("Ann Ode", KeyStore(tmp_path, allow_file_key=False))
    assert not store.path.exists()
    assert store.lookup("Ann Ode") is None


def test_with_consent_the_key_goes_to_a_file(tmp_path, null_keyring):
    identity, _ = IdentityStore(tmp_path).get_or_create("Ann Ode", KeyStore(tmp_path, True))
    assert (tmp_path / "keys" / f"{identity.id}.key").exists()
    assert "file" in identity.key_location


def test_a_missing_private_key_is_a_clear_error(tmp_path, memory_keyring):
    store = IdentityStore(tmp_path)
    identity, _ = store.get_or_create("Ann Ode", KeyStore(tmp_path, False))
    memory_keyring.passwords.clear()
    with pytest.raises(IdentityError) as raised:
        store.get_or_create("Ann Ode", KeyStore(tmp_path, False))
    message = str(raised.value)
    assert "'Ann Ode'" in message and identity.id in message and "missing" in message
    assert identity.fingerprint in message


def test_a_private_key_that_does_not_match_is_refused(tmp_path, memory_keyring):
    store, keystore = IdentityStore(tmp_path), KeyStore(tmp_path, False)
    identity, _ = store.get_or_create("Ann Ode", keystore)
    keystore.save(identity.id, keys.generate_private_key())
    with pytest.raises(IdentityError, match="does not match"):
        store.get_or_create("Ann Ode", keystore)


def test_lookup_never_touches_the_keyring(tmp_path, memory_keyring, install_keyring,
                                         backends):
    identity, _ = IdentityStore(tmp_path).get_or_create("Ann Ode", KeyStore(tmp_path, False))
    install_keyring(backends.Untouchable())
    found = IdentityStore(tmp_path).lookup("Ann Ode")
    assert found == identity
    assert IdentityStore(tmp_path).lookup("Nobody") is None


def test_a_damaged_identities_file_is_named(tmp_path):
    store = IdentityStore(tmp_path)
    store.path.write_text("{not json")
    with pytest.raises(IdentityError, match="identities.json is damaged"):
        store.lookup("Ann Ode")


def test_an_empty_name_is_refused(tmp_path, memory_keyring):
    with pytest.raises(IdentityError, match="needs a name"):
        IdentityStore(tmp_path).get_or_create("   ", KeyStore(tmp_path, False))


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are a Linux convention")
def test_the_default_config_dir_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert default_config_dir() == tmp_path / "claim-ledger"
    assert IdentityStore().path == tmp_path / "claim-ledger" / "identities.json"
