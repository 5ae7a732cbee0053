"""The desk hub's password in the system keyring (never in a URL, a log or the repo).

Every keyring call runs behind a timeout (a locked keyring or a hung D-Bus must not hang
the caller); a keyring that cannot answer means "no password stored", so libpq falls
back to PGPASSFILE (~/.pgpass) or the command line asks.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout

import keyring
import keyring.errors

from claimledger.exchange.errors import KeyStoreError
from claimledger.exchange.keystore import insecure_reason

SERVICE = "claim-ledger desk hub"
TIMEOUT_S = 5.0


def stored_password(name: str) -> str | None:
    """The password kept for `name` (user@host:port/db), or None."""
    try:
        return _call(lambda: _secure().get_password(SERVICE, name))
    except (KeyStoreError, keyring.errors.KeyringError):
        return None


def keep_password(name: str, password: str) -> None:
    """Keep it in a secure keyring; KeyStoreError (in one sentence) if there is none."""
    try:
        _call(lambda: _secure().set_password(SERVICE, name, password))
    except keyring.errors.KeyringError as error:
        raise KeyStoreError(f"The keyring refused the hub password ({type(error).__name__}); "
                            "keep it in a PGPASSFILE instead.") from None


def forget_password(name: str) -> None:
    try:
        _call(lambda: _secure().delete_password(SERVICE, name))
    except (KeyStoreError, keyring.errors.KeyringError):
        pass  # nothing was stored, or the keyring is away: nothing to forget here


def _secure():
    backend = keyring.get_keyring()
    reason = insecure_reason(backend)
    if reason is not None:
        raise KeyStoreError(f"No secure keyring is available for the hub password ({reason}); "
                            "keep it in a PGPASSFILE instead.")
    return backend


def _call(work):
    future: Future = Future()

    def run() -> None:
        try:
            future.set_result(work())
        except BaseException as error:  # noqa: BLE001 - handed to the caller
            future.set_exception(error)

    threading.Thread(target=run, name="claim-ledger-hub-keyring", daemon=True).start()
    try:
        return future.result(timeout=TIMEOUT_S)
    except FutureTimeout:
        raise KeyStoreError(f"The system keyring did not answer within {TIMEOUT_S:g} s.") from None
