"""Fixtures for the assisted-review tests: workspaces, and articles written to files."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "tests" / "data" / "devset"


@pytest.fixture
def open_ws(tmp_path: Path):
    """open_ws(name="Ana", path=None) -> an open Workspace, closed after the test."""
    from claimledger.workspace import Workspace

    opened = []

    def _open(name: str = "Ana", path: Path | None = None):
        workspace = Workspace(path or tmp_path / "workspace.sqlite", name)
        opened.append(workspace)
        return workspace

    yield _open
    for workspace in opened:
        workspace.close()


@pytest.fixture
def write_article(tmp_path: Path):
    """write_article(name, text) -> the path of a new article file."""
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)

    def _write(name: str, text: str) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write
