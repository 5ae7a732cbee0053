"""Sync verbs: ledger files out and in, trust on first use, consensus.

Merging is the union of signed events (DESIGN §3, §5): a file is checked whole (format,
signatures, pinned keys) and merged in one transaction, so a bad file changes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from claimledger.domain.clock import stamp_ms
from claimledger.domain.records import Changes
from claimledger.exchange import keys
from claimledger.exchange.errors import LedgerFileError, TrustError
from claimledger.exchange.ledgerfile import ReviewerCard, read_ledger_file, write_ledger_file
from claimledger.exchange.trust import check_events
from claimledger.store import log, queries
from claimledger.workspace.backups import forget_backup, take_backup
from claimledger.workspace.errors import WorkspaceError

MAX_SKEW_MS = 10 * 60 * 1000
VERIFY_CHUNK = 5_000
#: From this many new events, the merge runs while signatures are checked (it commits
#: only if they all verify). Smaller files merge after, keeping the write lock short.
OVERLAP_AT = 5_000
Progress = Callable[[int, int, str], bool]


class UnknownReviewers(WorkspaceError):
    """A file carries reviewers never seen here; the user must accept them first."""

    def __init__(self, path: Path, cards: list[ReviewerCard]) -> None:
        self.path, self.cards = path, cards
        names = ", ".join(f"{c.name} ({keys.fingerprint(c.public_key)})" for c in cards)
        super().__init__(f"{path.name}: new reviewer(s) {names}; check the fingerprints with "
                         "them, then accept (--accept-new-reviewers).")


@dataclass(frozen=True)
class FileSync:
    path: Path
    new_events: int
    known_events: int
    new_reviewers: list[tuple[str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


@dataclass
class SyncReport:
    """What a sync merged, what it refused (with why), and which files wait for the user
    to accept new reviewers (kept whole, so a dialog can show their cards)."""

    files: list[FileSync] = field(default_factory=list)
    failures: list[tuple[Path, str]] = field(default_factory=list)
    unknown: list[UnknownReviewers] = field(default_factory=list)

    @property
    def new_events(self) -> int:
        return sum(f.new_events for f in self.files)

    @property
    def changes(self) -> Changes:
        """Other reviewers' events may touch anything: views refetch what they show."""
        return Changes.everything("Merge") if self.new_events else Changes()


@dataclass(frozen=True)
class LedgerExport:
    path: Path
    events: int
    reviewers: int


class SyncVerbs:
    def export_ledger(self, path: Path | str, article_ids: Sequence[str] | None = None
                      ) -> LedgerExport:
        """Write a signed ledger file (atomically) of the workspace or of some articles."""
        path = Path(path)
        with self.db.read() as conn:
            events = log.events_for_articles(conn, article_ids)
            cards = [ReviewerCard(rid, name, key) for rid, name, key in queries.reviewers(conn)
                     if key and any(e.author == rid for e in events)]
        try:
            write_ledger_file(path, events=events, reviewers=cards,
                              exporter_name=self.reviewer_name)
        except OSError as error:
            raise WorkspaceError(f"Could not write {path}: {error.strerror or error}.") from None
        except ValueError as error:  # an unsigned event or one whose author has no key
            raise WorkspaceError(f"This workspace cannot be exported as it is: {error}.") from None
        return LedgerExport(path, len(events), len(cards))

    def sync_files(self, paths: Sequence[Path | str], *, accept_new_reviewers: bool = False,
                   progress: Progress | None = None) -> SyncReport:
        """Merge each file in its own transaction; failures are reported, not raised."""
        report = SyncReport()
        for index, path in enumerate(map(Path, paths)):
            if progress and not progress(index, len(paths), path.name):
                break
            try:
                report.files.append(self._sync_one(path, accept_new_reviewers, progress))
            except UnknownReviewers as waiting:
                report.unknown.append(waiting)
            except WorkspaceError as error:
                report.failures.append((path, str(error)))
        return report

    def _sync_one(self, path: Path, accept: bool, progress: Progress | None) -> FileSync:
        try:
            ledger = read_ledger_file(path)
        except LedgerFileError as error:
            raise WorkspaceError(str(error)) from None
        with self.db.read() as conn:
            pinned = queries.pinned_keys(conn)
            known = log.known_event_ids(conn, [e.id for e in ledger.events])
        fresh = [e for e in ledger.events if e.id not in known]
        pending = backup = None
        if len(fresh) >= OVERLAP_AT:  # a big file: merge while the signatures are checked
            backup = take_backup(self, "before-sync")
            pending = self.db.pending_write(lambda conn: log.merge(conn, fresh))
        try:
            trust = self._verify(ledger, fresh, pinned, progress)
            if trust and not accept:
                raise UnknownReviewers(path, trust)
            _check_join_keys(ledger, fresh)
        except BaseException:
            if pending is not None:
                pending.finish(commit=False)
                forget_backup(backup)  # refused: the disk stays as it was
            raise
        if pending is None and fresh:  # the state before the merge, so it can be undone
            take_backup(self, "before-sync")
        added = self._merged(path, fresh, pending)
        for event in added:
            self._clock.observe(event.hlc)
        return FileSync(path, len(added), len(ledger.events) - len(fresh),
                        [(c.name, keys.fingerprint(c.public_key)) for c in trust],
                        _skew_flags(ledger, added))

    def _merged(self, path: Path, fresh, pending) -> list:
        """Commit the overlapped merge, or merge now; one transaction either way."""
        try:
            if pending is not None:
                return pending.finish(commit=True)
            with self.db.write() as conn:
                return log.merge(conn, fresh)
        except Exception as error:
            raise WorkspaceError(f"{path.name}: could not be merged ({error.__class__.__name__}:"
                                 f" {str(error).splitlines()[0]}); nothing was imported.") from None

    def _verify(self, ledger, fresh, pinned, progress) -> list[ReviewerCard]:
        """Check signatures of the events not already held, in chunks with progress."""
        new_cards: dict[str, ReviewerCard] = {}
        for start in range(0, max(len(fresh), 1), VERIFY_CHUNK):
            chunk = replace(ledger, events=fresh[start:start + VERIFY_CHUNK])
            try:
                result = check_events(chunk, pinned)
            except TrustError as error:
                raise WorkspaceError(str(error)) from None
            new_cards.update((c.id, c) for c in result.new_reviewers
                             if any(e.author == c.id for e in fresh))
            if progress and not progress(start, len(fresh), f"checking {ledger.name}"):
                raise WorkspaceError(f"{ledger.name}: sync cancelled; nothing was imported.")
        return list(new_cards.values())


def _check_join_keys(ledger, fresh) -> None:
    """A reviewer.joined event must announce the same key the file's card carries."""
    cards = {c.id: c.public_key for c in ledger.reviewers}
    for event in fresh:
        if event.kind == "reviewer.joined" and event.payload.get("public_key") != cards.get(
                event.author):
            raise WorkspaceError(f"{ledger.name}: reviewer {event.payload.get('name')!r} joins "
                                 "with a key that differs from the file's; refusing the file.")


def _skew_flags(ledger, added) -> list[str]:
    now = time.time_ns() // 1_000_000
    ahead: dict[str, int] = {}
    for event in added:
        skew = stamp_ms(event.hlc) - now
        if skew > MAX_SKEW_MS:
            ahead[event.author] = max(ahead.get(event.author, 0), skew)
    names = {c.id: c.name for c in ledger.reviewers}
    return [f"{names.get(a, a)}'s clock runs about {_duration(ms)} ahead; their changes were "
            "accepted and yours will still come after them." for a, ms in ahead.items()]


def _duration(ms: int) -> str:
    """Roughly, in the unit a person would use: '25 minutes', '5 hours', '3 days'."""
    minutes = round(ms / 60_000)
    if minutes < 120:
        return f"{minutes} minutes"
    hours = round(ms / 3_600_000)
    return f"{hours} hours" if hours < 48 else f"{round(ms / 86_400_000)} days"
