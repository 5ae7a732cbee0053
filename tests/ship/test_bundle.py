"""The PyInstaller bundle (`make package`) passes its own self-test."""

from __future__ import annotations

import subprocess

import pytest
from test_self_test import check_self_test_output
from tests_ship_helpers import ROOT, child_env

BUNDLE = ROOT / "dist" / "claim-ledger" / "claim-ledger"


@pytest.mark.skipif(not BUNDLE.exists(), reason="run make package first")
def test_the_bundle_passes_its_self_test(tmp_path):
    env = child_env()
    env.pop("PYTHONPATH")  # the bundle must need nothing from the checkout
    env["CLAIM_LEDGER_RESOURCES"] = ""
    result = subprocess.run([str(BUNDLE), "--self-test"], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=300)
    check_self_test_output(result)
    assert "_internal/resources" in result.stdout  # its own resources, not the checkout's
