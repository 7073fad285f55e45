"""The Meetings page: the list of meetings, and the editor for one meeting.

Ctrl+N starts a meeting from its kind's template; Ctrl+Shift+N plans the next meeting of the
highlighted one's series (carrying forward open actions); Enter opens; Delete moves a meeting
to the Trash (Ctrl+Z brings it back).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QStackedWidget, QWidget

from relcom_desktop.core import meetings as svc
from relcom_desktop.core.enums import MeetingKind
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.formatting import MISSING, number
from relcom_desktop.core.meeting_list import (
    MeetingFilter,
    MeetingListRow,
    MeetingSort,
    When,
    count_meetings,
    list_meetings,
)
from relcom_desktop.core.meeting_templates import follow_up_draft
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui import exports
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.lazy_model import ALIGN_RIGHT, Column
from relcom_desktop.ui.pages.list_page import ListPage
from relcom_desktop.ui.pages.meeting_dialogs import NewMeetingDialog
from relcom_desktop.ui.pages.meeting_editor import MeetingEditor
from relcom_desktop.ui.undo import record_done
from relcom_desktop.ui.widgets import choice_combo, chosen, enum_combo


def _when(row: MeetingListRow) -> str:
    at = row.starts_at
    return f"{at:%a} {at.day} {at:%b %Y}, {at:%H:%M}"


COLUMNS = [
    Column("When", _when, MeetingSort.DATE),
    Column("Meeting", lambda r: r.title, MeetingSort.TITLE),
    Column("Kind", lambda r: r.kind.label, MeetingSort.KIND),
    Column("Children", lambda r: r.children or MISSING),
    Column("Open actions", lambda r: number(r.open_actions), align=ALIGN_RIGHT),
    Column("Where", lambda r: r.location or MISSING),
]
SAMPLES = [
    "Wed 30 Sep 2026, 14:30",
    "",
    "Strategic / sufficiency",
    "Alexandra-Rose",
    "Open actions",
    "County Hall, Room 4",
]
STRETCH = (1,)


class MeetingList(ListPage):
    """The meetings, today's and those to come first; Enter opens one."""

    empty_hint = (
        "No meetings coming up. New meeting… (Ctrl+N) starts one from a template; choose "
        "Past or All meetings above to see earlier ones."
    )

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("Meetings", "Search titles and places", ("meeting", "meetings"), parent)
        self.use_service(store, list_meetings, count_meetings, MeetingSort, MeetingSort.DATE)
        self.when = choice_combo(
            "Today and upcoming", [(When.PAST, "Past"), (When.ALL, "All meetings")]
        )
        self.kind = enum_combo("Every kind", MeetingKind)
        self.when.currentIndexChanged.connect(lambda _i: self._date_order())
        for combo in (self.when, self.kind):
            self.filters.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.buttons = QHBoxLayout()
        self.toggles.addLayout(self.buttons)
        self.finish_filters()
        self.set_columns(COLUMNS, samples=SAMPLES, stretch=STRETCH, sortable=True)

    def _date_order(self) -> None:
        """Upcoming meetings soonest first; past (and all) meetings newest first."""
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() != 0:
            return  # the user chose another order: keep it
        upcoming = self.current_filter().when is When.UPCOMING
        order = Qt.SortOrder.AscendingOrder if upcoming else Qt.SortOrder.DescendingOrder
        header.setSortIndicator(0, order)

    def current_filter(self) -> MeetingFilter:
        return MeetingFilter(
            text=self.search.text().strip(),
            kind=chosen(self.kind, MeetingKind),
            when=When(self.when.currentData() or When.UPCOMING),
        )

    def filters_active(self) -> bool:
        return self.current_filter() != MeetingFilter(when=When.UPCOMING)


class MeetingsPage(QStackedWidget):
    """The list, or one meeting open in the editor."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.list = MeetingList(store, self)
        self.editor = MeetingEditor(store, self)
        self.addWidget(self.list)
        self.addWidget(self.editor)
        self._add_buttons()
        self.list.row_activated.connect(lambda row: self.open_record("meeting", row.id))
        self.editor.closed.connect(self.show_list)
        self.editor.saved.connect(lambda _id: self.list.refresh())
        bus().changed.connect(lambda kind: kind in ("meeting", "action") and self.list.refresh())

    def _add_buttons(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for text, keys, slot in (
            ("&New meeting…", "Ctrl+N", self.new_meeting),
            ("Next in &series…", "Ctrl+Shift+N", self.follow_up),
            ("&Reflect on this…", "", self.reflect_on_current),
            ("&Print minutes…", "", self.print_current),
            ("Export (.ics)…", "", self.export_current),
            (
                "Export upcoming (.ics)…",
                "",
                lambda: exports.export_meetings_ics(self, self._store, None, "upcoming-meetings"),
            ),
            ("Delete", "Del", self.delete_current),
        ):
            button = QPushButton(text, self.list)
            button.setToolTip(keys)
            button.clicked.connect(slot)
            self.list.buttons.addWidget(button)
            if keys:
                shortcut = QShortcut(QKeySequence(keys), self.list, slot, context=context)
                shortcut.setWhatsThis(text.replace("&", ""))

    def focus_search(self) -> None:
        self.show_list()
        self.list.focus_search()

    def show_list(self) -> None:
        self.setCurrentWidget(self.list)
        self.list.table.setFocus()

    def open_record(self, kind: str, record_id: int) -> None:
        try:
            detail = svc.get_meeting_detail(self._store, record_id)
        except RelcomError as error:
            QMessageBox.information(self, "Meeting not found", str(error))
            return
        self.show_editor(detail)

    def show_editor(self, detail: svc.MeetingDetail) -> None:
        self.editor.show_meeting(detail)
        self.setCurrentWidget(self.editor)

    def new_meeting(self) -> None:
        dialog = NewMeetingDialog(self.show_editor, self)
        dialog.open()

    def follow_up(self) -> None:
        row = self.list.current_row()
        if row is not None:
            self.show_editor(follow_up_draft(self._store, row.id))

    def print_current(self) -> None:
        """Print the chosen meeting's minutes, the preview over this list."""
        from relcom_desktop.ui.print_flow import print_record

        row = self.list.current_row()
        if row is not None:
            print_record(self._store, "meeting", row.id, self)

    def reflect_on_current(self) -> None:
        """Start a reflection about the chosen meeting, already linked to it."""
        from relcom_desktop.ui.reflection.reflection_dialog import reflect_on

        row = self.list.current_row()
        if row is None:
            return
        try:
            reflect_on(self._store, "meeting", row.id, self)
        except RelcomError as err:
            QMessageBox.warning(self, "Reflect on this", str(err))

    def export_current(self) -> None:
        row = self.list.current_row()
        if row is not None:
            exports.export_meetings_ics(self, self._store, [row.id], "meeting")

    def delete_current(self) -> None:
        row = self.list.current_row()
        if row is None:
            return
        svc.delete_meeting(self._store, row.id)
        record_done(
            f"Delete meeting “{row.title}”",
            lambda: svc.restore_meeting(self._store, row.id),
            lambda: svc.delete_meeting(self._store, row.id),
            "meeting",
        )
