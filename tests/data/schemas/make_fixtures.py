"""Make one small workspace file per schema revision, for tests/ship/test_upgrades.py.

    .venv/bin/python tests/data/schemas/make_fixtures.py [REVISION...]

A workspace is built with today's code (two articles, verdicts by two reviewers, a
source, a consensus); then for each revision in store/migrate.KNOWN a fresh file is
migrated to exactly that revision with alembic, and the rows are copied in with plain
SQL, column by column, for the tables and columns that exist at that revision. The
derived caches (analysis, matches) are left out: an upgraded workspace rebuilds them.
The files are committed (see .gitignore); run this again after adding a migration.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "desktop"))

#: What each fixture holds, in rows (the upgrade test checks them).
TABLES = ("event", "reviewer", "reviewer_key", "setting", "article", "claim", "verdict",
          "source", "consensus", "dismissal")
#: Event kinds (prefixes) that came with a table: absent from older fixtures.
LATER_EVENTS = {"source": "source.", "consensus": "consensus.",
                "dismissal": "suggestion."}
DERIVED = ("claim_analysis", "article_analysis", "claim_match", "match_token")

COUNCIL = """\
Council votes 6-3 to close Linden Street library branch

By Marta Okonkwo-Reyes

WESTFORD - The city council voted 6-3 on Tuesday to close the Linden Street branch \
library by the end of June, saving an estimated $410,000 a year.

Council member Dana Whitlock said visits to the branch had fallen 38 percent since 2019.

Library director Samuel Achterberg disputed the figure. The city's finance office did not \
respond to a request for comment.
"""


def build_source(folder: Path) -> Path:
    """A workspace at HEAD made through the verbs, as a reviewer would."""
    import keyring
    from keyring.backends import null

    from claimledger.domain.status import Status
    from claimledger.workspace import Workspace

    keyring.set_keyring(null.Keyring())
    db = folder / "source.sqlite"
    config = folder / "config"
    with Workspace(db, "Ana Lima", config_dir=config, allow_file_key=True) as ana:
        council = ana.import_text(COUNCIL, "Council votes 6-3")
        grain = ana.import_files([ROOT / "resources" / "samples" / "grain-export-figures.txt"],
                                 analyse=False).imported[0]
        claims = [c for c in ana.claims(council.id) if c.kind == "claim"]
        ana.mark(claims[0].id, Status.SOURCED, reason=None, note="council minutes")
        ana.mark(claims[1].id, Status.DISPUTED, reason=None, note="figure excludes children")
        ana.mark(ana.claims(grain.id)[1].id, Status.UNVERIFIED,
                 reason="Claimed without evidence", note=None)
        ana.add_source(claims[0].id, url="https://example.org/minutes", title="Minutes",
                       publisher="Westford City Council", excerpt="voted 6-3",
                       stance="supports")
    with Workspace(db, "Ben Okafor", config_dir=config, allow_file_key=True) as ben:
        ben.mark(claims[0].id, Status.SOURCED)
        ben.mark(claims[1].id, Status.UNVERIFIED, reason="Source could not be verified")
        ben.settle(claims[1].id, Status.DISPUTED, None, "settled in the morning meeting")
    return db


def make_at(revision: str, source: Path, target: Path) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from claimledger.store import migrate

    target.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{target}")
    config = Config()
    config.set_main_option("script_location", str(migrate._SCRIPTS))
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
        conn.commit()
    engine.dispose()
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("ATTACH DATABASE ? AS src", (str(source),))
        conn.execute("BEGIN")
        present = {row[0] for row in conn.execute("SELECT name FROM main.sqlite_master")}
        # events whose projection does not exist yet were never written at this revision
        unknown = [kinds for table, kinds in LATER_EVENTS.items() if table not in present]
        for table in TABLES:
            columns = [row[1] for row in conn.execute(f"PRAGMA main.table_info({table})")]
            if not columns:
                continue  # not at this revision yet
            names = ", ".join(f'"{c}"' for c in columns)
            where = ""
            if table == "event" and unknown:
                where = " WHERE " + " AND ".join(f"kind NOT LIKE '{k}%'" for k in unknown)
            conn.execute(f"INSERT INTO main.{table} ({names}) "
                         f"SELECT {names} FROM src.{table}{where}")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("VACUUM")
    finally:
        conn.close()


def main() -> int:
    from claimledger.store import migrate

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        for name, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data")):
            os.environ[name] = str(Path(tmp) / sub)
        source = build_source(Path(tmp))
        wanted = sys.argv[1:] or migrate.KNOWN  # one revision: leave the others as they are
        for revision in wanted:
            target = HERE / f"{revision}.sqlite"
            make_at(revision, source, target)
            print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
