"""Passphrase fields: a hidden entry with a show toggle, and a new-passphrase form with a
strength meter and a confirm box that validate as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.store.encryption import LABELS, Strength, strength
from relcom_desktop.ui import theme

METER_COLOURS = ("#c0392b", "#d35400", "#b7950b", "#2e7d32", "#1b5e20")


class PassphraseEdit(QLineEdit):
    """A password-mode line edit (see :func:`show_toggle` to reveal what was typed)."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(placeholder or "Passphrase")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 22))

    def reveal(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.setEchoMode(mode)


def show_toggle(parent: QWidget, *edits: PassphraseEdit) -> QCheckBox:
    """A "Show passphrase" tick box that reveals the given fields while ticked."""
    box = QCheckBox("S&how passphrase", parent)
    for edit in edits:
        box.toggled.connect(edit.reveal)
    return box


class StrengthMeter(QWidget):
    """A bar in five steps, its label, and advice on making the passphrase stronger."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, len(LABELS))
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.bar.setAccessibleName("Passphrase strength")
        self.label = QLabel(self)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.advice.setForegroundRole(self.advice.foregroundRole())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        layout.addWidget(self.advice)
        self.show_strength(strength(""))

    def show_strength(self, rating: Strength) -> None:
        self.bar.setValue(rating.score + 1 if rating.label else 0)
        colour = METER_COLOURS[rating.score]
        shown = theme.visible(colour).name()
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {shown}; }}")
        self.label.setText(f"Strength: <b>{rating.label}</b>" if rating.label else "")
        self.advice.setText(rating.advice)
        self.advice.setVisible(bool(rating.advice))


class NewPassphraseForm(QWidget):
    """New passphrase, its strength, and the same again; ``changed(ok)`` as the user types."""

    changed = Signal(bool)

    def __init__(self, hints: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hints = hints
        self.new = PassphraseEdit("New passphrase", self)
        self.confirm = PassphraseEdit("The same again", self)
        self.meter = StrengthMeter(self)
        self.match = QLabel(self)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&New passphrase:", self.new)
        form.addRow("", self.meter)
        form.addRow("&Confirm:", self.confirm)
        form.addRow("", self.match)
        form.addRow("", show_toggle(self, self.new, self.confirm))
        self.new.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)

    def _update(self) -> None:
        rating = strength(self.new.text(), self.hints)
        self.meter.show_strength(rating)
        same = self.new.text() == self.confirm.text()
        if not self.confirm.text():
            self.match.setText("")
        else:
            self.match.setText("The two match." if same else "The two are different.")
        self.changed.emit(self.is_ok())

    def is_ok(self) -> bool:
        text = self.new.text()
        return strength(text, self.hints).acceptable and text == self.confirm.text()

    def passphrase(self) -> str:
        return self.new.text()

    def set_hints(self, hints: tuple[str, ...]) -> None:
        self.hints = hints
        self._update()


def error_label(parent: QWidget | None = None) -> QLabel:
    """An empty, wrapped label for saying what went wrong, in the usual error red."""
    label = QLabel(parent)
    label.setObjectName("errorMessage")
    theme.set_tone(label, "error")
    label.setWordWrap(True)
    return label


def note(text: str, parent: QWidget | None = None) -> QLabel:
    """A wrapped paragraph of explanation."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label
