"""Fixtures for the publishing formats: reviewed workspaces, the schemas, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_kit import EMOJI_NEWS, run_cli, validator
from jsonschema import Draft202012Validator

from sync_desk import Desk


@pytest.fixture(scope="session")
def claimreview_schema() -> Draft202012Validator:
    return validator("claimreview.schema.json")


@pytest.fixture(scope="session")
def annotation_schema() -> Draft202012Validator:
    return validator("web-annotation.schema.json")


@pytest.fixture
def cli(tmp_path: Path):
    """cli(*args, reviewer="Ana") -> CompletedProcess, on one workspace per test."""
    db = tmp_path / "workspace.sqlite"

    def _run(*args, reviewer: str = "Ana"):
        return run_cli(db, *args, reviewer=reviewer)

    _run.db = db
    return _run


@pytest.fixture
def desk(tmp_path):
    made = Desk(tmp_path)
    yield made
    made.close()


@pytest.fixture
def emoji_file(tmp_path) -> Path:
    path = tmp_path / "food-bank.txt"
    path.write_text(EMOJI_NEWS, encoding="utf-8")
    return path
