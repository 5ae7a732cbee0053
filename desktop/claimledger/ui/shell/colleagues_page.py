"""Settings ▸ Colleagues: the reviewers whose work is in this workspace, by their key's
fingerprint, and the name each is shown by here.

Two reviewers may sign the same name; the app then shows both with a fingerprint until
the reviewer gives one a name of their own here (`workspace.rename_reviewer`, kept in
this workspace only). The list is read, and a rename written, off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from claimledger.ui.controllers.reads import COLLEAGUES_SLOT
from claimledger.ui.kit.background import plain
from claimledger.ui.kit.labels import PlainLabel
from claimledger.ui.shell.settings_pages import ERROR_STYLE, note, page_layout
from claimledger.workspace import ReviewerInfo

NAME, KEY = range(2)


class ColleaguesPage(QWidget):
    def __init__(self, window, parent=None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.people: list[ReviewerInfo] = []
        self.list = QTreeWidget(objectName="colleagues")
        self.list.setHeaderLabels(["Shown as", "Key fingerprint"])
        self.list.setRootIsDecorated(False)
        self.list.setAccessibleName("Reviewers in this workspace")
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self.rename_button = QPushButton("Rename…")
        self.rename_button.clicked.connect(self.rename_current)
        self.signed_button = QPushButton("Use Signed Name")
        self.signed_button.clicked.connect(lambda: self.rename(self._current(), None))
        self.error = PlainLabel(wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.signed_button)
        buttons.addStretch(1)
        layout = page_layout(self)
        layout.addWidget(note(
            "Everyone whose work is in this workspace, by their signing key. When two "
            "signed the same name, both are shown with their key until you give one a "
            "name of your own here. That name stays in this workspace: it is never "
            "signed, synced or printed as theirs."))
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self._enable()
        self.refresh()

    def refresh(self) -> None:
        workspace = self.window_.workspace
        self.window_.reads.read(COLLEAGUES_SLOT, workspace.reviewers_here, self._show,
                                lambda error: self._say(plain(error)))

    def _show(self, people: list[ReviewerInfo]) -> None:
        keep = self._current()
        self.people = people
        self.list.clear()
        for person in people:
            item = QTreeWidgetItem([_name_cell(person), person.fingerprint])
            item.setToolTip(KEY, f"Reviewer id {person.id}")
            item.setToolTip(NAME, f"Signed as {person.signed_name!r}"
                            + (f". Their view here is incomplete: {person.incomplete}."
                               if person.incomplete else ""))
            self.list.addTopLevelItem(item)
            if keep is not None and person.id == keep.id:
                self.list.setCurrentItem(item)
        for column in (NAME, KEY):  # a fingerprint is read whole, never elided
            self.list.resizeColumnToContents(column)
        self._enable()

    def _current(self) -> ReviewerInfo | None:
        row = self.list.indexOfTopLevelItem(self.list.currentItem()) \
            if self.list.currentItem() else -1
        return self.people[row] if 0 <= row < len(self.people) else None

    def _enable(self) -> None:
        person = self._current()
        others = person is not None and not person.is_me
        self.rename_button.setEnabled(others)
        self.signed_button.setEnabled(others and person.local_name is not None)

    def rename_current(self) -> None:
        person = self._current()
        if person is None or person.is_me:
            return
        name, chosen = QInputDialog.getText(
            self, "Rename Reviewer",
            f"Show {person.signed_name} ({person.fingerprint[:15]}…) in this workspace as:",
            QLineEdit.EchoMode.Normal, person.local_name or person.signed_name)
        if chosen:
            self.rename(person, name)

    def rename(self, person: ReviewerInfo | None, name: str | None) -> None:
        if person is None:
            return
        workspace = self.window_.workspace
        self.window_.review.run(lambda: workspace.rename_reviewer(person.id, name),
                                then=lambda _result: self._renamed(),
                                refused=self._say)

    def _renamed(self) -> None:
        self.error.hide()
        self.refresh()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def _name_cell(person: ReviewerInfo) -> str:
    """'Ana Ruiz (you)', 'Bo (Lisbon desk) · signed “Bo”', with ⚠ for an incomplete view."""
    text = person.shown_name + (" (you)" if person.is_me else "")
    if person.local_name:
        text += f" · signed “{person.signed_name}”"
    return text + (" ⚠" if person.incomplete else "")
