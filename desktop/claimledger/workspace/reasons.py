"""Reason presets: the workspace's own list, edited in Settings and shared as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from claimledger.atomic import atomic_write_bytes
from claimledger.domain.reasons import Reason, Taxonomy
from claimledger.domain.status import Status
from claimledger.resources import resource
from claimledger.store import queries
from claimledger.workspace.base import WorkspaceBase
from claimledger.workspace.errors import WorkspaceError

_SETTING = "reasons"
MAX_TAXONOMY_BYTES = 1024 * 1024


class ReasonVerbs(WorkspaceBase):
    @property
    def taxonomy(self) -> Taxonomy:
        cached = getattr(self, "_taxonomy", None)
        if cached is None:
            with self.db.read() as conn:
                stored = queries.setting(conn, _SETTING)
            if stored:
                cached = Taxonomy.from_json(json.loads(stored))
            else:
                with open(resource("reasons.json"), encoding="utf-8") as handle:
                    cached = Taxonomy.from_json(json.load(handle))
            self._taxonomy = cached
        return cached

    def reasons_for(self, status: Status) -> tuple[Reason, ...]:
        return self.taxonomy.for_status(status)

    def set_reasons(self, status: Status, reasons: list[Reason]) -> None:
        """Replace one status's presets (order kept; retire rather than delete)."""
        try:
            self._save_taxonomy(self.taxonomy.with_reasons(status, reasons))
        except ValueError as error:
            raise WorkspaceError(f"Those reasons cannot be saved: {error}.") from None

    def export_reasons(self, path: Path | str) -> None:
        data = json.dumps(self.taxonomy.to_json(), ensure_ascii=False, indent=2) + "\n"
        try:
            atomic_write_bytes(Path(path), data.encode("utf-8"))
        except OSError as error:
            raise WorkspaceError(f"Could not write {path}: {error.strerror or error}.") from None

    def import_reasons(self, path: Path | str) -> Taxonomy:
        path = Path(path)
        try:
            if path.stat().st_size > MAX_TAXONOMY_BYTES:
                raise WorkspaceError(f"{path.name} is too large to be a reason list.")
            data = json.loads(path.read_text(encoding="utf-8"))
            taxonomy = Taxonomy.from_json(data)
        except FileNotFoundError:
            raise WorkspaceError(f"No such file: {path}.") from None
        except (OSError, UnicodeDecodeError) as error:
            raise WorkspaceError(f"Could not read {path.name}: {error}.") from None
        except ValueError as error:
            raise WorkspaceError(f"{path.name} is not a reason list: {error}.") from None
        self._save_taxonomy(taxonomy)
        return taxonomy

    def _save_taxonomy(self, taxonomy: Taxonomy) -> None:
        with self.db.write() as conn:
            queries.put_setting(conn, _SETTING, json.dumps(taxonomy.to_json()))
        self._taxonomy = taxonomy
