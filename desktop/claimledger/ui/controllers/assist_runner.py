"""Assisted review's reading, off the GUI thread.

`workspace.suggestions` and `workspace.matches` may analyse an article first (seconds on
a big one; `matches` also analyses every pending article), so the window never calls
them itself: it asks this runner, which does one job at a time on a worker and keeps the
answers per article. `updated(article_id)` says new answers arrived.

A request for an article already queued is not queued twice; a request while a job runs
waits its turn. The window asks again whenever a verb's Changes touch the open article.
The claims a clash or a match names (often in other articles) are read with them, so
showing one never reads the workspace on the GUI thread; a change brings them up to date
(`refresh_others`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from claimledger.domain.records import ClaimAssist, ClaimView, MatchView
from claimledger.ui.kit.background import Runner
from claimledger.workspace import WorkspaceError

SUGGEST, MATCH = "suggestions", "matches"


class AssistRunner(QObject):
    """Emits updated(article_id) after suggestions or matches arrive, and failed(text)."""

    updated = Signal(str)
    failed = Signal(str)

    def __init__(self, window, workspace) -> None:
        super().__init__(window)
        self._workspace = workspace
        self._runner = Runner(window, "Assisted review")
        self._queue: list[tuple[str, str]] = []
        self._running: tuple[str, str] | None = None
        self._stopped = False
        self.suggestions: dict[str, dict[str, ClaimAssist]] = {}
        self.matches: dict[str, list[MatchView]] = {}
        #: claim id -> a claim a clash or match names (None: gone), read with them.
        self.others: dict[str, ClaimView | None] = {}

    # -- asking ---------------------------------------------------------------------------

    def request(self, article_id: str, matches: bool = True) -> None:
        """Read (analysing first if needed) the article's suggestions, then its matches."""
        self._enqueue((SUGGEST, article_id))
        if matches:
            self._enqueue((MATCH, article_id))
        self._next()

    def loading(self, article_id: str | None) -> bool:
        """True while the article's suggestions have never arrived."""
        return bool(article_id) and article_id not in self.suggestions

    def pending(self, article_id: str | None = None) -> bool:
        """A job for the article (any article without one) is queued or running."""
        jobs = [*self._queue, *([self._running] if self._running else [])]
        return any(article_id is None or a == article_id for _kind, a in jobs)

    def forget(self, article_id: str | None = None) -> None:
        """Drop cached answers (all of them without an article)."""
        for cache in (self.suggestions, self.matches):
            if article_id is None:
                cache.clear()
            else:
                cache.pop(article_id, None)
        if article_id is None:
            self.others.clear()

    def refresh_others(self, claims: dict[str, ClaimView | None]) -> None:
        """Fresh rows of changed claims (a change record's), for those named here."""
        for claim_id, claim in claims.items():
            if claim_id in self.others:
                self.others[claim_id] = claim

    def stop(self) -> None:
        """No more jobs; wait for the running one (before the workspace closes)."""
        self._stopped = True
        self._queue.clear()
        self._runner.wait()

    def resume(self) -> None:
        """Take jobs again after stop() (a refused restore)."""
        self._stopped = False
        self._next()

    # -- the worker -------------------------------------------------------------------------

    def _enqueue(self, job: tuple[str, str]) -> None:
        if job not in self._queue:
            self._queue.append(job)

    def _next(self) -> None:
        if self._stopped or self._runner.busy or not self._queue:
            return
        kind, article_id = self._running = self._queue.pop(0)
        workspace = self._workspace
        read = _with_clashing_claims if kind == SUGGEST else _with_matched_claims
        self._runner.start(lambda _progress: read(workspace, article_id), self._done,
                           self._failed)

    def _done(self, result) -> None:
        kind, article_id = self._running
        self._running = None
        if kind == SUGGEST:
            self.suggestions[article_id], others = result
        else:
            self.matches[article_id], others = result
        self.others.update(others)
        if not self._stopped:
            self.updated.emit(article_id)
        self._next()

    def _failed(self, error: BaseException) -> None:
        kind, article_id = self._running
        self._running = None
        if kind == SUGGEST:  # show the article without suggestions rather than "reading"
            self.suggestions.setdefault(article_id, {})
        else:
            self.matches.setdefault(article_id, [])
        if not self._stopped:
            self.failed.emit(f"Assisted review could not read this article: {error}")
            self.updated.emit(article_id)
        self._next()


def _with_clashing_claims(workspace, article_id: str):
    """The article's suggestions, and every claim their clashes name."""
    found = workspace.suggestions(article_id)
    named = (flag.get("claim", "") for assist in found.values() for flag in assist.flags)
    return found, _claims(workspace, named)


def _with_matched_claims(workspace, article_id: str):
    """The article's matches, and every claim they match."""
    found = workspace.matches(article_id)
    return found, _claims(workspace, (m.other_claim_id for m in found))


def _claims(workspace, claim_ids) -> dict[str, ClaimView | None]:
    found: dict[str, ClaimView | None] = {}
    for claim_id in claim_ids:
        if claim_id and claim_id not in found:
            try:
                found[claim_id] = workspace.claim(claim_id)
            except WorkspaceError:  # NotFound among them: retired or merged away
                found[claim_id] = None
    return found
