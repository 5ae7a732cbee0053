"""Placing a quote again in a changed text: exact, repeated, edited, absent, emoji."""

from __future__ import annotations

from claimledger.text.anchoring import MIN_QUOTE_SCORE, Anchorer, Quote, snapped

OLD = ("The council voted 6-3 to close the branch. Visits fell 38 percent since 2019 📉. "
       "The director disputed the figure. Visits fell 38 percent since 2019 📉, he said.")


def test_an_unchanged_quote_is_found_exactly_where_it_was():
    start = OLD.index("The director")
    quote = Quote.of(OLD, start, start + len("The director disputed the figure."))
    anchor = Anchorer(OLD).locate(quote)
    assert (anchor.start, anchor.end, anchor.exact) == (quote.start, quote.start + 33, True)


def test_a_repeated_quote_goes_where_its_context_matches():
    second = OLD.rindex("Visits fell")
    quote = Quote.of(OLD, second, second + len("Visits fell 38 percent since 2019 📉"))
    moved = "Opening line 🎉. " + OLD
    anchor = Anchorer(moved).locate(Quote(quote.exact, quote.prefix, quote.suffix, None))
    assert anchor.start == moved.rindex("Visits fell") and anchor.exact


def test_an_edited_quote_is_placed_over_its_new_words():
    start = OLD.index("The director")
    quote = Quote.of(OLD, start, start + 33)
    new = OLD.replace("The director disputed the figure.",
                      "The library director strongly disputed the figure.")
    anchor = Anchorer(new).locate(quote)
    assert new[anchor.start:anchor.end] == "The library director strongly disputed the figure."
    assert MIN_QUOTE_SCORE <= anchor.quote_score < 1


def test_a_quote_with_nothing_like_it_is_not_placed():
    assert Anchorer(OLD).locate(Quote("Ambulance response times doubled in March.")) is None
    assert Anchorer(OLD).locate(Quote("   ")) is None


def test_offsets_are_code_points_around_emoji():
    text = "😀😀😀 Prices rose 🥐 4% in May. 🇮🇪 Rents fell."
    new = "🎉" + text
    start = text.index("Rents")
    anchor = Anchorer(new).locate(Quote.of(text, start, len(text)))
    assert new[anchor.start:anchor.end] == "Rents fell." and anchor.start == start + 1


def test_a_placed_span_snaps_to_the_statement_it_nearly_covers():
    assert snapped(10, 49, [(0, 9), (10, 50), (51, 80)]) == (10, 50)
    assert snapped(10, 20, [(0, 9), (10, 50)]) == (10, 20)
    assert snapped(5, 30, [(0, 9), (10, 50)]) == (5, 30)


def test_the_words_that_changed_are_marked_in_both_wordings():
    from claimledger.text.revisions import marked_changes

    before, after = marked_changes("Traffic grew 12 percent to 31,000 cars 📈.",
                                   "Traffic grew 14 percent to 31,500 cars a day 📈.")
    assert before == "Traffic grew ⟦12⟧ percent to ⟦31,000⟧ cars 📈."
    assert after == "Traffic grew ⟦14⟧ percent to ⟦31,500⟧ cars ⟦a day⟧ 📈."
