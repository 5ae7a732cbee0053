"""Add or edit a source: what it is, where it is, what it says, and its stance.

The dialog only gathers fields; `submit(fields, answer)` (the window's verb, run off the
GUI thread) calls `answer(None)` once saved, or `answer(sentence)` to show why it was
refused inline while the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from claimledger.domain.evidence import SOURCE_KINDS, EvidenceError, check_pointer
from claimledger.domain.records import SourceView
from claimledger.ui.dialogs.saving_dialog import SavingDialog
from claimledger.ui.kit.evidence_look import STANCE_COLOURS, STANCE_ORDER, stance_icon, stance_label
from claimledger.ui.kit.labels import PlainLabel

Submit = Callable[[dict, Callable[[str | None], None]], None]


class SourceDialog(SavingDialog):
    def __init__(self, submit: Submit, source: SourceView | None = None,
                 claim_text: str = "", parent=None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle("Edit Source" if source else "Add Source")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        if claim_text:
            quoted = claim_text if len(claim_text) < 160 else claim_text[:159] + "…"
            about = PlainLabel(f"For: “{quoted}”", wordWrap=True)
            about.setStyleSheet("color: #6a6f76;")
            layout.addWidget(about)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.kind = QComboBox()
        for key, label in SOURCE_KINDS.items():
            self.kind.addItem(label, key)
        form.addRow("&Kind", self.kind)
        self.url = QLineEdit(placeholderText="https://… or doi:10.…")
        form.addRow("&Link", self.url)
        self.file = QLineEdit(placeholderText="or a document on this computer")
        self.browse = QPushButton("&Browse…")
        self.browse.setAccessibleName("Browse for a local file")
        self.browse.clicked.connect(self._browse)
        file_row = QWidget()
        file_box = QHBoxLayout(file_row)
        file_box.setContentsMargins(0, 0, 0, 0)
        file_box.addWidget(self.file, 1)
        file_box.addWidget(self.browse)
        file_label = PlainLabel("Local &file")
        file_label.setBuddy(self.file)
        form.addRow(file_label, file_row)
        self.title = QLineEdit()
        form.addRow("&Title", self.title)
        self.publisher = QLineEdit()
        form.addRow("&Publisher", self.publisher)
        self.excerpt = QPlainTextEdit(placeholderText="The passage that bears on the claim")
        self.excerpt.setTabChangesFocus(True)
        self.excerpt.setFixedHeight(90)
        form.addRow("&Excerpt", self.excerpt)
        stance_label_widget = PlainLabel("&Stance")
        stances = self._build_stances()
        stance_label_widget.setBuddy(self.stance_buttons["supports"])
        form.addRow(stance_label_widget, stances)
        self.accessed = QDateEdit(QDate.currentDate(), calendarPopup=True)
        self.accessed.setDisplayFormat("yyyy-MM-dd")
        form.addRow("&Accessed", self.accessed)
        self.archived = QLineEdit(placeholderText="https://web.archive.org/… (optional)")
        form.addRow("A&rchived copy", self.archived)
        for label, field in ((self.kind, "Kind of source"), (self.url, "Link"),
                             (self.file, "Local file"), (self.title, "Title"),
                             (self.publisher, "Publisher"), (self.excerpt, "Excerpt"),
                             (self.accessed, "Date accessed"),
                             (self.archived, "Archived copy link")):
            label.setAccessibleName(field)
        layout.addLayout(form)
        layout.addWidget(self.error_line())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            "Save" if source else "Add Source")
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if source:
            self._fill(source)
        self.url.setFocus()

    def _build_stances(self) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        self.stance_group = QButtonGroup(self)
        self.stance_buttons: dict[str, QRadioButton] = {}
        for stance in STANCE_ORDER:
            button = QRadioButton(stance_label(stance))
            button.setIcon(stance_icon(stance))
            button.setStyleSheet(f"QRadioButton {{ color: {STANCE_COLOURS[stance]}; "
                                 f"font-weight: bold; }}")
            button.setAccessibleName(f"Stance: {stance_label(stance)}")
            self.stance_group.addButton(button)
            self.stance_buttons[stance] = button
            box.addWidget(button)
        box.addStretch(1)
        self.stance_buttons["supports"].setChecked(True)
        return row

    def _fill(self, source: SourceView) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(source.kind)))
        self.url.setText(source.url or "")
        self.file.setText(source.file or "")
        self.title.setText(source.title or "")
        self.publisher.setText(source.publisher or "")
        self.excerpt.setPlainText(source.excerpt or "")
        if source.stance in self.stance_buttons:
            self.stance_buttons[source.stance].setChecked(True)
        date = QDate.fromString(source.accessed or "", "yyyy-MM-dd")
        if date.isValid():
            self.accessed.setDate(date)
        self.archived.setText(source.archived_url or "")

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a Document", self.file.text())
        if path:
            self.file.setText(path)

    def stance(self) -> str:
        return next(s for s, b in self.stance_buttons.items() if b.isChecked())

    def fields(self) -> dict:
        """The fields as the workspace verbs take them (empty text: None)."""
        def text(value: str) -> str | None:
            return value.strip() or None
        return {
            "kind": self.kind.currentData(),
            "url": text(self.url.text()),
            "file": text(self.file.text()),
            "title": text(self.title.text()),
            "publisher": text(self.publisher.text()),
            "excerpt": text(self.excerpt.toPlainText()),
            "stance": self.stance(),
            "accessed": self.accessed.date().toString("yyyy-MM-dd"),
            "archived_url": text(self.archived.text()),
        }

    def try_accept(self) -> None:
        fields = self.fields()
        try:
            check_pointer(fields)
        except EvidenceError as error:
            self.show_error(str(error))
            self.url.setFocus()
            return
        self.setEnabled(False)
        self._submit(fields, self.answer)
