"""The real window on a real X server (Xvfb), driven by key presses through xdotool as a
reviewer would, on a machine with no keyring: first run, the key question, the sample
articles, a verdict, quit. Skipped, saying why, where Xvfb or xdotool is missing (CI
installs both)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NEEDED = ("Xvfb", "xdotool")
pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in NEEDED),
    reason="needs Xvfb and xdotool (apt-get install xvfb xdotool), as .ci/run installs")


def wait_for(condition, what: str, timeout: float = 60.0):
    """Until `condition()` is truthy; the app runs in another process, so its state is
    looked at (the database, the windows), a tenth of a second apart."""
    deadline = time.monotonic() + timeout
    while not (found := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)
    return found


class XSession:
    """An Xvfb server on a free display and the app started on it."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.server = subprocess.Popen(
            ["Xvfb", "-displayfd", "1", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.display = f":{self.server.stdout.readline().strip()}"
        self.db = home / "workspace.sqlite"
        self.config = home / "config" / "claim-ledger"
        self.app: subprocess.Popen | None = None

    def start_app(self) -> None:
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("CLAIM_LEDGER_", "QT_"))}
        env.update(DISPLAY=self.display, HOME=str(self.home), QT_QPA_PLATFORM="xcb",
                   XDG_CONFIG_HOME=str(self.home / "config"),
                   XDG_DATA_HOME=str(self.home / "data"),
                   XDG_CACHE_HOME=str(self.home / "cache"),
                   CLAIM_LEDGER_DB=str(self.db), PYTHONPATH=str(ROOT / "desktop"),
                   PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
        self.app = subprocess.Popen([sys.executable, "-m", "claimledger"], env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True)

    def xdotool(self, *args: str, timeout: float = 60) -> str:
        done = subprocess.run(["xdotool", *args], capture_output=True, text=True,
                              env=dict(os.environ, DISPLAY=self.display), timeout=timeout)
        return done.stdout.strip()

    def window(self, title: str) -> str:
        """Wait for a visible window whose title matches, and give it the keyboard (there
        is no window manager to do it)."""
        found = self.xdotool("search", "--sync", "--onlyvisible", "--name", title)
        window = found.splitlines()[-1]
        self.xdotool("windowfocus", "--sync", window)
        return window

    def main_window(self) -> str:
        """The app's largest visible window, given the keyboard. (Its title holds an em
        dash, which xdotool's name search does not read past, so it is found by its
        class and size.)"""
        self.xdotool("search", "--sync", "--onlyvisible", "--class", "Claim Ledger")
        window = max(self.xdotool("search", "--onlyvisible", "--class", "Claim Ledger")
                     .splitlines(), key=self._area)
        self.xdotool("windowfocus", "--sync", window)
        return window

    def _area(self, window: str) -> int:
        found = dict(line.split("=", 1) for line in self.xdotool(
            "getwindowgeometry", "--shell", window).splitlines() if "=" in line)
        return int(found.get("WIDTH", 0)) * int(found.get("HEIGHT", 0))

    def windows(self, title: str) -> list[str]:
        return self.xdotool("search", "--onlyvisible", "--name", title).splitlines()

    def keys(self, *keys: str) -> None:
        self.xdotool("key", "--delay", "60", *keys)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "30", text)

    def screenshot(self, path: Path) -> None:
        if shutil.which("import"):
            subprocess.run(["import", "-window", "root", str(path)], timeout=60,
                           env=dict(os.environ, DISPLAY=self.display), check=False)

    def quit(self) -> tuple[int, str]:
        self.main_window()
        self.keys("ctrl+q")
        code = self.app.wait(timeout=60)
        return code, self.app.stderr.read()

    def close(self) -> None:
        if self.app is not None and self.app.poll() is None:
            self.app.kill()
            self.app.wait()
        self.server.terminate()
        self.server.wait()

    def query(self, sql: str) -> list[tuple]:
        if not self.db.exists():
            return []
        conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        try:
            return conn.execute(sql).fetchall()
        except sqlite3.OperationalError:
            return []
        finally:
            conn.close()


@pytest.fixture
def x_session(tmp_path):
    session = XSession(tmp_path)
    yield session
    session.close()


def first_run(session: XSession, name: str) -> None:
    session.start_app()
    session.window("Welcome to Claim Ledger")
    session.keys("ctrl+a")
    session.type(name)
    session.keys("Return")
    session.window("Your signing key")


def open_samples(session: XSession) -> None:
    session.main_window()
    session.keys("alt+f")
    session.keys("s")


def test_first_run_keeps_the_key_in_a_file_imports_reviews_and_quits(x_session,
                                                                     artifacts):
    first_run(x_session, "Rosa Diaz")
    x_session.keys("Return")  # "Keep the key in a file", the default
    [key_file] = wait_for(lambda: list((x_session.config / "keys").glob("*.key")),
                          "the key file")
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600

    open_samples(x_session)
    titles = wait_for(lambda: [t for (t,) in x_session.query("SELECT title FROM article")]
                      if len(x_session.query("SELECT id FROM article")) >= 4 else None,
                      "the sample articles")
    wait_for(lambda: not x_session.windows("^Import")
             and any(x_session.windows("^" + " ".join(t.split()[:3])) for t in titles),
             "the import done and an article open")  # the title bar names it
    x_session.main_window()
    x_session.keys("1")  # the first claim, straight from the keyboard: no click first
    verdicts = wait_for(lambda: x_session.query(
        "SELECT status FROM verdict WHERE status != 'unreviewed'"), "the verdict")
    x_session.screenshot(artifacts / "real_window_after_first_verdict.png")

    code, stderr = x_session.quit()
    assert code == 0 and "Traceback" not in stderr, stderr
    assert verdicts == [("sourced",)]
    assert x_session.query("SELECT name FROM reviewer") == [("Rosa Diaz",)]


def test_read_only_then_import_asks_once_and_leaves_nothing_stuck(x_session, artifacts):
    first_run(x_session, "Rosa Diaz")
    x_session.keys("Escape")  # "Continue read-only"

    open_samples(x_session)
    x_session.window("Your signing key")  # asked again, in words, because of the import
    x_session.screenshot(artifacts / "real_window_import_needs_key.png")
    x_session.keys("Escape")

    assert x_session.windows("Your signing key|Import") == []
    assert x_session.query("SELECT count(*) FROM article") in ([], [(0,)])
    code, stderr = x_session.quit()
    assert code == 0 and "Traceback" not in stderr, stderr
    assert not list((x_session.config / "keys").glob("*.key"))
