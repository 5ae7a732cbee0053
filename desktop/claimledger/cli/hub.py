"""`claim-ledger hub …`: a desk's shared hub on PostgreSQL (set up, connect, sync, status,
export). The password never goes on the command line: the keyring, a PGPASSFILE, or a
prompt on a terminal (kept in the keyring by `hub connect`)."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from claimledger.cli.common import PROG, add_json, fail, print_json
from claimledger.workspace import Workspace
from claimledger.workspace.hub import HubNeedsPassword


def register(commands) -> None:
    hub = commands.add_parser("hub", help="a desk hub on PostgreSQL: one shared ledger, live")
    verbs = hub.add_subparsers(dest="hub_command", metavar="ACTION", required=True)
    init = verbs.add_parser("init", help="create the hub's schema on a database (editors)")
    init.add_argument("url", metavar="URL", help="postgresql://user@host:5432/desk")
    init.set_defaults(run=cmd_init)
    connect = verbs.add_parser("connect", help="use this hub from this workspace")
    connect.add_argument("url", metavar="URL", help="postgresql://user@host:5432/desk")
    connect.set_defaults(run=cmd_connect)
    disconnect = verbs.add_parser("disconnect", help="stop using the hub here")
    disconnect.set_defaults(run=cmd_disconnect)
    sync = verbs.add_parser("sync", help="send your events and merge the desk's")
    sync.add_argument("--accept-new-reviewers", action="store_true",
                      help="pin reviewers seen for the first time (check fingerprints first)")
    add_json(sync)
    sync.set_defaults(run=cmd_sync)
    status = verbs.add_parser("status", help="reachable, last sync, events to send")
    add_json(status)
    status.set_defaults(run=cmd_status)
    export = verbs.add_parser("export", help="write a ledger file of everything on the hub")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    export.set_defaults(run=cmd_export)


def _with_password(call):
    """Run `call(password)`: first with what the keyring or PGPASSFILE hold, then, if the
    server asks and a person is at the terminal, with a typed password."""
    try:
        return call(None)
    except HubNeedsPassword:
        if not sys.stdin.isatty():
            raise
        return call(getpass.getpass("Desk hub password: "))


def _typed_if_asked(ws: Workspace, call):
    """Run `call()`; if the server asks for a password nothing holds and a person is at
    the terminal, ask once for this command and run it again."""
    try:
        return call()
    except HubNeedsPassword:
        if not sys.stdin.isatty():
            raise
        ws.use_hub_password(getpass.getpass("Desk hub password: "))
        return call()


def cmd_init(ws: Workspace, args) -> None:
    setup = _with_password(lambda password: ws.init_hub(args.url, password))
    address = setup.address
    print(f"desk hub ready on {address.label} (hub schema {setup.info.schema_version}, "
          f"{setup.info.events:,} events)")
    print(f"reviewers may add events and read them (role {setup.reviewer_role}); editors "
          f"may also correct them (role {setup.editor_role}). Give each reviewer a login:")
    print(f"  CREATE ROLE alice LOGIN PASSWORD '…' IN ROLE {setup.reviewer_role};")
    host = address.url.set(username="alice", drivername="postgresql")
    print(f"each reviewer then connects with: {PROG} hub connect "
          f"{host.render_as_string(hide_password=True)}")


def cmd_connect(ws: Workspace, args) -> None:
    status = _with_password(lambda password: ws.connect_hub(args.url, password))
    print(f"connected to the desk hub {status.address} ({status.info.events:,} events there, "
          f"{status.pending:,} to send from here); run `{PROG} hub sync`, or open the window")


def cmd_disconnect(ws: Workspace, args) -> None:
    ws.disconnect_hub()
    print("disconnected from the desk hub; your events stay here and on the hub")


def cmd_sync(ws: Workspace, args) -> int:
    done = _typed_if_asked(ws, lambda: ws.sync_hub(
        accept_new_reviewers=args.accept_new_reviewers))
    if args.json:
        print_json([done.as_json()])
    else:
        print(f"desk hub: {done.pushed:,} sent, {done.pulled:,} merged, {done.held:,} held "
              f"for trust, {done.pending:,} still to send")
        for flag in done.flags:
            print(f"  warning: {flag}")
    problems = [done.refused] if done.refused else []
    if done.unknown is not None:
        problems.append(str(done.unknown))
    for problem in problems:
        fail(problem)
    return 1 if problems else 0


def cmd_status(ws: Workspace, args) -> int:
    status = ws.hub_status()
    if args.json:
        print_json([status.as_json()])
        return 0 if status.address is None or status.reachable else 1
    if status.address is None:
        print("no desk hub connected")
        return 0
    info = status.info
    print(f"hub          {status.address}")
    print(f"reachable    {'yes' if status.reachable else 'no'}")
    print(f"last sync    {status.last_sync or 'never'}")
    print(f"to send      {status.pending:,} events")
    if info is not None:
        print(f"on the hub   {info.events:,} events, hub schema {info.schema_version}")
    if status.problem:
        fail(status.problem)
    return 0 if status.reachable else 1


def cmd_export(ws: Workspace, args) -> None:
    done = _typed_if_asked(ws, lambda: ws.export_hub(args.output))
    print(f"wrote {done.path} ({done.events} events by {done.reviewers} reviewer(s)) from the "
          "desk hub")
