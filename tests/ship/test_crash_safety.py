"""Killing the app (SIGKILL) mid-work loses nothing that was acknowledged, corrupts
nothing, and leaves no half-written file; a full disk or a locked folder is a clear
error that keeps the old file.

The child prints a line after each commit; the test reads its output until a marker
line and kills it there (no sleeps), then checks the workspace from the outside.
"""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from tests_ship_helpers import child_env

from claimledger.domain.status import Status
from claimledger.workspace import Workspace, WorkspaceError

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

PRELUDE = """
import sys
from pathlib import Path
from claimledger.workspace import Workspace
ws = Workspace(Path(sys.argv[1]), "Child Reviewer", allow_file_key=True)
def say(line):
    print(line, flush=True)
"""


def _article(n: int, paragraphs: int = 6) -> str:
    body = "\n\n".join(
        f"Officials in district {n} said on Monday that spending rose by {p + 3} percent in "
        f"{2000 + p}. The agency disputed figure {n}-{p}, calling it misleading."
        for p in range(paragraphs))
    return f"Budget report number {n}\n\n{body}\n"


def _run_until(code: str, db: Path, marker, *extra: str) -> list[str]:
    """Start the child, read lines until `marker(line)` is true, SIGKILL it; its lines."""
    child = subprocess.Popen([sys.executable, "-c", PRELUDE + textwrap.dedent(code), str(db),
                              *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=child_env())
    lines: list[str] = []
    try:
        for line in child.stdout:
            lines.append(line.rstrip("\n"))
            if marker(lines[-1]):
                os.kill(child.pid, signal.SIGKILL)
                break
        else:
            pytest.fail(f"the child ended before the marker: {child.stderr.read()}")
        lines.extend(line.rstrip("\n") for line in child.stdout)  # what was already printed
    finally:
        child.kill()
        child.wait(timeout=60)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    return lines


def _after(prefix: str, count: int):
    """A marker: true at the `count`-th line that starts with `prefix`."""
    seen = []

    def marker(line: str) -> bool:
        if line.startswith(prefix):
            seen.append(line)
        return len(seen) >= count

    return marker


def _integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()
                  if p.name.endswith((".tmp", ".part")) or p.name.startswith("."))


def test_killed_during_a_bulk_import(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(120):
        (folder / f"report-{n:03}.txt").write_text(_article(n), encoding="utf-8")
    db = tmp_path / "ws.sqlite"
    code = """
    files = sorted(Path(sys.argv[2]).glob("*.txt"))
    for start in range(0, len(files), 10):
        report = ws.import_files(files[start:start + 10], analyse=False)
        say("committed " + " ".join(a.id for a in report.imported))
    say("done")
    """
    lines = _run_until(code, db, _after("committed", 4), str(folder))
    acknowledged = {i for line in lines if line.startswith("committed")
                    for i in line.split()[1:]}
    assert len(acknowledged) >= 40
    assert _integrity(db) == "ok"
    with Workspace(db, "Ana", allow_file_key=True) as ws:
        present = {a.id for a in ws.articles()}
        assert acknowledged <= present
        assert len(present) % 10 == 0  # whole batches only: a transaction is all or nothing
        assert ws.projections_match_log()


def test_killed_during_a_run_of_marks(tmp_path):
    db = tmp_path / "ws.sqlite"
    with Workspace(db, "Ana", allow_file_key=True) as ws:
        article = ws.import_text(_article(1, paragraphs=60), "Budget", analyse=False)
        claims = [c.id for c in ws.claims(article.id)]
    assert len(claims) > 100
    code = """
    from claimledger.domain.status import Status
    statuses = [Status.SOURCED, Status.DISPUTED, Status.UNVERIFIED, Status.NOT_A_CLAIM]
    claims = [c.id for c in ws.claims(ws.articles()[0].id)]
    for n, claim in enumerate(claims):
        status = statuses[n % 4]
        ws.mark(claim, status, note=f"mark {n}")
        say(f"acked {claim} {status.value}")
    say("done")
    """
    lines = _run_until(code, db, _after("acked", 60))
    acked = [line.split()[1:] for line in lines if line.startswith("acked")]
    assert len(acked) >= 60
    assert _integrity(db) == "ok"
    with Workspace(db, "Ana", allow_file_key=True) as ws:
        article = ws.articles()[0].id
        verdicts = {claim: [v.status for v in vs if v.reviewer == "Child Reviewer"]
                    for claim, vs in ws.verdicts(article).items()}
        for claim, status in acked:
            assert verdicts[claim] == [Status(status)], claim
        assert ws.projections_match_log()


def test_killed_during_a_pdf_export_keeps_the_old_file(tmp_path):
    db = tmp_path / "ws.sqlite"
    with Workspace(db, "Ana", allow_file_key=True) as ws:
        article = ws.import_text(_article(2, paragraphs=400), "Budget", analyse=False)
        ws.mark(ws.claims(article.id)[1].id, Status.DISPUTED, note="x" * 200)
    out = tmp_path / "export"
    out.mkdir()
    target = out / "report.pdf"
    old = b"%PDF-1.4\n% the editor's copy from yesterday\n%%EOF\n"
    target.write_bytes(old)
    code = """
    target = Path(sys.argv[2])
    def progress(done, total):
        say(f"progress {done}/{total}")
        return True
    ws.export_pdf([ws.articles()[0].id], target, audit=True, progress=progress)
    say("done")
    """
    lines = _run_until(code, db, lambda line: line.startswith("progress")
                       and int(line.split()[1].split("/")[0]) > 0, str(target))
    assert "done" not in lines
    assert target.read_bytes() == old  # killed before the swap: yesterday's file, whole
    assert _leftovers(out) == []
    assert _integrity(db) == "ok"


def test_exporting_into_a_locked_folder_is_a_clear_error(tmp_path, monkeypatch):
    db = tmp_path / "ws.sqlite"
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "report.pdf").write_bytes(b"%PDF-1.4 old\n")
    locked.chmod(0o555)
    if os.geteuid() == 0:  # root writes anywhere: refuse as the kernel would for a user
        real_open = os.open

        def refusing_open(path, flags, *args, **kwargs):
            if str(path).startswith(str(locked)) and flags & (os.O_WRONLY | os.O_RDWR):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing_open)
    try:
        with Workspace(db, "Ana", allow_file_key=True) as ws:
            article = ws.import_text(_article(3), "Budget", analyse=False)
            with pytest.raises(WorkspaceError, match="permission"):
                ws.export_pdf([article.id], locked / "report.pdf")
            ws.unlock()
            with pytest.raises(WorkspaceError, match="Could not write"):
                ws.export_ledger(locked / "ana.cledger")
    finally:
        locked.chmod(0o755)
    assert (locked / "report.pdf").read_bytes() == b"%PDF-1.4 old\n"
    assert _leftovers(locked) == []


@pytest.mark.parametrize("what", ["pdf", "ledger"])
def test_a_full_disk_is_a_clear_error_and_keeps_the_old_file(tmp_path, monkeypatch, what):
    db = tmp_path / "ws.sqlite"
    target = tmp_path / ("report.pdf" if what == "pdf" else "ana.cledger")
    old = b"yesterday's file\n"
    target.write_bytes(old)
    with Workspace(db, "Ana", allow_file_key=True) as ws:
        article = ws.import_text(_article(4), "Budget", analyse=False)
        ws.unlock()
        real_fsync = os.fsync

        def full(fd):
            real_fsync(fd)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fsync", full)
        with pytest.raises(WorkspaceError) as raised:
            if what == "pdf":
                ws.export_pdf([article.id], target)
            else:
                ws.export_ledger(target)
        monkeypatch.undo()
    message = str(raised.value)
    assert "No space left on device" in message and str(target.name) in message
    assert "\n" not in message
    assert target.read_bytes() == old
    assert _leftovers(tmp_path) == []
