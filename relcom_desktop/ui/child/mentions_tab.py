"""Read-only lists on the child page: journal entries naming the child, and their actions.

Each row opens its record where it lives (the Journal or Actions section).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from relcom_desktop.core import clock
from relcom_desktop.core.actions import Action, open_actions
from relcom_desktop.core.formatting import MISSING, plural, short_date
from relcom_desktop.core.journal import JournalFilter, count_entries, list_entries
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.child.look import empty_note
from relcom_desktop.ui.child.tab import ChildTab
from relcom_desktop.ui.child.tables import RecordTable
from relcom_desktop.ui.lazy_model import Column
from relcom_desktop.ui.widgets import quiet_label

JOURNAL_COLUMNS = [
    Column("Date", lambda r: short_date(r.occurred_on)),
    Column("Provider", lambda r: r.provider_name),
    Column("Kind", lambda r: r.kind.label),
    Column("Summary", lambda r: r.summary, tooltip=lambda r: r.summary),
    Column("Trust", lambda r: r.trust.label if r.trust else MISSING),
]


def _due(action: Action) -> str:
    if action.due_on is None:
        return "No date"
    late = " · overdue" if action.due_on < clock.today() else ""
    return short_date(action.due_on) + late


ACTION_COLUMNS = [
    Column("Due", _due),
    Column("What needs doing", lambda a: a.title, tooltip=lambda a: a.title),
    Column("Who", lambda a: a.owner or MISSING),
    Column("From", lambda a: a.source.label),
]


class ListTab(ChildTab):
    """A read-only list with a count; Enter or double-click opens the record."""

    record_kind = ""
    noun = ("record", "records")
    empty_text = ""

    def __init__(
        self, store: Store, columns: list[Column], widths: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(store, parent)
        self.count = quiet_label()
        self.table = RecordTable(columns, widths=widths, stretch=(3,) if len(columns) > 4 else (1,))
        self.empty = empty_note(self.empty_text, self)
        self.body.addWidget(self.count)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.empty)
        self.table.record_activated.connect(
            lambda record: bus().open_record.emit(self.record_kind, record.id)
        )

    def show_count(self) -> None:
        total = self.table.record_count()
        self.count.setText(
            f"{plural(total, *self.noun)} · press Enter to open one" if total else ""
        )
        self.table.setVisible(bool(total))
        self.empty.setVisible(not total)


class JournalTab(ListTab):
    kinds = ("journal_entry",)
    record_kind = "journal_entry"
    noun = ("journal entry names this child", "journal entries name this child")
    empty_text = "No journal entries name this child yet."

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, JOURNAL_COLUMNS, [110, 220, 120, 0, 90], parent)

    def reload(self) -> None:
        filt = JournalFilter(child_id=self.child_id)
        self.table.set_source(
            lambda offset, limit: list_entries(self._store, filt, offset=offset, limit=limit),
            lambda: count_entries(self._store, filt),
        )
        self.show_count()


class ActionsTab(ListTab):
    kinds = ("action",)
    record_kind = "action"
    noun = ("open action for this child", "open actions for this child")
    empty_text = "No open actions for this child."

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, ACTION_COLUMNS, [200, 0, 170, 170], parent)

    def reload(self) -> None:
        self.table.set_rows(open_actions(self._store, child_id=self.child_id))
        self.show_count()
