"""Commands for evidence, finer claims and search."""

from __future__ import annotations

from pathlib import Path

from claimledger.cli.common import add_json, fail, print_json
from claimledger.domain.evidence import SOURCE_KINDS, STANCES
from claimledger.domain.stored_evidence import file_reference, shown_name
from claimledger.workspace import Workspace


def register(commands) -> None:
    source = commands.add_parser("source", help="add or retire a claim's evidence")
    verbs = source.add_subparsers(dest="source_command", metavar="ACTION", required=True)
    add = verbs.add_parser("add", help="attach a source to a claim")
    add.add_argument("claim", metavar="CLAIM")
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument("--url", help="http, https or doi: link")
    where.add_argument("--file", help="a local document: a copy is stored in the workspace "
                       "under its SHA-256")
    add.add_argument("--kind", choices=sorted(SOURCE_KINDS), default="web")
    add.add_argument("--title")
    add.add_argument("--publisher")
    add.add_argument("--excerpt")
    add.add_argument("--stance", choices=sorted(STANCES), default="supports")
    add.add_argument("--accessed", metavar="YYYY-MM-DD")
    add.add_argument("--archived-url", dest="archived_url")
    add.set_defaults(run=cmd_source_add)
    check = verbs.add_parser("check", help="is FILE the very file a source was attached with?")
    check.add_argument("source", metavar="SOURCE")
    check.add_argument("file", type=Path, metavar="FILE")
    check.set_defaults(run=cmd_source_check)
    retire = verbs.add_parser("retire", help="retire a source (kept in history)")
    retire.add_argument("source", metavar="SOURCE")
    retire.set_defaults(run=cmd_source_retire)

    listing = commands.add_parser("sources", help="list a claim's sources")
    listing.add_argument("claim", metavar="CLAIM")
    add_json(listing)
    listing.set_defaults(run=cmd_sources)

    claim = commands.add_parser("claim", help="add or retire a finer claim")
    claim_verbs = claim.add_subparsers(dest="claim_command", metavar="ACTION", required=True)
    cadd = claim_verbs.add_parser("add", help="a claim over text[START:END] of an article")
    cadd.add_argument("article", metavar="ARTICLE")
    cadd.add_argument("start", type=int, metavar="START")
    cadd.add_argument("end", type=int, metavar="END")
    cadd.set_defaults(run=cmd_claim_add)
    cret = claim_verbs.add_parser("retire", help="retire a claim (kept in history)")
    cret.add_argument("claim", metavar="CLAIM")
    cret.set_defaults(run=cmd_claim_retire)

    search = commands.add_parser("search", help="search statements, notes and excerpts")
    search.add_argument("query", metavar="QUERY")
    add_json(search)
    search.set_defaults(run=cmd_search)


def cmd_source_add(ws: Workspace, args) -> None:
    fields = {k: getattr(args, k) for k in ("url", "file", "kind", "title", "publisher",
                                             "excerpt", "stance", "accessed", "archived_url")}
    source_id, _ = ws.add_source(ws.resolve_claim(args.claim), **fields)
    stored = ws.stored_file(source_id)
    print(source_id + (f"  sha256:{stored.sha256}  stored as {stored.path}" if stored else ""))


def cmd_source_check(ws: Workspace, args) -> int:
    source_id = ws.resolve_source(args.source)
    if ws.check_file(source_id, args.file):
        print(f"matches: {args.file} is the file attached to {source_id[:12]} "
              f"(sha256:{ws.stored_file(source_id).sha256})")
        return 0
    return fail(f"{args.file} is not the file attached to {source_id[:12]}: its SHA-256 "
                "differs")


def cmd_source_retire(ws: Workspace, args) -> None:
    source_id = ws.resolve_source(args.source)
    ws.retire_source(source_id)
    print(f"retired {source_id}")


def cmd_sources(ws: Workspace, args) -> None:
    sources = ws.sources(ws.resolve_claim(args.claim))
    if args.json:
        print_json([{**s.as_json(), "sha256": getattr(file_reference(s.file), "sha256", None)}
                    for s in sources])
        return
    for s in sources:
        stored = file_reference(s.file)
        where = s.url or (f"sha256:{stored.sha256} attached {s.accessed}" if stored else s.file)
        print(f"{s.id[:12]}  {s.stance:<11}  {s.title or shown_name(s.file) or where}"
              + (f" ({s.publisher})" if s.publisher else "") + f"  {where}")


def cmd_claim_add(ws: Workspace, args) -> None:
    claim_id, _ = ws.add_claim(ws.resolve_article(args.article), args.start, args.end)
    view = ws.claim(claim_id)
    print(f"{claim_id}  {view.start}-{view.end}  {view.text}")


def cmd_claim_retire(ws: Workspace, args) -> None:
    claim_id = ws.resolve_claim(args.claim)
    ws.retire_claim(claim_id)
    print(f"retired {claim_id}")


def cmd_search(ws: Workspace, args) -> None:
    hits = ws.search(args.query)
    if args.json:
        print_json([h.as_json() for h in hits])
        return
    for h in hits:
        print(f"{h.claim_id[:12]}  {h.article_title[:40]:<40}  {h.marked_snippet()}")
