"""The ledger's Consensus column in the view: shown right after Status, and only once a
second reviewer's verdicts (or a settled verdict) meet in the open ledger."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView

from claimledger.ui.views.ledger_model import CONSENSUS, STATUS, LedgerModel
from claimledger.ui.views.ledger_view import LedgerView

SAMPLES = ("≠ Disagree", "Consensus")


def install_consensus_column(view: LedgerView, model: LedgerModel) -> None:
    header = view.horizontalHeader()
    header.moveSection(header.visualIndex(CONSENSUS), header.visualIndex(STATUS) + 1)
    header.setSectionResizeMode(CONSENSUS, QHeaderView.ResizeMode.Interactive)
    metrics = view.fontMetrics()
    view.setColumnWidth(CONSENSUS, max(metrics.horizontalAdvance(s) for s in SAMPLES) + 16)
    model.filterChanged.connect(lambda: show_consensus_column(view, model))
    show_consensus_column(view, model)


def show_consensus_column(view: LedgerView, model: LedgerModel) -> None:
    view.show_column(CONSENSUS, model.has_consensus_data())
