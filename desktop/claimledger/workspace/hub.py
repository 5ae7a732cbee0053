"""Desk hub verbs: one shared home on PostgreSQL for the desk's signed events.

The hub keeps rows; it is trusted for nothing else. `sync_hub` sends this workspace's
events the hub lacks (in batches, each one transaction there, so a server that stops
mid-way holds whole batches and the next sync sends the rest), then pulls what others
sent after the last position seen (the cursor) and merges it exactly as a ledger file is
merged: the rows are read by the file reader, every author must be the key pinned here,
a new reviewer's events (and what builds on them) wait until they are accepted, and one
altered, forged or invalid event refuses its whole page of rows, stopping the pull
there with nothing of that page merged. Each page's merge and the cursor move in one
local transaction.

A hub restored from an older backup is noticed by the positions remembered here (the
cursor's event, the last event this workspace inserted) no longer holding those events:
everything is then sent again (the hub keeps one copy per id) and pulled again.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from claimledger.exchange import hubsecret, trust
from claimledger.exchange.errors import KeyStoreError, LedgerFileError, TrustError
from claimledger.exchange.hubrows import HUB_NAME, ledger_of_rows
from claimledger.exchange.ledgerfile import ReviewerCard, chains_of, write_ledger_file
from claimledger.exchange.strictjson import Problem, parse_json
from claimledger.exchange.validate import Known
from claimledger.store import hub as hubstore
from claimledger.store import hub_outbox, log, queries
from claimledger.store.hub import Hub, HubInfo
from claimledger.workspace.backups import take_backup
from claimledger.workspace.errors import WorkspaceError
from claimledger.workspace.hub_state import (
    HubDoorbell,
    HubError,
    HubNeedsPassword,
    HubOffline,
    HubSetup,
    HubState,
    HubStatus,
    HubSync,
    PageMerge,
    address_of,
    guarded,
)
from claimledger.workspace.sync import (
    OVERLAP_AT,
    LedgerExport,
    SyncVerbs,
    UnknownReviewers,
    hold_with_dependents,
)

_SETTING = "desk-hub"
PUSH_BATCH = 5_000
PULL_PAGE = 5_000
Progress = Callable[[int, int, str], bool]


class HubVerbs(SyncVerbs):
    _hub_cache: tuple[str, Hub] | None = None
    _session_password: str | None = None

    def __init__(self, *args, **options) -> None:
        super().__init__(*args, **options)
        #: One sync at a time (the window's worker, a command, Settings' first sync).
        self._hub_sync_lock = threading.Lock()

    # -- setting up --------------------------------------------------------------------

    def init_hub(self, url: str, password: str | None = None) -> HubSetup:
        """Create (or bring up to date) the hub's schema on a PostgreSQL database."""
        address = address_of(url)
        hub = Hub(address, password if password is not None
                  else hubsecret.stored_password(address.keyring_name))
        try:
            info = guarded(hub.init, address)
            database = address.url.database
            return HubSetup(address, info, f"{database}_reviewers", f"{database}_editors")
        finally:
            hub.close()

    def connect_hub(self, url: str, password: str | None = None) -> HubStatus:
        """Use this hub from now on (it must answer and be a hub); a typed password is
        kept in the keyring."""
        address = address_of(url)
        hub = Hub(address, password if password is not None
                  else hubsecret.stored_password(address.keyring_name))
        try:
            info = guarded(hub.info, address)
        finally:
            hub.close()
        if password is not None:
            try:
                hubsecret.keep_password(address.keyring_name, password)
            except KeyStoreError as error:
                raise HubError(str(error)) from None
        previous = self._hub_state()
        same = previous is not None and previous.url == str(address)
        state = previous if same else HubState(str(address), info.hub_id)
        self.unlock()
        with self.db.write() as conn:  # joined now, so the desk can trust us before a verdict
            self._ensure_joined(conn)
            queries.put_setting(conn, _SETTING, json.dumps(asdict(state)))
        self._drop_hub()
        return HubStatus(str(address), True, None, None, self._pending(), info)

    def disconnect_hub(self) -> None:
        """Stop using the hub (the events already sent stay there)."""
        with self.db.write() as conn:
            queries.put_setting(conn, _SETTING, "")
        self._drop_hub()

    def hub_address(self) -> str | None:
        state = self._hub_state()
        return state.url if state else None

    # -- where it stands ---------------------------------------------------------------

    def hub_status(self) -> HubStatus:
        state = self._hub_state()
        if state is None:
            return HubStatus(None)
        pending = self._pending(state)
        try:
            info = guarded(self._hub(state).info, state.address)
        except HubError as error:
            return HubStatus(state.url, False, str(error), state.last_sync, pending)
        return HubStatus(state.url, True, _newer_line(info, state), state.last_sync, pending,
                         info)

    def hub_pending(self) -> int:
        """Events still to send (0 with no hub); reads only the local workspace."""
        state = self._hub_state()
        return 0 if state is None else self._pending(state)

    # -- push and pull -----------------------------------------------------------------

    def sync_hub(self, *, accept_new_reviewers: bool = False,
                 progress: Progress | None = None) -> HubSync:
        """Send what the hub lacks, then merge what others sent. HubOffline (local work
        untouched, the count still to send in it) when the hub does not answer."""
        state = self._hub_state()
        if state is None:
            raise HubError("No desk hub is connected; connect one with: claim-ledger hub "
                           "connect postgresql://user@host:5432/desk")
        self.db.refuse_if_read_only()
        self.unlock()
        with self._hub_sync_lock:
            state = self._hub_state() or state  # as the previous sync left it
            try:
                return self._sync_hub(state, accept_new_reviewers, progress)
            except (HubOffline, HubNeedsPassword):
                self._drop_hub()  # a fresh connection next time
                raise

    def _sync_hub(self, state: HubState, accept: bool, progress: Progress | None) -> HubSync:
        hub = self._hub(state)
        info = guarded(hub.info, state.address, offline=lambda: self._pending(state))
        flags = self._notice_lost_events(hub, state, info)
        pushed = 0 if info.newer else self._push(hub, state, progress)
        if info.newer:
            flags.append(_newer_line(info, state))
        pulled, held, refused, unknown = self._pull(hub, state, accept, progress)
        state.last_sync = datetime.now(UTC).replace(microsecond=0).isoformat()
        self._save_state(state)
        return HubSync(pushed, pulled, held, self._pending(state), refused, unknown, flags,
                       info.newer)

    def _notice_lost_events(self, hub: Hub, state: HubState, info: HubInfo) -> list[str]:
        """A hub restored from an older backup (or rebuilt) lacks events we saw there:
        send everything again and pull from the start."""
        seen = {}
        if state.cursor:
            seen[state.cursor] = state.cursor_id
        if state.anchor:
            seen[int(state.anchor[0])] = state.anchor[1]
        held = guarded(lambda: hub.ids_at(seen), state.address) \
            if seen and info.hub_id == state.hub_id else {}
        if info.hub_id == state.hub_id and all(held.get(s) == i for s, i in seen.items()):
            return []
        lost = info.hub_id == state.hub_id
        state.hub_id, state.pushed, state.cursor, state.cursor_id = info.hub_id, 0, 0, ""
        state.anchor, state.from_hub = [], []
        self._save_state(state)
        if not lost:
            return ["this is another hub than the one last synced: everything here is sent "
                    "to it"]
        return ["the hub lacks events it held before (restored from an older backup?): "
                "everything here is sent again"]

    def _push(self, hub: Hub, state: HubState, progress: Progress | None) -> int:
        pushed = 0
        total = self._pending(state)
        while True:
            until = state.skip_what_came_from_hub()
            with self.db.read() as conn:
                rows = hub_outbox.rows_after(conn, state.pushed, PUSH_BATCH, until)
            if not rows:
                self._save_state(state)
                return pushed
            done = guarded(lambda rows=rows: hub.push([_row_dict(r) for r in rows],
                                                       state.cursor),
                            state.address, offline=lambda: self._pending(state))
            pushed += len(done.inserted)
            state.pushed = rows[-1][0]
            if done.inserted:
                state.anchor = list(done.inserted[-1])
            if done.adjacent:  # only our own rows lie ahead: no need to pull them back
                state.cursor, state.cursor_id = done.inserted[-1]
            self._save_state(state)
            if progress and not progress(pushed, total, "sending to the desk hub"):
                return pushed

    def _pull(self, hub: Hub, state: HubState, accept: bool, progress: Progress | None):
        """(pulled, held for trust, refusal line, UnknownReviewers) over pages of rows. A
        row that fails the checks is skipped and named in the refusal line; the rest of
        its page and the pages after it still merge, so no row can stop the desk."""
        pulled, refused = 0, []

        def line() -> str | None:
            if not refused:
                return None
            more = f" ({len(refused) - 1} more refused)" if len(refused) > 1 else ""
            return refused[0] + more

        while True:
            rows = guarded(lambda: hub.pull(state.cursor, PULL_PAGE), state.address,
                            offline=lambda: self._pending(state))
            if not rows:
                return pulled, 0, line(), None
            try:
                page = self._merge_page(hub, state, rows, accept)
            except HubError as error:
                refused.append(str(error))
                return pulled, 0, line(), None
            pulled += page.added
            refused += page.refused
            if page.waiting is not None:
                return pulled, page.held, line(), page.waiting
            if progress and not progress(pulled, pulled + 1, "merging from the desk hub"):
                return pulled, 0, line(), None
            if page.stopped:
                return pulled, 0, line(), None

    def _merge_page(self, hub: Hub, state: HubState, rows: list[tuple], accept: bool
                    ) -> PageMerge:
        """Check one page as a ledger file is checked, then merge it and move the cursor
        (and the push marker, past what was pulled) in one local transaction. The events
        of reviewers not trusted yet, and those that build on them, wait (the cursor stops
        before the first of them); the rest merges."""
        joins = guarded(lambda: hub.joins_of({r[3] for r in rows}), state.address)
        door, fresh, held, new, refused = self._checked_page(rows, joins)
        waiting = None
        if new.new_reviewers and not accept:
            newcomers = {card.id for card in new.new_reviewers}
            fresh, untrusted = hold_with_dependents(
                fresh, [e for e in fresh if e.author in newcomers], door.pinned,
                self._held_here(fresh))
            held = held + untrusted
            waiting = UnknownReviewers(Path(HUB_NAME), new.new_reviewers, new.name_clashes)
        added = self._merge_rows(state, rows, fresh, {e.id for e in held})
        return PageMerge(len(added), bool(held), waiting, len(held), refused)

    def _checked_page(self, rows: list[tuple], joins: list[tuple]):
        """(door, events to merge, held back, new reviewers, refusal lines) for a page,
        as a ledger file is checked; each row refused on its own (forged, altered,
        invalid) is skipped and named, and the rest checked again without it."""
        refused: list[str] = []
        skipped: set[str] = set()
        while True:
            ids = {r[1] for r in rows if r[1] not in skipped}
            served = [r[1:] for r in joins if r[1] not in ids and r[1] not in skipped] \
                + [r[1:] for r in rows if r[1] not in skipped]
            try:
                ledger = ledger_of_rows(served, self._cards(joins), self.reviewer_name)
                door, fresh, held, new = self._admit(ledger)
                bad = trust.signature_refusals(door, fresh)
                if not bad:
                    return door, fresh, held, new, refused
            except (LedgerFileError, TrustError) as error:
                bad = [error]
            except WorkspaceError as error:
                raise HubError(str(error)) from None
            for error in bad:
                if error.event_id is None or error.event_id in skipped:
                    raise HubError(str(error)) from None
                skipped.add(error.event_id)
                refused.append(_skipped_line(str(error), error.event_id))

    def _held_here(self, events: list) -> Known:
        """What the workspace already holds of what these events refer to."""
        wanted = Known().missing(events)
        with self.db.read() as conn:
            articles, claims, sources = log.references(conn, *wanted)
        return Known(articles, claims, sources)

    def _merge_rows(self, state: HubState, rows: list[tuple], fresh: list, held_ids: set
                    ) -> list:
        waiting = [r[0] for r in rows if r[1] in held_ids]
        cursor_row = next((r for r in reversed(rows) if r[0] < waiting[0]), None) \
            if waiting else rows[-1]
        if len(fresh) >= OVERLAP_AT:  # as for a big file: the state before, to undo it
            take_backup(self, "before-hub-sync")
        with self.db.write() as conn:
            before = hub_outbox.last_seq(conn)
            added = log.merge(conn, fresh)
            after = hub_outbox.last_seq(conn)
            if state.pushed >= before:  # nothing of ours waited: what came in is the hub's
                state.pushed = after
            else:
                state.came_from_hub(before + 1, after)
            if cursor_row is not None:
                state.cursor, state.cursor_id = cursor_row[0], cursor_row[1]
            queries.put_setting(conn, _SETTING, json.dumps(asdict(state)))
        for event in added:
            self._clock.observe(event.hlc)
        return added

    def _cards(self, joins: list[tuple]) -> list[ReviewerCard]:
        """Each author as pinned here, else as the hub presents them (their first
        reviewer.joined there): a row presenting another key for a pinned reviewer is
        then refused on its own, never taken for the reviewer's card."""
        cards: dict[str, ReviewerCard] = {}
        with self.db.read() as conn:
            for rid, name, key in queries.reviewers(conn):
                if key:
                    cards[rid] = ReviewerCard(rid, name, key)
        for _seq, _id, _kind, author, _hlc, payload, _sig in joins:
            try:
                body = parse_json(payload)
            except Problem:
                continue  # the row itself is refused when it is read
            if isinstance(body, dict) and isinstance(body.get("name"), str) \
                    and isinstance(body.get("public_key"), str):
                cards.setdefault(author, ReviewerCard(author, body["name"], body["public_key"]))
        return list(cards.values())

    # -- export ------------------------------------------------------------------------

    def export_hub(self, path: Path | str) -> LedgerExport:
        """Write a ledger file of everything the hub holds, after checking every event as
        a pull does (so a file made from a hub is one any reviewer can merge)."""
        state = self._hub_state()
        if state is None:
            raise HubError("No desk hub is connected; connect one first (hub connect URL).")
        hub = self._hub(state)
        rows: list[tuple] = []
        while True:
            after = rows[-1][0] if rows else 0
            page = guarded(lambda after=after: hub.pull(after, PULL_PAGE), state.address)
            rows += page
            if not page:
                break
        try:
            ledger = ledger_of_rows([r[1:] for r in rows], self._cards(
                [r for r in rows if r[2] == "reviewer.joined"]), self.reviewer_name)
            with self.db.read() as conn:
                trust.check_events(ledger, queries.pinned_keys(conn), queries.key_histories(
                    conn, {c.id for c in ledger.reviewers}))
        except (LedgerFileError, TrustError) as error:
            raise HubError(str(error)) from None
        try:
            write_ledger_file(Path(path), events=ledger.events, reviewers=ledger.reviewers,
                              exporter_name=self.reviewer_name,
                              chains=chains_of(ledger.events))
        except OSError as error:
            raise WorkspaceError(f"Could not write {path}: {error.strerror or error}.") from None
        return LedgerExport(Path(path), len(ledger.events), len(ledger.reviewers))

    # -- the remembered state and the connection ---------------------------------------

    def _hub_state(self) -> HubState | None:
        with self.db.read() as conn:
            raw = queries.setting(conn, _SETTING)
        if not raw:
            return None
        try:
            return HubState(**json.loads(raw))
        except (ValueError, TypeError):
            return None

    def _save_state(self, state: HubState) -> None:
        with self.db.write() as conn:
            queries.put_setting(conn, _SETTING, json.dumps(asdict(state)))

    def _pending(self, state: HubState | None = None) -> int:
        state = state or self._hub_state()
        if state is None:
            return 0
        with self.db.read() as conn:
            waiting = hub_outbox.count_after(conn, state.pushed)
        return waiting - sum(last - max(first, state.pushed + 1) + 1
                             for first, last in state.from_hub if last > state.pushed)

    def use_hub_password(self, password: str) -> None:
        """A password typed for this session only (kept nowhere): where no keyring holds
        it and no PGPASSFILE either."""
        self._session_password = password
        self._drop_hub()

    def _hub(self, state: HubState) -> Hub:
        """One connection pool per hub address, kept between syncs."""
        cached = self._hub_cache
        if cached is not None and cached[0] == state.url:
            return cached[1]
        self._drop_hub()
        address = state.address
        hub = Hub(address, self._session_password
                  or hubsecret.stored_password(address.keyring_name))
        self._hub_cache = (state.url, hub)
        return hub

    def _drop_hub(self) -> None:
        if self._hub_cache is not None:
            self._hub_cache[1].close()
            self._hub_cache = None

    def hub_doorbell(self) -> HubDoorbell:
        """A listener that rings when anyone pushes (the window's worker waits on it)."""
        state = self._hub_state()
        if state is None:
            raise HubError("No desk hub is connected.")
        return HubDoorbell(guarded(self._hub(state).doorbell, state.address), state.address)

    def close(self) -> None:
        self._drop_hub()
        super().close()


def _newer_line(info: HubInfo, state: HubState) -> str | None:
    if not info.newer:
        return None
    return hubstore.newer_schema_message(state.address, info.schema_version)


def _skipped_line(message: str, event_id: str) -> str:
    """A refusal written for a whole file, said of the one hub row it skips."""
    for whole in (f"; {trust.REFUSED}", "; nothing was imported"):
        if message.endswith(whole):
            message = message[:-len(whole)]
            break
    if event_id not in message:
        message += f" (id {event_id})"
    return message + "; that event was skipped, the rest merged"


def _row_dict(row: tuple) -> dict:
    _seq, event_id, kind, author, hlc, payload, signature = row
    return {"id": event_id, "kind": kind, "author": author, "hlc": hlc, "payload": payload,
            "signature": signature}
