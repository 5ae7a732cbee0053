"""The command line: a thin shell over the workspace verbs.

With no command it opens the window. Errors print one line on stderr and exit 1 (2 for
usage errors, as argparse does); nothing is changed by a command that fails.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from claimledger import __version__
from claimledger.domain.status import Status
from claimledger.store import SchemaTooNew
from claimledger.workspace import PAPERS, Workspace, WorkspaceError

PROG = "claim-ledger"


def default_db() -> Path:
    if os.environ.get("CLAIM_LEDGER_DB"):
        return Path(os.environ["CLAIM_LEDGER_DB"])
    from platformdirs import user_data_dir

    return Path(user_data_dir("claim-ledger", appauthor=False)) / "workspace.sqlite"


def default_reviewer() -> str:
    if os.environ.get("CLAIM_LEDGER_REVIEWER"):
        return os.environ["CLAIM_LEDGER_REVIEWER"]
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Claim Ledger for fact-checkers.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--db", type=Path, help="workspace file (default: $CLAIM_LEDGER_DB "
                        "or one in your user data folder)")
    parser.add_argument("--reviewer", help="your name (default: $CLAIM_LEDGER_REVIEWER or "
                        "your user name)")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png",
                        help="render the window offscreen to a PNG and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    imp = commands.add_parser("import", help="import article files (.txt, .md, .html)")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--json", action="store_true")

    arts = commands.add_parser("articles", help="list the articles")
    arts.add_argument("--json", action="store_true")

    txt = commands.add_parser("text", help="print an article's stored text, exactly")
    txt.add_argument("article", metavar="ARTICLE")

    cls = commands.add_parser("claims", help="list an article's claims")
    cls.add_argument("article", metavar="ARTICLE")
    cls.add_argument("--json", action="store_true")

    mark = commands.add_parser("mark", help="set your verdict on a claim")
    mark.add_argument("claim", metavar="CLAIM")
    mark.add_argument("status", metavar="STATUS",
                      help=", ".join(s.value for s in Status))
    mark.add_argument("--reason")
    mark.add_argument("--note")

    pdf = commands.add_parser("export-pdf", help="write the verification PDF")
    pdf.add_argument("articles", nargs="+", metavar="ARTICLE")
    pdf.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    pdf.add_argument("--audit", action="store_true", help="add each claim's history")
    pdf.add_argument("--paper", choices=PAPERS, default="A4")

    hist = commands.add_parser("history", help="a claim's events, newest first")
    hist.add_argument("claim", metavar="CLAIM")
    hist.add_argument("--json", action="store_true")

    commands.add_parser("verify", help="check that the tables equal a replay of the event log")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _utf8_stdio()
    db = args.db or default_db()
    reviewer = args.reviewer or default_reviewer()
    if args.command is None:
        from claimledger.ui.app import run_window

        return run_window(db, reviewer, screenshot=args.screenshot)
    try:
        with Workspace(db, reviewer) as ws:
            return COMMANDS[args.command](ws, args) or 0
    except (WorkspaceError, SchemaTooNew, ValueError) as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1


def _utf8_stdio() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8", errors="replace")


def _print_json(rows: list[dict]) -> None:
    print(json.dumps(rows, ensure_ascii=False, indent=2))


def cmd_import(ws: Workspace, args) -> None:
    report = ws.import_files(args.files)
    if args.json:
        _print_json([a.as_json() for a in report.imported])
        return
    for item in report.imported:
        state = "imported" if item.created else "already in the workspace"
        print(f"{item.id[:12]}  {item.title}  ({item.statements} statements; {state})")


def cmd_articles(ws: Workspace, args) -> None:
    articles = ws.articles()
    if args.json:
        _print_json([a.as_json() for a in articles])
        return
    for a in articles:
        meta = ", ".join(x for x in (a.outlet, a.published) if x)
        print(f"{a.id[:12]}  {a.reviewed:>4}/{a.statements:<4}  {a.title}"
              + (f"  ({meta})" if meta else ""))


def cmd_text(ws: Workspace, args) -> None:
    sys.stdout.write(ws.article(ws.resolve_article(args.article)).text)
    if sys.stdout.isatty():
        sys.stdout.write("\n")


def cmd_claims(ws: Workspace, args) -> None:
    claims = ws.claims(ws.resolve_article(args.article))
    if args.json:
        _print_json([c.as_json() for c in claims])
        return
    for c in claims:
        extra = "".join(f"  [{x}]" for x in (c.reason, c.note) if x)
        print(f"{c.id[:12]}  {c.start:>6}-{c.end:<6}  {c.status.value:<11}  {c.kind:<11}  "
              f"{c.text}{extra}")


def cmd_mark(ws: Workspace, args) -> None:
    status = Status.parse(args.status)
    claim_id = ws.resolve_claim(args.claim)
    options = {}
    if args.reason is not None:
        options["reason"] = args.reason
    if args.note is not None:
        options["note"] = args.note
    ws.mark(claim_id, status, **options)
    view = ws.claim(claim_id)
    print(f"{view.id[:12]}  {view.status.value}"
          + (f"  ({view.reason})" if view.reason else ""))


def cmd_export_pdf(ws: Workspace, args) -> None:
    ids = [ws.resolve_article(a) for a in args.articles]
    done = ws.export_pdf(ids, args.output, audit=args.audit, paper=args.paper)
    print(f"wrote {done.path} ({done.pages} pages, {done.articles} article(s), "
          f"{done.claims} statements)")
    print(f"ledger digest: sha256:{done.digest}")


def cmd_history(ws: Workspace, args) -> None:
    entries = ws.history(ws.resolve_claim(args.claim))
    if args.json:
        _print_json([e.as_json() for e in entries])
        return
    for e in entries:
        when = datetime.fromtimestamp(e.when_ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S")
        print(f"{when}  {e.who}  {e.what}")


def cmd_verify(ws: Workspace, args) -> int:
    if ws.projections_match_log():
        print("ok: every table equals a replay of the event log")
        return 0
    print(f"{PROG}: error: the tables differ from a replay of the event log", file=sys.stderr)
    return 1


COMMANDS: dict[str, Callable[[Workspace, argparse.Namespace], int | None]] = {
    "import": cmd_import,
    "articles": cmd_articles,
    "text": cmd_text,
    "claims": cmd_claims,
    "mark": cmd_mark,
    "export-pdf": cmd_export_pdf,
    "history": cmd_history,
    "verify": cmd_verify,
}


if __name__ == "__main__":
    sys.exit(main())
