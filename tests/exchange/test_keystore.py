"""Where a private key lives: the keyring, a 0600 file with consent, or nowhere."""

from __future__ import annotations

import stat
import time

import pytest
from keyring.backend import KeyringBackend

from claimledger.exchange import keys
from claimledger.exchange.errors import InsecureKeyStorage, KeyStoreError
from claimledger.exchange.keystore import (
    SERVICE,
    KeyStore,
    allow_file_key_from_env,
    insecure_reason,
)

RID = "3f2c8a7e-1d4b-4c55-9a61-0b7e2f7a9c10"


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_no_secure_keyring_without_consent_refuses_and_writes_nothing(tmp_path, null_keyring):
    store = KeyStore(tmp_path, allow_file_key=False)
    with pytest.raises(InsecureKeyStorage) as raised:
        store.save(RID, keys.generate_private_key())
    message = str(raised.value)
    assert "No secure keyring is available" in message
    assert "--allow-file-key" in message and "CLAIM_LEDGER_ALLOW_FILE_KEY=1" in message
    assert str(tmp_path / "keys" / f"{RID}.key") in message
    assert list(tmp_path.iterdir()) == []


def test_no_secure_keyring_with_consent_keeps_a_0600_file(tmp_path, null_keyring):
    store = KeyStore(tmp_path, allow_file_key=True)
    private = keys.generate_private_key()
    where = store.save(RID, private)
    path = tmp_path / "keys" / f"{RID}.key"
    assert str(path) in where
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    assert [p.name for p in path.parent.iterdir()] == [f"{RID}.key"]  # no temp left
    loaded = store.load(RID)
    assert keys.public_key_b64(loaded) == keys.public_key_b64(private)
    assert "a file in" in store.describe()


def test_a_secure_keyring_keeps_the_key_and_no_file_is_written(tmp_path, memory_keyring):
    store = KeyStore(tmp_path, allow_file_key=True)
    private = keys.generate_private_key()
    where = store.save(RID, private)
    assert "(keyring)" in where
    assert (SERVICE, RID) in memory_keyring.passwords
    assert not (tmp_path / "keys").exists()
    assert keys.public_key_b64(store.load(RID)) == keys.public_key_b64(private)
    assert store.describe().endswith("(keyring)")


def test_a_key_file_is_found_after_a_keyring_appears(tmp_path, null_keyring, install_keyring,
                                                     backends):
    private = keys.generate_private_key()
    KeyStore(tmp_path, allow_file_key=True).save(RID, private)
    memory = install_keyring(backends.Memory())
    found = KeyStore(tmp_path, allow_file_key=False).load_with_location(RID)
    assert found is not None
    assert keys.public_key_b64(found[0]) == keys.public_key_b64(private)
    assert "file" in found[1]
    assert memory.passwords == {}


def test_unknown_reviewer_loads_nothing(tmp_path, memory_keyring):
    assert KeyStore(tmp_path, allow_file_key=False).load(RID) is None


def test_a_hung_keyring_times_out_with_a_clear_error(tmp_path, hanging_keyring):
    store = KeyStore(tmp_path, allow_file_key=False, timeout=0.2)
    start = time.monotonic()
    with pytest.raises(KeyStoreError, match="did not answer within 0.2 s"):
        store.load(RID)
    with pytest.raises(KeyStoreError, match="did not answer"):
        store.save(RID, keys.generate_private_key())
    assert time.monotonic() - start < 3


def test_keyring_errors_count_as_no_secure_keyring(tmp_path, install_keyring):
    from keyring.backends import fail

    install_keyring(fail.Keyring())
    with pytest.raises(InsecureKeyStorage):
        KeyStore(tmp_path, allow_file_key=False).save(RID, keys.generate_private_key())
    assert KeyStore(tmp_path, allow_file_key=True).save(RID, keys.generate_private_key())


def test_a_keyring_that_refuses_to_store_falls_back_to_consent(tmp_path, memory_keyring,
                                                              monkeypatch):
    from keyring.errors import PasswordSetError

    def refuse(*_):
        raise PasswordSetError("locked")

    monkeypatch.setattr(memory_keyring, "set_password", refuse)
    with pytest.raises(InsecureKeyStorage, match="refused"):
        KeyStore(tmp_path, allow_file_key=False).save(RID, keys.generate_private_key())


def test_which_backends_count_as_secure(memory_keyring, backends):
    from keyring.backends import fail, null

    assert insecure_reason(memory_keyring) is None
    assert insecure_reason(null.Keyring()) is not None
    assert insecure_reason(fail.Keyring()) is not None

    class Plaintext:
        priority = 1

    Plaintext.__module__ = "keyrings.alt.file"
    assert insecure_reason(Plaintext()) is not None

    class Unusable(backends.Memory):
        priority = 0

    KeyringBackend._classes.discard(Unusable)  # keep it out of keyring's discovery
    assert insecure_reason(Unusable()) is not None


@pytest.mark.parametrize(("members", "secure"), [([], False), (["null"], False),
                                                 (["null", "memory"], True)])
def test_a_chain_is_secure_if_one_member_is(monkeypatch, backends, members, secure):
    from keyring.backends import chainer, null

    made = {"null": null.Keyring, "memory": backends.Memory}
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [made[m]() for m in members])
    assert (insecure_reason(chainer.ChainerBackend()) is None) is secure


def test_a_damaged_key_file_is_reported_without_its_content(tmp_path, null_keyring):
    path = tmp_path / "keys" / f"{RID}.key"
    path.parent.mkdir()
    path.write_text("c2VjcmV0LWJ1dC1icm9rZW4=\n")
    with pytest.raises(KeyStoreError) as raised:
        KeyStore(tmp_path, allow_file_key=True).load(RID)
    assert "damaged" in str(raised.value)
    assert "c2VjcmV0" not in str(raised.value)


def test_reviewer_ids_cannot_escape_the_keys_folder(tmp_path, null_keyring):
    with pytest.raises(ValueError):
        KeyStore(tmp_path, allow_file_key=True).save("../evil", keys.generate_private_key())


@pytest.mark.parametrize(("value", "allowed"),
                         [("1", True), ("true", True), ("0", False), ("", False)])
def test_consent_from_the_environment(monkeypatch, tmp_path, value, allowed):
    monkeypatch.setenv("CLAIM_LEDGER_ALLOW_FILE_KEY", value)
    assert allow_file_key_from_env() is allowed
    assert KeyStore(tmp_path).allow_file_key is allowed


def test_a_locked_keyring_says_so(tmp_path, memory_keyring, monkeypatch):
    from keyring.errors import KeyringLocked

    def locked(*_):
        raise KeyringLocked("locked")

    monkeypatch.setattr(memory_keyring, "get_password", locked)
    with pytest.raises(KeyStoreError, match="keyring is locked"):
        KeyStore(tmp_path, allow_file_key=False).load(RID)
