"""File → Import → Spreadsheet (Excel or CSV): say what each column holds, preview, import.

The file is read off the GUI thread. The mapping step shows each column of the file with a
few of its values and the field it goes into, guessed from its heading or remembered from
last time; the commissioner confirms or changes it (all by keyboard if they like: Tab moves
between the choices, typing picks one). Preview remembers the mapping for next time and
shows what would happen; Import does it all, or nothing.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.formatting import plural
from relcom_desktop.core.interop import csv_import
from relcom_desktop.core.interop.import_run import ImportPreview
from relcom_desktop.core.interop.spreadsheet import Sheet
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui import theme
from relcom_desktop.ui.import_dialog import ImportDialog
from relcom_desktop.ui.widgets import PAGE_SPACING, quiet_label
from relcom_desktop.ui.wording_table import WordingTable
from relcom_desktop.ui.workers import Job

FILE_FILTER = "Spreadsheets (*.xlsx *.xlsm *.csv *.txt);;All files (*)"
NOT_IMPORTED = "Not imported"
SAMPLE_CHARS = 60
COMBO_CHARS = 26


def choose_spreadsheet(store: Store, parent: QWidget) -> SheetImportDialog | None:
    path, _kind = QFileDialog.getOpenFileName(
        parent, "Import a spreadsheet", str(Path.home()), FILE_FILTER
    )
    if not path:
        return None
    dialog = SheetImportDialog(store, Path(path), parent)
    dialog.open()
    return dialog


class ColumnMapping(QWidget):
    """What the rows are, and for each column of the file the field it holds."""

    changed = Signal()
    sheet_chosen = Signal(str)  # the commissioner chose another sheet of the workbook

    def __init__(self, store: Store, sheet: Sheet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.sheet = sheet
        self.sheets = QComboBox(self)
        self.sheets.setAccessibleName("Which sheet of the workbook to read")
        self.sheets.addItems(list(sheet.sheets))
        self.sheets.setCurrentText(sheet.sheet)
        self.sheets.currentTextChanged.connect(self.sheet_chosen.emit)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("What the rows are")
        for key, target in csv_import.TARGETS.items():
            self.kind.addItem(target.title, key)
        self.fields: list[QComboBox] = []
        self.error = QLabel(self)
        theme.set_tone(self.error, "error")  # with a warning sign: never colour alone
        self.error.setWordWrap(True)
        self.error.hide()
        self.wordings = WordingTable(csv_import.remembered_wordings(store), self)
        self._lay_out()
        self.changed.connect(self._refresh_wordings)
        remembered = csv_import.remembered_mappings(store)
        guessed = csv_import.guess_target(sheet.headers, remembered)
        self.kind.setCurrentIndex(self.kind.findData(guessed))
        self._fill()
        self.kind.currentIndexChanged.connect(lambda _i: self._fill())

    def _lay_out(self) -> None:
        size = plural(len(self.sheet.rows), "row")
        title = QLabel(f"<b>{self.sheet.name}</b> · {size} · read as {self.sheet.read_as}", self)
        hint = quiet_label(
            "Say what each column holds. The choices are guessed from the headings (or are "
            "the ones you made last time) and are remembered for next time.",
            self,
        )
        hint.setWordWrap(True)
        found = quiet_label(" ".join(self.sheet.notes), self)
        found.setWordWrap(True)
        found.setVisible(bool(self.sheet.notes))
        form = QFormLayout()
        if len(self.sheet.sheets) > 1:
            form.addRow("S&heet", self.sheets)
        else:
            self.sheets.hide()
        form.addRow("The &rows are", self.kind)
        grid = QGridLayout()
        grid.setHorizontalSpacing(PAGE_SPACING * 2)
        for col, text in enumerate(("Column in the file", "For example", "Goes into")):
            grid.addWidget(QLabel(f"<b>{text}</b>", self), 0, col)
        for index, heading in enumerate(self.sheet.headers):
            name = heading or f"Column {index + 1} (no heading)"
            samples = " · ".join(self.sheet.samples(index))
            example = quiet_label(samples[:SAMPLE_CHARS] or "(blank)", self)
            example.setToolTip(samples)
            combo = QComboBox(self)
            combo.setMinimumContentsLength(COMBO_CHARS)
            combo.setAccessibleName(f"What the column {name} holds")
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            grid.addWidget(QLabel(name, self), index + 1, 0)
            grid.addWidget(example, index + 1, 1)
            grid.addWidget(combo, index + 1, 2)
            self.fields.append(combo)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(self.sheet.headers) + 1, 1)  # rows keep their height
        holder = QWidget(self)
        inside = QVBoxLayout(holder)
        inside.addLayout(grid)
        words = QLabel("<b>How the wording in coded columns is read</b>", self)
        words.setToolTip("Change what a wording is saved as; your choice is remembered.")
        inside.addWidget(words)
        inside.addWidget(self.wordings)
        inside.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setAccessibleName("The file's columns and wordings")
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(found)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)
        self._words_heading = words
        self._tab_order()

    def _tab_order(self) -> None:
        chain = [self.sheets, self.kind, *self.fields, *self.wordings.combos()]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _refresh_wordings(self) -> None:
        self.wordings.fill(self.sheet, self.target(), self.mapping())
        self._words_heading.setVisible(bool(self.wordings.rows))
        self._tab_order()

    def _fill(self) -> None:
        key = self.target()
        fields = csv_import.target(key).fields
        remembered = csv_import.remembered_mapping(self.store, key)
        columns = [self.sheet.column(i) for i in range(len(self.sheet.headers))]
        guessed = csv_import.guess_mapping(key, self.sheet.headers, remembered, columns)
        for combo, field in zip(self.fields, guessed, strict=True):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(NOT_IMPORTED, None)
            for f in fields:
                combo.addItem(f.label, f.key)
            combo.setCurrentIndex(max(0, combo.findData(field)))
            combo.blockSignals(False)
        self.error.hide()
        self.changed.emit()

    def target(self) -> str:
        return str(self.kind.currentData())

    def mapping(self) -> csv_import.Mapping:
        return tuple(combo.currentData() for combo in self.fields)

    def confirmed(self) -> bool:
        """Check the mapping; remember it when it will do, else say what is missing."""
        try:
            csv_import.check_mapping(self.target(), self.mapping())
        except RelcomError as err:
            self.error.setText(f"⚠ {err}")
            self.error.show()
            return False
        self.error.hide()
        csv_import.remember_mapping(self.store, self.target(), self.sheet.headers, self.mapping())
        csv_import.remember_wordings(self.store, self.wordings.chosen())
        return True


class SheetImportDialog(ImportDialog):
    held_back_note = "Rejected rows are left out when you choose to skip them."

    def __init__(self, store: Store, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(store, "Import a spreadsheet", parent)
        self.path = path
        self.sheet: Sheet | None = None
        self.columns: ColumnMapping | None = None
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.panel)
        self.back_button = QPushButton("&Back", self)
        self.preview_button = QPushButton("&Preview", self)
        self.buttons.addButton(self.back_button, self.buttons.ButtonRole.ResetRole)
        self.buttons.addButton(self.preview_button, self.buttons.ButtonRole.ActionRole)
        self.back_button.clicked.connect(self._back)
        self.preview_button.clicked.connect(self._preview)
        layout = QVBoxLayout(self)
        layout.setSpacing(PAGE_SPACING)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.run(lambda _p, _c: csv_import.read_spreadsheet(path), self._read, "Reading the file…")

    def _read(self, sheet: Sheet) -> None:
        self.sheet = sheet
        old, self.columns = self.columns, ColumnMapping(self.store, sheet, self)
        self.columns.sheet_chosen.connect(self._read_sheet)
        self.pages.addWidget(self.columns)
        self._back()
        focus = self.columns.sheets if old is not None else self.columns.kind
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()

    def _read_sheet(self, title: str) -> None:
        path = self.path
        self.run(
            lambda _p, _c: csv_import.read_spreadsheet(path, title), self._read,
            f"Reading the sheet {title}…",
        )  # fmt: skip

    def _back(self) -> None:
        if self.columns is not None:
            self.pages.setCurrentWidget(self.columns)
        self.panel.preview = None
        self.update_buttons()

    def _preview(self) -> None:
        columns = self.columns
        if columns is None or self.running or not columns.confirmed():
            return
        store, sheet = self.store, columns.sheet
        key, mapping = columns.target(), columns.mapping()
        chosen = columns.wordings.choices_for_import()

        def job(progress, cancelled):  # type: ignore[no-untyped-def]
            return csv_import.preview_sheet(
                store, sheet, key, mapping, progress, cancelled, chosen=chosen
            )

        self.pages.setCurrentWidget(self.panel)
        self.run(job, self.previewed, "Checking the rows…")

    def update_buttons(self) -> None:
        super().update_buttons()
        if not hasattr(self, "pages"):
            return
        mapping = self.columns is not None and self.pages.currentWidget() is self.columns
        self.preview_button.setVisible(mapping)
        self.preview_button.setEnabled(mapping and not self.running)
        self.preview_button.setDefault(mapping)
        self.back_button.setVisible(not mapping and self.columns is not None)
        self.back_button.setEnabled(not self.running and self.outcome is None)
        self.import_button.setVisible(not mapping)

    def commit_job(self, preview: ImportPreview, skip_rejected: bool) -> Job:
        assert self.columns is not None
        store, sheet = self.store, self.columns.sheet
        key, mapping = self.columns.target(), self.columns.mapping()
        chosen = self.columns.wordings.choices_for_import()

        def job(progress, cancelled):  # type: ignore[no-untyped-def]
            return csv_import.commit_sheet(
                store, sheet, key, mapping, preview, skip_rejected=skip_rejected,
                progress=progress, cancelled=cancelled, chosen=chosen,
            )  # fmt: skip

        return job
