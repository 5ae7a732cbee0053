"""Check-worthiness: a score with its reasons; nothing for statements that are not claims."""

from __future__ import annotations

from claimledger.text.checkworthy import checkworthiness
from claimledger.text.suggest import suggest


def test_figures_names_and_comparisons_score_high() -> None:
    text = ("Elsmere recorded 1,240 measles cases in April, up from 610 in March, "
            "the state health department said.")
    found = checkworthiness(text, "claim", "body")
    assert found.score >= 0.8
    assert {"a figure", "a comparison or superlative", "a time reference",
            "an attribution"} <= set(found.reasons)


def test_causal_claim_is_a_reason() -> None:
    found = checkworthiness("Health officials blame a drop in vaccination for the outbreak "
                            "because clinics closed.", "claim", "body")
    assert "a causal claim" in found.reasons


def test_vague_statement_scores_low() -> None:
    found = checkworthiness("The meeting is open to the public.", "claim", "body")
    assert found.score < 0.5


def test_not_claims_score_zero() -> None:
    for kind, role in [("not-a-claim", "headline"), ("duplicate", "body"),
                       ("outside-body", "body"), ("not-a-claim", "opinion")]:
        found = checkworthiness("Exports rose 18 percent to 4.6 million tonnes.", kind, role)
        assert (found.score, found.reasons) == (0.0, ())


def test_silence_is_not_worth_much() -> None:
    text = "Halden Agri declined to comment on the value of the lost grain."
    alone = checkworthiness(text, "claim", "body")
    given = checkworthiness(text, "claim", "body", suggestion=suggest(text, "claim", "body"))
    assert alone.score < 0.5 and given.score < 0.5
    assert "about a source's silence (halved)" in given.reasons


def test_score_is_bounded() -> None:
    text = ("The largest rise since 1999 was caused by 4,900 cases in April, 30% more than "
            "in March, according to Dr. Amara Osei of the Public Health Agency.")
    assert 0.0 <= checkworthiness(text, "claim", "body").score <= 1.0
