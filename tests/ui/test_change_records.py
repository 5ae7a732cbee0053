"""Each view refreshes from the change record of a write, and only what it names.

A mark must cost the same in a workspace of ten articles and of five thousand: it may
not read the library's list, the open article's statements or its consensus again,
and it may repaint only its own ledger row and library row.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QRegion
from PySide6.QtWidgets import QApplication, QToolBar
from window_helpers import activate, import_through_window, press

from claimledger.domain.records import Kind
from claimledger.domain.status import Status
from claimledger.resources import sample_articles


def counting(monkeypatch, workspace, names):
    calls = {name: 0 for name in names}
    for name in names:
        original = getattr(workspace, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            calls[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(workspace, name, counted)
    return calls


def test_a_mark_reads_and_repaints_only_its_own_rows(qtbot, window, workspace, monkeypatch):
    import_through_window(qtbot, window, sample_articles())
    activate(qtbot, window)
    window.ledger_view.setFocus()
    press(qtbot, Qt.Key.Key_J)
    claim_id = window.claim_id
    qtbot.waitUntil(window.assist.assist_ready, timeout=20_000)  # its own repaints done
    resets, rows = [], []
    window.library.library_model.modelReset.connect(lambda: resets.append("library"))
    window.ledger_model.modelReset.connect(lambda: resets.append("ledger"))
    window.ledger_model.dataChanged.connect(
        lambda first, last, *_: rows.append((first.row(), last.row())))
    seen = []
    window.ctx.changed.connect(seen.append)
    calls = counting(monkeypatch, workspace,
                     ["articles", "claims", "consensus", "verdicts", "suggestions"])

    press(qtbot, Qt.Key.Key_2)

    assert calls == {"articles": 0, "claims": 0, "consensus": 0, "verdicts": 0,
                     "suggestions": 0}
    assert resets == []
    row = window.ledger_model.row_of(claim_id)
    assert rows and set(rows) == {(row, row)}
    [views] = seen
    assert views.changes.kinds == frozenset({Kind.VERDICTS})
    assert views.changes.initiator is window.review
    assert views.library is None and views.ledger is None
    assert set(views.claims) == {claim_id}
    summary = window.ctx.summaries[window.article_id]
    assert summary.disputed == 1 and summary.reviewed == 1
    assert window.progress_label.text().startswith(f"1 of {summary.claims} claims reviewed")


def test_a_change_of_shape_reloads_the_open_ledger_and_nothing_else(qtbot, window,
                                                                     workspace):
    import_through_window(qtbot, window, sample_articles())
    activate(qtbot, window)
    qtbot.waitUntil(window.assist.assist_ready, timeout=20_000)
    resets = []
    window.library.library_model.modelReset.connect(lambda: resets.append("library"))
    window.ledger_model.modelReset.connect(lambda: resets.append("ledger"))
    seen = []
    window.ctx.changed.connect(seen.append)
    before = window.ledger_model.statement_count()

    window.editing.retire_current_claim()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)

    [views] = seen
    assert views.changes.touches(Kind.SHAPE)
    assert views.ledger is not None and len(views.ledger.claims) == before - 1
    assert resets == ["ledger"]
    assert window.ledger_model.statement_count() == before - 1
    assert window.ledger_model.find(window.claim_id).status is Status.UNREVIEWED


def _geometry(window):
    panes = (window.article_view, window.ledger_view, window.inspector.parentWidget(),
             window.review.filter_bar)
    chips = window.review.filter_bar.chips()
    return [w.geometry() for w in panes] + [c.size() for c in chips]


def test_marks_leave_every_pane_and_chip_where_it_was(qtbot, window):
    """A count that gains a digit's width must not widen its chip, the filter bar, the
    ledger pane and (through the splitter) narrow the article: the reader would see the
    panes jump on every mark. Eleven marks take "Disputed" from 0 past 9 to 11."""
    window.resize(1366, 768)
    import_through_window(qtbot, window, sample_articles())
    activate(qtbot, window)
    window.ledger_view.setFocus()
    qtbot.waitUntil(window.assist.assist_ready, timeout=20_000)
    bar = window.review.filter_bar
    unreviewed = bar.status_chips[Status.UNREVIEWED]
    QApplication.processEvents()
    before = _geometry(window)
    seen_counts = set()

    for key in [Qt.Key.Key_2, Qt.Key.Key_J] * 11 + [Qt.Key.Key_Z]:
        press(qtbot, key, Qt.KeyboardModifier.ControlModifier if key == Qt.Key.Key_Z
              else None)
        QApplication.processEvents()
        seen_counts.add(unreviewed.text())
        moved = [(n, was, now) for n, (was, now)
                 in enumerate(zip(before, _geometry(window), strict=True)) if was != now]
        assert moved == []

    disputed = bar.status_chips[Status.DISPUTED]
    assert disputed.text().endswith(" 10") and len(seen_counts) > 10
    assert disputed.fontMetrics().horizontalAdvance(disputed.text()) < disputed.width()


class _Watch(QObject):
    """Records the paint regions and layout requests a widget receives."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.painted = QRegion()
        self.layouts = 0
        widget.installEventFilter(self)

    def eventFilter(self, _obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.painted = self.painted.united(event.region())
        elif event.type() == QEvent.Type.LayoutRequest:
            self.layouts += 1
        return False


def test_a_mark_paints_its_own_row_and_moves_no_bar(qtbot, window):
    """Qt repaints a changed range one pixel taller than its rows, which paints the
    whole row below too; and a status-bar count or the undo button's changing text
    relays out its bar, shifting what stands beside it. A mark does neither."""
    window.resize(1366, 768)
    import_through_window(qtbot, window, sample_articles())
    activate(qtbot, window)
    view, model = window.ledger_view, window.ledger_model
    view.setFocus()
    press(qtbot, Qt.Key.Key_J)
    qtbot.waitUntil(window.assist.assist_ready, timeout=20_000)
    press(qtbot, Qt.Key.Key_3)  # undo comes on: its button changes once, rightly
    qtbot.waitUntil(lambda: window.actions["undo"].isEnabled(), timeout=10_000)
    QApplication.processEvents()
    toolbar = window.findChild(QToolBar, "mainToolbar")
    rows, bars = _Watch(view.viewport()), [_Watch(window.statusBar()), _Watch(toolbar)]
    labels = [window.progress_label.geometry(), window.reviewer_label.geometry()]

    for key, status in [(Qt.Key.Key_2, Status.DISPUTED), (Qt.Key.Key_1, Status.SOURCED),
                        (Qt.Key.Key_0, Status.UNREVIEWED)]:
        rows.painted = QRegion()
        press(qtbot, key)
        qtbot.waitUntil(lambda s=status: model.find(window.claim_id).status is s
                        and not rows.painted.isEmpty(), timeout=10_000)
        QApplication.processEvents()
        row = model.row_of(window.claim_id)
        own = view.visualRect(model.index(row, 0)).united(
            view.visualRect(model.index(row, model.columnCount() - 1)))
        own.setLeft(0)
        own.setRight(view.viewport().width())
        assert own.contains(rows.painted.boundingRect()), (own, rows.painted.boundingRect())

    assert [bar.layouts for bar in bars] == [0, 0]
    assert [window.progress_label.geometry(), window.reviewer_label.geometry()] == labels
    assert window.progress_label.text().startswith("0 of ")
    undo = window.actions["undo"]
    assert undo.text().startswith("&Undo ") and undo.isEnabled()
    stand_in = window.findChild(QAction, "undo_toolbar")
    assert stand_in.isEnabled() and stand_in.iconText() == "Undo"
    stand_in.trigger()
    qtbot.waitUntil(lambda: model.find(window.claim_id).status is Status.SOURCED,
                    timeout=10_000)
    assert window.statusBar().currentMessage() == "Undone: Mark unreviewed"
