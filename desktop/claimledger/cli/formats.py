"""Commands for the formats a desk already uses: ClaimReview, Web Annotations, tables."""

from __future__ import annotations

from pathlib import Path

from claimledger.workspace import Workspace


def register(commands) -> None:
    review = commands.add_parser("export-claimreview",
                                 help="write schema.org ClaimReview JSON-LD (or an HTML page)")
    review.add_argument("articles", nargs="+", metavar="ARTICLE")
    review.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    review.add_argument("--html", action="store_true",
                        help="write a page with the JSON-LD embedded")
    review.add_argument("--review-url", metavar="URL",
                        help="where the reviews are published (each claim gets an anchor)")
    review.add_argument("--desk", metavar="NAME", help="the desk that publishes the reviews "
                        "(default: you, as a person)")
    review.add_argument("--own", action="store_true",
                        help="publish your own verdicts instead of the ledger's")
    review.set_defaults(run=cmd_export_claimreview)

    notes = commands.add_parser("export-annotations",
                                help="write an article's ledger as W3C Web Annotations")
    notes.add_argument("article", metavar="ARTICLE")
    notes.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.jsonld")
    notes.set_defaults(run=cmd_export_annotations)

    back = commands.add_parser("import-annotations",
                               help="place W3C Web Annotations on an article as claims")
    back.add_argument("file", type=Path, metavar="FILE.jsonld")
    back.add_argument("--article", required=True, metavar="ARTICLE")
    back.set_defaults(run=cmd_import_annotations)

    table = commands.add_parser("export-table", help="write the ledger as .csv or .xlsx")
    table.add_argument("articles", nargs="+", metavar="ARTICLE")
    table.add_argument("-o", "--output", type=Path, required=True,
                       metavar="FILE.csv|FILE.xlsx")
    table.set_defaults(run=cmd_export_table)


def cmd_export_claimreview(ws: Workspace, args) -> None:
    ids = [ws.resolve_article(a) for a in args.articles]
    done = ws.export_claimreview(ids, args.output, page=args.html, review_url=args.review_url,
                                 desk=args.desk, own=args.own)
    print(f"wrote {done.path} ({done.items} ClaimReview(s))")
    if not args.review_url:
        print("note: without --review-url each review's url is an anchor on the exported "
              "page; give the address where you publish it")


def cmd_export_annotations(ws: Workspace, args) -> None:
    done = ws.export_annotations(ws.resolve_article(args.article), args.output)
    print(f"wrote {done.path} ({done.items} annotations; positions count Unicode code "
          "points)")


def cmd_import_annotations(ws: Workspace, args) -> int:
    result = ws.import_annotations(args.file, ws.resolve_article(args.article))
    print(f"placed {result.placed} annotation(s): {result.created} new claim(s), "
          f"{result.verdicts} verdict(s) set")
    for number, quote in result.unplaced:
        print(f"not placed: annotation {number}: {quote[:80]}")
    return 0


def cmd_export_table(ws: Workspace, args) -> None:
    ids = [ws.resolve_article(a) for a in args.articles]
    done = ws.export_table(ids, args.output)
    print(f"wrote {done.path} ({done.items} rows)")
