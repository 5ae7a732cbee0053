"""Through the command line: a refused ledger file is one line on stderr, exit 1, the
workspace byte for byte as it was; events are numbered by their place in the file."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from malicious_peer import cards_of, events_of

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def _cli(tmp_path: Path, db: Path, *args) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(DESKTOP), XDG_CONFIG_HOME=str(tmp_path / "xdg"),
               QT_QPA_PLATFORM="offscreen")
    env.pop("CLAIM_LEDGER_DB", None)
    return subprocess.run([sys.executable, "-m", "claimledger", "--db", str(db),
                           "--reviewer", "Carol Lam", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=180)


def _fingerprint(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def test_a_bad_event_after_known_ones_is_named_by_its_place_in_the_file(scene, tmp_path):
    db = scene.carol.path
    scene.carol.close()
    m = scene.mallory
    relayed = events_of(scene.bob_file)  # all already in Carol's workspace
    bad = m.verdict(scene.claims[0], status="certainly-true")
    path = m.write(scene.folder / "relay.cledger", [*relayed, m.joined(), bad],
                   cards=[*cards_of(scene.bob_file), m.card])
    before = _fingerprint(db)
    done = _cli(tmp_path, db, "sync", "--accept-new-reviewers", path)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"claim-ledger: error: relay.cledger: event {len(relayed) + 2} "
                                  f"(id {bad.id}, verdict.set) by 'Mallory': its status "
                                  "'certainly-true' is not one of"), done.stderr
    assert _fingerprint(db) == before


def test_a_file_over_the_cap_is_refused_in_one_line(scene, tmp_path):
    db = scene.carol.path
    scene.carol.close()
    path = scene.folder / "huge.cledger"
    with path.open("wb") as handle:
        handle.truncate(513 * 2**20)
    before = _fingerprint(db)
    done = _cli(tmp_path, db, "sync", path)
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "huge.cledger: too large (513.0 MB; this app reads ledger files up to 512 MB)" \
        in done.stderr
    assert _fingerprint(db) == before
