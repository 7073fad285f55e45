"""One child's page: the header and the tabs, starting from the child's own words."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QTabWidget, QVBoxLayout, QWidget

from relcom_desktop.core import checkins, clock, plans
from relcom_desktop.core.children import Child, delete_child, get_child, restore_child, set_archived
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.placements import current_placement, placements_for_child, stability
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.child.about_tab import AboutTab
from relcom_desktop.ui.child.checkins_tab import CheckInsTab
from relcom_desktop.ui.child.family_tab import FamilyTab
from relcom_desktop.ui.child.header import ChildHeader
from relcom_desktop.ui.child.mentions_tab import ActionsTab, JournalTab
from relcom_desktop.ui.child.placements_tab import PlacementsTab
from relcom_desktop.ui.child.plans_tab import PlansTab
from relcom_desktop.ui.child.reviews_tab import ReviewsTab
from relcom_desktop.ui.child.tab import ChildTab
from relcom_desktop.ui.print_flow import print_record
from relcom_desktop.ui.undo import record_done
from relcom_desktop.ui.widgets import PAGE_MARGIN, PAGE_SPACING

HEADER_KINDS = {"child", "placement", "lac_review", "check_in", "preference"}
TAB_FOR_KIND = {
    "family_link": 1, "placement": 2, "child_plan": 3, "looked_after_review": 3,
    "lac_review": 3, "check_in": 4, "placement_review": 5,
}  # fmt: skip


class ChildPage(QWidget):
    """Shows one child. ``back_requested`` asks to return to the list; ``left`` says the child
    is no longer shown here (moved to the Trash)."""

    back_requested = Signal()
    left = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.child: Child | None = None
        self.header = ChildHeader(self)
        self.about = AboutTab(store)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.about, "About me")
        self.lazy_tabs: list[ChildTab] = []
        for tab, title in (
            (FamilyTab(store), "Family && links"),
            (PlacementsTab(store), "Placements"),
            (PlansTab(store), "Plans && reviews"),
            (CheckInsTab(store), "Check-ins"),
            (ReviewsTab(store), "Placement reviews"),
            (JournalTab(store), "Journal mentions"),
            (ActionsTab(store), "Actions"),
        ):
            self.tabs.addTab(tab, title)
            self.lazy_tabs.append(tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN - 14, PAGE_MARGIN, PAGE_MARGIN - 8)
        layout.setSpacing(PAGE_SPACING)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self._connect()

    def _connect(self) -> None:
        self.header.back_requested.connect(self.back_requested)
        self.header.archive_requested.connect(self.toggle_archived)
        self.header.trash_requested.connect(self.move_to_trash)
        self.header.print_requested.connect(
            lambda kind: print_record(self._store, kind, self.child_id, self)
        )
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        self.about.dirty_changed.connect(self._mark_about_tab)
        back = QShortcut(QKeySequence("Alt+Left"), self, activated=self.back_requested.emit)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.setWhatsThis("Back to the list of children")
        bus().changed.connect(self._on_changed)

    # ---- showing a child -----------------------------------------------------------------

    @property
    def child_id(self) -> int | None:
        return self.child.id if self.child else None

    def show_child(self, child_id: int, kind: str = "child") -> None:
        """Show a child (raises NotFoundError if they are gone), on the tab for ``kind``."""
        child = get_child(self._store, child_id)
        if child_id != self.child_id:
            self.tabs.setCurrentIndex(TAB_FOR_KIND.get(kind, 0))
        elif kind in TAB_FOR_KIND:
            self.tabs.setCurrentIndex(TAB_FOR_KIND[kind])
        self._show(child)

    def select_row(self, kind: str, record_id: int) -> bool:
        """Show the tab listing records of ``kind`` and select that record's row there."""
        index = TAB_FOR_KIND.get(kind)
        if index is None:
            return False
        self.tabs.setCurrentIndex(index)
        self._refresh_current()
        tab = self.tabs.widget(index)
        return isinstance(tab, ChildTab) and tab.select_row(kind, record_id)

    def _show(self, child: Child) -> None:
        self.child = child
        today = clock.today()
        self.header.show_child(child, today)
        if not self.about.dirty or self.about.child is None or self.about.child.id != child.id:
            self.about.load(child)
        for tab in self.lazy_tabs:
            tab.show_child(child)
        self._refresh_status(today)
        self._refresh_current()

    def _refresh_status(self, today: dt.date) -> None:
        assert self.child is not None and self.child.id is not None
        history = placements_for_child(self._store, self.child.id)
        review, _intervals = plans.review_schedule(self._store, self.child.id, today)
        self.header.show_status(
            current_placement(history, today),
            stability(history, today),
            review,
            checkins.check_in_due(self._store, self.child.id),
            today,
        )

    def _refresh_current(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, ChildTab) and tab.stale:
            tab.refresh()

    def _on_changed(self, kind: str) -> None:
        if self.child is None or self.child.id is None:
            return
        if kind == "child":
            try:
                self._show(get_child(self._store, self.child.id))
            except RelcomError:
                name, self.child = self.child.preferred_name, None
                self.left.emit(f"{name} is no longer on the caseload.")
            return
        if kind in HEADER_KINDS:
            self._refresh_status(clock.today())
        for tab in self.lazy_tabs:
            if kind in tab.kinds:
                tab.stale = True
        self._refresh_current()

    def _mark_about_tab(self, dirty: bool) -> None:
        self.tabs.setTabText(0, "About me •" if dirty else "About me")

    # ---- leaving, archiving, deleting ------------------------------------------------------

    def may_leave(self) -> bool:
        """True when nothing unsaved would be lost (asking to save or discard if needed)."""
        if not self.about.dirty or self.child is None:
            return True
        self.tabs.setCurrentWidget(self.about)
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"Save your changes to {self.child.preferred_name}'s page before leaving?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.about.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.about.revert()
            return True
        return False

    def toggle_archived(self) -> None:
        if self.child is None or self.child.id is None or not self.may_leave():
            return
        child_id, name, archive = self.child.id, self.child.preferred_name, not self.child.archived
        store = self._store
        set_archived(store, child_id, archive)
        record_done(
            f"Archive {name}" if archive else f"Return {name} to the caseload",
            lambda: set_archived(store, child_id, not archive),
            lambda: set_archived(store, child_id, archive),
            "child",
        )

    def move_to_trash(self) -> None:
        if self.child is None or self.child.id is None or not self.may_leave():
            return
        child_id, name, store = self.child.id, self.child.preferred_name, self._store
        delete_child(store, child_id)
        self.child = None
        record_done(
            f"Move {name} to the Trash",
            lambda: restore_child(store, child_id),
            lambda: delete_child(store, child_id),
            "child",
        )
        self.left.emit(f"{name} was moved to the Trash. Undo with Ctrl+Z.")
