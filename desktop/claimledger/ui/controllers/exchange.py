"""Working with other reviewers, and with the editor: one mixin for MainWindow.

It gathers the signing key at start-up (identity_unlock), ledger files in and out
(ledger_exchange), the shared folder (folder_sync), disagreements and agreement
(consensus_flow) and the verification PDF (pdf_export). MainWindow lists it first among
its bases and calls `install_exchange()` once its panes exist.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer

from claimledger.ui.controllers.consensus_flow import ConsensusMixin
from claimledger.ui.controllers.folder_sync import FolderSyncMixin
from claimledger.ui.controllers.identity_unlock import IdentityMixin
from claimledger.ui.controllers.ledger_exchange import LedgerExchangeMixin
from claimledger.ui.controllers.pdf_export import PdfExportMixin


class ExchangeMixin(ConsensusMixin, FolderSyncMixin, LedgerExchangeMixin, PdfExportMixin,
                    IdentityMixin):
    _exchange_started = False

    def install_exchange(self) -> None:
        self._install_identity()
        self._install_consensus()
        self._install_ledger_exchange()
        self._install_folder_sync()
        self._install_pdf_export()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._exchange_started:
            self._exchange_started = True
            QTimer.singleShot(0, self._start_folder_runtime)

    def _start_folder_runtime(self) -> None:
        if not self._closing:
            self.restart_folder_sync()

    def closeEvent(self, event) -> None:
        """Cancel exports and imports, let running work end, write our shared-folder
        file once more; then the workspace may close. Only the first close does this."""
        if self._closing:
            super().closeEvent(event)
            return
        self._closing = True
        runners = (self.pdf_runner, self.ledger_export_runner, self.sync_runner)
        for runner in runners:
            runner.cancel()
        for runner in runners:
            runner.wait()
        self.finish_folder_sync()
        self.wait_for_unlock()
        super().closeEvent(event)
