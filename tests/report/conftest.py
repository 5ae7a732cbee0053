"""Shared fixtures for the report tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import report_fixtures  # noqa: E402
from report_pdf import Pdf, build  # noqa: E402


@pytest.fixture(scope="session")
def sample_pdf(tmp_path_factory) -> Pdf:
    """The sample article report with audit, built once for the whole session."""
    folder = tmp_path_factory.mktemp("sample")
    return build(folder, report_fixtures.make_report(include_audit=True))
