"""The import's table of wordings: for each coded column, each distinct wording in the file
("S20", "IFA", "M"), how many cells hold it, and the code it will be saved as — which the
commissioner can change (Tab moves between the choices, arrow keys or typing pick one).

A wording RelCom Desktop does not know, and a fostering wording that does not say whose
carers they are, is marked with ⚠ and what to choose; the preview rejects the rows that hold
it until a choice is made. Choices made here are remembered for next time.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from relcom_desktop.core.interop import csv_import, sheet_values
from relcom_desktop.core.interop.sheet_rows import Mapping, Wording
from relcom_desktop.core.interop.spreadsheet import Sheet
from relcom_desktop.ui import theme
from relcom_desktop.ui.widgets import PAGE_SPACING, quiet_label

CHOOSE = "— choose what it means —"
HEADINGS = ("Field", "Wording in the file", "Cells", "Saved as", "")


class WordingTable(QWidget):
    """The wordings in the coded columns the mapping imports, each with its code."""

    changed = Signal()

    def __init__(self, remembered: dict[str, dict[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.remembered = remembered  # the choices made before (and in this dialog)
        self.rows: list[tuple[Wording, QComboBox, QLabel]] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(PAGE_SPACING * 2)

    def fill(self, sheet: Sheet, key: str, mapping: Mapping) -> None:
        """Show the wordings the mapping imports, read as chosen so far."""
        self._keep_choices()
        self._clear()
        found = csv_import.wordings(sheet, key, mapping, self.remembered)
        self.setVisible(bool(found))
        for col, text in enumerate(HEADINGS):
            self.grid.addWidget(QLabel(f"<b>{text}</b>", self), 0, col)
        for number, wording in enumerate(found, start=1):
            self._add_row(number, wording)
        self.grid.setColumnStretch(4, 1)

    def _add_row(self, number: int, wording: Wording) -> None:
        combo = QComboBox(self)
        combo.setAccessibleName(f"What {wording.wording} in {wording.field_label} means")
        if wording.code is None:
            combo.addItem(CHOOSE, None)
        for code, label in sheet_values.choices(wording.field):
            combo.addItem(label, code)
        combo.setCurrentIndex(max(0, combo.findData(wording.code)))
        note = QLabel(self)
        note.setWordWrap(True)
        combo.currentIndexChanged.connect(lambda _i: self._noted(wording, combo, note))
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        cells = quiet_label(str(wording.cells), self)
        cells.setToolTip(f"{wording.cells} cells in the file say {wording.wording!r}")
        self.grid.addWidget(QLabel(wording.field_label, self), number, 0)
        self.grid.addWidget(QLabel(wording.wording, self), number, 1)
        self.grid.addWidget(cells, number, 2)
        self.grid.addWidget(combo, number, 3)
        self.grid.addWidget(note, number, 4)
        self.rows.append((wording, combo, note))
        self._noted(wording, combo, note)

    def _noted(self, wording: Wording, combo: QComboBox, note: QLabel) -> None:
        code = combo.currentData()
        if code is None:
            ask = "Choose what it means."
        elif sheet_values.needs_provider(wording.field, code):
            ask = "Whose carers? Choose in-house or an agency (or add a column saying so)."
        else:
            ask = ""
        how = wording.how if code == wording.code else sheet_values.HOW_CHOSEN
        note.setText(f"⚠ {ask}" if ask else how)
        theme.set_tone(note, "warn" if ask else "")

    def _keep_choices(self) -> None:
        for field, choices in self.chosen().items():
            self.remembered[field] = {**self.remembered.get(field, {}), **choices}

    def _clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.rows.clear()

    def chosen(self) -> dict[str, dict[str, str]]:
        """The codes the commissioner chose here: {field: {wording key: code}}."""
        chosen: dict[str, dict[str, str]] = {}
        for wording, combo, _note in self.rows:
            code = combo.currentData()
            mine = wording.how == sheet_values.HOW_CHOSEN
            if code is not None and (code != wording.code or mine):
                chosen.setdefault(wording.field, {})[wording.key] = code
        return chosen

    def choices_for_import(self) -> dict[str, dict[str, str]]:
        """Everything the import reads wordings with: earlier choices and these."""
        merged = {field: dict(codes) for field, codes in self.remembered.items()}
        for field, codes in self.chosen().items():
            merged.setdefault(field, {}).update(codes)
        return merged

    def combos(self) -> list[QComboBox]:
        return [combo for _w, combo, _n in self.rows]
