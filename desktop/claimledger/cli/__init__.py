"""The command line: a thin shell over the workspace verbs.

With no command it opens the window. Each module here registers its own subcommands.
Errors print one line on stderr and exit 1 (2 for usage errors, as argparse does); a
command that fails changes nothing, and one that stores nothing in a workspace it would
have created leaves no workspace behind. When the reader of the output goes away
(``claim-ledger articles | head``) the command ends quietly with the status of a
program stopped by SIGPIPE, as other command-line tools do.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from claimledger import __version__
from claimledger.cli import assist, evidence, export, formats, hub, review, revisions, sync
from claimledger.cli.common import PROG, default_db, default_reviewer, fail
from claimledger.workspace import (
    NotAWorkspace,
    SchemaTooNew,
    WorkspaceError,
    opened_for_one_command,
)

__all__ = ["build_parser", "main"]

#: Commands that may create the workspace file; every other one needs it to exist.
CREATES_WORKSPACE = frozenset({"import", "identity", "sync", "hub"})
#: The exit status of a program stopped by a closed pipe (128 + SIGPIPE), as a shell shows it.
CLOSED_PIPE = 128 + getattr(signal, "SIGPIPE", 13)


class OneLineParser(argparse.ArgumentParser):
    """A usage error is one line on stderr, as every other refusal is (argparse would
    print the whole usage banner first); --help still shows it all."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog=PROG, description="Claim Ledger for fact-checkers.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--db", type=Path, help="workspace file (default: $CLAIM_LEDGER_DB "
                        "or one in your user data folder)")
    parser.add_argument("--reviewer", help="your name (default: $CLAIM_LEDGER_REVIEWER or "
                        "your user name)")
    parser.add_argument("--allow-file-key", action="store_true",
                        help="where no secure keyring exists, keep your signing key in a "
                        "file readable only by you")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png",
                        help="render the window offscreen to a PNG and exit")
    parser.add_argument("--self-test", action="store_true",
                        help="check this install end to end in a temporary workspace "
                        "(import, mark, PDF, ledger file, merge, window) and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (review, revisions, evidence, export, formats, sync, hub, assist):
        module.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        try:
            return _main(argv)
        finally:
            sys.stdout.flush()  # here, not at exit, so a closed pipe is caught below
    except BrokenPipeError:
        return _stdout_closed()


def _main(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    _utf8_stdio()
    if args.self_test:
        from claimledger.cli.selftest import run_self_test

        return run_self_test()
    db = args.db or default_db()
    reviewer = args.reviewer or default_reviewer()
    if args.command is None:
        from claimledger.ui.shell.app import run_window

        return run_window(db, args.reviewer, screenshot=args.screenshot)
    if args.command not in CREATES_WORKSPACE and not Path(db).exists():
        return fail(f"No workspace at {db} yet; import an article to create it.")
    try:
        allow = True if args.allow_file_key else None
        with opened_for_one_command(db, reviewer, allow_file_key=allow) as ws:
            return args.run(ws, args) or 0
    except (WorkspaceError, SchemaTooNew, NotAWorkspace, ValueError) as error:
        return fail(str(error))


def _stdout_closed() -> int:
    """Nobody reads our output any more: point stdout at the null device, so that the
    interpreter's last flush does not complain either, and end as SIGPIPE would."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # a stdout without a file descriptor (a test's capture) has nothing to flush
    return CLOSED_PIPE


def _utf8_stdio() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8", errors="replace")
