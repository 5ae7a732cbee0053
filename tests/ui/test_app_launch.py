"""The command that opens the window: screenshot mode and the no-display message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from window_helpers import HARBOUR

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def run_cli(args, env_changes: dict, tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(DESKTOP),
                                                      os.environ.get("PYTHONPATH")]))
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env.update(env_changes)
    return subprocess.run([sys.executable, "-m", "claimledger", *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=120)


def test_screenshot_mode_writes_a_png(tmp_path, artifacts):
    db = tmp_path / "shot.sqlite"
    png = artifacts / "screenshot_mode.png"
    png.unlink(missing_ok=True)
    offscreen = {"QT_QPA_PLATFORM": "offscreen"}
    imported = run_cli(["--db", db, "--reviewer", "Ana", "import", HARBOUR], offscreen, tmp_path)
    assert imported.returncode == 0, imported.stderr

    shot = run_cli(["--db", db, "--reviewer", "Ana", "--screenshot", png], offscreen, tmp_path)

    assert shot.returncode == 0, shot.stderr
    image = QImage(str(png))
    assert image.width() >= 1000 and image.height() >= 600


def test_without_a_display_it_says_so_in_one_line(tmp_path):
    result = run_cli(["--db", tmp_path / "x.sqlite", "--reviewer", "Ana"], {}, tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "no display found" in lines[0] and "xvfb-run" in lines[0]


def test_a_workspace_that_cannot_open_gives_one_line(tmp_path):
    bad = tmp_path / "not-a-db.sqlite"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    png = tmp_path / "never.png"
    result = run_cli(["--db", bad, "--reviewer", "Ana", "--screenshot", png],
                     {"QT_QPA_PLATFORM": "offscreen"}, tmp_path)
    assert result.returncode == 1
    assert "cannot open the workspace" in result.stderr
    assert not png.exists()
