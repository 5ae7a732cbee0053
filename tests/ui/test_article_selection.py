"""The article and the ledger follow each other, in UTF-16 units past an emoji."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_helpers import import_pasted, settle

from claimledger.domain.status import Status

EMOJI_ARTICLE = ("Fans 😀 cheered as the bridge 🌉 reopened.\n\n"
                 "The bridge is 94 years old. It carries 38,400 vehicles a day.\n")


def claim_containing(window, words):
    model = window.ledger_model
    return next(model.claim_at(r) for r in range(model.rowCount())
                if words in model.claim_at(r).text)


def test_selecting_a_row_outlines_the_statement_in_utf16_units(qtbot, window):
    import_pasted(qtbot, window, EMOJI_ARTICLE, "Emoji test")
    claim = claim_containing(window, "94 years old")
    window.ledger_view.select_claim(claim.id)

    offsets = window.article_view.offsets
    expected = offsets.span_to_utf16(claim.start, claim.end)
    assert expected[0] == claim.start + 2  # two emoji, two extra code units each
    assert window.article_view.outline_span() == expected
    selections = window.article_view.extraSelections()
    assert selections[-1].cursor.selectedText() == claim.text  # the outline, drawn last
    assert window.inspector.text_label.text() == claim.text


def test_clicking_a_statement_selects_its_ledger_row(qtbot, window):
    import_pasted(qtbot, window, EMOJI_ARTICLE, "Emoji test")
    target = claim_containing(window, "38,400 vehicles")
    view = window.article_view
    middle = view.offsets.to_utf16((target.start + target.end) // 2)
    cursor = view.textCursor()
    cursor.setPosition(middle)
    point = view.cursorRect(cursor).center()

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)

    assert window.ledger_view.current_claim_id() == target.id
    assert window.claim_id == target.id
    assert view.outline_span() == view.offsets.span_to_utf16(target.start, target.end)


def test_marking_after_an_emoji_tints_exactly_the_statement(qtbot, window, workspace):
    import_pasted(qtbot, window, EMOJI_ARTICLE, "Emoji test")
    claim = claim_containing(window, "94 years old")
    window.review.select_claim(claim.id)
    window.review.mark(Status.SOURCED)
    settle(qtbot, window)
    view = window.article_view
    start, end = view.offsets.span_to_utf16(claim.start, claim.end)
    tint = Status.SOURCED.style.tint
    assert view.format_at(start).background().color().name() == tint
    assert view.format_at(end - 1).background().color().name() == tint
    assert view.format_at(end).background().style() == Qt.BrushStyle.NoBrush
    assert view.format_at(start - 1).background().style() == Qt.BrushStyle.NoBrush
