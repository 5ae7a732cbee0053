"""Sync verbs: ledger files out and in, trust on first use, consensus.

Merging is the union of signed events (DESIGN §3, §5, §8). A file is checked whole before
anything is written: its format; that an id already here carries the same bytes; that
each author is one key (trust); that each new event obeys the rules the verbs obey
(validate); that ids are the hash of the content and signatures match. Events stamped
too far ahead of this computer's clock are held back (not merged, and not allowed to
push this workspace's clock); they merge when the file is synced again once the clock
has caught up. The rest is merged in one transaction, so a bad file changes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimledger.domain.clock import stamp_ms
from claimledger.domain.records import Changes
from claimledger.exchange import keys, trust
from claimledger.exchange.errors import LedgerFileError, TrustError
from claimledger.exchange.ledgerfile import (
    Chain,
    LedgerFile,
    ReviewerCard,
    chains_of,
    read_ledger_file,
    write_ledger_file,
)
from claimledger.exchange.trust import Door
from claimledger.exchange.validate import Known, event_problem
from claimledger.store import DatabaseFault, log, queries, revisions
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

    def __init__(self, path: Path, cards: list[ReviewerCard],
                 clashes: Sequence[str] = ()) -> None:
        self.path, self.cards, self.clashes = path, cards, list(clashes)
        names = ", ".join(f"{c.name} ({keys.fingerprint(c.public_key)})" for c in cards)
        warning = "".join(f" Warning: {clash}." for clash in self.clashes)
        super().__init__(f"{path.name}: new reviewer(s) {names}; check the fingerprints with "
                         f"them, then accept (--accept-new-reviewers).{warning}")


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
        """Write a signed ledger file (atomically) of the workspace or of some articles;
        each reviewer's card says how many of their events it carries of how many here."""
        path = Path(path)
        with self.db.read() as conn:
            events = log.events_for_articles(conn, revisions.revision_families(conn,
                                                                               article_ids))
            cards = [ReviewerCard(rid, name, key) for rid, name, key in queries.reviewers(conn)
                     if key and any(e.author == rid for e in events)]
            held = {author: Chain(0, count, head) for author, (count, head)
                    in log.author_heads(conn, {e.author for e in events}).items()}
        try:
            write_ledger_file(path, events=events, reviewers=cards,
                              exporter_name=self.reviewer_name,
                              chains=chains_of(events, held))
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
        try:
            door, fresh, held, new = self._admit(ledger)
        except TrustError as error:
            raise WorkspaceError(str(error)) from None
        pending = backup = None
        if len(fresh) >= OVERLAP_AT:  # a big file: merge while the signatures are checked
            backup = take_backup(self, "before-sync")
            pending = self.db.pending_write(lambda conn: log.merge(conn, fresh))
        try:
            self._verify(door, fresh, progress)
            if new.new_reviewers and not accept:
                raise UnknownReviewers(path, new.new_reviewers, new.name_clashes)
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
        flags = new.name_clashes + _held_flags(ledger, held)
        return FileSync(path, len(added), len(ledger.events) - len(fresh) - len(held),
                        [(c.name, keys.fingerprint(c.public_key)) for c in new.new_reviewers],
                        flags + self._incomplete_flags(ledger))

    def _admit(self, ledger: LedgerFile):
        """Everything decided before a write: (door, events to merge, events held back,
        the new reviewers). TrustError on anything that refuses the file."""
        with self.db.read() as conn:
            door = Door.of(ledger, queries.pinned_keys(conn), queries.reviewer_names(conn),
                           queries.key_histories(conn, {c.id for c in ledger.reviewers}))
            stored, altered = log.held_copies(conn, ledger.events)
            trust.refuse_altered_copies(door, sorted(altered, key=lambda a: door.position[
                a[0].id]))
            fresh = [e for e in ledger.events if e.id not in stored]
            trust.check_identities(door, fresh)
            fresh, held = _hold_future(fresh, door.pinned)
            known = _with_references(conn, Known().add_events(fresh), fresh)
        for event in fresh:
            rule = event_problem(event, known)
            if rule is not None:
                raise door.refuse(event, rule)
        return door, fresh, held, trust.new_reviewers(door, fresh)

    def _incomplete_flags(self, ledger: LedgerFile) -> list[str]:
        """Reviewers whose view here lacks events the file's exporter held; each is also
        remembered (the most any file claimed), so the window and `reviewers` can say so
        until the missing events arrive (`incomplete_views`)."""
        if not ledger.chains:
            return []
        with self.db.read() as conn:
            counts = log.author_counts(conn, ledger.chains)
            heads = log.known_event_ids(conn, [c.head for c in ledger.chains.values()])
            seen = queries.chains_seen(conn)
        lacking = {author: chain for author, chain in ledger.chains.items()
                   if chain.head not in heads or counts[author] < chain.held}
        more = {author: chain for author, chain in lacking.items()
                if chain.held > seen.get(author, (0, "", ""))[0]}
        if more and not self.read_only:
            with self.db.write() as conn:
                for author, chain in more.items():
                    queries.put_chain_seen(conn, author, (chain.held, chain.head, ledger.name))
        names = {c.id: c.name for c in ledger.reviewers}
        return [f"{names.get(author, author)}'s view here is incomplete: the exporter of "
                f"{ledger.name} held {chain.held:,} of their events, this workspace has "
                f"{counts[author]:,}; their latest verdicts may not show yet."
                for author, chain in lacking.items()]

    def incomplete_views(self) -> dict[str, str]:
        """Reviewer id -> why their view here is incomplete, in words, for each reviewer
        a ledger file said has more events than this workspace holds."""
        with self.db.read() as conn:
            seen = queries.chains_seen(conn)
            if not seen:
                return {}
            counts = log.author_counts(conn, seen)
            heads = log.known_event_ids(conn, [head for _held, head, _file in seen.values()])
        return {author: f"{counts[author]:,} of their {held:,} events are here ({source} "
                        f"held {held:,}); their latest verdicts may not show yet"
                for author, (held, head, source) in seen.items()
                if head not in heads or counts[author] < held}

    def _merged(self, path: Path, fresh, pending) -> list:
        """Commit the overlapped merge, or merge now; one transaction either way."""
        try:
            if pending is not None:
                return pending.finish(commit=True)
            with self.db.write() as conn:
                return log.merge(conn, fresh)
        except WorkspaceError:
            raise
        except DatabaseFault as fault:
            raise WorkspaceError(f"{path.name}: could not be merged: {fault}") from None
        except Exception as error:
            raise WorkspaceError(f"{path.name}: could not be merged ({error.__class__.__name__}:"
                                 f" {str(error).splitlines()[0]}); nothing was imported.") from None

    def _verify(self, door: Door, fresh, progress) -> None:
        """Check ids and signatures of the events not already held, in chunks."""
        for start in range(0, len(fresh), VERIFY_CHUNK):
            try:
                trust.verify_signatures(door, fresh[start:start + VERIFY_CHUNK])
            except TrustError as error:
                raise WorkspaceError(str(error)) from None
            if progress and not progress(start, len(fresh), f"checking {door.ledger.name}"):
                raise WorkspaceError(f"{door.ledger.name}: sync cancelled; nothing was imported.")


def _with_references(conn, known: Known, events) -> Known:
    """Add what the workspace holds of the ids these events refer to (a few queries)."""
    articles, claims, sources = log.references(conn, *known.missing(events))
    known.articles.update(articles)
    known.claims.update(claims)
    known.sources.update(sources)
    return known


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _hold_future(fresh: list, pinned) -> tuple[list, list]:
    """(events to merge, events held back): stamped too far ahead of this clock, or
    referring to what such an event creates (a claim, or the reviewer who joins)."""
    limit = _now_ms() + MAX_SKEW_MS
    return hold_with_dependents(fresh, [e for e in fresh if _stamp_ms_or_zero(e.hlc) > limit],
                                pinned)


def hold_with_dependents(fresh: list, held: list, pinned, here: Known | None = None
                         ) -> tuple[list, list]:
    """(events to merge, events held back): `held`, and every event of `fresh` that
    refers to what a held event creates (a claim, or the reviewer who joins) unless the
    workspace holds it already (`here`)."""
    if not held:
        return fresh, []
    held_ids = {e.id for e in held}
    while True:
        created = _not_here(Known().add_events(held), here)
        joining = {e.author for e in held if e.kind == "reviewer.joined"} - set(pinned)
        more = [e for e in fresh if e.id not in held_ids
                and (e.author in joining or _refers_to(e, created))]
        if not more:
            break
        held += more
        held_ids.update(e.id for e in more)
    return [e for e in fresh if e.id not in held_ids], held


def _not_here(created: Known, here: Known | None) -> Known:
    if here is not None:
        for mine, theirs in ((created.articles, here.articles), (created.claims, here.claims),
                             (created.sources, here.sources)):
            for key in theirs.keys() & mine.keys():
                del mine[key]
    return created


def _refers_to(event, created: Known) -> bool:
    p = event.payload
    return (p.get("article") in created.articles or p.get("claim") in created.claims
            or p.get("source") in created.sources)


def _stamp_ms_or_zero(stamp: str) -> int:
    try:
        return stamp_ms(stamp)
    except ValueError:
        return 0


def _held_flags(ledger: LedgerFile, held: list) -> list[str]:
    if not held:
        return []
    now = _now_ms()
    names = {c.id: c.name for c in ledger.reviewers}
    by_author: dict[str, list] = {}
    for event in held:
        by_author.setdefault(event.author, []).append(event)
    return [f"held back {len(events):,} event(s) by {names.get(a, a)} stamped up to "
            f"{_duration(max(_stamp_ms_or_zero(e.hlc) for e in events) - now)} ahead of this "
            "computer's clock: not merged; sync the file again once the clock has caught up"
            for a, events in by_author.items()]


def _duration(ms: int) -> str:
    """Roughly, in the unit a person would use: '25 minutes', '5 hours', '3 days',
    '31,688 years' (a stamp at the clock's maximum)."""
    minutes = round(ms / 60_000)
    if minutes < 120:
        return f"{minutes} minutes"
    hours = round(ms / 3_600_000)
    if hours < 48:
        return f"{hours} hours"
    days = round(ms / 86_400_000)
    return f"{days} days" if days < 730 else f"{round(days / 365.25):,} years"
