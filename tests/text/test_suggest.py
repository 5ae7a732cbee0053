"""Suggestions: not-a-claim reasons, evidence markers, attributions and source hints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.text.suggest import Suggestion, suggest, suggest_all

REASONS = Path(__file__).resolve().parents[2] / "resources" / "reasons.json"


@pytest.mark.parametrize(
    ("text", "reason", "marker"),
    [
        ("He said, without evidence, that the city had underestimated the cost.",
         "Claimed without evidence", "without evidence"),
        ("Pryce offered no evidence for the claim.", "Claimed without evidence",
         "offered no evidence"),
        ("Meridian Wire could not independently verify the claim.",
         "Source could not be verified", "could not independently verify"),
        ("The department declined to say how many cases were confirmed.",
         "Declined to comment", "declined to say"),
        ("Castellan Mutual declined to comment.", "Declined to comment", "declined to comment"),
        ("The group did not respond to questions.", "Did not respond", "did not respond"),
        ("The warehouse was allegedly storing more grain than allowed.",
         "Source could not be verified", "allegedly"),
        ("Engineers reportedly found cracks in a support.", "Source could not be verified",
         "reportedly"),
        ("It is unclear whether the province must approve the toll.",
         "Source could not be verified", "It is unclear"),
        ("The figure is unconfirmed.", "Source could not be verified", "unconfirmed"),
        ("Two merchants, who spoke on condition of anonymity, said cargoes were late.",
         "Anonymous sourcing", "on condition of anonymity"),
    ],
)
def test_evidence_markers_suggest_unverified(text: str, reason: str, marker: str) -> None:
    found = suggest(text, "claim", "body")
    assert found.status == "unverified"
    assert found.reason == reason
    assert marker in found.markers
    assert found.because == "suggested because: " + ", ".join(f"'{m}'" for m in found.markers)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("The tunnel carries 42,000 vehicles a day, according to the transport department.",
         "the transport department"),
        ("Elsmere recorded 1,240 cases in April, the state health department said on Wednesday.",
         "the state health department"),
        ('"Measles needs a rate of 95 percent," said Dr. Amara Osei, the chief epidemiologist.',
         "Dr. Amara Osei"),
        ("Gridco, the grid operator, said 640,000 customers were still without power.", "Gridco"),
        ("The chamber's president, Layla Haddad, said members feared losing customers.",
         "Layla Haddad"),
        ("Mirela Dragomir told the Post that the firm followed every rule.", "Mirela Dragomir"),
        ("The director, Monique Thibault, wrote in a newsletter that appointments matter.",
         "Monique Thibault"),
        ("Haddad said the chamber's own figures showed footfall had fallen 9 percent.",
         "Haddad"),
    ],
)
def test_an_attribution_is_a_statement_to_check_not_a_source(text: str, hint: str) -> None:
    found = suggest(text, "claim", "body")
    assert (found.status, found.reason, found.basis) == (
        "unverified", "Attributed, not yet checked", "attributed")
    assert found.source_hint == hint
    assert found.excerpt in text
    assert found.because.startswith(f"suggested because: attributed to {hint}")
    assert found.because.endswith("which says who said it, not that it is so")


@pytest.mark.parametrize(
    ("text", "hint", "reason"),
    [
        ("Coverage fell to 84 percent, according to figures from the Public Health Agency.",
         "the Public Health Agency", "Official statistics"),
        ("Deaths rose to 14, data from the Kalvor Safety Inspectorate show.",
         "the Kalvor Safety Inspectorate", "Official statistics"),
        ("Corrosion was found on 14 fans, a report by the city's engineering office shows.",
         "the city's engineering office", "Primary document"),
        ("The warehouse held wheat from the Kalvor region, according to shipping records.",
         "shipping records", "Primary document"),
        ("On an average day, 38 percent of meals were not served, according to the audit.",
         "the audit", "Primary document"),
        ("The firm was fined twice in 2024, court records show.",
         "court records", "Primary document"),
    ],
)
def test_a_citation_of_evidence_suggests_sourced(text: str, hint: str, reason: str) -> None:
    found = suggest(text, "claim", "body")
    assert (found.status, found.reason, found.basis) == ("sourced", reason, "cited")
    assert found.source_hint == hint
    assert found.excerpt in text
    assert found.because.startswith(f"suggested because: the article cites {hint}")


@pytest.mark.parametrize(
    "text",
    ["The comments were not the first time Trump said the election was stolen.",
     "What the mayor had promised was never what residents said they wanted."])
def test_a_clause_before_said_is_no_one_to_check_with(text: str) -> None:
    found = suggest(text, "claim", "body")
    assert found.source_hint is None or " was " not in f" {found.source_hint} "
    assert found.source_hint is None or " not " not in f" {found.source_hint} "


def test_a_marker_wins_over_an_attribution_and_keeps_the_speaker() -> None:
    found = suggest("Sven Kowalczyk claimed without evidence that the alarms were off.",
                    "claim", "body")
    assert found.status == "unverified"
    assert found.source_hint == "Sven Kowalczyk"


@pytest.mark.parametrize(
    ("kind", "role", "reason"),
    [
        ("not-a-claim", "headline", "Headline or heading"),
        ("not-a-claim", "heading", "Headline or heading"),
        ("not-a-claim", "caption", "Caption or credit"),
        ("not-a-claim", "credit", "Caption or credit"),
        ("not-a-claim", "furniture", "Page furniture"),
        ("not-a-claim", "advertisement", "Page furniture"),
        ("not-a-claim", "question", "Question"),
        ("not-a-claim", "opinion", "Opinion"),
        ("outside-body", "body", "Page furniture"),
    ],
)
def test_not_a_claim_first(kind: str, role: str, reason: str) -> None:
    found = suggest("The port said, without evidence, that 4 ships sank.", kind, role)
    assert (found.status, found.reason) == ("not-a-claim", reason)
    assert found.markers == ()


def test_plain_claim_has_no_suggestion() -> None:
    found = suggest("The council voted 6-3 on Tuesday.", "claim", "body")
    assert found == Suggestion(None, None, None, (), "")
    assert suggest("The bridge carries 31,000 vehicles.", "duplicate", "body").status is None


def test_every_reason_is_a_preset_label() -> None:
    presets = {item["label"] for items in json.loads(REASONS.read_text())["reasons"].values()
               for item in items}
    texts = ["without evidence", "declined to comment", "did not respond", "allegedly",
             "on condition of anonymity", "X said so.", "according to data from the board",
             "a report by the auditor shows", "a request for it is pending"]
    for text in texts:
        reason = suggest(f"The board, {text}, met.", "claim", "body").reason
        assert reason is None or reason in presets
    from claimledger.text.suggest import ROLE_REASONS
    assert set(ROLE_REASONS.values()) <= presets


def test_as_json() -> None:
    found = suggest("Pryce did not respond to a request for comment.", "claim", "body")
    assert found.as_json() == {
        "status": "unverified", "reason": "Did not respond", "source_hint": "Pryce",
        "markers": ["did not respond"],
        "because": "suggested because: 'did not respond'", "basis": None, "excerpt": None,
    }


def test_quotation_goes_on_with_its_speaker() -> None:
    statements = [
        ('"We have patched this tunnel for twenty years," Mayor Ines Calloway told reporters.',
         "claim", "body"),
        ('"Either drivers pay for it or everybody pays for it."', "claim", "body"),
        ("Board chair Rosa Delacroix said the board accepted the findings.", "claim", "body"),
        ('"We should have caught this years ago," she said.', "claim", "body"),
    ]
    found = suggest_all(statements)
    assert found[0].source_hint == "Mayor Ines Calloway"
    assert (found[1].status, found[1].basis, found[1].source_hint) == (
        "unverified", "attributed", "Mayor Ines Calloway")
    assert found[3].source_hint == "Rosa Delacroix"


def test_a_participle_after_a_determiner_is_not_a_speaker():
    text = ("CARROWFIELD — Insurers have stopped writing flood cover, leaving an estimated "
            "8,700 households facing premiums they say they cannot afford, according to "
            "figures compiled by the regional consumer council.")
    found = suggest(text, "claim", "body")
    assert found.status == "sourced"
    assert found.source_hint == "the regional consumer council"
    assert "leaving an" not in found.because
