"""The inspector's Sources tab: the claim's evidence, with Add / Edit / Retire.

Links open in the system browser only when the reviewer clicks one (or presses
Open Link); nothing is fetched by itself, and only http(s)/doi links are offered.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from claimledger.domain.evidence import SOURCE_KINDS, browsable_url
from claimledger.domain.records import SourceView
from claimledger.domain.stored_evidence import file_reference, shown_name
from claimledger.ui.kit import look
from claimledger.ui.kit.evidence_look import stance_html, stance_label
from claimledger.ui.kit.labels import PlainLabel, RichLabel

EXCERPT_LIMIT = 220
#: The theme's colours, with a quiet selection (a bar on the left), so the coloured rich
#: text of each row stays readable in both themes.
LIST_STYLE = ("QListWidget { background: palette(base); border: 1px solid palette(mid); } "
              "QListWidget::item { border-bottom: 1px solid palette(midlight); } "
              "QListWidget::item:selected { background: palette(alternate-base); "
              "border-left: 3px solid palette(highlight); }")
SourceRole = int(Qt.ItemDataRole.UserRole) + 1


def source_name(source: SourceView) -> str:
    return source.title or source.url or shown_name(source.file) or "Untitled source"


def link_for(source: SourceView, evidence_folder: Path | None = None) -> str | None:
    """What a click may open: a checked web/doi link, or the local file (for a file
    stored by its hash, the workspace's copy in `evidence_folder`)."""
    url = browsable_url(source.url)
    if url:
        return url
    stored = file_reference(source.file)
    if stored is not None:
        if evidence_folder is None:
            return None
        copy = evidence_folder / (stored.sha256 + Path(stored.name).suffix[:16])
        return QUrl.fromLocalFile(str(copy)).toString()
    if source.file:
        return QUrl.fromLocalFile(source.file).toString()
    return None


def source_html(source: SourceView, evidence_folder: Path | None = None) -> str:
    stored = file_reference(source.file)
    dated = "attached" if stored else "accessed"
    meta = [p for p in (source.publisher, SOURCE_KINDS.get(source.kind, source.kind),
                        f"{dated} {source.accessed}" if source.accessed else None) if p]
    lines = [f"{stance_html(source.stance)} &nbsp;<b>{escape(source_name(source))}</b>",
             f'<span style="color:{look.MUTED}">{escape(" · ".join(meta))}</span>']
    if stored:
        lines.append(f'<span style="color:{look.MUTED}">SHA-256 <tt>{stored.sha256}</tt>'
                     '</span>')
    link = link_for(source, evidence_folder)
    shown = source.url or shown_name(source.file)
    if link and shown:
        lines.append(f'<a href="{escape(link, quote=True)}">{escape(shown)}</a>')
    archived = browsable_url(source.archived_url)
    if archived:
        lines[-1] += f' &nbsp;·&nbsp; <a href="{escape(archived, quote=True)}">archived copy</a>'
    if source.excerpt:
        text = source.excerpt if len(source.excerpt) <= EXCERPT_LIMIT \
            else source.excerpt[:EXCERPT_LIMIT - 1] + "…"
        lines.append(f"<i>“{escape(text)}”</i>")
    return "<br>".join(lines)


def open_link(url: str) -> bool:
    """Hand one link to the system (browser or file viewer); nothing else."""
    return QDesktopServices.openUrl(QUrl(url))


class SourceList(QListWidget):
    """A list whose rows are rich-text labels that wrap to the list's width."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_rows()

    def fit_rows(self) -> None:
        width = max(120, self.viewport().width() - 4)
        for row in range(self.count()):
            item = self.item(row)
            label = self.itemWidget(item)
            if label is not None:
                item.setSizeHint(QSize(width, label.heightForWidth(width) + 2))


class SourcesPanel(QWidget):
    addRequested = Signal()
    editRequested = Signal(str)
    retireRequested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesPanel")
        self.sources: list[SourceView] = []
        #: Where the workspace keeps stored files (set by the window; never read here).
        self.evidence_folder: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)
        self.summary = PlainLabel(objectName="kindLine")
        layout.addWidget(self.summary)
        self.list = SourceList()
        self.list.setAccessibleName("Sources of the statement")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSpacing(2)
        self.list.setStyleSheet(LIST_STYLE)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.list.itemActivated.connect(lambda _item: self._edit())
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add Source…")
        self.edit_button = QPushButton("Edi&t…")
        self.retire_button = QPushButton("Reti&re")
        self.open_button = QPushButton("&Open Link")
        self.add_button.clicked.connect(self.addRequested)
        self.edit_button.clicked.connect(self._edit)
        self.retire_button.clicked.connect(self._retire)
        self.open_button.clicked.connect(self._open_current)
        for button, name in ((self.add_button, "Add a source"),
                             (self.edit_button, "Edit the selected source"),
                             (self.retire_button, "Retire the selected source"),
                             (self.open_button, "Open the selected source's link")):
            button.setAccessibleName(name)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.show_sources([])

    def show_sources(self, sources: list[SourceView]) -> None:
        keep = self.current_source()
        self.sources = list(sources)
        self.list.clear()
        for source in self.sources:
            item = QListWidgetItem(self.list)
            item.setData(SourceRole, source.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{stance_label(source.stance)}: {source_name(source)}"
                         + (f", {source.publisher}" if source.publisher else ""))
            label = RichLabel(source_html(source, self.evidence_folder), wordWrap=True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setOpenExternalLinks(False)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
            label.linkActivated.connect(open_link)
            label.setContentsMargins(6, 5, 6, 5)
            self.list.setItemWidget(item, label)
        self.list.fit_rows()
        n = len(self.sources)
        self.summary.setText(f"{n} source{'s' if n != 1 else ''}" if n
                             else "No source yet. Add the evidence you checked.")
        rows = [s.id for s in self.sources]
        self.list.setCurrentRow(rows.index(keep.id) if keep and keep.id in rows
                                else (0 if rows else -1))
        self._update_buttons()

    def current_source(self) -> SourceView | None:
        row = self.list.currentRow()
        return self.sources[row] if 0 <= row < len(self.sources) else None

    def _update_buttons(self) -> None:
        current = self.current_source()
        for button in (self.edit_button, self.retire_button):
            button.setEnabled(current is not None)
        self.open_button.setEnabled(bool(current and link_for(current, self.evidence_folder)))

    def _edit(self) -> None:
        if source := self.current_source():
            self.editRequested.emit(source.id)

    def _retire(self) -> None:
        if source := self.current_source():
            self.retireRequested.emit(source.id)

    def _open_current(self) -> None:
        source = self.current_source()
        link = link_for(source, self.evidence_folder) if source else None
        if link:
            open_link(link)
