"""Edit → Preferences: how the app looks on this computer, review intervals, reports, and
keeping the data safe (lock, backups).

Look (theme, text size) is kept per computer in QSettings; everything about the data is kept
in the data file (core/preferences.py), except where backups go and how many are kept, which
lives beside the data file (core/store/backup.py) so a damaged file can still be restored.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core import preferences
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.store import backup_files
from relcom_desktop.core.store.db import Store
from relcom_desktop.reports.options import Paper
from relcom_desktop.ui import theme
from relcom_desktop.ui.passphrase_widgets import error_label

BESIDE_DATA = "Beside the data file (the usual place)"
DATA_KEYS = [
    preferences.CHECK_IN_EVERY_DAYS,
    preferences.PLACEMENT_REVIEW_EVERY_MONTHS,
    preferences.REPORT_PAPER,
    preferences.REPORT_REDACT,
    preferences.LOCK_MINUTES,
    preferences.BACKUP_ON_CLOSE,
]


def spin(low: int, high: int, suffix: str, name: str, parent: QWidget) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setSuffix(suffix)
    box.setAccessibleName(name)
    return box


def form_tab(tabs: QTabWidget, title: str) -> QFormLayout:
    page = QWidget(tabs)
    tabs.addTab(page, title)
    form = QFormLayout(page)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    return form


class PreferencesDialog(QDialog):
    """Shows the saved preferences; OK saves them all, or says what is wrong and keeps them."""

    def __init__(self, store: Store, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.setWindowTitle("Preferences")
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Preference groups")
        self._build_look(form_tab(self.tabs, "&Appearance"))
        self._build_reviews(form_tab(self.tabs, "Re&views"))
        self._build_reports(form_tab(self.tabs, "&Reports"))
        self._build_safety(form_tab(self.tabs, "&Safety and backups"))
        self.problem = error_label(self)
        self.problem.setAccessibleName("Problem")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._load()

    # ---- building ------------------------------------------------------------------------

    def _build_look(self, form: QFormLayout) -> None:
        self.theme = QComboBox(self)
        for key, label in theme.THEMES.items():
            self.theme.addItem(label, key)
        self.theme.setAccessibleName("Theme")
        self.font_scale = QComboBox(self)
        for scale in theme.FONT_SCALES:
            self.font_scale.addItem(f"{scale} %", scale)
        self.font_scale.setAccessibleName("Text size")
        self.font_scale.setAccessibleDescription("200 % makes all text twice its usual size")
        form.addRow("&Theme:", self.theme)
        form.addRow("Text si&ze:", self.font_scale)

    def _build_reviews(self, form: QFormLayout) -> None:
        self.check_in = spin(7, 365, " days", "Check in with each child every", self)
        self.placement_review = spin(1, 24, " months", "Review each placement every", self)
        form.addRow("&Check in with each child every:", self.check_in)
        form.addRow("Review each &placement every:", self.placement_review)

    def _build_reports(self, form: QFormLayout) -> None:
        self.paper = QComboBox(self)
        for paper in Paper:
            self.paper.addItem(paper.label, paper.value)
        self.paper.setAccessibleName("Paper size")
        self.redact = QCheckBox("&Hide names in new reports (redact)", self)
        form.addRow("&Paper size:", self.paper)
        form.addRow(self.redact)

    def _build_safety(self, form: QFormLayout) -> None:
        self.lock_minutes = spin(0, 240, " minutes", "Lock after this long without use", self)
        self.lock_minutes.setSpecialValueText("Never (only Ctrl+L and on waking)")
        self.backup_on_close = QCheckBox("&Back up when I close the app", self)
        self.folder = QLineEdit(self)
        self.folder.setPlaceholderText(BESIDE_DATA)
        self.folder.setAccessibleName("Backup folder")
        self.folder.setAccessibleDescription("Leave empty to keep backups beside the data file")
        choose = QPushButton("C&hoose…", self)
        choose.setAccessibleName("Choose the backup folder")
        choose.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        self.keep_daily = spin(1, 60, " days", "Daily backups kept", self)
        self.keep_weekly = spin(0, 52, " weeks", "Weekly backups kept", self)
        self.keep_monthly = spin(0, 120, " months", "Monthly backups kept", self)
        form.addRow("&Lock after:", self.lock_minutes)
        form.addRow(self.backup_on_close)
        form.addRow("Backup &folder:", row)
        form.labelForField(row).setBuddy(self.folder)
        form.addRow("Keep one a day for:", self.keep_daily)
        form.addRow("Keep one a week for:", self.keep_weekly)
        form.addRow("Keep one a month for:", self.keep_monthly)
        for box in (self.keep_daily, self.keep_weekly, self.keep_monthly):
            form.labelForField(box).setBuddy(box)

    def _choose_folder(self) -> None:
        start = self.folder.text() or str(self.store.data_dir)
        folder = QFileDialog.getExistingDirectory(self, "Choose a folder for backups", start)
        if folder:
            self.folder.setText(folder)

    # ---- loading and saving --------------------------------------------------------------

    def _load(self) -> None:
        choice, scale = theme.stored_choice(self.settings)
        self.theme.setCurrentIndex(max(0, self.theme.findData(choice)))
        self.font_scale.setCurrentIndex(max(0, self.font_scale.findData(scale)))
        values = preferences.get_many(self.store, DATA_KEYS)
        self.check_in.setValue(int(values[preferences.CHECK_IN_EVERY_DAYS]))
        self.placement_review.setValue(int(values[preferences.PLACEMENT_REVIEW_EVERY_MONTHS]))
        self.paper.setCurrentIndex(max(0, self.paper.findData(values[preferences.REPORT_PAPER])))
        self.redact.setChecked(bool(values[preferences.REPORT_REDACT]))
        self.lock_minutes.setValue(int(values[preferences.LOCK_MINUTES]))
        self.backup_on_close.setChecked(bool(values[preferences.BACKUP_ON_CLOSE]))
        plan = backup_files.backup_plan(self.store.data_dir)
        self.folder.setText(str(plan.folder) if plan.folder else "")
        self.keep_daily.setValue(plan.keep_daily)
        self.keep_weekly.setValue(plan.keep_weekly)
        self.keep_monthly.setValue(plan.keep_monthly)

    def backup_plan(self) -> backup_files.BackupPlan:
        folder = self.folder.text().strip()
        return backup_files.BackupPlan(
            Path(folder).expanduser() if folder else None,
            self.keep_daily.value(),
            self.keep_weekly.value(),
            self.keep_monthly.value(),
        )

    def accept(self) -> None:
        try:
            backup_files.save_backup_plan(self.store.data_dir, self.backup_plan())
        except RelcomError as err:
            self.problem.setText(str(err))
            self.problem.show()
            self.tabs.setCurrentIndex(self.tabs.count() - 1)
            self.folder.setFocus()
            return
        preferences.put_many(
            self.store,
            {
                preferences.CHECK_IN_EVERY_DAYS: self.check_in.value(),
                preferences.PLACEMENT_REVIEW_EVERY_MONTHS: self.placement_review.value(),
                preferences.REPORT_PAPER: self.paper.currentData(),
                preferences.REPORT_REDACT: self.redact.isChecked(),
                preferences.LOCK_MINUTES: self.lock_minutes.value(),
                preferences.BACKUP_ON_CLOSE: self.backup_on_close.isChecked(),
            },
        )
        self.settings.setValue(theme.THEME_KEY, self.theme.currentData())
        self.settings.setValue(theme.FONT_SCALE_KEY, self.font_scale.currentData())
        self.settings.sync()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, self.theme.currentData(), self.font_scale.currentData())
        super().accept()
