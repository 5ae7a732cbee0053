"""Unusual and hostile input through the command line: decoded right, cleaned, or refused
in one line with exit 1, and then the disk is as it was (no workspace file, no -wal or
-shm, no backups folder, no folder made for it; an existing workspace unchanged)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
COUNCIL = """\
Council votes 6-3 to close Linden Street library branch

By Marta Okonkwo-Reyes

WESTFORD - The city council voted 6-3 on Tuesday to close the Linden Street branch \
library by the end of June, saving an estimated $410,000 a year. Visits had fallen 38 \
percent since 2019, council member Dana Whitlock said.
"""

ERROR_PREFIX = "claim-ledger: error: "
MARKDOWN = """\
# Council votes to close *Linden Street* library

**By Marta Okonkwo-Reyes**

![Readers at the branch](file:///etc/passwd)

The city council voted **6-3** on Tuesday to [close the branch](https://example.invalid/)
by the end of June, saving an estimated $410,000 a year.

<script>alert("SCRIPT-TEXT")</script>

## What comes next

* Staff will move to the central library.
"""


def listing(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder`, with a digest of each file's bytes."""
    found = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        found[key] = ("folder" if path.is_dir() else
                      hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "other")
    return found


def one_line_refusal(result: subprocess.CompletedProcess) -> str:
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 1, (result.stdout, stderr)
    assert stderr.startswith(ERROR_PREFIX) and stderr.count("\n") == 1, stderr
    assert "Traceback" not in stderr
    return stderr[len(ERROR_PREFIX):].strip()


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _fifo(folder: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _huge(folder: Path) -> Path:
    path = folder / "huge.txt"
    with path.open("wb") as file:  # sparse: 40 MB that take no space and are never read
        file.truncate(40 * 1024 * 1024)
    return path


ARTICLE_CASES = {
    "missing file": lambda d: d / "no-such-article.txt",
    "a folder": lambda d: d,
    "empty file": lambda d: _write(d, "empty.txt", b""),
    "binary file": lambda d: _write(d, "photo.txt", bytes(range(256)) * 40),
    "binary shaped like UTF-16": lambda d: _write(
        d, "counts.txt", b"".join(n.to_bytes(2, "little") for n in range(1, 300)) * 8),
    "Markdown of raw HTML only": lambda d: _write(d, "ad.md", b"<script>x()</script>\n"),
    "a named pipe": _fifo,
    "a device": lambda d: Path(os.devnull),
    "a huge file": _huge,
}


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("case", list(ARTICLE_CASES))
def test_a_refused_first_import_leaves_no_workspace(cli_on, tmp_path, scratch, case):
    db = tmp_path / "new" / "folder" / "workspace.sqlite"
    article = ARTICLE_CASES[case](scratch)
    before = listing(tmp_path)
    message = one_line_refusal(cli_on(db, "import", article))
    assert listing(tmp_path) == before, f"{case}: {message}"
    if case == "a huge file":
        assert "40 MB" in message


@pytest.mark.parametrize("case", ["missing file", "a named pipe", "a huge file",
                                  "binary shaped like UTF-16"])
def test_a_refused_import_leaves_a_workspace_as_it_was(cli_on, fingerprint, tmp_path, scratch,
                                                       case):
    db = tmp_path / "workspace.sqlite"
    good = _write(tmp_path, "council.txt", COUNCIL.encode())
    assert cli_on(db, "import", good).returncode == 0
    article = ARTICLE_CASES[case](scratch)
    before, dump = listing(tmp_path), fingerprint(db)
    one_line_refusal(cli_on(db, "import", good, article))
    assert listing(tmp_path) == before
    assert fingerprint(db) == dump


def test_no_keyring_refuses_a_first_import_and_leaves_nothing(tmp_path, scratch):
    db = tmp_path / "data" / "workspace.sqlite"
    article = _write(scratch, "council.txt", COUNCIL.encode())
    env = dict(os.environ, PYTHONPATH=str(DESKTOP), HOME=str(tmp_path / "home"),
               XDG_CONFIG_HOME=str(tmp_path / "home" / "config"))
    env.pop("CLAIM_LEDGER_ALLOW_FILE_KEY", None)
    before = listing(tmp_path)
    result = subprocess.run([sys.executable, "-m", "claimledger", "--db", str(db),
                             "--reviewer", "Ana", "import", str(article)],
                            capture_output=True, env=env, timeout=120)
    assert "--allow-file-key" in one_line_refusal(result)
    assert listing(tmp_path) == before


@pytest.fixture
def bens_ledger(cli_on, tmp_path) -> Path:
    """A good ledger file from another reviewer (Ben), made in a workspace of his own."""
    folder = tmp_path / "ben"
    folder.mkdir()
    article = _write(folder, "council.txt", COUNCIL.encode())
    ledger = folder / "ben.cledger"
    for args in (["import", article], ["export-ledger", "-o", ledger]):
        result = cli_on(folder / "ben.sqlite", *args, reviewer="Ben")
        assert result.returncode == 0, result.stderr.decode()
    return ledger


LEDGER_CASES = {
    "missing file": lambda d: d / "none.cledger",
    "a folder": lambda d: d,
    "empty file": lambda d: _write(d, "empty.cledger", b""),
    "not JSON": lambda d: _write(d, "notes.cledger", b"Call the ministry back.\n"),
    "not a ledger": lambda d: _write(d, "other.cledger", b'{"format": "something else"}'),
    "binary": lambda d: _write(d, "photo.cledger", b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
}


@pytest.mark.parametrize("case", list(LEDGER_CASES))
def test_a_refused_first_sync_leaves_no_workspace(cli_on, tmp_path, scratch, case):
    db = tmp_path / "new" / "workspace.sqlite"
    ledger = LEDGER_CASES[case](scratch)
    before = listing(tmp_path)
    one_line_refusal(cli_on(db, "sync", ledger))
    assert listing(tmp_path) == before


def test_a_first_sync_waiting_for_a_new_reviewer_leaves_no_workspace(cli_on, tmp_path,
                                                                     bens_ledger):
    db = tmp_path / "mine" / "workspace.sqlite"
    before = listing(tmp_path)
    message = one_line_refusal(cli_on(db, "sync", bens_ledger))
    assert "Ben" in message and "--accept-new-reviewers" in message
    assert listing(tmp_path) == before
    accepted = cli_on(db, "sync", "--accept-new-reviewers", bens_ledger)
    assert accepted.returncode == 0, accepted.stderr.decode()
    assert db.exists()


def test_identity_alone_creates_no_workspace(cli_on, tmp_path):
    db = tmp_path / "new" / "workspace.sqlite"
    result = cli_on(db, "identity", "--json")
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)[0]["name"] == "Ana"
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("bom", [False, True], ids=["no BOM", "BOM"])
def test_utf16_articles_import_as_text(cli, tmp_path, encoding, bom):
    data = ("\ufeff" if bom else "").encode(encoding) + COUNCIL.encode(encoding)
    article = _write(tmp_path, "council.txt", data)
    imported = cli("import", "--json", article)
    assert imported.returncode == 0, imported.stderr.decode()
    [row] = json.loads(imported.stdout)
    text = cli("text", row["id"]).stdout.decode("utf-8")
    assert text == COUNCIL.strip("\n")


def test_a_markdown_article_is_stored_as_clean_text(cli, tmp_path):
    article = _write(tmp_path, "library.md", MARKDOWN.encode())
    [row] = json.loads(cli("import", "--json", article).stdout)
    text = cli("text", row["id"]).stdout.decode("utf-8")
    for markup in ("#", "*", "](", "<", "file:", "SCRIPT-TEXT", "example.invalid"):
        assert markup not in text, markup
    claims = json.loads(cli("claims", "--json", row["id"]).stdout)
    roles = {claim["text"]: claim["role"] for claim in claims}
    assert roles["Council votes to close Linden Street library"] == "headline"
    assert roles["Readers at the branch"] == "caption"
    assert roles["What comes next"] == "heading"
    assert roles["- Staff will move to the central library."] == "bullet"
    assert row["title"] == "Council votes to close Linden Street library"


@pytest.mark.parametrize("command", [["articles"], ["articles", "--json"], ["text", "ID"],
                                     ["--help"]], ids=" ".join)
def test_a_closed_pipe_ends_quietly(cli, tmp_path, command):
    """`claim-ledger articles | head -1`, where head has already gone: the output pipe's
    reading end is closed before the command writes (deterministic, whatever the size of
    the pipe's buffer)."""
    [row] = json.loads(cli("import", "--json", _write(tmp_path, "council.txt",
                                                      COUNCIL.encode())).stdout)
    args = [row["id"] if arg == "ID" else arg for arg in command]
    env = dict(os.environ, PYTHONPATH=str(DESKTOP))
    env.pop("CLAIM_LEDGER_DB", None)
    reading, writing = os.pipe()
    os.close(reading)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "claimledger", "--db", str(cli.db), "--reviewer", "Ana",
             *args], stdout=writing, stderr=subprocess.PIPE, env=env, timeout=120)
    finally:
        os.close(writing)
    assert result.stderr == b""
    # 128 + SIGPIPE, what a shell shows for `ls | head`; argparse's help ignores the error
    assert result.returncode == (0 if command == ["--help"] else 141)


@pytest.mark.parametrize("where", ["a folder", "under a file"])
@pytest.mark.parametrize("command", ["import", "articles"])
def test_a_workspace_path_that_cannot_be_one_is_refused(cli_on, tmp_path, scratch, where,
                                                        command):
    article = _write(scratch, "council.txt", COUNCIL.encode())
    db = scratch if where == "a folder" else article / "workspace.sqlite"
    before = listing(tmp_path)
    message = one_line_refusal(cli_on(db, command, *([article] if command == "import" else [])))
    assert listing(tmp_path) == before
    if where == "a folder":
        assert "is a folder" in message or "No workspace" in message


def test_reviewers_lists_who_joined_and_renames_one_locally(cli_on, tmp_path, bens_ledger):
    db = tmp_path / "mine" / "workspace.sqlite"
    accepted = cli_on(db, "sync", "--accept-new-reviewers", bens_ledger)
    assert accepted.returncode == 0, accepted.stderr.decode()
    listed = json.loads(cli_on(db, "reviewers", "--json").stdout)
    assert [r["signed_name"] for r in listed] == ["Ben"]  # Ana has not written yet
    ben = listed[0]
    assert ben["fingerprint"].startswith("SHA256:") and not ben["is_me"]

    renamed = cli_on(db, "reviewers", "rename", ben["fingerprint"][:14], "Ben Ode (Lagos)")
    assert renamed.returncode == 0, renamed.stderr.decode()
    assert "now shown here as 'Ben Ode (Lagos)' (signed 'Ben')" in renamed.stdout.decode()
    plain = cli_on(db, "reviewers").stdout.decode()
    assert "Ben Ode (Lagos)  (signed 'Ben')" in plain

    for args, words in ((["nobody", "X"], "No reviewer here matches 'nobody'"),
                        ([ben["id"][:8]], "give either a NAME or --signed"),
                        ([ben["id"][:8], "A\x07B"], "cannot contain control characters")):
        before = listing(tmp_path)
        assert words in one_line_refusal(cli_on(db, "reviewers", "rename", *args))
        assert listing(tmp_path) == before
    back = cli_on(db, "reviewers", "rename", ben["id"][:8], "--signed")
    assert back.returncode == 0 and "shown here as 'Ben'" in back.stdout.decode()


def test_identity_rotate_moves_to_a_new_key_that_a_colleague_accepts(cli_on, tmp_path,
                                                                     bens_ledger):
    ben_db = tmp_path / "ben" / "ben.sqlite"
    mine = tmp_path / "mine" / "workspace.sqlite"
    assert cli_on(mine, "sync", "--accept-new-reviewers", bens_ledger).returncode == 0
    before = json.loads(cli_on(ben_db, "identity", "--json", reviewer="Ben").stdout)[0]
    rotated = cli_on(ben_db, "identity", "rotate", "--json", reviewer="Ben")
    assert rotated.returncode == 0, rotated.stderr.decode()
    row = json.loads(rotated.stdout)[0]
    assert row["previous_fingerprint"] == before["fingerprint"] != row["fingerprint"]
    after = json.loads(cli_on(ben_db, "identity", "--json", reviewer="Ben").stdout)[0]
    assert after["fingerprint"] == row["fingerprint"]
    newer = tmp_path / "ben" / "ben-2.cledger"
    assert cli_on(ben_db, "export-ledger", "-o", newer, reviewer="Ben").returncode == 0
    merged = cli_on(mine, "sync", newer)
    assert merged.returncode == 0, merged.stderr.decode()
    people = json.loads(cli_on(mine, "reviewers", "--json").stdout)
    assert [p["fingerprint"] for p in people if p["signed_name"] == "Ben"] == \
        [row["fingerprint"]]
    assert cli_on(mine, "verify").returncode == 0
