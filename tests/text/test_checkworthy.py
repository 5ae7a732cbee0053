"""Check-worthiness: a learned score with its reasons; nothing for statements that are
not claims."""

from __future__ import annotations

import json

from claimledger.resources import resource
from claimledger.text.checkworthy import (
    MAX_REASONS,
    WEIGHTS_FILE,
    Ranker,
    checkworthiness,
    features,
    load_ranker,
    shipped_ranker,
)
from claimledger.text.suggest import suggest

FIGURES = ("Elsmere recorded 1,240 measles cases in April, up from 610 in March, "
           "the state health department said.")


def test_a_sourced_figure_outranks_a_vague_statement() -> None:
    found = checkworthiness(FIGURES, "claim", "body")
    vague = checkworthiness("The meeting is open to the public.", "claim", "body")
    assert found.score > vague.score
    assert found.score >= 0.5


def test_reasons_are_the_features_that_raise_the_score_most() -> None:
    ranker = Ranker(-1.0, {"figure": 2.0, "time": 0.5, "w:cases": 1.0, "w:the": -0.3})
    found = checkworthiness(FIGURES, "claim", "body", ranker=ranker)
    assert found.reasons == ("a figure", "the words \u2018cases\u2019", "a time reference")
    assert found.score == 0.9  # logistic of -1 + 2 + 1 + 0.5 - 0.3


def test_score_is_the_logistic_of_the_weights_a_statement_has() -> None:
    ranker = Ranker(-2.0, {"figure": 2.0})
    assert checkworthiness("They sold 40 tonnes of grain to the mill.", "claim", "body",
                           ranker=ranker).score == 0.5
    assert checkworthiness("They sold grain to the mill last spring.", "claim", "body",
                           ranker=ranker).score == 0.12


def test_no_more_reasons_than_the_limit_and_none_that_lower_the_score() -> None:
    ranker = Ranker(0.0, {f: -1.0 for f in features(FIGURES)})
    assert checkworthiness(FIGURES, "claim", "body", ranker=ranker).reasons == ()
    ranker = Ranker(0.0, {f: 1.0 for f in features(FIGURES)})
    assert len(checkworthiness(FIGURES, "claim", "body", ranker=ranker).reasons) == MAX_REASONS


def test_words_and_figures_are_features() -> None:
    found = features("Taxes rose 4.5% in 2019.")
    assert {"figure", "percent", "w:taxes", "b:rose 0", "w:0"} <= set(found)


def test_causal_claim_is_a_feature() -> None:
    assert "causal" in features("Health officials blame a drop in vaccination for the "
                                "outbreak because clinics closed.")


def test_not_claims_score_zero() -> None:
    for kind, role in [("not-a-claim", "headline"), ("duplicate", "body"),
                       ("outside-body", "body"), ("not-a-claim", "opinion")]:
        found = checkworthiness("Exports rose 18 percent to 4.6 million tonnes.", kind, role)
        assert (found.score, found.reasons) == (0.0, ())


def test_silence_is_a_feature_when_the_suggestion_says_so() -> None:
    text = "Halden Agri declined to comment on the value of the lost grain."
    assert "silence" in features(text, suggestion=suggest(text, "claim", "body"))
    assert "silence" in features(text)


def test_score_is_bounded() -> None:
    text = ("The largest rise since 1999 was caused by 4,900 cases in April, 30% more than "
            "in March, according to Dr. Amara Osei of the Public Health Agency.")
    assert 0.0 <= checkworthiness(text, "claim", "body").score <= 1.0


def test_shipped_weights_are_small_and_say_what_they_were_trained_on() -> None:
    ranker = shipped_ranker()
    assert 0 < len(ranker.weights) <= 5000
    assert "figure" in ranker.weights
    trained_on = json.loads(resource(WEIGHTS_FILE).read_text(encoding="utf-8"))["trained_on"]
    assert "ClaimBuster" in trained_on and "CC BY 4.0" in trained_on  # the licence's credit
    assert "zenodo.3609356" in trained_on and "devset" in trained_on


def test_a_weights_file_is_read_back(tmp_path) -> None:
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({"bias": -1.5, "weights": {"figure": 1.5}}), encoding="utf-8")
    assert load_ranker(path) == Ranker(-1.5, {"figure": 1.5})
