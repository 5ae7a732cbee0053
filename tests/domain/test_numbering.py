"""Statement numbers that stay put (domain/numbering.py)."""

from __future__ import annotations

from claimledger.domain.numbering import NumberedSpan, statement_numbers


def imported(id_, start, end):
    return NumberedSpan(id_, start, end, imported=True)


def by_hand(id_, start, end):
    return NumberedSpan(id_, start, end, imported=False)


def test_imported_statements_are_numbered_in_text_order_retired_ones_included():
    spans = [imported("c", 40, 60), imported("a", 0, 20), imported("b", 20, 40)]
    assert statement_numbers(spans) == {"a": "1", "b": "2", "c": "3"}


def test_claims_by_hand_take_the_number_they_start_in_with_a_letter():
    spans = [imported("a", 0, 20), imported("b", 20, 40), imported("c", 40, 60),
             by_hand("b2", 30, 35), by_hand("b1", 22, 28), by_hand("c1", 45, 50)]
    assert statement_numbers(spans) == {"a": "1", "b": "2", "c": "3", "b1": "2a",
                                        "b2": "2b", "c1": "3a"}


def test_text_before_the_first_statement_counts_as_the_first():
    assert statement_numbers([imported("a", 10, 20), by_hand("x", 0, 5)])["x"] == "1a"
    assert statement_numbers([by_hand("x", 0, 5)]) == {"x": "0a"}


def test_many_claims_in_one_statement_go_on_past_z():
    spans = [imported("a", 0, 1000)] + [by_hand(f"h{n:02}", n * 10, n * 10 + 5)
                                        for n in range(28)]
    numbers = statement_numbers(spans)
    assert (numbers["h00"], numbers["h25"], numbers["h26"], numbers["h27"]) == \
        ("1a", "1z", "1aa", "1ab")

