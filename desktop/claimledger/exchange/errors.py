"""The errors of exchange/: each message is a sentence a reviewer can act on."""

from __future__ import annotations


class ExchangeError(Exception):
    """Base of every error raised by claimledger.exchange."""


class KeyStoreError(ExchangeError):
    """The private key could not be stored or loaded (keyring hung, file unreadable)."""


class InsecureKeyStorage(KeyStoreError):
    """No secure keyring is available and the user has not allowed a key file."""


class IdentityError(ExchangeError):
    """A reviewer identity is inconsistent (missing or mismatched private key)."""


class LedgerFileError(ExchangeError):
    """A ledger file is unreadable or malformed; the message names the file (and
    `event_id` the event, when one row of a hub is the cause)."""

    def __init__(self, message: str, event_id: str | None = None,
                 event_index: int | None = None) -> None:
        super().__init__(message)
        self.event_id = event_id
        self.event_index = event_index


class TrustError(ExchangeError):
    """A ledger file's events cannot be trusted; the whole file is refused. `event_id`
    names the event refused, when one event is the cause (a hub skips just that row)."""

    def __init__(self, message: str, event_id: str | None = None) -> None:
        super().__init__(message)
        self.event_id = event_id
