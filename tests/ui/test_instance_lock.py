"""One window per workspace: a second Claim Ledger on a held workspace is refused, naming
the process that holds it; a lock left by a process that is gone is taken over."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage
from test_app_launch import DESKTOP, run_cli

from claimledger.ui.shell.instance_lock import WorkspaceInUse, lock_path, lock_workspace

HOLD = ("import sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1])\n"
        "lock.setStaleLockTime(0)\n"
        "assert lock.tryLock(0), lock.error()\n"
        "print('locked', flush=True)\n"
        "sys.stdin.readline()\n")
ABANDON = ("import os, sys\n"
           "from PySide6.QtCore import QLockFile\n"
           "lock = QLockFile(sys.argv[1])\n"
           "assert lock.tryLock(0)\n"
           "os._exit(0)\n")  # dies without unlocking, as a crash would
OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}


def python(code: str, *args, **kwargs) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(DESKTOP))
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], env=env,
                            text=True, **kwargs)


@pytest.fixture
def holder(tmp_path):
    db = tmp_path / "held.claimledger"
    proc = python(HOLD, lock_path(db), stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == "locked"
    yield db, proc
    proc.stdin.close()
    proc.wait(timeout=60)


def test_a_second_app_on_a_held_workspace_exits_naming_the_process(holder, tmp_path):
    db, proc = holder
    png = tmp_path / "never.png"
    result = run_cli(["--db", db, "--reviewer", "Ana", "--screenshot", png], OFFSCREEN,
                     tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "cannot open the workspace" in lines[0] and "already open" in lines[0]
    assert f"process {proc.pid}" in lines[0]
    assert not png.exists() and not db.exists()


def test_in_process_refusal_names_the_holder(holder):
    db, proc = holder
    with pytest.raises(WorkspaceInUse) as refused:
        lock_workspace(db)
    assert refused.value.pid == proc.pid
    assert str(refused.value).startswith("held.claimledger is already open in another")


def test_a_stale_lock_from_a_dead_process_is_taken_over(tmp_path):
    db = tmp_path / "crashed.claimledger"
    dead = python(ABANDON, lock_path(db))
    assert dead.wait(timeout=60) == 0
    assert lock_path(db).exists()
    assert lock_path(db).read_text().split()[0] == str(dead.pid)

    png = tmp_path / "shot.png"
    result = run_cli(["--db", db, "--reviewer", "Ana", "--screenshot", png], OFFSCREEN,
                     tmp_path)
    assert result.returncode == 0, result.stderr
    assert QImage(str(png)).width() > 0
    assert not lock_path(db).exists()  # given back on exit


def test_lock_is_held_while_open_and_given_back(tmp_path):
    db = tmp_path / "mine.claimledger"
    lock = lock_workspace(db)
    assert lock is not None and lock.isLocked()
    with pytest.raises(WorkspaceInUse) as refused:
        lock_workspace(db)
    assert refused.value.pid == os.getpid()
    lock.unlock()
    again = lock_workspace(db)
    assert again is not None
    again.unlock()
