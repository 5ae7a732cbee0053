"""What every command shares: defaults, JSON output, the one-line error."""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path

PROG = "claim-ledger"


def default_db() -> Path:
    if os.environ.get("CLAIM_LEDGER_DB"):
        return Path(os.environ["CLAIM_LEDGER_DB"])
    from platformdirs import user_data_dir

    return Path(user_data_dir("claim-ledger", appauthor=False)) / "workspace.sqlite"


def default_reviewer() -> str:
    """$CLAIM_LEDGER_REVIEWER, else the name the window was given (the same reviewer,
    with the same key), else the user name."""
    if os.environ.get("CLAIM_LEDGER_REVIEWER"):
        return os.environ["CLAIM_LEDGER_REVIEWER"]
    from claimledger.workspace.profile import load_profile

    remembered = load_profile().reviewer
    if remembered:
        return remembered
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


def print_json(rows: list[dict]) -> None:
    print(json.dumps(rows, ensure_ascii=False, indent=2))


def fail(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 1


def add_json(parser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON array")
