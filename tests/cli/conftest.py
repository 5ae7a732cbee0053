"""Fixtures for the command-line tests: run claim-ledger in a subprocess on a temp db."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "desktop"
SAMPLES = ROOT / "resources" / "samples"

COUNCIL = """\
Council votes 6-3 to close Linden Street library branch

By Marta Okonkwo-Reyes
The Valley Courier
Published 2026-02-11

WESTFORD - The city council voted 6-3 on Tuesday to close the Linden Street branch \
library by the end of June, saving an estimated $410,000 a year.

Council member Dana Whitlock said visits to the branch had fallen 38 percent since 2019. \
"We are paying for a building that most of the neighbourhood no longer uses," she said.

Library director Samuel Achterberg disputed the figure, saying the count excluded 11,000 \
children who attended after-school programmes last year. The city's finance office did not \
respond to a request for comment.
"""

EMOJI_NEWS = """\
Food bank demand hits record as 3,200 families sign up 📈

By Joon-ho Park

RIVERTON - The Riverton food bank registered 3,200 new families in January, up 41% from \
a year earlier, its director said on Monday 🥫.

"We have never seen a winter like this one 😟," director Olivia Mensah-Larsen said. \
She said donations had fallen by about a fifth since November.

The county's social services department said it had not seen the figures 🤷 and declined \
to comment.
"""


def run_cli(db: Path, *args: str, reviewer: str = "Ana", stdin: str | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `python -m claimledger --db DB --reviewer NAME ARGS...`; output stays bytes.
    `env` adds to (or overrides) this process's environment."""
    env = dict(os.environ, PYTHONPATH=str(DESKTOP), QT_QPA_PLATFORM="offscreen", **(env or {}))
    env.pop("CLAIM_LEDGER_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "claimledger", "--db", str(db), "--reviewer", reviewer,
         *map(str, args)],
        capture_output=True, env=env, timeout=180,
        input=stdin.encode() if stdin is not None else None,
    )


def db_fingerprint(db: Path) -> tuple[str, dict[str, int]]:
    """sha256 of the full SQL dump, and the row count of every table."""
    conn = sqlite3.connect(db)
    try:
        dump = "\n".join(conn.iterdump())
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()
    return hashlib.sha256(dump.encode()).hexdigest(), counts


@pytest.fixture
def cli(tmp_path: Path):
    """cli(*args, reviewer="Ana") -> CompletedProcess, on one workspace per test."""
    db = tmp_path / "workspace.sqlite"

    def _run(*args, reviewer: str = "Ana", stdin: str | None = None):
        return run_cli(db, *args, reviewer=reviewer, stdin=stdin)

    _run.db = db
    return _run


@pytest.fixture(scope="session")
def cli_kit():
    """The helpers and texts for fixtures wider than one test (which cannot use `cli`)."""
    return SimpleNamespace(run=run_cli, council=COUNCIL, emoji_news=EMOJI_NEWS,
                           samples=SAMPLES, fingerprint=db_fingerprint)


@pytest.fixture
def cli_on():
    """cli_on(db, *args, reviewer="Ana") -> CompletedProcess, on any workspace file."""
    return run_cli


@pytest.fixture
def news_files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "news"
    folder.mkdir()
    files = {}
    for name, body in {"council.txt": COUNCIL, "food-bank.txt": EMOJI_NEWS}.items():
        files[name] = folder / name
        files[name].write_text(body, encoding="utf-8")
    return files


@pytest.fixture
def fingerprint():
    return db_fingerprint


@pytest.fixture
def sample_files() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))
