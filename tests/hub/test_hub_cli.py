"""`claim-ledger hub …` in a subprocess, as an editor and reviewers type it. The password
comes from a PGPASSFILE (the subprocess has no keyring) and never shows in any output."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from pg_cluster import SUPERUSER_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "grain-export-figures.txt"
REVIEWER_PASSWORD = "reviewer-pw"


@pytest.fixture
def cli(tmp_path, hubdb):
    """run(name, *args): claim-ledger as that reviewer, on their own workspace, with a
    PGPASSFILE holding the server's passwords."""
    passfile = tmp_path / "pgpass"
    port = hubdb.cluster.port
    passfile.write_text(f"127.0.0.1:{port}:*:postgres:{SUPERUSER_PASSWORD}\n"
                        f"127.0.0.1:{port}:*:*:{REVIEWER_PASSWORD}\n")
    passfile.chmod(0o600)

    def run(name: str, *args: str, passfile_env: bool = True,
            typed: str | None = None) -> subprocess.CompletedProcess:
        env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"), QT_QPA_PLATFORM="offscreen",
                   HOME=str(tmp_path / f"home-{name}"),
                   XDG_CONFIG_HOME=str(tmp_path / f"config-{name}"))
        env.pop("CLAIM_LEDGER_DB", None)
        env.pop("PGPASSFILE", None)
        if passfile_env:
            env["PGPASSFILE"] = str(passfile)
        command = [sys.executable, "-m", "claimledger", "--db",
                   str(tmp_path / f"{name}.sqlite"), "--reviewer", name, *map(str, args)]
        if typed is not None:
            done = at_a_terminal(command, env, typed)
        else:
            done = subprocess.run(command, capture_output=True, text=True, env=env,
                                  timeout=120, stdin=subprocess.DEVNULL)
        for output in (done.stdout, done.stderr):
            assert SUPERUSER_PASSWORD not in output and REVIEWER_PASSWORD not in output
            assert "Traceback" not in output
        return done

    return run


def at_a_terminal(command: list[str], env: dict, typed: str) -> subprocess.CompletedProcess:
    """Run `command` on a pseudo-terminal, typing `typed` when it asks for a password;
    what the terminal showed comes back as stdout (stderr is the same screen)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes the command, its terminal the pty
        os.execve(command[0], command, env)
    screen, answered = b"", False
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the command ended and closed the terminal
            break
        if not chunk:
            break
        screen += chunk
        if not answered and b"password: " in screen:
            os.write(fd, typed.encode() + b"\n")
            answered = True
    os.close(fd)
    _, status = os.waitpid(pid, 0)
    text = screen.decode("utf-8", "replace")
    return subprocess.CompletedProcess(command, os.waitstatus_to_exitcode(status), text, "")


def first_claim(cli, name: str) -> str:
    article = json.loads(cli(name, "articles", "--json").stdout)[0]["id"]
    claims = json.loads(cli(name, "claims", article, "--json").stdout)
    return next(c["id"] for c in claims if c.get("kind", "claim") == "claim")


def one_error_line(done: subprocess.CompletedProcess, *words: str) -> str:
    assert done.returncode == 1, done
    [line] = done.stderr.strip().splitlines()
    for part in words:
        assert part in line, line
    return line


def test_an_editor_sets_up_a_hub_and_reviewers_sync_through_it(cli, hubdb, tmp_path):
    made = cli("Edith", "hub", "init", hubdb.editor_url)
    assert made.returncode == 0, made.stderr
    assert "desk hub ready" in made.stdout and f"IN ROLE {hubdb.name}_reviewers" in made.stdout
    assert cli("Edith", "hub", "init", hubdb.editor_url).returncode == 0  # idempotent
    bob_url, carol_url = hubdb.reviewer_login("bob"), hubdb.reviewer_login("carol")

    assert cli("Bob", "import", SAMPLE).returncode == 0
    assert cli("Bob", "hub", "connect", bob_url).returncode == 0
    claim = first_claim(cli, "Bob")
    assert cli("Bob", "mark", claim, "disputed", "--reason", "figure is from 2019"
               ).returncode == 0
    sent = cli("Bob", "hub", "sync", "--json")
    assert sent.returncode == 0, sent.stderr
    assert json.loads(sent.stdout)[0]["pending"] == 0

    assert cli("Carol", "hub", "connect", carol_url).returncode == 0
    held = cli("Carol", "hub", "sync")
    one_error_line(held, "new reviewer(s) Bob", "--accept-new-reviewers")
    merged = cli("Carol", "hub", "sync", "--accept-new-reviewers", "--json")
    assert merged.returncode == 0 and json.loads(merged.stdout)[0]["pulled"] > 0
    history = cli("Carol", "history", claim)
    assert "figure is from 2019" in history.stdout
    assert cli("Carol", "verify").returncode == 0

    status = json.loads(cli("Carol", "hub", "status", "--json").stdout)[0]
    assert status["reachable"] and status["events_to_send"] == 0
    assert status["hub_schema_version"] == 1

    exported = cli("Carol", "hub", "export", "-o", tmp_path / "desk.cledger")
    assert exported.returncode == 0, exported.stderr
    into_file = cli("Dan", "sync", tmp_path / "desk.cledger", "--accept-new-reviewers")
    assert into_file.returncode == 0, into_file.stderr
    assert "figure is from 2019" in cli("Dan", "history", claim).stdout


def test_an_unreachable_hub_is_one_line_and_work_goes_on(cli, hubdb):
    assert cli("Edith", "hub", "init", hubdb.editor_url).returncode == 0
    url = hubdb.reviewer_login("bob")
    assert cli("Bob", "import", SAMPLE).returncode == 0
    assert cli("Bob", "hub", "connect", url).returncode == 0
    hubdb.cluster.stop()
    claim = first_claim(cli, "Bob")
    assert cli("Bob", "mark", claim, "sourced").returncode == 0
    one_error_line(cli("Bob", "hub", "sync"), "unreachable", "3 events to send")
    status = cli("Bob", "hub", "status")
    assert status.returncode == 1 and "reachable    no" in status.stdout
    hubdb.cluster.start()
    assert cli("Bob", "hub", "sync").returncode == 0


def test_the_password_is_never_taken_from_the_address(cli, hubdb):
    url = hubdb.editor_url.replace("postgres@", f"postgres:{SUPERUSER_PASSWORD}x@")
    done = cli("Edith", "hub", "init", url)
    one_error_line(done, "Leave the password out")
    assert done.stdout == ""


def test_without_a_password_anywhere_the_command_says_where_to_put_it(cli, hubdb):
    one_error_line(cli("Edith", "hub", "init", hubdb.editor_url, passfile_env=False),
                   "asks for postgres password", "PGPASSFILE")


def test_at_a_terminal_the_password_is_asked_and_never_shown(cli, hubdb):
    done = cli("Edith", "hub", "init", hubdb.editor_url, passfile_env=False,
               typed=SUPERUSER_PASSWORD)
    assert done.returncode == 0, done.stdout
    assert "Desk hub password: " in done.stdout and "desk hub ready" in done.stdout
    wrong = cli("Edith", "hub", "init", hubdb.editor_url, passfile_env=False,
                typed="not-the-password")
    assert wrong.returncode == 1 and "refused the password of 'postgres'" in wrong.stdout
