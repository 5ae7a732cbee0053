"""Bad input: exit 1 with one line on stderr, and the workspace is left exactly as it was."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from claimledger.domain.ids import article_id_for
from claimledger.text import prepare_article

ERROR_PREFIX = "claim-ledger: error: "
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "grain-export-figures.txt"


@pytest.fixture(scope="module")
def _template(tmp_path_factory, cli_kit):
    """Built once per module: a workspace with three articles and one verdict.

    Module-scoped fixtures run outside the suite's per-test isolation, so this one gives
    its subprocesses a private home, config folder and key file of their own.
    """
    root = tmp_path_factory.mktemp("cli-template")
    env = {"HOME": str(root), "XDG_CONFIG_HOME": str(root / "config"),
           "XDG_DATA_HOME": str(root / "data"), "CLAIM_LEDGER_ALLOW_FILE_KEY": "1",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    db = root / "template.sqlite"
    council, food = root / "council.txt", root / "food-bank.txt"
    council.write_text(cli_kit.council, encoding="utf-8")
    food.write_text(cli_kit.emoji_news, encoding="utf-8")
    grain = cli_kit.samples / "grain-export-figures.txt"

    def run(*args):
        result = cli_kit.run(db, *args, env=env)
        assert result.returncode == 0, result.stderr.decode()
        return json.loads(result.stdout) if "--json" in args else result

    articles = [a["id"] for a in run("import", "--json", council, food, grain)]
    claims = [c["id"] for article in articles for c in run("claims", "--json", article)]
    run("mark", claims[3], "unverified", "--reason", "Declined to comment")
    return db, {"articles": articles, "claims": claims}


@pytest.fixture
def populated(cli, _template):
    """This test's copy of the template workspace (at cli.db); returns the ids."""
    template, ids = _template
    source, target = sqlite3.connect(template), sqlite3.connect(cli.db)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return ids


def _unused_prefix(ids: list[str]) -> str:
    for n in range(16 ** 4):
        prefix = f"{n:04x}"
        if not any(i.startswith(prefix) for i in ids):
            return prefix
    raise AssertionError("no unused prefix")


def _shared_prefix(ids: list[str]) -> str | None:
    by_first: dict[str, str] = {}
    for i in ids:
        if i[0] in by_first:
            return i[0]
        by_first[i[0]] = i
    return None


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# each case: (name, args built from the ids and a scratch folder)
CASES = {
    "missing file": lambda ids, tmp: ["import", tmp / "no-such-article.txt"],
    "a folder": lambda ids, tmp: ["import", tmp],
    "binary file": lambda ids, tmp: [
        "import", _write(tmp, "photo.txt", bytes(range(256)) * 40)],
    "png named .txt": lambda ids, tmp: [
        "import", _write(tmp, "scan.txt", b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" * 50)],
    "empty file": lambda ids, tmp: ["import", _write(tmp, "empty.txt", b"")],
    "blank file": lambda ids, tmp: ["import", _write(tmp, "blank.txt", b"  \n\n \t\n")],
    "good and missing file": lambda ids, tmp: [
        "import", _write(tmp, "fresh.txt", b"Mayor resigns after 12 years\n\nThe mayor "
                         b"resigned on Friday, citing health reasons.\n"),
        tmp / "missing.txt"],
    "text: unknown article id": lambda ids, tmp: ["text", _unused_prefix(ids["articles"])],
    "text: not an id": lambda ids, tmp: ["text", "harbour-bridge"],
    "text: empty id": lambda ids, tmp: ["text", ""],
    "claims: unknown article id": lambda ids, tmp: [
        "claims", "--json", _unused_prefix(ids["articles"])],
    "claims: a claim id is not an article id": lambda ids, tmp: ["claims", ids["claims"][0]],
    "mark: unknown claim id": lambda ids, tmp: [
        "mark", _unused_prefix(ids["claims"]), "disputed"],
    "mark: an article id is not a claim id": lambda ids, tmp: [
        "mark", ids["articles"][0], "disputed"],
    "mark: ambiguous claim prefix": lambda ids, tmp: [
        "mark", _shared_prefix(ids["claims"]), "disputed"],
    "mark: unknown status": lambda ids, tmp: ["mark", ids["claims"][0], "false"],
    "mark: reason on unreviewed": lambda ids, tmp: [
        "mark", ids["claims"][0], "unreviewed", "--reason", "Opinion"],
    "mark: reason on unreviewed, already unreviewed": lambda ids, tmp: [
        "mark", ids["claims"][1], "unreviewed", "--reason", "Claimed without evidence"],
    "mark: reason too long": lambda ids, tmp: [
        "mark", ids["claims"][0], "disputed", "--reason", "x" * 201],
    "history: unknown claim": lambda ids, tmp: ["history", _unused_prefix(ids["claims"])],
}


def _assert_refused(result, before, after, what) -> str:
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 1, (what, result.stdout, stderr)
    assert stderr.startswith(ERROR_PREFIX), stderr
    assert stderr.endswith("\n") and stderr.count("\n") == 1, stderr
    assert "Traceback" not in stderr
    assert result.stdout == b""
    assert after == before, f"{what}: the workspace changed"
    return stderr[len(ERROR_PREFIX):]


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_bad_input_exits_1_with_one_line_and_changes_nothing(cli, populated, fingerprint,
                                                              tmp_path, case):
    ids = populated
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    args = CASES[case](ids, scratch)
    assert all(a is not None for a in args), "could not build this case"
    before = fingerprint(cli.db)
    result = cli(*args)
    message = _assert_refused(result, before, fingerprint(cli.db), case)
    assert message.strip()
    if case == "mark: ambiguous claim prefix":
        assert "more than one" in message
    if case == "mark: unknown status":
        assert "unreviewed, sourced, disputed" in message


def test_an_unreadable_file_is_refused(cli, populated, fingerprint, tmp_path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("running as root: a chmod 000 file is still readable (the folder "
                    "case covers an unreadable path)")
    path = _write(tmp_path, "locked.txt", b"Headline\n\nA sentence with 3 figures.\n")
    path.chmod(0)
    try:
        before = fingerprint(cli.db)
        message = _assert_refused(cli("import", path), before, fingerprint(cli.db), "chmod 000")
        assert "permission" in message.lower()
    finally:
        path.chmod(0o644)


def test_an_ambiguous_article_prefix_is_refused(cli, populated, fingerprint, tmp_path):
    """Write a variant of an article whose id shares its first hex digit with another."""
    taken = {a[0]: a for a in populated["articles"]}
    template = ("Harbour fees to rise {n}% next year, port says\n\nBy Ola Strand\n\n"
                "The port authority said on Monday that berth fees would rise {n} percent "
                "in January, the first increase since 2021.\n")
    for n in range(2, 400):
        data = template.format(n=n).encode()
        prepared = prepare_article(data, "fees.txt")
        new_id = article_id_for(prepared.text)
        if new_id[0] in taken:
            break
    else:
        pytest.fail("no variant shares a first digit with an existing article")
    result = cli("import", _write(tmp_path, "fees.txt", data))
    assert result.returncode == 0, result.stderr.decode()
    for command in (["text", new_id[0]], ["claims", new_id[0]]):
        before = fingerprint(cli.db)
        message = _assert_refused(cli(*command), before, fingerprint(cli.db), command)
        assert "more than one article" in message
    longer = cli("text", new_id[:12])
    assert longer.returncode == 0


@pytest.mark.parametrize("args", [
    ["mark"],
    ["mark", "abc123"],
    ["import"],
    ["claims"],
    ["text"],
    ["frobnicate"],
    ["mark", "abc123", "disputed", "--colour", "red"],
], ids=lambda a: " ".join(a))
def test_usage_errors_exit_2_and_change_nothing(cli, populated, fingerprint, args):
    before = fingerprint(cli.db)
    result = cli(*args)
    assert result.returncode == 2, result.stderr.decode()
    [line] = result.stderr.decode().splitlines()  # one line, as every other refusal
    assert line.startswith("claim-ledger") and ": error: " in line and "--help)" in line
    assert result.stdout == b""
    assert fingerprint(cli.db) == before


def test_a_workspace_from_a_newer_version_is_read_only(cli, populated, fingerprint):
    conn = sqlite3.connect(cli.db)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    conn.close()
    before = fingerprint(cli.db)
    for args in (["articles"], ["verify"], ["claims", populated["articles"][0]]):
        result = cli(*args)
        assert result.returncode == 0, (args, result.stderr.decode())
        assert fingerprint(cli.db) == before, args
    for args in (["mark", populated["claims"][0], "sourced"], ["import", str(SAMPLE)]):
        message = _assert_refused(cli(*args), before, fingerprint(cli.db), args)
        assert "newer version" in message and "read-only" in message


def test_a_file_that_is_not_a_workspace_is_refused(cli_on, tmp_path):
    notes = tmp_path / "notes.sqlite"
    notes.write_bytes(b"Call the ministry back on Tuesday.\n")
    for args in (["articles"], ["verify"], ["text", "abc"]):
        result = cli_on(notes, *args)
        stderr = result.stderr.decode("utf-8")
        assert result.returncode == 1, stderr
        assert stderr.startswith(ERROR_PREFIX) and stderr.count("\n") == 1, stderr
        assert notes.read_bytes() == b"Call the ministry back on Tuesday.\n"
