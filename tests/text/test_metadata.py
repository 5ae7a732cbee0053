"""Title, byline, outlet and date read from the text of an article."""

from __future__ import annotations

import pytest

from claimledger.text import prepare_text
from claimledger.text.rules import iso_date


def test_reuters_style_header() -> None:
    article = prepare_text(
        "Grain exports jump 18% as port clears backlog\n\n"
        "By Maria Nuñez and Tom Reyes, Reuters\n\n"
        "SARVINSK, June 8 (Reuters) - Grain exports rose 18 percent in May, the ministry said."
    )
    assert article.title == "Grain exports jump 18% as port clears backlog"
    assert article.byline == "Maria Nuñez and Tom Reyes"
    assert article.outlet == "Reuters"
    assert article.published is None


def test_ap_dateline_names_the_outlet() -> None:
    article = prepare_text(
        "Ferry strike ends\n\nLISBON (AP) — Ferry crews returned to work on Friday."
    )
    assert article.outlet == "AP"


@pytest.mark.parametrize(
    ("header", "iso"),
    [
        ("Date: 2026-03-14", "2026-03-14"),
        ("date 2026-03-11", "2026-03-11"),
        ("Published March 14, 2026", "2026-03-14"),
        ("Published: 9 Feb 2026", "2026-02-09"),
        ("Published date 2026-03-14, updated 6:40 p.m.", "2026-03-14"),
        ("*Health correspondent · Published date 2026-03-11 · Lowmere Courier*", "2026-03-11"),
    ],
)
def test_published_date(header: str, iso: str) -> None:
    article = prepare_text(f"Clinic waits double\n\n{header}\n\nWaits doubled, the board said.")
    assert article.published == iso


def test_markdown_headline_and_outlet_strip() -> None:
    article = prepare_text(
        "# Clinic waits double\n\nBy Henrike Saarinen-Blake\n\n"
        "*Health correspondent · Published date 2026-03-11 · Lowmere Courier*\n\n"
        "The median wait rose to 4 hours and 10 minutes, the board said on Monday."
    )
    assert article.title == "Clinic waits double"
    assert article.byline == "Henrike Saarinen-Blake"
    assert article.outlet == "Lowmere Courier"


def test_given_title_overrides_the_headline() -> None:
    article = prepare_text("Clinic waits double\n\nWaits doubled.", title="My title")
    assert article.title == "My title"


def test_invalid_dates_are_ignored() -> None:
    assert iso_date("2026-13-45") is None
    assert iso_date("March 14, 2026") == "2026-03-14"
