"""The reviewers this workspace knows, the names it shows them by, and your own key.

A reviewer's name is what they signed when they joined; a receiver cannot change it.
But two reviewers may sign the same name (a namesake on another desk, or an impostor),
and then both are shown with the short form of their key's fingerprint until the
receiver gives one of them a name of their own here. That local name is kept in this
workspace only (a setting, never in a ledger file or a PDF's signature), like a petname
in an address book: ssh's known_hosts comment, not the host's own name.

`rotate_key` moves you to a new key by a `reviewer.key_rotated` event signed with the
old one, so colleagues who pinned the old key accept the new one (and refuse anything
signed with the old key after that moment).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from claimledger.domain import events as ev
from claimledger.domain import limits
from claimledger.domain.records import Changes, Kind
from claimledger.exchange import keys
from claimledger.exchange.errors import IdentityError, KeyStoreError
from claimledger.exchange.identity import Identity
from claimledger.store import queries
from claimledger.workspace.base import WorkspaceBase, display_names
from claimledger.workspace.errors import Ambiguous, NotFound, WorkspaceError


@dataclass(frozen=True)
class ReviewerInfo:
    """One reviewer as this workspace knows them."""

    id: str
    signed_name: str  # what they signed when they joined
    shown_name: str   # what the app shows (a local name, a fingerprint on a clash)
    local_name: str | None
    fingerprint: str
    is_me: bool
    #: Why their view here may be out of date (see SyncVerbs.incomplete_views), or None.
    incomplete: str | None = None

    def as_json(self) -> dict:
        return {"id": self.id, "signed_name": self.signed_name, "shown_name": self.shown_name,
                "local_name": self.local_name, "fingerprint": self.fingerprint,
                "is_me": self.is_me, "incomplete": self.incomplete}


@dataclass(frozen=True)
class KeyRotation:
    old: Identity
    new: Identity


class DeskVerbs(WorkspaceBase):
    def rotate_key(self) -> KeyRotation:
        """Move to a new signing key. The rotation is signed with the old key and the new
        one is kept in its place; if either step fails, neither happens."""
        self.db.refuse_if_read_only()
        old = self.unlock()
        private = keys.generate_private_key()
        new_public = keys.public_key_b64(private)
        with self._lock:
            old_private = self._private_key
            rotation = self._event(ev.REVIEWER_KEY_ROTATED, {
                "public_key": new_public, "previous_key": old.public_key})
            storing = False
            try:
                with self.db.write() as conn:
                    self._append(conn, [rotation])  # signed with the old key
                    storing = True
                    kept = self._identities.rotate(old, self._keystore(), private)
            except BaseException as error:
                if storing:  # the new key may be stored while the rotation is not
                    _put_back(self._identities, old, self._keystore(), old_private)
                if isinstance(error, KeyStoreError | IdentityError):
                    raise WorkspaceError(f"The new key could not be kept ({error}); nothing "
                                         "changed: you still sign with your old key.") from None
                raise
            self._identity, self._private_key = kept, private
        return KeyRotation(old, kept)

    def reviewers_here(self) -> list[ReviewerInfo]:
        """Everyone who has joined, you first, then by the name shown."""
        with self.db.read() as conn:
            rows = queries.reviewers(conn)
            aliases = queries.reviewer_aliases(conn)
            shown = display_names(conn)
        lacking = self.incomplete_views()
        found = [ReviewerInfo(rid, name, shown.get(rid, name), aliases.get(rid),
                              keys.fingerprint(key) if key else "", rid == self.reviewer_id,
                              lacking.get(rid))
                 for rid, name, key in rows]
        return sorted(found, key=lambda r: (not r.is_me, r.shown_name.casefold()))

    def resolve_reviewer(self, text: str) -> str:
        """A reviewer id from the start of their id or of their key's fingerprint (with or
        without "SHA256:"), or their shown or signed name."""
        wanted = text.strip()
        if not wanted:
            raise NotFound("Name the reviewer: the start of their fingerprint or id, or "
                           "their name.")
        people = self.reviewers_here()
        bare = wanted.removeprefix("SHA256:")
        found = [r for r in people
                 if r.id.startswith(wanted.lower())
                 or (len(bare) >= 4 and r.fingerprint.removeprefix("SHA256:").startswith(bare))]
        if not found:
            folded = wanted.casefold()
            found = [r for r in people if folded in (r.shown_name.casefold(),
                                                     r.signed_name.casefold())]
        if not found:
            raise NotFound(f"No reviewer here matches {wanted!r}.")
        if len(found) > 1:
            raise Ambiguous(f"{wanted!r} matches more than one reviewer ("
                            + ", ".join(f"{r.shown_name}, {r.fingerprint[:15]}…"
                                        for r in found)
                            + "); give more of the fingerprint.")
        return found[0].id

    def rename_reviewer(self, reviewer_id: str, name: str | None) -> Changes:
        """Show another reviewer under `name` in this workspace (None or blank: by the
        name they signed again). Your own name is set in Settings, not here."""
        if reviewer_id == self.reviewer_id:
            raise WorkspaceError("That is you: your own name is set in Settings > "
                                 "Reviewer, and signed into your events.")
        local = _local_name(name)
        self.db.refuse_if_read_only()
        with self.db.write() as conn:
            if reviewer_id not in queries.reviewer_names(conn):
                raise NotFound(f"No reviewer with id {reviewer_id} has joined here.")
            queries.put_reviewer_alias(conn, reviewer_id, local)
        return Changes.of("Rename reviewer", Kind.EVERYTHING)


def _put_back(identities, old: Identity, keystore, private) -> None:
    """The old key in its place again; where that fails too, what failed first left it
    there (a keystore that refused the new key still holds the old one)."""
    try:
        identities.rotate(old, keystore, private)
    except (KeyStoreError, IdentityError):
        pass


def _local_name(name: str | None) -> str | None:
    """The name as it will be shown, or None to go back to the signed one."""
    if name is None:
        return None
    cleaned = " ".join(name.split())
    if not cleaned:
        return None
    if any(unicodedata.category(ch).startswith("C") for ch in cleaned):
        raise WorkspaceError("A reviewer's name cannot contain control characters.")
    if len(cleaned) > limits.MAX_NAME:
        raise WorkspaceError(f"A reviewer's name is at most {limits.MAX_NAME} characters; "
                             f"this one has {len(cleaned)}.")
    return cleaned
