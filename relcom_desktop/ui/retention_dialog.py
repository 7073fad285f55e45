"""Reviewing records past retention: the rule, the children past it, and what to do with each.

Nothing is deleted automatically; a permanent deletion is one child at a time, confirmed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core import clock, retention
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.widgets import heading, quiet_label

HEADERS = ["Child", "LA reference", "Keep until", "Because", "Status"]
DELETE_WARNING = (
    "Delete {name} permanently?\n\nTheir record, placements, check-ins, plans, family links "
    "and reviews are erased and cannot be brought back. Journal entries, meetings and actions "
    "that also concern others stay, without the link to this child.\n\nConsider exporting "
    "everything about the child first (File menu)."
)


class RetentionDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Records retention")
        self.store = store
        self.items: list[retention.RetentionItem] = []
        self.rule = QComboBox(self)
        for rule in retention.RetentionRule:
            self.rule.addItem(rule.label, rule)
        self.years = QSpinBox(self)
        self.years.setRange(1, 120)
        self.years.setSuffix(" years")
        self.years.setAccessibleName("Years to keep records")
        current = retention.policy(store)
        self.rule.setCurrentIndex(list(retention.RetentionRule).index(current.rule))
        self.years.setValue(current.years)
        self.rule.currentIndexChanged.connect(self._rule_changed)
        self.years.valueChanged.connect(self._rule_changed)
        self.summary = quiet_label("", self)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setAccessibleName("Children past their keep-until date")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        rule_row = QHBoxLayout()
        rule_row.addWidget(QLabel("Keep a child's records:", self))
        rule_row.addWidget(self.rule, 1)
        rule_row.addWidget(self.years)
        actions = QHBoxLayout()
        for text, slot in (
            ("Keep &until…", self.set_date),
            ("&Delete permanently…", self.delete),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Records retention", self))
        layout.addLayout(rule_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.resize(820, 480)

    def _rule_changed(self) -> None:
        rule = self.rule.currentData()
        self.years.setEnabled(rule is not retention.RetentionRule.MANUAL)
        retention.set_policy(self.store, rule, self.years.value())
        self.refresh()

    def refresh(self) -> None:
        found = retention.review(self.store)
        self.items = found.past
        self.years.setEnabled(self.rule.currentData() is not retention.RetentionRule.MANUAL)
        self.summary.setText(
            f"{len(found.past)} children past retention, for you to review. "
            f"{found.without_date} children have no retention date yet. "
            "Nothing is ever deleted automatically."
        )
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            status = (
                "In the Trash"
                if item.in_trash
                else ("Archived" if item.archived else "On caseload")
            )
            cells = [
                item.preferred_name,
                item.la_reference or "",
                short_date(item.keep_until),
                item.basis,
                status,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _chosen(self) -> retention.RetentionItem | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def set_date(self) -> None:
        item = self._chosen()
        if item is None:
            return
        picker = QDialog(self)
        picker.setWindowTitle("Keep until")
        edit = QDateEdit(QDate(clock.today()).addYears(1), picker)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, picker
        )
        buttons.accepted.connect(picker.accept)
        buttons.rejected.connect(picker.reject)
        layout = QVBoxLayout(picker)
        layout.addWidget(QLabel("Keep this child's records until:", picker))
        layout.addWidget(edit)
        layout.addWidget(buttons)
        if picker.exec() == QDialog.DialogCode.Accepted:
            day = edit.date().toPython()
            assert isinstance(day, dt.date)
            retention.set_keep_until(self.store, item.child_id, day)
            self.refresh()

    def delete(self) -> None:
        item = self._chosen()
        if item is None:
            return
        answer = QMessageBox.warning(
            self,
            "Delete permanently",
            DELETE_WARNING.format(name=item.preferred_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        typed, ok = QInputDialog.getText(
            self, "Delete permanently", f"Type the child's name ({item.preferred_name}) to confirm:"
        )
        if not ok or typed.strip() != item.preferred_name:
            return
        try:
            retention.delete_permanently(self.store, item.child_id)
        except RelcomError as err:
            QMessageBox.warning(self, "Delete permanently", str(err))
        self.refresh()
