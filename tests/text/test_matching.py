"""Paraphrase matching: normalisation, similarity, thresholds, the incremental index."""

from __future__ import annotations

import pytest

from claimledger.text import matching
from claimledger.text.matching import (
    LINK,
    SUGGEST,
    MatchIndex,
    claim_features,
    lookup_tokens,
    normalise_for_matching,
    similarity,
    token_key,
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


def test_token_keys_are_stable_signed_32_bit_integers() -> None:
    keys = {token_key(t) for t in ("brenholt", "212", "#case||April", "pipe", "pipes")}
    assert len(keys) == 5
    assert all(-(1 << 31) <= key < 1 << 31 for key in keys)
    # stored in every workspace's index: a change must come with a new ANALYSIS_VERSION
    assert token_key("brenholt") == -786_879_465


def test_lookup_skips_tokens_above_the_cut_off_but_keeps_rarer_ones() -> None:
    features = claim_features("The Brenholt water board counted 212 leaking pipes.")
    sizes = dict.fromkeys(features.weights, 5)
    sizes["water"] = matching.DF_CUTOFF + 1
    chosen = lookup_tokens(features, sizes)
    assert "water" not in chosen and "212" in chosen and "brenholt" in chosen


def test_index_reads_at_most_posting_cap_postings_per_token(monkeypatch) -> None:
    monkeypatch.setattr(matching, "POSTING_CAP", 2)
    index = MatchIndex()
    for n in range(5):
        index.add(f"a{n}", [(f"a{n}c", "The Harbour Tunnel carries 42,000 vehicles a day.")])
    found = index.add("new", [("x", "Some 42,000 vehicles use the Harbour Tunnel each day.")])
    assert sorted(m.other_article_id for m in found) == ["a3", "a4"]  # the newest two


TARGET = "Stephen Varga and Tom Hollis set an ambitious target of 1 million deportations a year."
GOAL = ("The president's goal is to deport one million people every year of his term, "
        "the White House said.")


def test_the_same_target_in_other_words_is_linked_and_says_why() -> None:
    assert similarity(TARGET, GOAL) >= LINK
    why = matching.explain(TARGET, GOAL)
    assert "the same figure (1,000,000 removals per year)" in why
    assert "the same predicate (target/goal)" in why


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same target per another period
        ("Officials set a target of 1 million deportations a year.",
         "Officials set a target of 1 million deportations a month."),
        # nothing in common but a city name and the word immigration
        ("Immigration arrests in Chicago rose sharply last month, the city said.",
         "Chicago officials said immigration raids had frightened families."),
    ],
)
def test_no_link_for_another_period_or_nothing_but_a_place_in_common(a: str, b: str) -> None:
    assert similarity(a, b) < LINK


def test_common_words_weigh_less_than_rare_ones() -> None:
    assert matching.word_weight("year") < matching.word_weight("target") < \
        matching.word_weight("deport")


def test_the_same_target_said_by_different_people_is_linked_but_not_in_different_states() -> None:
    officials = ("Miller and Homan set an ambitious target of 1 million deportations a year, "
                 "according to people familiar with the plan.")
    president = ("The president has said his goal is to remove one million people from the "
                 "country each year of his term.")
    assert similarity(officials, president) >= LINK
    assert similarity("Texas has set a target of 1 million deportations a year, Abbott said.",
                      "Florida has set a target of 1 million deportations a year, "
                      "DeSantis said.") < LINK
