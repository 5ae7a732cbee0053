"""The pages of Settings other than Reasons: Reviewer, Appearance, Report, Sync folder,
Desk hub."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from claimledger.ui.kit import preferences
from claimledger.ui.kit.background import Runner, plain
from claimledger.ui.kit.labels import PlainLabel
from claimledger.workspace import WorkspaceError
from claimledger.workspace.profile import KEY_IN_FILE, READ_ONLY

ERROR_STYLE = ("QLabel { color: #9b1c1c; background: #fdecea; border: 1px solid #f5c2c0; "
               "border-radius: 4px; padding: 6px; }")


def note(text: str) -> QLabel:
    """A muted explanatory line (its colour comes from the theme's stylesheet)."""
    return PlainLabel(text, wordWrap=True, objectName="settingsNote")


def selectable(text: str = "", mono: bool = False) -> QLabel:
    label = PlainLabel(text, wordWrap=True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    if mono:
        label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return label


def key_storage_text(workspace) -> str:
    """Where the key is kept, in words; a keyring that cannot be asked says so."""
    try:
        return workspace.key_storage()
    except Exception as error:  # noqa: BLE001 - the keyring's own errors are not ours
        return f"unknown: the keyring did not answer ({error})"


KEY_CHOICES = (("Ask me", None),
               ("Keep my key in a file only I can read", KEY_IN_FILE),
               ("Keep no key: read only", READ_ONLY))


def page_layout(page: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    return layout


class ReviewerPage(QWidget):
    """`run(verb, then=…, refused=…)` writes through the window (a new key is a write)."""

    def __init__(self, workspace, parent=None, run=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._run = run
        self.name = QLineEdit(preferences.saved_reviewer() or workspace.reviewer_name)
        self.name.setAccessibleName("Display name")
        self.name.editingFinished.connect(self.save_name)
        self.saved_note = note("")
        self.saved_note.hide()
        identity = workspace.identity
        self.fingerprint = selectable(identity.fingerprint if identity else "", mono=True)
        self.copy_button = QPushButton("Copy")
        self.copy_button.setEnabled(identity is not None)
        self.copy_button.clicked.connect(self.copy_fingerprint)
        if identity is None:
            self.fingerprint.setText("Not made yet: your key is made when you first mark "
                                     "a statement.")
            self.fingerprint.setFont(self.font())
        self.new_key_button = QPushButton("New Key…")
        self.new_key_button.setToolTip("Move to a new signing key, announced with this one "
                                       "so colleagues accept it")
        self.new_key_button.setEnabled(identity is not None and run is not None
                                       and not workspace.read_only)
        self.new_key_button.clicked.connect(self.new_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.fingerprint, 1)
        key_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        key_row.addWidget(self.new_key_button, 0, Qt.AlignmentFlag.AlignTop)
        self.storage = selectable(key_storage_text(workspace))
        self.without_keyring = QComboBox()
        self.without_keyring.setAccessibleName("Without a secure keyring")
        for words, choice in KEY_CHOICES:
            self.without_keyring.addItem(words, choice)
        self.without_keyring.setCurrentIndex(
            max(0, self.without_keyring.findData(workspace.key_storage_choice)))
        self.without_keyring.currentIndexChanged.connect(self._key_choice_changed)
        self.key_note = note("")
        self.key_note.hide()
        form = QFormLayout()
        form.addRow("Display name:", self.name)
        form.addRow("", self.saved_note)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("This session:", selectable(workspace.reviewer_name))
        form.addRow("Key fingerprint:", key_row)
        form.addRow("Key kept in:", self.storage)
        form.addRow("Without a keyring:", self.without_keyring)
        form.addRow("", self.key_note)
        layout = page_layout(self)
        layout.addLayout(form)
        layout.addWidget(note(
            "Your name goes into every verdict and onto the verification PDF. A change takes "
            "effect the next time you open Claim Ledger; verdicts already made keep the "
            "name they were made with. Your name is tied to your signing key, so a new "
            "name is a new reviewer to your colleagues, with a new key and fingerprint."))
        layout.addWidget(note(
            "Colleagues check your ledger files against this fingerprint: read it to them "
            "over a channel you trust before they accept your first file."))
        layout.addStretch(1)

    def save_name(self) -> None:
        name = " ".join(self.name.text().split())
        if not name:
            self.name.setText(preferences.saved_reviewer() or self.workspace.reviewer_name)
            return
        if name == preferences.saved_reviewer():
            return
        try:
            preferences.save_reviewer(name)
        except WorkspaceError as error:
            self.saved_note.setText(str(error))
            self.saved_note.show()
            return
        given = preferences.given_reviewer(None)
        self.saved_note.setText(
            f"Saved. Claim Ledger opens as {name} next time." if not given else
            f"Saved, but $CLAIM_LEDGER_REVIEWER ({given}) comes first while it is set.")
        self.saved_note.show()

    def _key_choice_changed(self, _index: int) -> None:
        choice = self.without_keyring.currentData()
        try:
            self.workspace.choose_key_storage(choice)
        except WorkspaceError as error:
            self.key_note.setText(str(error))
        else:
            self.key_note.setText("Saved; the command line follows it too. It applies "
                                  "where no secure keyring exists.")
        self.key_note.show()

    def copy_fingerprint(self) -> None:
        QGuiApplication.clipboard().setText(self.fingerprint.text())
        self.copy_button.setText("Copied")

    def new_key(self) -> None:
        """A new signing key (a lost or exposed laptop, a key kept too long): the old key
        signs the change, so colleagues take the new one without a new trust prompt."""
        answer = QMessageBox.question(
            self, "New Signing Key",
            "Make a new signing key? Your current key signs the change, so colleagues "
            "accept the new one from your next ledger file or hub sync, and refuse anything "
            "signed with the old key from now on. Use it when a computer with your key was "
            "lost, or to retire an old key.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.new_key_button.setEnabled(False)
        if not self._run(self.workspace.rotate_key, then=self._rotated,
                         refused=self._not_rotated):
            self.new_key_button.setEnabled(True)  # writing is off now; the status bar says why

    def _rotated(self, done) -> None:
        self.fingerprint.setText(done.new.fingerprint)
        self.storage.setText(done.new.key_location)
        self.copy_button.setText("Copy")
        self.key_note.setText(f"New key made; it replaces {done.old.fingerprint}. Read the "
                              "new fingerprint to colleagues who check it by hand.")
        self.key_note.show()
        self.new_key_button.setEnabled(True)

    def _not_rotated(self, sentence: str) -> None:
        self.key_note.setText(sentence)
        self.key_note.show()
        self.new_key_button.setEnabled(True)


class AppearancePage(QWidget):
    """Theme and article font size apply at once; both are remembered."""

    themeChanged = Signal(str)
    fontSizeChanged = Signal(float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        self.theme.addItems(preferences.THEMES)
        self.theme.setCurrentText(preferences.theme())
        self.theme.currentTextChanged.connect(self._theme_changed)
        self.font_size = QSpinBox()
        self.font_size.setAccessibleName("Article font size")
        self.font_size.setRange(*preferences.FONT_SIZES)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(round(preferences.article_font_size()))
        self.font_size.valueChanged.connect(self._size_changed)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.theme.setMinimumWidth(160)
        self.font_size.setMinimumWidth(90)
        form.addRow("Theme:", self.theme)
        form.addRow("Article text size:", self.font_size)
        layout = page_layout(self)
        layout.addLayout(form)
        layout.addWidget(note("System follows your desktop's colours. Statuses keep the "
                              "same tints in every theme, with dark text on them."))
        layout.addStretch(1)

    def _theme_changed(self, name: str) -> None:
        preferences.save_theme(name)
        self.themeChanged.emit(name)

    def _size_changed(self, size: int) -> None:
        preferences.save_article_font_size(size)
        self.fontSizeChanged.emit(float(size))


class ReportPage(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        row = QHBoxLayout()
        for name in preferences.PAPERS:
            button = QRadioButton(name)
            button.setChecked(name == preferences.paper())
            self.group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.group.buttonToggled.connect(self._toggled)
        self.desk = QLineEdit(preferences.desk(), placeholderText="e.g. Metro desk, "
                              "The Carrowfield Examiner", maxLength=120)
        self.desk.setAccessibleName("Desk name")
        self.desk.editingFinished.connect(lambda: preferences.save_desk(self.desk.text()))
        form = QFormLayout()
        form.addRow("Paper size:", row)
        form.addRow("Desk:", self.desk)
        layout = page_layout(self)
        layout.addLayout(form)
        layout.addWidget(note("The verification PDF is laid out on this paper. A4 is used "
                              "in most of the world, Letter in the US and Canada. The desk "
                              "named here signs the report: it heads the cover and every "
                              "page's footer."))
        layout.addStretch(1)

    def paper(self) -> str:
        checked = self.group.checkedButton()
        return checked.text() if checked else preferences.paper()

    def choose(self, name: str) -> None:
        for button in self.group.buttons():
            if button.text() == name:
                button.setChecked(True)

    def _toggled(self, button, checked: bool) -> None:
        if checked:
            preferences.save_paper(button.text())


class SyncPage(QWidget):
    """Choose or stop using the shared folder; `folderChanged` after a change."""

    folderChanged = Signal()

    def __init__(self, workspace, parent=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.folder = selectable()
        self.own_file = selectable()
        self.error = PlainLabel(wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAccessibleName("Sync folder error")
        self.error.hide()
        self.choose_button = QPushButton("Choose Folder…")
        self.choose_button.clicked.connect(self.choose)
        self.clear_button = QPushButton("Stop Using It")
        self.clear_button.clicked.connect(lambda: self.set_folder(None))
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow("Shared folder:", self.folder)
        form.addRow("Your file there:", self.own_file)
        layout = page_layout(self)
        layout.addWidget(note(
            "A folder you share with colleagues (Dropbox, Syncthing, a network drive). "
            "Each reviewer writes one ledger file there and reads the others'. The "
            "workspace database itself must stay outside it."))
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        folder = self.workspace.sync_folder()
        own = self.workspace.own_sync_file()
        self.folder.setText(str(folder) if folder else "None: ledgers are exchanged by hand.")
        if own is None:
            self.own_file.setText("—")
        elif self.workspace.identity is None:  # its id part is not fixed before the key
            self.own_file.setText("named when your signing key is made (your first verdict)")
        else:
            self.own_file.setText(own.name)
        self.clear_button.setEnabled(folder is not None)

    def choose(self) -> None:
        start = str(self.workspace.sync_folder() or Path.home())
        chosen = QFileDialog.getExistingDirectory(self, "Choose the Shared Folder", start)
        if chosen:
            self.set_folder(Path(chosen))

    def set_folder(self, folder: Path | None) -> bool:
        try:
            self.workspace.set_sync_folder(folder)
        except WorkspaceError as error:
            self.error.setText(str(error))
            self.error.show()
            return False
        self.error.hide()
        self.refresh()
        self.folderChanged.emit()
        return True


class HubPage(QWidget):
    """Connect to (or disconnect from) the desk hub; `hubChanged` after either. Both run
    on a worker: they reach the network and the keyring."""

    hubChanged = Signal()

    def __init__(self, workspace, parent=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = Runner(self, "Desk hub")
        self.address = QLineEdit(workspace.hub_address() or "",
                                 placeholderText="postgresql://you@hub.example.org:5432/desk")
        self.address.setAccessibleName("Desk hub address")
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password,
                                  placeholderText="kept in your keyring; empty: PGPASSFILE")
        self.password.setAccessibleName("Desk hub password")
        self.state = selectable()
        self.error = PlainLabel(wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAccessibleName("Desk hub error")
        self.error.hide()
        self.connect_button = QPushButton("Connect")
        self.connect_button.clicked.connect(self.connect_hub)
        self.disconnect_button = QPushButton("Disconnect")
        self.disconnect_button.clicked.connect(self.disconnect_hub)
        buttons = QHBoxLayout()
        buttons.addWidget(self.connect_button)
        buttons.addWidget(self.disconnect_button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow("Hub address:", self.address)
        form.addRow("Password:", self.password)
        form.addRow("Now:", self.state)
        layout = page_layout(self)
        layout.addWidget(note(
            "A PostgreSQL database your desk shares (your editor gives you its address). "
            "Your verdicts are sent as you make them and colleagues' arrive within a "
            "second; every event is still checked against its author's key here. Ledger "
            "files and the shared folder keep working alongside."))
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._show_state(workspace.hub_address())

    def _show_state(self, address: str | None) -> None:
        self.state.setText(f"Connected to {address}" if address else
                           "Not connected: ledgers travel by file or shared folder.")
        self.disconnect_button.setEnabled(address is not None and not self.runner.busy)
        self.connect_button.setEnabled(not self.runner.busy)

    def connect_hub(self) -> None:
        url, password = self.address.text().strip(), self.password.text() or None
        workspace = self.workspace
        self._start(lambda _progress: workspace.connect_hub(url, password).address)

    def disconnect_hub(self) -> None:
        workspace = self.workspace
        self._start(lambda _progress: workspace.disconnect_hub())

    def _start(self, job) -> None:
        self.error.hide()
        self.runner.start(job, self._done, self._failed)
        self.connect_button.setEnabled(False)
        self.disconnect_button.setEnabled(False)
        self.state.setText("Working…")

    def _done(self, address: str | None) -> None:
        self.password.clear()
        self._show_state(address)
        self.hubChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self.error.setText(plain(error))
        self.error.show()
        self._show_state(self.workspace.hub_address())
