"""Paraphrase matching: normalisation, similarity, thresholds, the incremental index."""

from __future__ import annotations

import pytest

from claimledger.text.matching import (
    LINK,
    SUGGEST,
    MatchIndex,
    normalise_for_matching,
    similarity,
)


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("One million people", "1000000 people"),
        ("1,000,000 people", "1000000 people"),
        ("1 million people", "1000000 people"),
        ("Growth of 3.5%", "growth of 3.5 percent"),
        ("Growth of 3.5 percent.", "growth of 3.5 percent"),
        ("It cost $212 million!", "it cost usd 212000000"),
        ("The U.S. port's “new” fees", "the u s port new fees"),
    ],
)
def test_normalise(text: str, normal: str) -> None:
    assert normalise_for_matching(text) == normal


def test_thresholds() -> None:
    assert 0 < SUGGEST < LINK < 1


def test_paraphrase_with_number_words_is_similar() -> None:
    a = "About one million homes and businesses lost power on Monday as Storm Ilse hit."
    b = "On Monday 1,000,000 homes and businesses lost power when Storm Ilse hit."
    assert similarity(a, b) >= LINK
    assert similarity(a, a) == 1.0


def test_different_figures_never_link() -> None:
    a = "The tunnel carries about 42,000 vehicles a day, according to the city."
    b = "The tunnel carries about 18,000 vehicles a day, according to the city."
    assert similarity(a, b) < LINK


def test_different_places_never_link() -> None:
    a = "About one million people in Elsmere were left without power."
    b = "About one million people in Dunmore were left without power."
    assert similarity(a, b) < LINK


def test_unrelated_claims_are_not_suggested() -> None:
    assert similarity("The council voted 6-3 on Tuesday.",
                      "Wheat futures rose 2.1 percent in Veldra.") < SUGGEST


def test_index_is_incremental_and_symmetric() -> None:
    index = MatchIndex()
    index.add("a", [("a1", "The Harbour Tunnel carries 42,000 vehicles a day."),
                    ("a2", "The council voted 6-3 on Tuesday.")])
    assert index.matches_for("a") == []
    found = index.add("b", [("b1", "Some 42,000 vehicles use the Harbour Tunnel every day."),
                            ("b2", "Wheat futures rose 2.1 percent.")])
    assert [(m.claim_id, m.other_article_id, m.other_claim_id) for m in found] == \
        [("b1", "a", "a1")]
    back = index.matches_for("a")
    assert [(m.claim_id, m.other_claim_id) for m in back] == [("a1", "b1")]
    assert back[0].similarity == found[0].similarity
    assert back[0].linked == (back[0].similarity >= LINK)
    index.remove("b")
    assert index.matches_for("a") == [] and "b" not in index
    assert len(index) == 1


def test_re_adding_an_article_replaces_it() -> None:
    index = MatchIndex()
    index.add("a", [("a1", "The Harbour Tunnel carries 42,000 vehicles a day.")])
    index.add("b", [("b1", "The Harbour Tunnel carries 42,000 vehicles a day.")])
    index.add("b", [("b1", "Wheat futures rose 2.1 percent.")])
    assert index.matches_for("a") == []


def test_query() -> None:
    index = MatchIndex()
    index.add("a", [("a1", "The Harbour Tunnel carries 42,000 vehicles a day.")])
    assert index.query("Some 42,000 vehicles use the Harbour Tunnel each day.")[0][:2] == \
        ("a", "a1")
