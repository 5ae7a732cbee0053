"""Catch up on articles nobody has analysed yet (an upgraded workspace, a big sync), in
the background: one article at a time, cancelled at once when the window closes, and the
open article's matches refreshed when it is done."""

from __future__ import annotations

from claimledger.ui.kit.background import Runner


class CatchUpMixin:
    def install_catch_up(self) -> None:
        self.catch_up_runner = Runner(self, "Reading articles")
        self._catch_up_started = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._catch_up_started:  # once the window is up, never before it
            self._catch_up_started = True
            self.start_catch_up()

    def start_catch_up(self) -> None:
        """Analyse every pending article on a worker; a no-op while one pass runs."""
        if self.catch_up_runner.busy or getattr(self, "_closing", False):
            return
        workspace = self.workspace
        self.catch_up_runner.start(
            lambda progress: workspace.analyse_pending(
                lambda done, total: progress(done, total, "")),
            self._caught_up, lambda _error: None)

    def _caught_up(self, analysed) -> None:
        if not analysed or getattr(self, "_closing", False):
            return
        self.assist_runner.forget()
        if self.article_id:
            self.assist_runner.request(self.article_id)

    def reload_after_merge(self) -> None:
        super().reload_after_merge()
        self.start_catch_up()

    def closeEvent(self, event) -> None:
        self.catch_up_runner.cancel()
        self.catch_up_runner.wait()
        super().closeEvent(event)
