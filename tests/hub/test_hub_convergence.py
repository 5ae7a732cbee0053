"""A desk of reviewer processes marking the same articles at once through one hub (two
of them also passing a ledger file) ends with identical ledgers, every one verified.

The default run is 5 reviewers x 60 marks to keep the suite short; the issue's desk of
20 x 500 runs with CLAIM_LEDGER_HUB_DESK=20x500 (and in `make bench`, tests/bench/
bench_hub.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hub_db import remember

from claimledger.workspace import Workspace
from sync_desk import state

SCRIPT = Path(__file__).with_name("desk_reviewer.py")
REVIEWER_PASSWORD = "reviewer-pw"


def desk_size() -> tuple[int, int]:
    reviewers, marks = os.environ.get("CLAIM_LEDGER_HUB_DESK", "5x60").split("x")
    return int(reviewers), int(marks)


def run_desk(tmp_path: Path, hubdb, reviewers: int, marks: int) -> list[Path]:
    """Start every reviewer's process at once; wait for all; their workspaces."""
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{hubdb.cluster.port}:*:*:{REVIEWER_PASSWORD}\n")
    passfile.chmod(0o600)
    env = dict(os.environ, PGPASSFILE=str(passfile),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    shared = tmp_path / "passed-around.cledger"
    processes, dbs = [], []
    for n in range(reviewers):
        url = hubdb.reviewer_login(f"r{n}", REVIEWER_PASSWORD)
        db = tmp_path / f"reviewer-{n}.sqlite"
        extra = ["--export", shared] if n == 0 else ["--import", shared] if n == 1 else []
        processes.append(subprocess.Popen(
            [sys.executable, str(SCRIPT), str(db), str(tmp_path / f"config-{n}"),
             f"Reviewer {n}", url, str(marks), "10", str(n), *map(str, extra)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        dbs.append(db)
    for process in processes:
        _out, err = process.communicate(timeout=1800)
        assert process.returncode == 0, err[-2000:]
        assert "Traceback" not in err
    return dbs


def settle(workspaces: list[Workspace]) -> None:
    """Rounds of sync until a whole round moves nothing."""
    for _round in range(5):
        moved = 0
        for ws in workspaces:
            done = ws.sync_hub(accept_new_reviewers=True)
            assert done.refused is None and done.unknown is None
            moved += done.pushed + done.pulled
        if not moved:
            return
    raise AssertionError("the desk did not settle in five rounds")


def own_events(ws: Workspace) -> set[str]:
    with ws.db.read() as conn:
        return {r[0] for r in conn.exec_driver_sql("SELECT id FROM event WHERE author = ?",
                                                   (ws.reviewer_id,))}


def authors_of_verdicts(ws: Workspace) -> set[str]:
    with ws.db.read() as conn:
        return {r[0] for r in conn.exec_driver_sql(
            "SELECT DISTINCT author FROM event WHERE kind = 'verdict.set'")}


def test_a_desk_converges_to_one_ledger(tmp_path, desk, hubdb):
    reviewers, marks = desk_size()
    desk.reviewer("Edith Editor").init_hub(hubdb.editor_url)
    dbs = run_desk(tmp_path, hubdb, reviewers, marks)
    workspaces = []
    for n, db in enumerate(dbs):
        remember(hubdb.cluster.url(hubdb.name, f"r{n}_{hubdb.name}"), REVIEWER_PASSWORD)
        workspaces.append(Workspace(db, f"Reviewer {n}", config_dir=tmp_path / f"config-{n}"))
    own = set().union(*(own_events(ws) for ws in workspaces))
    try:
        settle(workspaces)
        first = state(workspaces[0])
        assert own <= set(first["events"])  # nothing anyone wrote was lost
        for ws in workspaces:
            assert state(ws) == first
            assert ws.projections_match_log() and not ws.integrity_problems()
            assert ws.hub_pending() == 0
        assert int(hubdb.sql("SELECT count(*) FROM hub_event")) == len(first["events"])
        assert len(authors_of_verdicts(workspaces[0])) == reviewers
    finally:
        for ws in workspaces:
            ws.close()
