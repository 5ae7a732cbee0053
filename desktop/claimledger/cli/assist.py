"""Commands for assisted review: matches across articles, accepting or dismissing a
suggestion, cutting a pasted page tail."""

from __future__ import annotations

from claimledger.cli.common import add_json, print_json
from claimledger.workspace import Workspace


def register(commands) -> None:
    found = commands.add_parser("matches", help="an article's claims said again in other "
                                "articles")
    found.add_argument("article", metavar="ARTICLE")
    add_json(found)
    found.set_defaults(run=cmd_matches)

    accept = commands.add_parser("accept", help="mark a claim with its suggestion")
    accept.add_argument("claim", metavar="CLAIM")
    accept.set_defaults(run=cmd_accept)

    dismiss = commands.add_parser("dismiss", help="dismiss a claim's suggestion")
    dismiss.add_argument("claim", metavar="CLAIM")
    dismiss.set_defaults(run=cmd_dismiss)

    cut = commands.add_parser("cut-tail", help="retire the statements of an article's page "
                              "tail (the stories pasted after it)")
    cut.add_argument("article", metavar="ARTICLE")
    cut.set_defaults(run=cmd_cut_tail)


def cmd_matches(ws: Workspace, args) -> None:
    article_id = ws.resolve_article(args.article)
    ws.analyse_pending()  # a complete answer: articles synced in unread are read first
    matches = ws.matches(article_id)
    if args.json:
        print_json([m.as_json() for m in matches])
        return
    for m in matches:
        state = "linked" if m.linked else "similar"
        print(f"{m.claim_id[:12]}  {m.other_claim_id[:12]}  {m.similarity:.2f}  {state:<7}  "
              f"{m.other_article_title}: {m.other_text}")
        if m.because:
            print(f"    matched because: {m.because}")


def cmd_accept(ws: Workspace, args) -> None:
    claim_id = ws.resolve_claim(args.claim)
    ws.accept(claim_id)
    view = ws.claim(claim_id)
    print(f"{view.id[:12]}  {view.status.value}" + (f"  ({view.reason})" if view.reason else ""))


def cmd_dismiss(ws: Workspace, args) -> None:
    claim_id = ws.resolve_claim(args.claim)
    ws.dismiss(claim_id)
    print(f"{claim_id[:12]}  suggestion dismissed")


def cmd_cut_tail(ws: Workspace, args) -> None:
    changes = ws.cut_tail(ws.resolve_article(args.article))
    count = len(changes.claims)
    print(f"retired {count} statement{'s' if count != 1 else ''} of the page tail")
