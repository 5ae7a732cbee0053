"""Commands for sharing ledgers between reviewers: identity, the reviewers known here
(and the names they are shown by), export, sync, agreement."""

from __future__ import annotations

from pathlib import Path

from claimledger.cli.common import add_json, fail, print_json
from claimledger.domain.status import Status
from claimledger.exchange.keys import fingerprint
from claimledger.workspace import Workspace


def register(commands) -> None:
    ident = commands.add_parser("identity", help="your reviewer id, name and key fingerprint")
    add_json(ident)
    ident.set_defaults(run=cmd_identity)
    ident_verbs = ident.add_subparsers(dest="identity_verb", metavar="VERB")
    rotate = ident_verbs.add_parser("rotate", help="move to a new signing key, announced "
                                    "with your old one so colleagues accept it")
    add_json(rotate)
    rotate.set_defaults(run=cmd_rotate_key)

    people = commands.add_parser("reviewers", help="the reviewers who joined this "
                                 "workspace, with their fingerprints")
    add_json(people)
    people.set_defaults(run=cmd_reviewers)
    people_verbs = people.add_subparsers(dest="reviewers_verb", metavar="VERB")
    rename = people_verbs.add_parser("rename", help="show a reviewer under another name "
                                     "in this workspace only (their signed name stays)")
    rename.add_argument("reviewer", metavar="REVIEWER",
                        help="the start of their fingerprint or id, or their name")
    rename.add_argument("name", metavar="NAME", nargs="?",
                        help="the name to show; leave out with --signed")
    rename.add_argument("--signed", action="store_true",
                        help="show them by the name they signed again")
    rename.set_defaults(run=cmd_rename_reviewer)

    exp = commands.add_parser("export-ledger", help="write a signed ledger file (.cledger)")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    exp.add_argument("--article", action="append", metavar="A",
                     help="only this article (repeatable); default: all")
    exp.set_defaults(run=cmd_export_ledger)

    sync = commands.add_parser("sync", help="merge other reviewers' ledger files")
    sync.add_argument("files", nargs="+", type=Path, metavar="FILE")
    sync.add_argument("--accept-new-reviewers", action="store_true",
                      help="pin reviewers seen for the first time (check fingerprints first)")
    sync.set_defaults(run=cmd_sync)

    agree = commands.add_parser("agreement", help="Cohen's kappa and Krippendorff's alpha")
    agree.add_argument("--article", metavar="A")
    add_json(agree)
    agree.set_defaults(run=cmd_agreement)

    settle = commands.add_parser("settle", help="record the consensus verdict on a claim")
    settle.add_argument("claim", metavar="CLAIM")
    settle.add_argument("status", metavar="STATUS", help=", ".join(s.value for s in Status))
    settle.add_argument("--reason")
    settle.add_argument("--note")
    settle.set_defaults(run=cmd_settle)


def cmd_identity(ws: Workspace, args) -> None:
    identity = ws.unlock()
    row = {"id": identity.id, "name": identity.name,
           "fingerprint": fingerprint(identity.public_key), "public_key": identity.public_key,
           "key_location": identity.key_location}
    if args.json:
        print_json([row])
        return
    for key in ("name", "id", "fingerprint", "key_location"):
        print(f"{key.replace('_', ' '):<13} {row[key]}")


def cmd_rotate_key(ws: Workspace, args) -> None:
    done = ws.rotate_key()
    if args.json:
        print_json([{"id": done.new.id, "previous_fingerprint": done.old.fingerprint,
                     "fingerprint": done.new.fingerprint,
                     "key_location": done.new.key_location}])
        return
    print(f"new key      {done.new.fingerprint}\n"
          f"replaces     {done.old.fingerprint}\n"
          f"kept in      {done.new.key_location}\n"
          "Colleagues accept the new key from your next ledger file or hub sync, as your "
          "old key signed the change; they refuse anything signed with the old key from "
          "now on.")


def cmd_reviewers(ws: Workspace, args) -> None:
    people = ws.reviewers_here()
    if args.json:
        print_json([r.as_json() for r in people])
        return
    if not people:
        print("No reviewer has joined this workspace yet.")
        return
    for person in people:
        signed = f"  (signed {person.signed_name!r})" if person.local_name else ""
        you = "  (you)" if person.is_me else ""
        print(f"{person.fingerprint}  {person.id[:12]}  {person.shown_name}{signed}{you}")
        if person.incomplete:
            print(f"    view incomplete: {person.incomplete}")


def cmd_rename_reviewer(ws: Workspace, args) -> int | None:
    if args.signed == (args.name is not None):
        return fail("give either a NAME or --signed (to show their signed name again)")
    reviewer_id = ws.resolve_reviewer(args.reviewer)
    ws.rename_reviewer(reviewer_id, None if args.signed else args.name)
    person = next(r for r in ws.reviewers_here() if r.id == reviewer_id)
    print(f"{person.fingerprint}  now shown here as {person.shown_name!r} "
          f"(signed {person.signed_name!r})")
    return None


def cmd_export_ledger(ws: Workspace, args) -> None:
    ids = [ws.resolve_article(a) for a in args.article] if args.article else None
    ws.unlock()
    done = ws.export_ledger(args.output, ids)
    print(f"wrote {done.path} ({done.events} events by {done.reviewers} reviewer(s))")


def cmd_sync(ws: Workspace, args) -> int:
    report = ws.sync_files(args.files, accept_new_reviewers=args.accept_new_reviewers)
    for item in report.files:
        print(f"{item.path.name}: {item.new_events} new events, {item.known_events} already here")
        for name, print_ in item.new_reviewers:
            print(f"  pinned new reviewer {name} {print_}")
        for flag in item.flags:
            print(f"  warning: {flag}")
    for _, message in report.failures:
        fail(message)
    for waiting in report.unknown:
        fail(str(waiting))
    return 1 if report.failures or report.unknown else 0


def cmd_agreement(ws: Workspace, args) -> None:
    article = ws.resolve_article(args.article) if args.article else None
    report = ws.agreement(article)
    if args.json:
        print_json([report.as_json()])
        return
    alpha = "n/a" if report.alpha is None else f"{report.alpha:.3f}"
    print(f"Krippendorff's alpha (nominal): {alpha} over {report.claims} claims")
    for p in report.pairs:
        kappa = "n/a" if p.kappa is None else f"{p.kappa:.3f}"
        print(f"Cohen's kappa, {p.first} / {p.second}: {kappa} over {p.claims} claims")


def cmd_settle(ws: Workspace, args) -> None:
    claim_id = ws.resolve_claim(args.claim)
    ws.settle(claim_id, Status.parse(args.status), args.reason, args.note)
    print(f"{claim_id[:12]}  consensus {args.status}")
