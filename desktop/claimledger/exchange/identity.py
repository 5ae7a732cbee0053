"""Reviewer identities: a display name, a UUID and an Ed25519 key pair (DESIGN §3, §5).

`identities.json` in the config folder maps each display name to {id, public_key} (plus
where its private key was kept, for display). It holds no secrets; the private key is in
the KeyStore. `lookup` reads only that file, so read-only commands never wait on the
keyring.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from claimledger.atomic import atomic_write_bytes
from claimledger.exchange import keys
from claimledger.exchange.errors import IdentityError
from claimledger.exchange.keystore import KeyStore

APP_DIR_NAME = "claim-ledger"
IDENTITIES_FILE = "identities.json"


def default_config_dir() -> Path:
    """The per-user config folder (honours XDG_CONFIG_HOME on Linux)."""
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))


@dataclass(frozen=True, slots=True)
class Identity:
    id: str
    name: str
    public_key: str
    fingerprint: str
    key_location: str


class IdentityStore:
    def __init__(self, config_dir: Path | None = None) -> None:
        self.config_dir = Path(config_dir) if config_dir is not None else default_config_dir()
        self.path = self.config_dir / IDENTITIES_FILE

    def lookup(self, name: str) -> Identity | None:
        """The identity recorded for this name, without touching the keyring."""
        name = _clean_name(name)
        record = self._read().get(name)
        return None if record is None else _identity(name, record)

    def names(self) -> list[str]:
        return sorted(self._read())

    def get_or_create(
        self, name: str, keystore: KeyStore
    ) -> tuple[Identity, Ed25519PrivateKey]:
        """This name's identity and private key; the first use makes both.

        A new key is saved in the keystore before identities.json is written, so when
        the keystore refuses (InsecureKeyStorage) nothing is recorded.
        """
        name = _clean_name(name)
        existing = self.lookup(name)
        if existing is not None:
            return self._unlock(existing, keystore)
        private = keys.generate_private_key()
        reviewer_id = str(uuid.uuid4())
        location = keystore.save(reviewer_id, private)
        public = keys.public_key_b64(private)
        self._record(name, {"id": reviewer_id, "public_key": public, "key_location": location})
        return Identity(reviewer_id, name, public, keys.fingerprint(public), location), private

    def _unlock(
        self, identity: Identity, keystore: KeyStore
    ) -> tuple[Identity, Ed25519PrivateKey]:
        found = keystore.load_with_location(identity.id)
        if found is None:
            raise IdentityError(
                f"The reviewer '{identity.name}' (id {identity.id}, key "
                f"{identity.fingerprint}) is recorded in {self.path}, but its private key "
                f"is missing from {keystore.describe()}. Restore the key, or use another "
                "reviewer name to start a new identity."
            )
        private, location = found
        if keys.public_key_b64(private) != identity.public_key:
            raise IdentityError(
                f"The private key found in {location} for reviewer '{identity.name}' "
                f"(id {identity.id}) does not match the recorded key {identity.fingerprint}."
            )
        return _replace_location(identity, location), private

    def rotate(self, identity: Identity, keystore: KeyStore,
               private: Ed25519PrivateKey) -> Identity:
        """Keep `private` as this identity's key from now on (keystore first, then
        identities.json), and return the identity with it."""
        location = keystore.save(identity.id, private)
        public = keys.public_key_b64(private)
        self._record(identity.name, {"id": identity.id, "public_key": public,
                                     "key_location": location})
        return Identity(identity.id, identity.name, public, keys.fingerprint(public),
                        location)

    # -- identities.json ----------------------------------------------------------------

    def _read(self) -> dict[str, dict]:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise IdentityError(f"{self.path} cannot be read ({exc.strerror}).") from None
        try:
            table = json.loads(data.decode("utf-8"))
        except (UnicodeError, ValueError):
            raise IdentityError(f"{self.path} is damaged (not JSON); fix or move it.") from None
        if not isinstance(table, dict) or not all(_valid_record(r) for r in table.values()):
            raise IdentityError(f"{self.path} is damaged (unexpected content); fix or move it.")
        return table

    def _record(self, name: str, record: dict) -> None:
        table = self._read()  # re-read: another window may have added a name meanwhile
        table[name] = record
        text = json.dumps(table, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        try:
            self.config_dir.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, text.encode("utf-8"), mode=0o600)
        except OSError as exc:
            raise IdentityError(f"{self.path} cannot be written ({exc.strerror}).") from None


def _clean_name(name: str) -> str:
    cleaned = unicodedata.normalize("NFC", name or "").strip()
    if not cleaned:
        raise IdentityError("The reviewer needs a name.")
    return cleaned


def _valid_record(record: object) -> bool:
    return (
        isinstance(record, dict)
        and isinstance(record.get("id"), str)
        and keys.is_public_key_b64(record.get("public_key"))
    )


def _identity(name: str, record: dict) -> Identity:
    public = record["public_key"]
    location = record.get("key_location")
    location = location if isinstance(location, str) else "unknown (not checked yet)"
    return Identity(record["id"], name, public, keys.fingerprint(public), location)


def _replace_location(identity: Identity, location: str) -> Identity:
    return Identity(identity.id, identity.name, identity.public_key, identity.fingerprint,
                    location)
