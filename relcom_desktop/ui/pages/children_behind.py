"""The children behind one number of the system overview; Enter opens a child's record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.formatting import money, plural, short_date
from relcom_desktop.core.overview import ChildBehind
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.widgets import quiet_label

HEADERS = ("Child", "Setting", "Provider", "Started", "Ended", "Weekly fee")


def _cells(child: ChildBehind) -> tuple[str, ...]:
    return (
        child.preferred_name,
        child.setting_name,
        child.provider_name,
        short_date(child.start_date),
        short_date(child.end_date) if child.end_date else "Living there now",
        money(child.weekly_fee_pence),
    )


class ChildrenBehindDialog(QDialog):
    def __init__(
        self, title: str, children: list[ChildBehind], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.children_shown = children
        self.table = QTableWidget(len(children), len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setAccessibleName("Children")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        for row, child in enumerate(children):
            for column, text in enumerate(_cells(child)):
                item = QTableWidgetItem(text)
                if column == len(HEADERS) - 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.open_child(index.row()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = "Enter or double-click opens the child's record."
        layout.addWidget(quiet_label(f"{plural(len(children), 'child', 'children')}. {hint}", self))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(860, 480)
        if children:
            self.table.setCurrentCell(0, 0)
        self.table.setFocus()

    def open_child(self, row: int) -> None:
        if 0 <= row < len(self.children_shown):
            self.accept()
            bus().open_record.emit("child", self.children_shown[row].child_id)
