"""Finer claims: words selected in the article (past an emoji) become a claim; split,
merge and retire from the context menus' actions; nested claims stay legible."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from window_helpers import activate, settle
from window_helpers import import_pasted as pasted

from claimledger.domain.status import Status

EMOJI_ARTICLE = ("Fans 😀 cheered as the bridge 🌉 reopened.\n\n"
                 "The bridge is 94 years old. It carries 38,400 vehicles a day.\n")


def import_pasted(qtbot, window, text=EMOJI_ARTICLE, title="Emoji test"):
    pasted(qtbot, window, text, title)


def select_in_article(window, words: str) -> tuple[int, int]:
    """Select `words` in the article view in UTF-16 units; returns their code points."""
    start = EMOJI_ARTICLE.index(words)
    end = start + len(words)
    offsets = window.article_view.offsets
    cursor = QTextCursor(window.article_view.document())
    cursor.setPosition(offsets.to_utf16(start))
    cursor.setPosition(offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    window.article_view.setTextCursor(cursor)
    assert cursor.selectedText() == words
    return start, end


def spans(workspace, article_id):
    return {(c.start, c.end) for c in workspace.claims(article_id)}


def test_c_makes_a_claim_of_exactly_the_selected_words(qtbot, window, workspace, artifacts):
    import_pasted(qtbot, window)
    activate(qtbot, window)
    start, end = select_in_article(window, "94 years old")
    assert window.article_view.offsets.to_utf16(start) == start + 2  # two emoji before
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_C)
    settle(qtbot, window)

    made = [c for c in workspace.claims(window.article_id) if (c.start, c.end) == (start, end)]
    assert len(made) == 1
    claim = made[0]
    assert claim.text == "94 years old" and claim.origin == "manual"
    assert window.ledger_model.row_of(claim.id) is not None
    assert window.ledger_view.current_claim_id() == claim.id
    assert window.inspector.text_label.text() == "94 years old"
    assert window.article_view.is_nested(claim.id)
    assert window.article_view.outline_span() == window.article_view.offsets.span_to_utf16(
        start, end)
    window.article_view.grab().save(str(artifacts / "finer_claim_nested.png"))


def test_c_with_no_selection_changes_nothing(qtbot, window, workspace):
    import_pasted(qtbot, window)
    activate(qtbot, window)
    before = spans(workspace, window.article_id)
    rows = window.ledger_model.total_rows()
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_C)
    assert spans(workspace, window.article_id) == before
    assert window.ledger_model.total_rows() == rows
    assert "Select some words" in window.statusBar().currentMessage()


def test_the_article_menu_offers_the_claim_actions(qtbot, window):
    import_pasted(qtbot, window)
    select_in_article(window, "cheered")
    menu = window.editing.article_menu()
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts[:4] == ["Make a Claim from Selection", "Split Statement at Cursor",
                         "Merge with Next Statement", "Retire Claim"]
    assert window.actions["make_claim"].isEnabled()
    ledger_texts = [a.text().replace("&", "") for a in window.editing.menu_of_actions(
        ("split_claim", "merge_next", "retire_claim")).actions()]
    assert ledger_texts == texts[1:4]


def claim_with(window, words):
    model = window.ledger_model
    return next(c for c in model.all_claims() if words in c.text)


def test_split_at_cursor_merge_with_next_and_retire(qtbot, window, workspace):
    import_pasted(qtbot, window)
    original = claim_with(window, "94 years old")
    window.review.select_claim(original.id)
    cut = EMOJI_ARTICLE.index("94 years old")
    cursor = window.article_view.textCursor()
    cursor.setPosition(window.article_view.offsets.to_utf16(cut))
    window.article_view.setTextCursor(cursor)

    window.actions["split_claim"].trigger()

    settle(qtbot, window)
    texts = [c.text for c in workspace.claims(window.article_id)]
    assert "The bridge is" in texts and "94 years old." in texts
    assert original.id not in {c.id for c in workspace.claims(window.article_id)}
    first = claim_with(window, "The bridge is")
    assert window.claim_id == first.id
    assert window.ledger_model.find(original.id) is None

    window.actions["merge_next"].trigger()

    settle(qtbot, window)
    assert original.id in {c.id for c in workspace.claims(window.article_id)}
    assert window.claim_id == original.id
    assert window.ledger_model.row_of(original.id) is not None

    window.actions["retire_claim"].trigger()

    settle(qtbot, window)
    live = {c.id for c in workspace.claims(window.article_id)}
    assert original.id not in live
    assert window.ledger_model.find(original.id) is None
    assert window.claim_id in live

    window.actions["undo"].trigger()

    settle(qtbot, window)
    assert original.id in {c.id for c in workspace.claims(window.article_id)}
    assert window.ledger_model.find(original.id) is not None


def test_a_verdict_on_a_finer_claim_keeps_the_parent_tint(qtbot, window, workspace):
    import_pasted(qtbot, window)
    parent = claim_with(window, "94 years old")
    window.review.select_claim(parent.id)
    window.review.mark(Status.DISPUTED)
    settle(qtbot, window)
    start, end = select_in_article(window, "94 years old")
    window.actions["make_claim"].trigger()
    settle(qtbot, window)
    view = window.article_view
    child = next(c for c in workspace.claims(window.article_id) if (c.start, c.end) == (start, end))
    inside = view.format_at(view.offsets.to_utf16(start))
    assert inside.background().color().name() == Status.DISPUTED.style.tint
    window.review.mark(Status.SOURCED)
    settle(qtbot, window)
    inside = view.format_at(view.offsets.to_utf16(start))
    outside = view.format_at(view.offsets.to_utf16(parent.start))
    assert inside.background().color().name() == Status.SOURCED.style.tint
    assert outside.background().color().name() == Status.DISPUTED.style.tint
    assert workspace.claim(child.id).status is Status.SOURCED


def shown_numbers(window) -> dict[str, str]:
    model = window.ledger_model
    return {model.claim_at(row).id: model.data(model.index(row, 0))
            for row in range(model.rowCount())}


def test_a_finer_claim_takes_its_parents_number_and_renumbers_nothing(
        qtbot, window, workspace, tmp_path):
    """The number a reviewer and an editor use for a statement does not move: a claim
    made inside statement N is "Na", the ones after keep theirs, and the PDF prints the
    same numbers as the ledger."""
    import_pasted(qtbot, window)
    activate(qtbot, window)
    window.review.filter_bar.flag_chips["not_claims"].setChecked(True)
    before = shown_numbers(window)
    parent = next(c for c in workspace.claims(window.article_id)
                  if c.text.startswith("The bridge is 94"))
    select_in_article(window, "94 years old")
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_C)
    settle(qtbot, window)

    after = shown_numbers(window)
    [made] = set(after) - set(before)
    assert after[made] == before[parent.id] + "a"
    assert {c: after[c] for c in before} == before
    window.review.mark(Status.DISPUTED)
    settle(qtbot, window)

    from pypdf import PdfReader

    pdf = tmp_path / "numbers.pdf"
    workspace.export_pdf([window.article_id], pdf)
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert f"[{after[made]}]" in text.replace(" ", "").replace("\u2009", "")
