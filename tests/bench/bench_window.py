"""The real window under load: a mark keypress until its row repaints, J through 500
rows, and opening until assisted review has loaded (prints figures; never asserted).

For each workspace (10, 1,000 and 5,000 news-like articles built in bulk and cached by
bench_assist, analysed, with shared facts; and one article of 100,000 statements from
big_workspace) a MainWindow is shown (offscreen) and:
  * "mark keypress": `2` typed into the ledger until the Status cell of that row has
    been repainted with the new verdict, as a ratio to its baseline, the bare verb plus
    one repaint of that row, from alternated pairs (budget 3×);
  * "J": 500 presses of J, each until the new current row has repainted;
  * "open": from MainWindow() to assisted review loaded for the open article.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROUNDS = 15
STEPS = 500
SIZES = (10, 1000, 5000)


class PaintCounter:
    """Counts paint events of a widget (the ledger's viewport); `waiting` is called
    after each one (see _until)."""

    def __init__(self, widget) -> None:
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, _obj, event):  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint:
                    counter.paints += 1
                    counter.waiting()
                return False

        self.paints = 0
        self.waiting = lambda: None
        self._filter = Filter()
        widget.installEventFilter(self._filter)


def _until(condition, app, limit: float = 60.0, paints: PaintCounter | None = None) -> None:
    """Let the window run until `condition()`. With `paints`, it waits in an event loop
    woken by each paint, idle in between as a reviewer's session is; a polling loop
    would hold the GIL and starve the write worker it waits for."""
    if paints is None:
        deadline = time.perf_counter() + limit
        while not condition():
            app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError("the window did not get there in time")
        return
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return
    loop = QEventLoop()
    paints.waiting = lambda: condition() and QTimer.singleShot(0, loop.quit)
    QTimer.singleShot(int(limit * 1000), loop.quit)
    loop.exec()
    paints.waiting = lambda: None
    if not condition():
        raise TimeoutError("the window did not get there in time")


def _open_window(path: Path, app):
    from claimledger.ui.shell.main_window import MainWindow
    from claimledger.workspace import Workspace

    started = time.perf_counter()
    workspace = Workspace(path, "Bench Reviewer", allow_file_key=True)
    window = MainWindow(workspace)
    window.persist_settings = False
    window.resize(1400, 860)
    window.show()
    _until(lambda: window.identity_ready and window.assist.assist_ready(), app, 600)
    return window, time.perf_counter() - started


def _mark_ratio(window, app):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from ratio import alternate

    from claimledger.domain.status import Status

    view, model = window.ledger_view, window.ledger_model
    paints = PaintCounter(view.viewport())
    view.setFocus()
    claim_id = window.claim_id
    toggles = iter(range(10_000))

    def keypress():
        status, key = (Status.DISPUTED, Qt.Key.Key_2) if next(toggles) % 2 == 0 \
            else (Status.UNREVIEWED, Qt.Key.Key_0)
        before = paints.paints
        QTest.keyClick(view, key)
        _until(lambda: model.find(claim_id).status is status and paints.paints > before, app,
               paints=paints)

    def bare():
        status = Status.DISPUTED if next(toggles) % 2 == 0 else Status.UNREVIEWED
        window.workspace.mark(claim_id, status)
        row = model.row_of(claim_id)
        cells = view.visualRect(model.index(row, 0)).united(
            view.visualRect(model.index(row, model.columnCount() - 1)))
        view.viewport().repaint(cells.adjusted(-view.width(), 0, view.width(), 0))

    return alternate(keypress, bare, ROUNDS, warmup=2)


def _j_steps(window, app) -> float:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    view = window.ledger_view
    paints = PaintCounter(view.viewport())
    view.setFocus()
    rows = min(STEPS, window.ledger_model.total_rows() - 1)
    started = time.perf_counter()
    for step in range(STEPS):
        key = Qt.Key.Key_J if (step // max(rows, 1)) % 2 == 0 else Qt.Key.Key_K
        before = paints.paints
        QTest.keyClick(view, key)
        _until(lambda b=before: paints.paints > b, app, paints=paints)
    return (time.perf_counter() - started) / STEPS


def _measure(label: str, cached: Path, app) -> list[str]:
    from big_workspace import copy_of

    with tempfile.TemporaryDirectory(prefix="claim-ledger-bench-window-") as tmp:
        window, opened = _open_window(copy_of(cached, Path(tmp)), app)
        try:
            ratio = _mark_ratio(window, app)
            step = _j_steps(window, app)
        finally:
            window.close()
            window.workspace.close()
    return [
        ratio.line(f"{label}: mark keypress until the row repaints",
                   "the bare verb plus one row repaint")
        + f" [keypress {ratio.median_a * 1000:.1f} ms, bare {ratio.median_b * 1000:.1f} ms;"
          " budget 3×]",
        f"{label}: J, {STEPS} presses: {step * 1000:.1f} ms per press until repainted",
        f"{label}: window opened until assisted review loaded: {opened:.2f} s",
    ]


def run() -> list[str]:
    import keyring
    from bench_assist import cached_news
    from big_workspace import workspace_with_one_huge_article
    from keyring.backends.null import Keyring
    from PySide6.QtWidgets import QApplication

    from claimledger.ui.shell.app import set_up_application

    keyring.set_keyring(Keyring())
    with tempfile.TemporaryDirectory(prefix="claim-ledger-bench-home-") as home:
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = str(Path(home) / name)
        os.environ["CLAIM_LEDGER_ALLOW_FILE_KEY"] = "1"  # a throwaway key, no keyring
        app = QApplication.instance() or QApplication([])
        set_up_application(app)
        lines = []
        for size in SIZES:
            lines += _measure(f"{size:,} articles", cached_news(size)[0], app)
        lines += _measure("one article of 100,000 statements",
                          workspace_with_one_huge_article(100_000), app)
        return lines


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[1] / "desktop"))
    print("\n".join(run()))
