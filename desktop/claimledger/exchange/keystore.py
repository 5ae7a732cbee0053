"""Where a reviewer's private key lives (DESIGN §5): the OS keyring, or a 0600 file.

Every keyring call runs in a daemon worker thread with a timeout, so a hung D-Bus or a
keyring waiting to be unlocked can never hang the app (nor its exit). Where no secure
backend exists, the key goes to `<config_dir>/keys/<reviewer id>.key` only if the user
allowed it; otherwise `InsecureKeyStorage` says plainly what to do. Key material is
never logged, printed or put in a message.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import TypeVar

import keyring
import keyring.errors
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from claimledger.atomic import atomic_write_bytes
from claimledger.exchange import keys
from claimledger.exchange.errors import InsecureKeyStorage, KeyStoreError

SERVICE = "claim-ledger"
ALLOW_FILE_KEY_ENV = "CLAIM_LEDGER_ALLOW_FILE_KEY"
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_INSECURE = {
    ("keyring.backends.fail", "Keyring"),
    ("keyring.backends.null", "Keyring"),
}
_FRIENDLY = {
    "keyring.backends.SecretService": "Secret Service",
    "keyring.backends.libsecret": "Secret Service",
    "keyring.backends.kwallet": "KWallet",
    "keyring.backends.macOS": "macOS Keychain",
    "keyring.backends.Windows": "Windows Credential Manager",
}
T = TypeVar("T")


def allow_file_key_from_env() -> bool:
    """CLAIM_LEDGER_ALLOW_FILE_KEY=1 (or true/yes/on) allows a key file."""
    value = os.environ.get(ALLOW_FILE_KEY_ENV, "").strip().lower()
    return value in {"1", "true", "yes", "on"}


def insecure_reason(backend: object) -> str | None:
    """None if `backend` keeps secrets securely, else why it does not (one phrase)."""
    cls = type(backend)
    name = f"{cls.__module__}.{cls.__name__}"
    if (cls.__module__, cls.__name__) in _INSECURE:
        return f"the keyring backend is {name}"
    if cls.__module__.startswith("keyrings.alt"):
        return f"the keyring backend {name} keeps keys in a plain or terminal-locked file"
    if cls.__module__ == "keyring.backends.chainer":
        return None if _secure_members(backend) else "no usable keyring backend was found"
    try:
        priority = float(backend.priority)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - a backend may raise anything when unusable
        return f"the keyring backend {name} is not usable here"
    if priority <= 0:
        return f"the keyring backend {name} is not usable here (priority {priority:g})"
    return None


def backend_label(backend: object) -> str:
    """A name people know: 'Secret Service', 'macOS Keychain', ..."""
    if type(backend).__module__ == "keyring.backends.chainer":
        members = _secure_members(backend)
        if members:
            return backend_label(members[0])
    module = type(backend).__module__
    if module in _FRIENDLY:
        return _FRIENDLY[module]
    return str(getattr(backend, "name", type(backend).__name__))


def _secure_members(chainer: object) -> list[object]:
    try:
        members = list(chainer.backends)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        return []
    return [member for member in members if insecure_reason(member) is None]


class KeyStore:
    def __init__(
        self, config_dir: Path, allow_file_key: bool | None = None, timeout: float = 5.0
    ) -> None:
        self.config_dir = Path(config_dir)
        self.keys_dir = self.config_dir / "keys"
        self.allow_file_key = (
            allow_file_key_from_env() if allow_file_key is None else allow_file_key
        )
        self.timeout = timeout

    # -- what the app shows -------------------------------------------------------------

    def describe(self) -> str:
        """Where a new key would be kept, in words for the reviewer."""
        backend, reason = self._backend()
        if reason is None:
            return f"{backend_label(backend)} (keyring)"
        if self.allow_file_key:
            return f"a file in {self.keys_dir} (no secure keyring available)"
        return f"nowhere yet: no secure keyring is available ({reason})"

    def key_file(self, reviewer_id: str) -> Path:
        return self.keys_dir / f"{_checked_id(reviewer_id)}.key"

    # -- load and save ------------------------------------------------------------------

    def load(self, reviewer_id: str) -> Ed25519PrivateKey | None:
        found = self.load_with_location(reviewer_id)
        return None if found is None else found[0]

    def load_with_location(self, reviewer_id: str) -> tuple[Ed25519PrivateKey, str] | None:
        """The reviewer's private key and where it was found: keyring first, then file."""
        path = self.key_file(reviewer_id)
        backend, reason = self._backend()
        if reason is None:
            text = self._keyring_get(backend, reviewer_id)
            if text is not None:
                where = f"{backend_label(backend)} (keyring)"
                return _parse_key(text, where), where
        if path.exists():
            return _parse_key(_read_key_file(path), str(path)), _file_location(path)
        return None

    def save(self, reviewer_id: str, private: Ed25519PrivateKey) -> str:
        """Keep the key; returns where it went (for the reviewer to read)."""
        path = self.key_file(reviewer_id)
        secret = keys.private_key_to_b64(private)
        backend, reason = self._backend()
        if reason is None:
            reason = self._keyring_set(backend, reviewer_id, secret)
            if reason is None:
                return f"{backend_label(backend)} (keyring)"
        if not self.allow_file_key:
            raise InsecureKeyStorage(
                f"No secure keyring is available on this system ({reason}). Allow a key "
                f"file with --allow-file-key or {ALLOW_FILE_KEY_ENV}=1, and it will be kept "
                f"in {path} readable only by you."
            )
        _write_key_file(path, secret)
        return _file_location(path)

    # -- the keyring, always behind a timeout -------------------------------------------

    def _backend(self) -> tuple[object, str | None]:
        def find() -> tuple[object, str | None]:
            backend = keyring.get_keyring()
            return backend, insecure_reason(backend)

        try:
            return self._call("looking for a keyring", find)
        except KeyStoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken backend is "no keyring"
            return None, f"the keyring could not be opened ({type(exc).__name__})"

    def _keyring_get(self, backend, reviewer_id: str) -> str | None:
        try:
            return self._call(
                "reading the key", backend.get_password, SERVICE, reviewer_id
            )
        except KeyStoreError:
            raise
        except keyring.errors.KeyringLocked:
            raise KeyStoreError(
                "The system keyring is locked; unlock it (log in to it) and try again."
            ) from None
        except keyring.errors.KeyringError:
            return None

    def _keyring_set(self, backend, reviewer_id: str, secret: str) -> str | None:
        """None when stored, else why the keyring refused (treated as 'no keyring')."""
        try:
            self._call("saving the key", backend.set_password, SERVICE, reviewer_id, secret)
        except KeyStoreError:
            raise
        except keyring.errors.KeyringError as exc:
            return f"the keyring refused the key ({type(exc).__name__})"
        return None

    def _call(self, what: str, fn: Callable[..., T], *args) -> T:
        future: Future = Future()

        def work() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result(fn(*args))
            except BaseException as exc:  # noqa: BLE001 - handed to the caller
                future.set_exception(exc)

        threading.Thread(target=work, name="claim-ledger-keyring", daemon=True).start()
        try:
            return future.result(timeout=self.timeout)
        except FutureTimeout:
            raise KeyStoreError(
                f"The system keyring did not answer within {self.timeout:g} s while "
                f"{what}; it may be locked and waiting for a password, or its service "
                "(D-Bus) may be hung. Unlock or restart it and try again."
            ) from None


def _checked_id(reviewer_id: str) -> str:
    if not isinstance(reviewer_id, str) or not _SAFE_ID.fullmatch(reviewer_id):
        raise ValueError(f"not a usable reviewer id: {reviewer_id!r}")
    return reviewer_id


def _file_location(path: Path) -> str:
    return f"the file {path} (readable only by you; no secure keyring available)"


def _parse_key(text: str, where: str) -> Ed25519PrivateKey:
    try:
        return keys.private_key_from_b64(text.strip())
    except (ValueError, TypeError):
        raise KeyStoreError(f"The private key kept in {where} is damaged.") from None


def _read_key_file(path: Path) -> str:
    """The key file's text; refused (as OpenSSH refuses such a key) when others may read
    or change it."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError as exc:
        raise KeyStoreError(f"The key file {path} cannot be read ({exc.strerror}).") from None
    if mode & 0o077:
        raise KeyStoreError(
            f"The key file {path} is open to other users (mode {mode:04o}), so it is not "
            f"used: make it private (chmod 600 '{path}') if nobody else could have read it, "
            "else start a new identity."
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KeyStoreError(f"The key file {path} cannot be read ({exc.strerror}).") from None
    try:
        return data.decode("ascii")
    except UnicodeError:
        raise KeyStoreError(f"The private key kept in {path} is damaged.") from None


def _write_key_file(path: Path, secret: str) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        atomic_write_bytes(path, (secret + "\n").encode("ascii"), mode=0o600)
    except OSError as exc:
        raise KeyStoreError(
            f"The key file {path} cannot be written ({exc.strerror})."
        ) from None
