"""The library: edit an article's details, retire it, show retired, restore it; sort,
filter and the status bar of each article."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from window_helpers import activate, import_through_window, settle, shown

from claimledger.domain.status import Status
from claimledger.resources import sample_articles
from claimledger.ui.views.library import RetiredRole, SummaryRole


def listed(window) -> list[str]:
    model = window.library.library_model
    return [model.index(r).data(SummaryRole).id for r in range(model.rowCount())]


def titles(window) -> list[str]:
    model = window.library.library_model
    return [model.index(r).data(SummaryRole).title for r in range(model.rowCount())]


def test_edit_details_changes_the_outlet(qtbot, window, workspace, artifacts):
    import_through_window(qtbot, window, sample_articles())
    article_id = window.article_id
    window.actions["edit_article"].trigger()
    dialog = window.catalogue.article_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.edits["outlet"].clear()
    qtbot.keyClicks(dialog.edits["outlet"], "Harbour Weekly")
    dialog.edits["published"].clear()
    qtbot.keyClicks(dialog.edits["published"], "2026-13-40")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "is not a date" in dialog.error.text())
    assert dialog.isVisible()
    assert workspace.article(article_id).outlet != "Harbour Weekly"
    dialog.grab().save(str(artifacts / "article_details_error.png"))

    dialog.edits["published"].setText("2026-03-15")
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert workspace.article(article_id).outlet == "Harbour Weekly"
    assert workspace.article(article_id).published == "2026-03-15"
    row = window.library.library_model.row_of(article_id)
    assert window.library.library_model.index(row).data(SummaryRole).outlet == "Harbour Weekly"


def test_retire_hides_the_article_and_restore_brings_it_back(qtbot, window, workspace,
                                                            artifacts):
    import_through_window(qtbot, window, sample_articles())
    article_id = window.article_id
    count = len(listed(window))
    menu = window.catalogue.library_menu(article_id)
    retire = next(a for a in menu.actions() if a.text().replace("&", "") == "Retire Article")
    retire.trigger()
    settle(qtbot, window)
    assert article_id not in listed(window)
    assert len(listed(window)) == count - 1
    assert window.article_id != article_id and window.article_id in listed(window)
    assert [a.id for a in workspace.retired_articles()] == [article_id]

    window.catalogue.tools.show_retired.click()

    shown(qtbot, window)
    assert window.actions["show_retired"].isChecked()
    assert listed(window)[-1] == article_id
    model = window.library.library_model
    assert model.index(model.row_of(article_id)).data(RetiredRole)
    window.library.parentWidget().grab().save(str(artifacts / "library_retired.png"))
    menu = window.catalogue.library_menu(article_id)
    restore = next(a for a in menu.actions() if a.text().replace("&", "") == "Restore Article")
    restore.trigger()
    settle(qtbot, window)
    assert workspace.retired_articles() == []
    assert window.article_id == article_id
    assert not model.index(model.row_of(article_id)).data(RetiredRole)

    window.actions["retire_article"].trigger()

    settle(qtbot, window)
    assert workspace.retired_articles()[0].id == article_id
    window.actions["undo"].trigger()
    settle(qtbot, window)
    assert workspace.retired_articles() == []
    assert article_id in listed(window)


def test_sort_filter_and_status_proportions(qtbot, window, workspace, artifacts):
    import_through_window(qtbot, window, sample_articles())
    activate(qtbot, window)
    tools = window.catalogue.tools
    tools.set_order("title")
    assert titles(window) == sorted(titles(window), key=str.casefold)
    tools.set_order("published")
    dates = [workspace.article(a).published or "" for a in listed(window)]
    assert dates == sorted(dates, reverse=True)
    window.review.mark(Status.DISPUTED)
    settle(qtbot, window)
    window.review.step(1)
    window.review.mark(Status.SOURCED)
    settle(qtbot, window)
    tools.set_order("progress")
    assert listed(window)[-1] == window.article_id  # the most reviewed last
    counts = window.catalogue.status_counts(window.article_id)
    assert counts[Status.DISPUTED] == 1 and counts[Status.SOURCED] == 1
    other = listed(window)[0]
    to_review = [c for c in workspace.claims(other) if c.kind == "claim"]
    assert window.catalogue.status_counts(other)[Status.UNREVIEWED] == len(to_review)
    tools.filter.setText("harbour")
    assert len(listed(window)) == 1
    window.library.parentWidget().grab().save(str(artifacts / "library_pane.png"))
    tools.filter.clear()
    assert len(listed(window)) == 4
