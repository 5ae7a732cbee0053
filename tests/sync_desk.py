"""Reviewers on one machine, each with their own workspace and config folder (keys)."""

from __future__ import annotations

from pathlib import Path

from claimledger.store.verify import snapshot
from claimledger.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "grain-export-figures.txt"


class Desk:
    """Makes reviewers in a temp folder and compares their workspaces."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.open: list[Workspace] = []

    def reviewer(self, name: str, db: str | None = None, config: str | None = None
                 ) -> Workspace:
        """A reviewer's workspace; the same name shares one identity unless `config`
        names another config folder (another laptop)."""
        slug = name.lower().replace(" ", "-")
        ws = Workspace(self.folder / f"{db or slug}.sqlite", name,
                       config_dir=self.folder / f"config-{config or slug}")
        self.open.append(ws)
        return ws

    def export(self, ws: Workspace, label: str) -> Path:
        path = self.folder / f"{label}.cledger"
        ws.export_ledger(path)
        return path

    def close(self) -> None:
        for ws in self.open:
            ws.close()



def state(ws: Workspace) -> dict:
    """What a merge must agree on: every projection, and the set of events."""
    with ws.db.read() as conn:
        tables = snapshot(conn)
        events = sorted(r[0] for r in conn.exec_driver_sql("SELECT id FROM event"))
    return {"tables": tables, "events": events}


def claims_of_sample(ws: Workspace) -> list[str]:
    report = ws.import_files([SAMPLE])
    return [c.id for c in ws.claims(report.imported[0].id) if c.kind == "claim"]
