"""`claim-ledger --self-test`: prove an install works, end to end, without touching the
user's workspace, settings or keychain.

Everything happens in a temporary folder with its own config folders and keyring's null
backend (the signing key goes to a 0600 file there). The steps are what a reviewer does:
import the bundled samples, mark a claim, export the PDF and a ledger file, merge that
file into a second workspace, and (when PySide6 is importable) render the window
offscreen. One line per check; the first failing check ends the run with exit status 1.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

OK, FAILED = "ok  ", "FAIL  "
_ENV = {"XDG_CONFIG_HOME": "config", "XDG_DATA_HOME": "data", "XDG_CACHE_HOME": "cache",
        "XDG_STATE_HOME": "state"}


class CheckFailed(Exception):
    """A self-test check found something wrong (the message says what)."""


def run_self_test(out=None) -> int:
    """Run every check, print one line each; 0 when all pass, else 1."""
    out = out or sys.stdout
    with tempfile.TemporaryDirectory(prefix="claim-ledger-self-test-") as tmp, \
            _isolated(Path(tmp)):
        state = _State(Path(tmp))
        for name, check in _CHECKS:
            try:
                detail = check(state)
            except Exception as error:  # noqa: BLE001 - every failure is reported, then exit 1
                print(f"{FAILED}{name}: {type(error).__name__}: {error}", file=out, flush=True)
                if not isinstance(error, CheckFailed):
                    traceback.print_exc(file=sys.stderr)
                state.close()
                return 1
            print(f"{OK}{name}" + (f" ({detail})" if detail else ""), file=out, flush=True)
        state.close()
    print("self-test passed", file=out, flush=True)
    return 0


class _State:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.workspaces: list = []
        self.article_id = ""
        self.claim_id = ""
        self.pdf = root / "out" / "verification.pdf"
        self.ledger = root / "out" / "self-test.cledger"

    def open(self, name: str, reviewer: str):
        from claimledger.workspace import Workspace

        ws = Workspace(self.root / name / "workspace.sqlite", reviewer,
                       config_dir=self.root / "config" / "claim-ledger", allow_file_key=True)
        self.workspaces.append(ws)
        return ws

    @property
    def first(self):
        return self.workspaces[0]

    def close(self) -> None:
        for ws in self.workspaces:
            with contextlib.suppress(Exception):
                ws.close()
        self.workspaces.clear()


@contextlib.contextmanager
def _isolated(root: Path) -> Iterator[None]:
    """Private XDG folders and keyring's null backend for the length of the test."""
    import keyring
    from keyring.backends import null

    saved = {name: os.environ.get(name) for name in (*_ENV, "PYTHON_KEYRING_BACKEND")}
    for name, sub in _ENV.items():
        (root / sub).mkdir()
        os.environ[name] = str(root / sub)
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    (root / "out").mkdir()
    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _check_resources(state: _State) -> str:
    from claimledger.resources import resource, resources_dir, sample_articles

    samples = sample_articles()
    if not samples:
        raise CheckFailed(f"no sample articles in {resources_dir()}")
    for part in ("reasons.json", "icons/claim-ledger.svg"):
        if not resource(*part.split("/")).is_file():
            raise CheckFailed(f"{part} is missing from {resources_dir()}")
    if not any(resource("fonts").glob("*.ttf")):
        raise CheckFailed(f"no fonts in {resources_dir() / 'fonts'}")
    return f"{resources_dir()}"


def _check_import(state: _State) -> str:
    from claimledger.resources import sample_articles

    ws = state.open("first", "Self-test Reviewer")
    samples = sample_articles()
    report = ws.import_files(samples)
    if len(report.imported) != len(samples) or report.failures:
        raise CheckFailed(f"imported {len(report.imported)} of {len(samples)} samples")
    html = [a for a in report.imported if (a.filename or "").endswith((".html", ".htm"))]
    chosen = (html or report.imported)[0]
    if chosen.statements < 3:
        raise CheckFailed(f"{chosen.filename} gave only {chosen.statements} statements")
    state.article_id = chosen.id
    return f"{len(samples)} articles, {chosen.statements} statements in {chosen.filename}"


def _check_mark(state: _State) -> str:
    from claimledger.domain.status import Status

    ws = state.first
    claims = [c for c in ws.claims(state.article_id) if c.kind == "claim"]
    if not claims:
        raise CheckFailed("the sample article has no claim to mark")
    reasons = ws.reasons_for(Status.DISPUTED)
    reason = reasons[0].label if reasons else None
    ws.mark(claims[0].id, Status.DISPUTED, reason=reason, note="self-test")
    view = ws.claim(claims[0].id)
    if view.status is not Status.DISPUTED or view.note != "self-test":
        raise CheckFailed(f"the claim reads back as {view.status.value}")
    state.claim_id = claims[0].id
    return f"{claims[0].id[:12]} disputed" + (f", {reason!r}" if reason else "")


def _check_pdf(state: _State) -> str:
    done = state.first.export_pdf([state.article_id], state.pdf, audit=True)
    data = state.pdf.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise CheckFailed(f"{state.pdf.name} is not a complete PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    if done.pages < 1 or pages < 1:
        raise CheckFailed("the PDF has no pages")
    return f"{done.pages} pages, {len(data) // 1024} KB"


def _check_ledger(state: _State) -> str:
    from claimledger.exchange.ledgerfile import read_ledger_file
    from claimledger.exchange.trust import check_events

    ws = state.first
    ws.unlock()
    done = ws.export_ledger(state.ledger)
    ledger = read_ledger_file(state.ledger)
    if len(ledger.events) != done.events or not ledger.events:
        raise CheckFailed(f"wrote {done.events} events, read back {len(ledger.events)}")
    check_events(ledger, {})  # raises TrustError on any bad signature
    return f"{done.events} events, signatures verify"


def _check_log(state: _State) -> str:
    if not state.first.projections_match_log():
        raise CheckFailed("the tables differ from a replay of the event log")
    return ""


def _check_merge(state: _State) -> str:
    from claimledger.domain.status import Status

    second = state.open("second", "Self-test Colleague")
    report = second.sync_files([state.ledger], accept_new_reviewers=True)
    if report.failures:
        raise CheckFailed(report.failures[0][1])
    verdicts = second.verdicts(state.article_id).get(state.claim_id, [])
    if not any(v.status is Status.DISPUTED for v in verdicts):
        raise CheckFailed("the merged workspace lacks the disputed verdict")
    if not second.projections_match_log():
        raise CheckFailed("the merged workspace's tables differ from its event log")
    return f"{report.new_events} events"


def _check_window(state: _State) -> str:
    try:
        from claimledger.ui.shell.render_check import RenderFailed, render_window
    except ImportError:
        return "skipped: PySide6 is not installed"
    try:
        return render_window(state.first, state.root / "out" / "window.png")
    except RenderFailed as failure:
        raise CheckFailed(str(failure)) from None


_CHECKS: list[tuple[str, Callable[[_State], str]]] = [
    ("bundled resources", _check_resources),
    ("import samples", _check_import),
    ("mark a claim", _check_mark),
    ("export PDF", _check_pdf),
    ("export ledger file", _check_ledger),
    ("tables match the event log", _check_log),
    ("merge into a second workspace", _check_merge),
    ("render the window offscreen", _check_window),
]
