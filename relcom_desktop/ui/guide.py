"""The Help menu: keyboard shortcuts (made from the shortcuts actually registered, so the list
never goes stale) and a short user guide bundled with the app."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

GUIDE_PATH = Path(__file__).parent.parent / "resources" / "user-guide.html"
NATIVE = QKeySequence.SequenceFormat.NativeText
# Keys Qt gives every window and dialog (not registered by the app, so listed here).
EVERYWHERE = [
    ("Tab / Shift+Tab", "Move to the next or previous field or button"),
    ("Ctrl+Tab / Ctrl+Shift+Tab", "Show the next or previous tab"),
    ("Alt + underlined letter", "Press that button or go to that field"),
    ("Space", "Press the button, or tick the box, that has the focus"),
    ("Esc", "Close a dialog without saving"),
    ("F10 or Alt", "Open the menus"),
]


def _keys(sequence: QKeySequence) -> str:
    return sequence.toString(NATIVE)


def menu_rows(menu: QMenu, path: str = "") -> list[tuple[str, str, str]]:
    """(where, what, keys) for every action in ``menu`` and its submenus."""
    where = f"{path} → {menu.title().replace('&', '')}" if path else menu.title().replace("&", "")
    rows: list[tuple[str, str, str]] = []
    for action in menu.actions():
        if action.menu() is not None:
            rows += menu_rows(action.menu(), where)
        elif not action.isSeparator() and action.text():
            rows.append((where, action.text().replace("&", ""), _keys(action.shortcut())))
    return rows


def _section_of(window: QMainWindow, widget: QObject) -> str:
    """The title of the section (page) a widget lives on."""
    from relcom_desktop.ui.sections import SECTIONS

    stack = getattr(window, "stack", None)
    for index, section in enumerate(SECTIONS):
        host = stack.widget(index) if stack is not None else None
        if host is not None and isinstance(widget, QWidget) and host.isAncestorOf(widget):
            return section.title
    return "In the window"


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(where, what, keys): every menu item, then every shortcut registered on the pages
    opened so far (a QShortcut says what it does in its whatsThis)."""
    rows = [row for action in window.menuBar().actions() for row in menu_rows(action.menu())]
    seen = {(what, keys) for _where, what, keys in rows}
    for shortcut in window.findChildren(QShortcut):
        what, keys = shortcut.whatsThis(), _keys(shortcut.key())
        if what and keys and (what, keys) not in seen:
            rows.append((_section_of(window, shortcut.parent()), what, keys))
            seen.add((what, keys))
    return rows


class ShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts (Ctrl+/): every shortcut, grouped by where it lives."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard shortcuts")
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setHeaderLabels(["What it does", "Keys"])
        self.tree.setRootIsDecorated(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for where, what, keys in [
            *shortcut_rows(window),
            *(("Anywhere", w, k) for k, w in EVERYWHERE),
        ]:
            if where not in groups:
                groups[where] = QTreeWidgetItem(self.tree, [where])
            QTreeWidgetItem(groups[where], [what, keys or "—"])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.setCurrentItem(self.tree.topLevelItem(0))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("M") * 48, metrics.height() * 32)


def guide_html() -> str:
    return GUIDE_PATH.read_text(encoding="utf-8")


class UserGuide(QDialog):
    """Help → User guide (F1): a short guide to the app, beside the window while you work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("User guide")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName("User guide")
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("M") * 50, metrics.height() * 36)


def install(window: QMainWindow, menu: QMenu) -> None:
    """Add Keyboard shortcuts and User guide to the Help menu."""
    guide: list[UserGuide] = []

    def show_guide() -> None:
        if not guide:
            guide.append(UserGuide(window))
        guide[0].show()
        guide[0].raise_()
        guide[0].activateWindow()

    shortcuts = menu.addAction("&Keyboard shortcuts", lambda: ShortcutsDialog(window).exec())
    shortcuts.setShortcut(QKeySequence("Ctrl+/"))
    user_guide = menu.addAction("&User guide", show_guide)
    user_guide.setShortcut(QKeySequence.StandardKey.HelpContents)
    menu.addSeparator()
