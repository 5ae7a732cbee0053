"""Settings ▸ Reasons: the workspace's reason presets, per status.

Edits stay in the list until Save, which calls `set_reasons` for the status shown.
Reasons are retired rather than deleted: a retired reason is no longer offered in the
pickers, but verdicts that used it keep showing it. Export and Import share the whole
list as JSON; a bad file changes nothing and says why.
"""

from __future__ import annotations

import re
import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from claimledger.domain.reasons import MAX_REASON, Reason
from claimledger.domain.status import Status
from claimledger.ui.kit.labels import PlainLabel
from claimledger.ui.kit.messages import shown
from claimledger.workspace import WorkspaceError

IdRole = int(Qt.ItemDataRole.UserRole) + 1
RetiredRole = IdRole + 1
JSON_FILTER = "Reason lists (*.json);;All files (*)"
STATUSES = tuple(s for s in Status if s is not Status.UNREVIEWED)
RETIRED_GREY = "#8a8f96"


def new_reason_id(label: str, taken: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", label.casefold()).strip("-")[:40] or "reason"
    return slug if slug not in taken else f"{slug}-{uuid.uuid4().hex[:6]}"


class RetiredDelegate(QStyledItemDelegate):
    """Retired reasons read "Label (retired)", struck through and grey."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        if index.data(RetiredRole):
            option.text = f"{option.text}  (retired)"
            option.font.setStrikeOut(True)
            option.palette.setColor(option.palette.ColorRole.Text, QColor(RETIRED_GREY))

    def createEditor(self, parent, option, index):
        editor = super().createEditor(parent, option, index)
        if hasattr(editor, "setMaxLength"):
            editor.setMaxLength(MAX_REASON)
        return editor


class ReasonsPage(QWidget):
    """`saved` is emitted after the workspace's reasons changed (Save or Import)."""

    saved = Signal()

    def __init__(self, workspace, parent=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.dirty = False
        self.status_box = QComboBox()
        self.status_box.setAccessibleName("Status")
        for status in STATUSES:
            self.status_box.addItem(status.style.label, status)
        self.status_box.setCurrentIndex(STATUSES.index(Status.UNVERIFIED))
        self._shown_status = self.status()
        self.status_box.currentIndexChanged.connect(self._status_changed)
        self.list = QListWidget()
        self.list.setAccessibleName("Reasons")
        self.list.setItemDelegate(RetiredDelegate(self.list))
        self.list.setEditTriggers(QListWidget.EditTrigger.DoubleClicked
                                  | QListWidget.EditTrigger.EditKeyPressed)
        self.list.itemChanged.connect(self._item_changed)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.buttons = {name: QPushButton(text) for name, text in (
            ("add", "Add"), ("rename", "Rename"), ("retire", "Retire"), ("up", "Move Up"),
            ("down", "Move Down"), ("save", "Save"), ("export", "Export…"),
            ("import", "Import…"))}
        for name, handler in (("add", self.add), ("rename", self.rename),
                              ("retire", self.toggle_retired), ("up", lambda: self.move(-1)),
                              ("down", lambda: self.move(1)), ("save", self.save),
                              ("export", self.export), ("import", self.import_)):
            self.buttons[name].clicked.connect(handler)
        self._lay_out()
        self.load()

    def _lay_out(self) -> None:
        intro = PlainLabel("The reasons offered when you mark a statement. Retired reasons are "
                           "no longer offered, but verdicts that used them keep them.")
        intro.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(PlainLabel("Reasons for"))
        top.addWidget(self.status_box, 1)
        side = QVBoxLayout()
        for name in ("add", "rename", "retire", "up", "down"):
            side.addWidget(self.buttons[name])
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(side)
        bottom = QHBoxLayout()
        bottom.addWidget(self.buttons["export"])
        bottom.addWidget(self.buttons["import"])
        bottom.addStretch(1)
        bottom.addWidget(self.buttons["save"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        self.buttons["export"].setToolTip("Save every status's reasons to a JSON file")
        self.buttons["import"].setToolTip("Replace every status's reasons with a JSON file's")

    def status(self) -> Status:
        return self.status_box.currentData()

    # -- the list ------------------------------------------------------------------------

    def load(self) -> None:
        """Show the saved reasons of the chosen status, retired ones included."""
        self.list.blockSignals(True)
        self.list.clear()
        for reason in self.workspace.taxonomy.for_status(self.status(), include_retired=True):
            self._append(reason)
        self.list.blockSignals(False)
        self._set_dirty(False)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def _append(self, reason: Reason) -> QListWidgetItem:
        item = QListWidgetItem(reason.label, self.list)
        item.setData(IdRole, reason.id)
        self._set_retired(item, reason.retired)
        return item

    def _set_retired(self, item: QListWidgetItem, retired: bool) -> None:
        self.list.blockSignals(True)
        item.setData(RetiredRole, retired)
        flags = item.flags() | Qt.ItemFlag.ItemIsEditable
        item.setFlags(flags & ~Qt.ItemFlag.ItemIsEditable if retired else flags)
        item.setToolTip("Retired: no longer offered for new verdicts" if retired else "")
        self.list.blockSignals(False)

    def reasons(self) -> list[Reason]:
        """The list as shown, in order."""
        items = [self.list.item(row) for row in range(self.list.count())]
        taken = {i.data(IdRole) for i in items if i.data(IdRole)}
        result = []
        for item in items:
            rid = item.data(IdRole)
            if not rid:
                rid = new_reason_id(item.text(), taken)
                taken.add(rid)
                item.setData(IdRole, rid)
            result.append(Reason(rid, item.text().strip(), bool(item.data(RetiredRole))))
        return result

    def labels(self, include_retired: bool = True) -> list[str]:
        return [r.label for r in self.reasons() if include_retired or not r.retired]

    # -- actions -------------------------------------------------------------------------

    def add(self, label: str | None = None) -> QListWidgetItem:
        text = label if isinstance(label, str) and label.strip() else self._fresh_label()
        item = self._append(Reason("", text.strip()))
        self.list.setCurrentItem(item)
        self._set_dirty(True)
        if not isinstance(label, str):
            self.list.editItem(item)
        return item

    def _fresh_label(self) -> str:
        labels = {lab.casefold() for lab in self.labels()}
        n, text = 1, "New reason"
        while text.casefold() in labels:
            n += 1
            text = f"New reason {n}"
        return text

    def rename(self) -> None:
        item = self.list.currentItem()
        if item is not None and not item.data(RetiredRole):
            self.list.editItem(item)

    def toggle_retired(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self._set_retired(item, not item.data(RetiredRole))
        self.list.viewport().update()
        self._set_dirty(True)
        self._update_buttons()

    def move(self, delta: int) -> None:
        row = self.list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._set_dirty(True)

    def save(self) -> bool:
        try:
            self.workspace.set_reasons(self.status(), self.reasons())
        except WorkspaceError as error:
            QMessageBox.warning(self, "Reasons", shown(str(error)))
            return False
        self.load()
        self.saved.emit()
        return True

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export Reasons", "reasons.json",
                                              JSON_FILTER)
        if not path:
            return
        try:
            self.workspace.export_reasons(path)
        except WorkspaceError as error:
            QMessageBox.warning(self, "Export Reasons", shown(str(error)))

    def import_(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import Reasons", "", JSON_FILTER)
        if not path:
            return
        try:
            self.workspace.import_reasons(path)
        except WorkspaceError as error:
            QMessageBox.warning(self, "Import Reasons", shown(str(error)))
            return
        self.load()
        self.saved.emit()

    # -- state ---------------------------------------------------------------------------

    def _item_changed(self, item: QListWidgetItem) -> None:
        if not item.text().strip():
            self.list.blockSignals(True)
            item.setText(self._fresh_label())
            self.list.blockSignals(False)
        self._set_dirty(True)

    def _status_changed(self) -> None:
        if self.dirty and not self._keep_or_drop_changes():
            self.status_box.blockSignals(True)
            self.status_box.setCurrentIndex(STATUSES.index(self._shown_status))
            self.status_box.blockSignals(False)
            return
        self._shown_status = self.status()
        self.load()

    def _keep_or_drop_changes(self) -> bool:
        """Ask about unsaved edits of the status being left; False means stay on it."""
        shown = self.status()
        self.status_box.blockSignals(True)
        self.status_box.setCurrentIndex(STATUSES.index(self._shown_status))
        self.status_box.blockSignals(False)
        answer = QMessageBox.question(
            self, "Reasons", f"Save your changes to the {self._shown_status.style.label} "
            f"reasons?", QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save and not self.save():
            return False
        self.status_box.blockSignals(True)
        self.status_box.setCurrentIndex(STATUSES.index(shown))
        self.status_box.blockSignals(False)
        return True

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.buttons["save"].setEnabled(dirty)
        self.buttons["save"].setDefault(dirty)

    def _update_buttons(self, *_args) -> None:
        item = self.list.currentItem()
        row = self.list.currentRow()
        retired = bool(item and item.data(RetiredRole))
        self.buttons["rename"].setEnabled(item is not None and not retired)
        self.buttons["retire"].setEnabled(item is not None)
        self.buttons["retire"].setText("Restore" if retired else "Retire")
        self.buttons["up"].setEnabled(row > 0)
        self.buttons["down"].setEnabled(0 <= row < self.list.count() - 1)
