"""Benchmark of the ledger filter bar (prints figures; never asserted by tests).

Run:  QT_QPA_PLATFORM=offscreen PYTHONPATH=desktop .venv/bin/python tests/bench/bench_ui.py

A 100,000-row ledger model with its table view and filter bar, no window shown:
  * loading the rows (set_claims: flags and counts for every row);
  * toggling a status chip on and off, the "No source yet" chip, and a text filter,
    each timed from the click to the model's rows being replaced (target: well under
    100 ms per chip toggle).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROWS = 100_000
REPEATS = 8  # even, so every chip ends as it started


def _claims(n: int):
    from claimledger.domain.records import ClaimView
    from claimledger.domain.status import Status

    statuses = list(Status)
    return [ClaimView(f"c{i:06d}", "a", i * 40, i * 40 + 38,
                      f"Statement {i}: the council said {i % 97} bridges need work",
                      "claim", "body", "auto", status=statuses[(i * 7) % 5],
                      note="check the minutes" if i % 11 == 0 else None,
                      supports=1 if i % 3 == 0 else 0, contradicts=1 if i % 13 == 0 else 0)
            for i in range(n)]


def _timed(action, repeats: int = REPEATS) -> tuple[float, float]:
    """(median, worst) milliseconds of `action` over `repeats` runs."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def run() -> list[str]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if str(ROOT / "desktop") not in sys.path:
        sys.path.insert(0, str(ROOT / "desktop"))
    from PySide6.QtWidgets import QApplication

    from claimledger.domain.status import Status
    from claimledger.ui.views.filter_bar import FilterBar
    from claimledger.ui.views.ledger_model import LedgerModel
    from claimledger.ui.views.ledger_view import LedgerView

    app = QApplication.instance() or QApplication([])
    claims = _claims(ROWS)
    model = LedgerModel()
    view = LedgerView(model)
    bar = FilterBar(model)
    view.resize(700, 500)

    start = time.perf_counter()
    model.set_claims(claims)
    load_ms = (time.perf_counter() - start) * 1000

    disputed = bar.status_chips[Status.DISPUTED]
    no_source = bar.flag_chips["no_source"]

    def toggle(chip):
        def action():
            chip.click()
            app.processEvents()
        return action

    lines = [f"rows: {ROWS:,} (view not shown)", f"set_claims (flags + counts): {load_ms:.1f} ms"]
    median, worst = _timed(toggle(disputed))
    lines.append(f"chip toggle, Disputed on/off ({model.count(Status.DISPUTED):,} of "
                 f"{model.total_rows():,} rows): median {median:.1f} ms, worst {worst:.1f} ms")
    median, worst = _timed(toggle(no_source))
    lines.append(f"chip toggle, No source yet on/off: median {median:.1f} ms, "
                 f"worst {worst:.1f} ms")
    disputed.click()
    median, worst = _timed(toggle(no_source))
    lines.append(f"chip toggle, No source yet with Disputed on: median {median:.1f} ms, "
                 f"worst {worst:.1f} ms")
    disputed.click()

    def text_filter():
        bar.text.setText("bridges need" if not bar.text.text() else "")
        bar._apply_now()
        app.processEvents()

    median, worst = _timed(text_filter)
    lines.append(f"text filter 'bridges need' on/off (first builds the index): "
                 f"median {median:.1f} ms, worst {worst:.1f} ms")
    bar.clear()
    view.deleteLater()
    bar.deleteLater()
    app.processEvents()
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
