"""One reviewer of a desk, as its own process: import the samples, mark `marks` claims
(seeded, so runs repeat), syncing with the hub every `every` marks; optionally write or
read a ledger file too. Run by the convergence test and `make bench`:

    python desk_reviewer.py DB CONFIG NAME URL MARKS EVERY SEED [--export F | --import F]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "desktop"))

from claimledger.workspace import HubOffline, Workspace  # noqa: E402

SAMPLES = sorted((ROOT / "resources" / "samples").iterdir())
VERDICTS = (("sourced", None), ("disputed", None), ("unverified", "Claimed without evidence"))


def main(argv: list[str]) -> int:
    db, config, name, url, marks, every, seed, *extra = argv
    ws = Workspace(Path(db), name, config_dir=Path(config), allow_file_key=True)
    ws.connect_hub(url)
    report = ws.import_files(SAMPLES, analyse=False)
    claims = [c.id for article in report.imported for c in ws.claims(article.id)
              if c.kind == "claim"]
    pick = random.Random(int(seed))
    for number in range(1, int(marks) + 1):
        status, reason = pick.choice(VERDICTS)
        ws.mark(pick.choice(claims), status, reason=reason)
        if number % int(every) == 0:
            sync(ws)
            exchange_file(ws, extra)
    sync(ws)
    exchange_file(ws, extra)
    ws.close()
    return 0


def sync(ws: Workspace) -> None:
    try:
        done = ws.sync_hub(accept_new_reviewers=True)
    except HubOffline:
        return  # the next round catches up
    if done.refused:
        raise SystemExit(f"refused: {done.refused}")


def exchange_file(ws: Workspace, extra: list[str]) -> None:
    if not extra:
        return
    how, path = extra
    if how == "--export":
        ws.export_ledger(path)
    elif Path(path).exists():
        report = ws.sync_files([path], accept_new_reviewers=True)
        if report.failures:
            raise SystemExit(f"file refused: {report.failures[0][1]}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
