"""Commands that write files for others: the verification PDF."""

from __future__ import annotations

from pathlib import Path

from claimledger.workspace import PAPERS, Workspace


def register(commands) -> None:
    pdf = commands.add_parser("export-pdf", help="write the verification PDF")
    pdf.add_argument("articles", nargs="+", metavar="ARTICLE")
    pdf.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    pdf.add_argument("--audit", action="store_true", help="add each claim's history")
    pdf.add_argument("--paper", choices=PAPERS, default="A4")
    pdf.add_argument("--desk", metavar="NAME", help="the desk that signs the report, "
                     "shown on the cover and every page")
    pdf.set_defaults(run=cmd_export_pdf)


def cmd_export_pdf(ws: Workspace, args) -> None:
    ids = [ws.resolve_article(a) for a in args.articles]
    done = ws.export_pdf(ids, args.output, audit=args.audit, paper=args.paper,
                         desk=args.desk)
    print(f"wrote {done.path} ({done.pages} pages, {done.articles} article(s), "
          f"{done.claims} statements)")
    print(f"ledger digest: sha256:{done.digest}")
