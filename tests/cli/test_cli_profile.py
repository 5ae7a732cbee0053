"""The command line acts as the reviewer the window was set up for, with the same key:
both read the user's profile (the name given on first run, and the answer about a key
file where no keyring exists)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import keyring.backends.null
import pytest

from claimledger.workspace import Workspace
from claimledger.workspace.profile import remember_key_storage, remember_reviewer


def run_plain(db, *args, env_out=("CLAIM_LEDGER_REVIEWER", "CLAIM_LEDGER_ALLOW_FILE_KEY")):
    """Like a user's shell: no --reviewer, no environment overrides."""
    env = dict(os.environ, PYTHONPATH=str(DESKTOP), QT_QPA_PLATFORM="offscreen")
    for name in (*env_out, "CLAIM_LEDGER_DB"):
        env.pop(name, None)
    return subprocess.run([sys.executable, "-m", "claimledger", "--db", str(db), *args],
                          capture_output=True, text=True, env=env, timeout=180)

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


@pytest.fixture
def no_keyring(monkeypatch):
    """As on a machine without a Secret Service, in this process and the command's."""
    monkeypatch.delenv("CLAIM_LEDGER_ALLOW_FILE_KEY")
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.null.Keyring())
    yield
    keyring.set_keyring(previous)


def test_the_command_line_is_the_reviewer_the_window_was_given(tmp_path, no_keyring):
    remember_reviewer("Ana  Reyes")
    remember_key_storage("file")
    with Workspace(tmp_path / "window.sqlite", "Ana Reyes") as window_side:
        fingerprint = window_side.unlock().fingerprint  # a key file, as the window chose

    done = run_plain(tmp_path / "cli.sqlite", "identity", "--json")

    assert done.returncode == 0, done.stderr
    [me] = json.loads(done.stdout)
    assert (me["name"], me["fingerprint"]) == ("Ana Reyes", fingerprint)


def test_without_an_answer_the_command_line_says_how_in_one_line(tmp_path, no_keyring):
    remember_reviewer("Ana Reyes")

    done = run_plain(tmp_path / "cli.sqlite", "identity")

    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith("claim-ledger: error: No secure keyring")
    assert "--allow-file-key" in line
