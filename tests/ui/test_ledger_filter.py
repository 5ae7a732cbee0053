"""The filter bar: status chips with counts, "No source yet", "Has a note", text; J/K
stay inside the shown rows."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from window_helpers import HARBOUR, activate, apply_changes, import_through_window, press

from claimledger.domain.records import ClaimView
from claimledger.domain.status import Status
from claimledger.ui.kit.ledger_filter import HAS_NOTE, NO_SOURCE, LedgerFilter, RowIndex
from claimledger.ui.views.ledger_model import NUMBER, LedgerModel


def shown(window) -> list[ClaimView]:
    model = window.ledger_model
    model.ensure_loaded(model.total_rows())
    return [model.claim_at(r) for r in range(model.total_rows())]


def prepare(qtbot, window, workspace):
    import_through_window(qtbot, window, [HARBOUR])
    # headlines, bylines, credits and ads are hidden by default: walk the claims
    claims = [c for c in workspace.claims(window.article_id) if c.kind == "claim"]
    for n, status in ((2, Status.DISPUTED), (5, Status.DISPUTED), (7, Status.SOURCED)):
        apply_changes(window, workspace.mark(claims[n].id, status))
    apply_changes(window, workspace.set_note(claims[5].id, "Ask the council"))
    _sid, changes = workspace.add_source(claims[7].id, url="https://example.org/x")
    apply_changes(window, changes)
    return claims


def test_disputed_chip_shows_only_disputed_rows_with_right_counts(qtbot, window, workspace,
                                                                  artifacts):
    claims = prepare(qtbot, window, workspace)
    bar = window.review.filter_bar
    chip = bar.status_chips[Status.DISPUTED]
    assert chip.text() == "Disputed  2"
    assert bar.status_chips[Status.SOURCED].text() == "Sourced  1"
    assert bar.status_chips[Status.UNREVIEWED].text() == f"Unreviewed  {len(claims) - 3}"
    assert bar.flag_chips["no_source"].text() == f"No source yet  {len(claims) - 1}"
    assert bar.flag_chips["has_note"].text() == "Has a note  1"

    chip.click()
    assert [c.id for c in shown(window)] == [claims[2].id, claims[5].id]
    model = window.ledger_model
    number = [c.id for c in workspace.claims(window.article_id)].index(claims[5].id) + 1
    assert model.data(model.index(1, NUMBER)) == str(number)  # its number in the ledger
    assert bar.shown_label.text() == f"2 of {len(claims)}"
    assert "Disputed, 2 statements, on" == chip.accessibleName().removeprefix("Filter: ")
    window.right_splitter.grab().save(str(artifacts / "filter_bar_disputed.png"))

    activate(qtbot, window)
    window.ledger_view.setFocus()
    window.review.select_claim(claims[2].id)
    press(qtbot, Qt.Key.Key_J)
    assert window.claim_id == claims[5].id
    press(qtbot, Qt.Key.Key_J)
    assert window.claim_id == claims[5].id  # the last shown row
    press(qtbot, Qt.Key.Key_K)
    assert window.claim_id == claims[2].id

    press(qtbot, Qt.Key.Key_1)  # marked sourced: stays shown until the filter changes
    assert bar.status_chips[Status.DISPUTED].text() == "Disputed  1"
    assert window.ledger_model.total_rows() == 2
    chip.click()
    assert window.ledger_model.total_rows() == len(claims)
    assert window.claim_id == claims[2].id
    assert window.ledger_view.current_claim_id() == claims[2].id


def test_no_source_and_has_a_note_and_text(qtbot, window, workspace):
    claims = prepare(qtbot, window, workspace)
    bar = window.review.filter_bar
    bar.flag_chips["has_note"].click()
    assert [c.id for c in shown(window)] == [claims[5].id]
    bar.flag_chips["has_note"].click()
    bar.status_chips[Status.SOURCED].click()
    bar.status_chips[Status.DISPUTED].click()
    assert len(shown(window)) == 3
    bar.flag_chips["no_source"].click()
    assert [c.id for c in shown(window)] == [claims[2].id, claims[5].id]
    bar.clear()
    assert len(shown(window)) == len(claims)

    qtbot.keyClicks(bar.text, "ASK THE")
    qtbot.waitUntil(lambda: window.ledger_model.total_rows() == 1, timeout=3000)
    assert shown(window)[0].id == claims[5].id
    window.actions["clear_filter"].trigger()
    assert bar.text.text() == ""
    assert window.ledger_model.total_rows() == len(claims)


def test_ctrl_f_focuses_the_text_filter(qtbot, window, workspace):
    import_through_window(qtbot, window, [HARBOUR])
    activate(qtbot, window)
    window.ledger_view.setFocus()
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.review.filter_bar.text.hasFocus()
    press(qtbot, Qt.Key.Key_Escape)
    assert window.ledger_view.hasFocus()


def rows_of(n):
    statuses = list(Status)
    return [ClaimView(f"c{i}", "a", i, i + 1, f"Statement {i}", "claim", "body", "auto",
                      status=statuses[i % 5], note="n" if i % 3 == 0 else None,
                      supports=1 if i % 4 == 0 else 0) for i in range(n)]


def test_row_index_counts_and_filters_without_widgets():
    claims = rows_of(20)
    index = RowIndex(list(claims))
    assert index.count(Status.SOURCED) == 4
    assert index.count(HAS_NOTE) == 7
    assert index.count(NO_SOURCE) == 15
    wanted = LedgerFilter(frozenset({Status.SOURCED}), has_note=True)
    assert index.rows(wanted) == [i for i in range(20) if i % 5 == 1 and i % 3 == 0]
    assert index.rows(LedgerFilter(text="statement 1")) == [1]
    assert index.rows(LedgerFilter(text="statement 1*")) == [1, *range(10, 20)]
    index.replace(1, replace(claims[1], status=Status.DISPUTED, note="x"))
    assert index.count(Status.SOURCED) == 3 and index.count(HAS_NOTE) == 8
    assert LedgerFilter().toggled(Status.SOURCED).toggled(Status.SOURCED) == LedgerFilter()


def test_the_model_finds_hidden_rows_and_keeps_numbers(qapp):
    model = LedgerModel()
    model.set_claims(rows_of(100_000))
    model.set_filter(LedgerFilter(frozenset({Status.DISPUTED})))
    assert model.total_rows() == 20_000
    assert model.claim_at(0).id == "c2"
    assert model.row_of("c7") == 1 and model.row_of("c1") is None
    assert model.find("c1").id == "c1"
    model.ensure_loaded(19_999)
    assert model.data(model.index(19_999, NUMBER)) == "99998"


def test_the_text_filter_matches_whole_words_or_prefixes():
    """'ICE' is the agency, not the middle of 'office'; 'insur*' is every form."""
    texts = ["ICE agents detained 40 people.", "The office did not respond.",
             "Insurers pulled back.", "The insurance council met.", "Rates rose 3.5%."]
    index = RowIndex([ClaimView(f"c{i}", "a", i, i + 1, text, "claim", "body", "auto")
                      for i, text in enumerate(texts)])
    assert index.rows(LedgerFilter(text="ICE")) == [0]
    assert index.rows(LedgerFilter(text="insur*")) == [2, 3]
    assert index.rows(LedgerFilter(text="insur")) == []
    assert index.rows(LedgerFilter(text="council insur*")) == [3]
    assert index.rows(LedgerFilter(text="3.5%")) == [4]
