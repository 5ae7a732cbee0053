"""Figures with unit, count and period; clashing figures."""

from __future__ import annotations

import pytest

from claimledger.text.clashes import find_clashes
from claimledger.text.numbers import extract_numbers, word_number


@pytest.mark.parametrize(
    ("text", "value", "unit", "counts"),
    [
        ("The bridge carries 31,000 vehicles a day.", 31_000, None, "vehicles a day"),
        ("Growth slowed to 3.5 percent.", 3.5, "percent", None),
        ("Prices rose 18%.", 18, "percent", None),
        ("It will cost $212 million.", 212_000_000, "USD", None),
        ("About one million homes lost power.", 1_000_000, None, "homes"),
        ("Exports reached 4.6 million tonnes of grain.", 4_600_000, "tonnes", "grain"),
        ("Some 1,240 measles cases were recorded.", 1_240, None, "measles cases"),
        ("Two-thirds of voters agreed.", 2 / 3, "fraction", None),
        ("It took eleven hours.", 11, "hours", None),
        ("18.6 percent of patients left.", 18.6, "percent", "patients"),
    ],
)
def test_extract(text: str, value: float, unit: str | None, counts: str | None) -> None:
    found = extract_numbers(text)
    assert len(found) == 1, found
    quantity = found[0]
    assert quantity.value == pytest.approx(value)
    assert (quantity.unit, quantity.counts) == (unit, counts)
    assert text[quantity.start:quantity.end] == quantity.text


@pytest.mark.parametrize(
    "text",
    ["The council met on March 14, 2026.", "The vote was 5-4.", "They met at 9 p.m.",
     "It was No. 3 of the queue.", "She arrived at 8:15.", "It was the 11th time.",
     "In 2024, the port closed.", "One of the nurses left."],
)
def test_not_quantities(text: str) -> None:
    assert extract_numbers(text) == []


def test_word_numbers() -> None:
    assert word_number("one million") == 1_000_000
    assert word_number("twenty-five") == 25
    assert word_number("two hundred and five") == 205
    assert word_number("three thousand four hundred") == 3_400


def test_period_is_the_one_nearest_the_figure_and_not_the_dateline() -> None:
    text = "VELDRA, May 6 (Wire) - Elsmere state recorded 1,240 cases in April."
    (quantity,) = extract_numbers(text)
    assert quantity.scope == "April"
    assert quantity.level == "part"


def _items(*texts: str) -> list[tuple[str, str, list]]:
    return [(f"c{i}", text, extract_numbers(text)) for i, text in enumerate(texts)]


def test_part_exceeding_the_whole_clashes() -> None:
    clashes = find_clashes(_items(
        "The agency counted 1,150 cases across the country in March.",
        "The state health department put its own March count at 1,180 cases.",
    ))
    assert len(clashes) == 1
    assert "exceeds the national" in clashes[0].explanation
    assert "1,180" in clashes[0].explanation and "1,150" in clashes[0].explanation


def test_same_quantity_with_two_values_clashes() -> None:
    clashes = find_clashes(_items(
        "Elsmere state recorded 1,240 measles cases in April.",
        "Elsmere's health department reported 980 cases in April.",
    ))
    assert [(c.claim_id, c.other_claim_id) for c in clashes] == [("c0", "c1")]
    assert "1,240 here vs 980 in c1" in clashes[0].explanation


@pytest.mark.parametrize(
    "texts",
    [
        # different places
        ("In Lowmere, 64 cases were reported in April.",
         "Elsmere's health department reported 980 cases in April."),
        # rounding: "about 1.2 million" and 1,240,000 agree
        ("Elsmere counted about 1.2 million visitors in April.",
         "Elsmere counted 1,240,000 visitors in April."),
        # different months
        ("Elsmere recorded 1,240 cases in April.", "Elsmere recorded 1,180 cases in March."),
        # a part below its whole
        ("Nationally, 4,900 cases were reported in April.",
         "Elsmere state recorded 1,240 cases in April."),
    ],
)
def test_no_clash(texts: tuple[str, str]) -> None:
    assert find_clashes(_items(*texts)) == []


def test_focus_compares_only_pairs_with_a_focused_claim(monkeypatch) -> None:
    from claimledger.text import clashes

    items = _items(*(f"Elsmere state recorded {1041 + 37 * i:,} measles cases in April."
                     for i in range(8)))
    assert len(find_clashes(items)) == 28  # every pair of the eight
    compared = []
    real = clashes._clash

    def counting(*args):  # type: ignore[no-untyped-def]
        compared.append(args[-1])
        return real(*args)

    monkeypatch.setattr(clashes, "_clash", counting)
    clashes = find_clashes(items, focus={"c0"})
    assert sorted(c.other_claim_id for c in clashes) == [f"c{i}" for i in range(1, 8)]
    assert len(compared) == 7  # not the 21 pairs the others make among themselves


# --- families of counted things, totals and parts -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Immigration officers removed 41,300 people from the country in June.",
        "The agency carried out 41,300 removals in June.",
        "Some 41,300 deportations were recorded in June.",
        "Judges saw 41,300 people ordered removed in June.",
        "In June, 41,300 migrants were deported, the agency said.",
    ],
)
def test_removals_deportations_and_people_ordered_removed_are_one_family(text: str) -> None:
    (quantity,) = [q for q in extract_numbers(text) if q.value == 41_300]
    assert quantity.family == "removal"


def test_other_counts_keep_their_own_family() -> None:
    (arrests,) = extract_numbers("Police made 1,900 arrests in June.")
    (money,) = extract_numbers("The city spent $4 million on overtime in June.")
    assert arrests.family == "arrest"
    assert money.family != "removal"


def test_a_state_count_of_removals_above_the_national_count_of_people_ordered_removed() -> None:
    clashes = find_clashes(_items(
        "Texas alone carried out 18,250 removals in June, state officials said.",
        "Nationwide, immigration judges saw 1,520 people ordered removed in June.",
    ))
    assert len(clashes) == 1
    assert "a part exceeds the whole" in clashes[0].explanation
    assert "18,250" in clashes[0].explanation and "1,520" in clashes[0].explanation


def test_the_same_count_reported_two_ways_clashes_across_nouns() -> None:
    clashes = find_clashes(_items(
        "Carvalho's office said Ostrava County recorded 2,410 deportations in May.",
        "Ostrava County carried out 3,150 removals in May, Carvalho said.",
    ))
    assert len(clashes) == 1 and "2,410 here vs 3,150" in clashes[0].explanation


def test_parts_above_their_total_are_flagged_on_the_statement_itself() -> None:
    text = ("Of the 1,200 removals in May, 700 were of people from Brenovia and 650 of "
            "people from Ostland.")
    (clash,) = find_clashes(_items(text))
    assert (clash.claim_id, clash.other_claim_id) == ("c0", "c0")
    assert "700 + 650 = 1,350" in clash.explanation and "1,200" in clash.explanation


def test_a_breakdown_naming_the_rest_must_add_up() -> None:
    text = ("Of the 900 jobs cut this year, 400 were at the Halden plant, 200 at its "
            "depot and the remaining 150 at head office.")
    (clash,) = find_clashes(_items(text))
    assert "differs from the sum of its parts" in clash.explanation
    assert "= 750, not 900" in clash.explanation


@pytest.mark.parametrize(
    "texts",
    [
        # parts that add up, and a partial breakdown ("including") below its total
        ("Of the 1,200 removals in May, 700 were from Brenovia and 500 from Ostland.",),
        ("The fund paid 90 grants, including 30 to farms and 25 to schools.",),
        ("Of the 900 jobs cut this year, 400 were at the plant and 200 at the depot.",),
        # a range is not two parts
        ("Of the 10 largest cities, 7 saw crime fall by 5 to 10 percent last year.",),
        # a state's removals below the nation's, and a different month
        ("Texas carried out 1,250 removals in June.",
         "Nationwide, 41,000 people were ordered removed in June."),
        ("Texas carried out 18,250 removals in June.",
         "Nationwide, 1,520 people were ordered removed in May."),
        # removals and arrests are not one count
        ("Texas carried out 18,250 removals in June.",
         "Nationwide, police made 1,520 arrests in June."),
        # a state's rate above the national rate is no part exceeding its whole
        ("In Texas, 7 percent of workers were unemployed in June.",
         "Nationally, 4 percent of workers were unemployed in June."),
    ],
)
def test_no_false_flag(texts: tuple[str, ...]) -> None:
    assert find_clashes(_items(*texts)) == []


def test_parts_of_different_places_adding_up_to_more_than_the_whole_are_flagged() -> None:
    clashes = find_clashes(_items(
        "Nationwide, 30,250 people were ordered removed in June.",
        "Texas carried out 18,040 removals in June.",
        "Florida deported 15,520 people in June, state officials said.",
    ))
    assert sorted((c.claim_id, c.other_claim_id) for c in clashes) == [("c0", "c1"),
                                                                        ("c0", "c2")]
    assert "Florida 15,520 + Texas 18,040 = 33,560" in clashes[0].explanation
    assert "above the national 30,250 people for June" in clashes[0].explanation


def test_parts_of_different_places_within_the_whole_are_not_flagged() -> None:
    assert find_clashes(_items(
        "Nationwide, 40,000 people were ordered removed in June.",
        "Texas carried out 18,040 removals in June.",
        "Florida deported 15,520 people in June, state officials said.",
    )) == []
