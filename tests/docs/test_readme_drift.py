"""The README is part of the product: it fails the build when it drifts from the code."""

from __future__ import annotations

import re
from pathlib import Path

from claimledger.cli import build_parser

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)


def test_the_readme_opens_with_the_two_commands():
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block


def test_every_command_is_documented():
    missing = [c for c in _commands() if not re.search(rf"claim-ledger [^\n]*\b{c}\b", README)]
    assert not missing, f"README.md does not document: {', '.join(missing)}"


def test_every_documented_command_exists():
    documented = set(re.findall(r"^claim-ledger ([a-z][a-z-]+)", README, re.MULTILINE))
    assert documented <= set(_commands()), documented - set(_commands())


def test_global_options_are_documented():
    for option in ("--db", "--reviewer", "--allow-file-key", "--screenshot", "--self-test"):
        assert option in README, option
