"""Shared helpers for the ship tests (a uniquely named module, importable from tests)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "desktop"


def child_env(**extra: str) -> dict[str, str]:
    """This test's private environment (conftest), for a child Python."""
    env = dict(os.environ, PYTHONPATH=str(DESKTOP), QT_QPA_PLATFORM="offscreen",
               PYTHONUNBUFFERED="1", **extra)
    env.pop("CLAIM_LEDGER_DB", None)
    return env


def run_cli(db: Path, *args: str, reviewer: str = "Ana Lima", timeout: float = 120
            ) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "claimledger", "--db", str(db), "--reviewer", reviewer, *args],
        capture_output=True, text=True, encoding="utf-8", env=child_env(), timeout=timeout)
