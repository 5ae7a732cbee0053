"""Commands for importing articles and reviewing their claims."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from claimledger.cli import revisions
from claimledger.cli.common import add_json, fail, print_json
from claimledger.domain.status import Status
from claimledger.text import ROLE_WORDS, role_reasons
from claimledger.workspace import Workspace


def register(commands) -> None:
    imp = commands.add_parser("import", help="import article files (.txt, .md, .html)")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--revision-of", metavar="ARTICLE",
                     help="FILE is a new version of ARTICLE: its claims move onto it")
    add_json(imp)
    imp.set_defaults(run=cmd_import)

    arts = commands.add_parser("articles", help="list the articles")
    add_json(arts)
    arts.set_defaults(run=cmd_articles)

    txt = commands.add_parser("text", help="print an article's stored text, exactly")
    txt.add_argument("article", metavar="ARTICLE")
    txt.set_defaults(run=cmd_text)

    cls = commands.add_parser("claims", help="list an article's claims")
    cls.add_argument("article", metavar="ARTICLE")
    add_json(cls)
    cls.set_defaults(run=cmd_claims)

    mark = commands.add_parser("mark", help="set your verdict on a claim")
    mark.add_argument("claim", metavar="CLAIM")
    mark.add_argument("status", metavar="STATUS", help=", ".join(s.value for s in Status))
    mark.add_argument("--reason")
    mark.add_argument("--note")
    mark.set_defaults(run=cmd_mark)

    hist = commands.add_parser("history", help="a claim's events, newest first")
    hist.add_argument("claim", metavar="CLAIM")
    add_json(hist)
    hist.set_defaults(run=cmd_history)

    verify = commands.add_parser("verify", help="check the tables against a replay of the log")
    verify.set_defaults(run=cmd_verify)


def cmd_import(ws: Workspace, args) -> None:
    if args.revision_of:
        revisions.import_revision(ws, args)
        return
    report = ws.import_files(args.files)
    if args.json:
        print_json([a.as_json() for a in report.imported])
        return
    for item in report.imported:
        state = "imported" if item.created else "already in the workspace"
        print(f"{item.id[:12]}  {item.title}  ({item.statements} statements; {state})")


def cmd_articles(ws: Workspace, args) -> None:
    articles = ws.articles()
    if args.json:
        print_json([a.as_json() for a in articles])
        return
    for a in articles:
        meta = ", ".join(x for x in (a.outlet, a.published) if x)
        print(f"{a.id[:12]}  {a.reviewed:>4}/{a.claims:<4}  {a.title}"
              + (f"  ({meta})" if meta else ""))


def cmd_text(ws: Workspace, args) -> None:
    sys.stdout.write(ws.article(ws.resolve_article(args.article)).text)
    if sys.stdout.isatty():
        sys.stdout.write("\n")


def cmd_claims(ws: Workspace, args) -> None:
    article_id = ws.resolve_article(args.article)
    claims = ws.claims(article_id)
    numbers = ws.statement_numbers(article_id)
    if args.json:
        verdicts, agreed = ws.verdicts(article_id), ws.consensus(article_id)
        assist = ws.suggestions(article_id)
        none = {"status": None, "state": "none", "settled_by": None}
        why = _role_reasons(ws.article(article_id).text, claims)
        revised = revisions.claim_revision_fields(ws, article_id)
        print_json([{"number": numbers.get(c.id, ""), **c.as_json(), **revised[c.id],
                     "role_reason": why.get(c.id),
                     "verdicts": [v.as_json() for v in verdicts.get(c.id, [])],
                     "consensus": agreed[c.id].as_json() if c.id in agreed else none,
                     **(assist[c.id].as_json() if c.id in assist else _NO_ASSIST)}
                    for c in claims])
        return
    anchorings = ws.anchorings(article_id)
    for c in claims:
        extra = "".join(f"  [{x}]" for x in (c.reason, c.note) if x)
        extra += revisions.changed_flag(c, anchorings.get(c.id))
        print(f"{numbers.get(c.id, ''):>5}  {c.id[:12]}  {c.start:>6}-{c.end:<6}  "
              f"{c.status.value:<11}  {c.kind:<11}  {c.text}{extra}")


def _role_reasons(text: str, claims) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Why each claim has its role: the pipeline's reason when the text gives the same
    role back, else the stock words for the role ("selected by hand" for a reviewer's)."""
    found = role_reasons(text, [(c.start, c.end) for c in claims])
    reasons = {}
    for c in claims:
        role, reason = found.get((c.start, c.end), (None, ""))
        if c.origin != "auto":
            reasons[c.id] = "selected by hand"
        elif role == c.role and reason:
            reasons[c.id] = reason
        else:
            reasons[c.id] = ROLE_WORDS.get(c.role, c.role)
    return reasons


_NO_ASSIST = {"suggestion": None, "checkworthiness": None, "numbers": [], "flags": [],
              "dismissed": False, "accepted": False}


def cmd_mark(ws: Workspace, args) -> None:
    status = Status.parse(args.status)
    claim_id = ws.resolve_claim(args.claim)
    options = {k: getattr(args, k) for k in ("reason", "note") if getattr(args, k) is not None}
    ws.mark(claim_id, status, **options)
    view = ws.claim(claim_id)
    print(f"{view.id[:12]}  {view.status.value}" + (f"  ({view.reason})" if view.reason else ""))


def cmd_history(ws: Workspace, args) -> None:
    entries = ws.history(ws.resolve_claim(args.claim, include_retired=True))
    if args.json:
        print_json([e.as_json() for e in entries])
        return
    for e in entries:
        when = datetime.fromtimestamp(e.when_ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S")
        print(f"{when}  {e.who}  {e.what}")


def cmd_verify(ws: Workspace, args) -> int:
    problems = ws.integrity_problems()
    if problems:
        return fail(f"{ws.path.name} is damaged (PRAGMA quick_check: {problems[0]}); restore "
                    "a backup")
    if ws.projections_match_log():
        print("ok: the file passes SQLite's quick_check and every table equals a replay of "
              "the event log")
        return 0
    return fail("the tables differ from a replay of the event log")
