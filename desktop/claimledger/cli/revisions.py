"""The command line's side of article revisions: `import FILE --revision-of ARTICLE`,
and the revision and anchoring of each claim that `claims` prints."""

from __future__ import annotations

from claimledger.cli.common import print_json
from claimledger.text.revisions import CHANGED, MOVED, ORPHANED
from claimledger.workspace import Workspace, WorkspaceError

CHANGED_FLAG = "text changed since your verdict"


def import_revision(ws: Workspace, args) -> None:
    if len(args.files) != 1:
        raise WorkspaceError("--revision-of takes one file: the new version of the article.")
    report = ws.import_revision(args.files[0], ws.resolve_article(args.revision_of))
    if args.json:
        print_json([{**report.article.as_json(), "revision": report.revision,
                     "revision_of": report.earlier_id,
                     "placements": [{"claim": p.claim_id, "anchoring": p.anchoring,
                                     "start": p.start, "end": p.end, "score": p.score}
                                    for p in report.placements]}])
        return
    counts = ", ".join(f"{report.count(k)} {k}" for k in ("exact", MOVED, CHANGED, ORPHANED))
    print(f"{report.article.id[:12]}  {report.article.title}  (revision {report.revision} "
          f"of {report.earlier_id[:12]}; claims: {counts})")
    for claim in report.orphans:
        print(f"orphaned: {claim.id[:12]}  {claim.status.value:<11}  {claim.text}")


def claim_revision_fields(ws: Workspace, article_id: str) -> dict[str, dict]:
    """Per claim id, the `revision` and `anchoring` fields (and the earlier wording of a
    changed claim) that `claims --json` adds."""
    revision = ws.revision_number(article_id)
    fields = {}
    for claim in ws.claims(article_id):
        fields[claim.id] = {"revision": revision, "anchoring": None, "previous_text": None,
                            "confirmed": False}
    for claim_id, found in ws.anchorings(article_id).items():
        fields[claim_id] = {"revision": revision, "anchoring": found.anchoring,
                            "previous_text": found.previous_text,
                            "confirmed": found.confirmed}
    return fields


def register(commands) -> None:
    confirm = commands.add_parser("confirm", help="give your verdict on a changed statement "
                                  "again, as it stands (clears the flag)")
    confirm.add_argument("claim", metavar="CLAIM")
    confirm.set_defaults(run=cmd_confirm)


def cmd_confirm(ws: Workspace, args) -> None:
    claim_id = ws.resolve_claim(args.claim)
    ws.confirm_verdict(claim_id)
    view = ws.claim(claim_id)
    print(f"{view.id[:12]}  {view.status.value}  confirmed on the new wording")


def changed_flag(claim, anchoring) -> str:
    """The words `claims` prints after a claim whose text changed in this revision."""
    if anchoring is None or anchoring.anchoring != CHANGED or anchoring.confirmed:
        return ""
    flag = CHANGED_FLAG if claim.status.is_reviewed else "text changed in this revision"
    return f"  [{flag}; was: {anchoring.previous_text}]"
