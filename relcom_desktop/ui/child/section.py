"""The Children section: the caseload list, and one child's page in front of it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from relcom_desktop.core.checkins import get_check_in
from relcom_desktop.core.errors import NotFoundError, RelcomError
from relcom_desktop.core.placements import get_placement
from relcom_desktop.core.reviews import get_review
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.bus import RowTarget, bus
from relcom_desktop.ui.child.details import NewChildDialog
from relcom_desktop.ui.child.page import ChildPage
from relcom_desktop.ui.child.trash_dialog import ChildrenTrashDialog
from relcom_desktop.ui.pages.children_page import ChildrenPage

MESSAGE_MS = 8000
LIST_KINDS = {"child", "placement", "check_in"}


class ChildrenSection(QStackedWidget):
    """Shows the list, or a child's page (Alt+Left or "← Children" goes back to the list)."""

    child_opened = Signal(int)
    selects_rows = True  # open_record takes a RowTarget (main window routing)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.list = ChildrenPage(store)
        self.child_page = ChildPage(store)
        self.addWidget(self.list)
        self.addWidget(self.child_page)
        self.list.child_opened.connect(lambda child_id: self.open_record("child", child_id))
        self.list.new_requested.connect(self.new_child)
        self.list.trash_requested.connect(self.show_trash)
        self.child_page.back_requested.connect(self.show_list)
        self.child_page.left.connect(self._child_left)
        new = QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_child)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.setWhatsThis("New child…")  # listed in Help → Keyboard shortcuts
        bus().changed.connect(self._on_changed)

    # ---- what other parts of the app ask of a section ----------------------------------------

    def open_record(self, kind: str, record_id: int, row: RowTarget | None = None) -> None:
        """Show a child's page (for a child, one of their placements, check-ins or reviews),
        on the tab of ``row`` with that row selected when one is given."""
        try:
            child_id = self._child_of(kind, record_id)
            if child_id != self.child_page.child_id and not self.may_leave():
                return
            self.child_page.show_child(child_id, kind)
        except RelcomError as err:
            self._say(str(err))
            return
        self.setCurrentWidget(self.child_page)
        if row is None or not self.child_page.select_row(row.kind, row.record_id):
            self.child_page.tabs.tabBar().setFocus()  # arrows or Ctrl+Tab choose a tab
        self.child_opened.emit(child_id)

    def _child_of(self, kind: str, record_id: int) -> int:
        if kind == "child":
            return record_id
        if kind == "placement":
            return get_placement(self._store, record_id).child_id
        if kind == "check_in":
            return get_check_in(self._store, record_id).child_id
        if kind == "placement_review":
            placement_id = get_review(self._store, record_id).placement_id
            return get_placement(self._store, placement_id).child_id
        raise NotFoundError(f"The Children section cannot show a {kind}.")

    def current_context(self) -> tuple[str, int] | None:
        """("child", id) while a child's page is showing (e.g. to default a quick journal entry)."""
        child_id = self.child_page.child_id
        if self.currentWidget() is self.child_page and child_id is not None:
            return ("child", child_id)
        return None

    def may_leave(self) -> bool:
        """Ask about unsaved edits before the child's page is left; False to stay."""
        return self.currentWidget() is not self.child_page or self.child_page.may_leave()

    def focus_search(self) -> None:
        """Back to the list with the keyboard in the search box (Ctrl+2)."""
        if self.show_list():
            self.list.focus_search()

    # ---- moving between the list and a child ----------------------------------------------

    def show_list(self) -> bool:
        if not self.may_leave():
            return False
        self.setCurrentWidget(self.list)
        self.list.table.setFocus()
        return True

    def new_child(self) -> None:
        if not self.may_leave():
            return
        dialog = NewChildDialog(self._store, self)
        accepted = dialog.exec()
        self.window().activateWindow()  # give the keyboard back even without a window manager
        if accepted and dialog.saved is not None:
            self.open_record("child", dialog.saved.id)
            self.child_page.about.voice[0].text.setFocus()  # ready for the child's own words

    def show_trash(self) -> None:
        dialog = ChildrenTrashDialog(self._store, self)
        dialog.exec()
        self.window().activateWindow()
        if dialog.restored:
            self._say("Restored from the Trash. Undo with Ctrl+Z.")

    def _child_left(self, message: str) -> None:
        self.setCurrentWidget(self.list)
        self.list.table.setFocus()
        self._say(message)

    def _on_changed(self, kind: str) -> None:
        if kind == "placement":
            self.list.reload_settings()  # a setting may have gained or lost its last child
        if kind in LIST_KINDS:
            self.list.refresh()

    def _say(self, message: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, MESSAGE_MS)
