"""Made once with the app as it was before content-addressed event ids (commit 5764785).

    .venv/bin/python tests/data/legacy/make_v1_fixtures.py tests/data/legacy /tmp/scratch

Kept to show how the fixtures were made; a newer app would write format 2 instead.
"""

import shutil
import sqlite3
import sys
from pathlib import Path

import keyring
from keyring.backends.null import Keyring

from claimledger.workspace import Workspace


def main(out: Path, tmp: Path) -> None:
    keyring.set_keyring(Keyring())
    sample = Path("resources/samples/grain-export-figures.txt")
    ana = Workspace(tmp / "ana.sqlite", "Ana Ruiz", config_dir=tmp / "cfg-ana",
                    allow_file_key=True)
    article = ana.import_files([sample], analyse=False).imported[0].id
    claims = [c.id for c in ana.claims(article) if c.kind == "claim"]
    ana.mark(claims[0], "disputed", reason="Outdated figure", note="2024 data")
    ana.mark(claims[1], "sourced")
    ana.add_source(claims[0], url="https://data.example.org/grain", stance="contradicts")
    ana.add_claim(article, 0, 12)
    ana.export_ledger(out / "v1-ana.cledger")
    ben = Workspace(tmp / "ben.sqlite", "Ben Ode", config_dir=tmp / "cfg-ben",
                    allow_file_key=True)
    ben.sync_files([out / "v1-ana.cledger"], accept_new_reviewers=True)
    ben.mark(claims[0], "sourced", note="checked the 2025 release")
    ben.settle(claims[0], "sourced", note="desk agreed")
    ben.close()
    ana.close()
    con = sqlite3.connect(tmp / "ben.sqlite")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("VACUUM")
    con.close()
    shutil.copy(tmp / "ben.sqlite", out / "v1-workspace.sqlite")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
