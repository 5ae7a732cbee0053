"""What the publishing-format tests share: the schemas, a reviewed sample, the CLI."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from jsonschema import Draft202012Validator

from claimledger.domain.status import Status

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("cli_kit", ROOT / "tests" / "cli" / "conftest.py")
cli_kit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cli_kit)
run_cli, db_fingerprint = cli_kit.run_cli, cli_kit.db_fingerprint

SCHEMAS = ROOT / "schema"
EMOJI_NEWS = cli_kit.EMOJI_NEWS


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def claims_with(ws, article_id: str, *words: str) -> list[str]:
    """The ids of the claims whose text contains each of `words`, in that order."""
    claims = ws.claims(article_id)
    return [next(c.id for c in claims if w in c.text) for w in words]


def reviewed_sample(ws, path: Path) -> str:
    """Import `path` and give three of its claims a verdict each; the article's id."""
    article_id = ws.import_files([path]).imported[0].id
    claims = [c for c in ws.claims(article_id) if c.kind == "claim"]
    ws.mark(claims[0].id, Status.SOURCED, note="Ministry release, 12 March")
    ws.mark(claims[1].id, Status.DISPUTED, reason="Figure contradicted by official data")
    ws.mark(claims[2].id, Status.UNVERIFIED, note="Asked the port authority 🕰️")
    return article_id


def pdf_text(path) -> str:
    """The PDF's text, white space collapsed, pages joined."""
    from pypdf import PdfReader

    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(path).pages)
