"""The desk fixture: reviewers on one machine, each with a workspace and config folder."""

from __future__ import annotations

import pytest

from sync_desk import Desk


@pytest.fixture
def desk(tmp_path):
    made = Desk(tmp_path)
    yield made
    made.close()
