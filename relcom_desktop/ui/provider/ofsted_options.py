"""The Ofsted import's choices: update only the settings already on the register (the
default) or add all of the list's settings, and which local authority and provision type."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from relcom_desktop.core.interop.ofsted_csv import OfstedFile
from relcom_desktop.core.interop.ofsted_import import ImportOptions

EVERY_LA = "Every local authority"
EVERY_TYPE = "Every provision type"


class OfstedOptions(QWidget):
    """Emits ``changed`` whenever the commissioner changes a choice."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.update_only = QRadioButton("&Update only the settings I already have", self)
        self.add_all = QRadioButton("&Add all settings in the file", self)
        self.update_only.setChecked(True)
        self._modes = QButtonGroup(self)
        for button in (self.update_only, self.add_all):
            self._modes.addButton(button)
        self.local_authority = self._combo("Local authority")
        self.provision_type = self._combo("Provision type")
        self._lay_out()
        self._modes.buttonToggled.connect(lambda _b, on: on and self.changed.emit())

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setMinimumContentsLength(24)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return combo

    def _lay_out(self) -> None:
        modes = QHBoxLayout()
        modes.setContentsMargins(0, 0, 0, 0)
        modes.addWidget(self.update_only)
        modes.addWidget(self.add_all)
        modes.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(QLabel("Settings:", self), modes)
        for text, combo in (
            ("&Local authority:", self.local_authority),
            ("Provision &type:", self.provision_type),
        ):
            label = QLabel(text, self)
            label.setBuddy(combo)
            form.addRow(label, combo)

    def fill(self, file: OfstedFile) -> None:
        """Offer the local authorities and provision types the file names, with their rows."""
        for combo, every, choices in (
            (self.local_authority, EVERY_LA, file.local_authorities()),
            (self.provision_type, EVERY_TYPE, file.provision_types()),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(every, None)
            for value, rows in choices:
                combo.addItem(f"{value} ({rows:,})", value)
            combo.blockSignals(False)

    def options(self) -> ImportOptions:
        la, kind = self.local_authority.currentData(), self.provision_type.currentData()
        return ImportOptions(
            add_all=self.add_all.isChecked(),
            local_authorities=frozenset({la}) if la else frozenset(),
            provision_types=frozenset({kind}) if kind else frozenset(),
        )
