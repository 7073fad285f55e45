"""The learning log: reflections newest first, filtered by change, period and words, loaded
page by page; the chosen one read in full; and how many reflections carry each of the nine
changes in the period, so gaps show."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.enums import LearningChange
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.reflection import (
    ReflectionFilter,
    ReflectionRow,
    count_reflections,
    get_reflection,
    list_reflections,
    reflection_counts,
)
from relcom_desktop.core.reflection_links import links_for
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.charts import Bar, BarChart
from relcom_desktop.ui.lazy_model import Column
from relcom_desktop.ui.pages.list_page import ListPage
from relcom_desktop.ui.reflection.period import Period
from relcom_desktop.ui.reflection.reflection_dialog import REFLECTIONS, open_reflection
from relcom_desktop.ui.widgets import enum_combo, quiet_label

EMPTY = "<p style='color:gray'>Choose a reflection to read it in full.</p>"
PROMPTS = (
    ("what_happened", "What happened"),
    ("what_learned", "What I learned"),
    ("do_differently", "What I'll do differently"),
)
LINK_KINDS = {"Journal entry": "journal_entry", "Meeting": "meeting"}
COLUMNS = [
    Column("Date", lambda r: short_date(r.reflection.written_on)),
    Column(
        "Changes",
        lambda r: "; ".join(c.label for c in r.reflection.changes),
        tooltip=lambda r: "\n".join(c.label for c in r.reflection.changes),
    ),
    Column(
        "What happened",
        lambda r: _first_words(r),
        tooltip=lambda r: _first_words(r),
    ),
    Column("About", lambda r: r.about, tooltip=lambda r: r.about),
]
SAMPLES = ["28 Sep 2026", "Fostering new collegiality", "", "Journal entry"]


def _first_words(row: ReflectionRow) -> str:
    r = row.reflection
    return next((t for t in (r.what_happened, r.what_learned, r.do_differently) if t), "")


def reflection_html(row: ReflectionRow) -> str:
    r, esc = row.reflection, html.escape
    ids = {
        "Journal entry": r.journal_entry_id,
        "Meeting": r.meeting_id,
        "Provider": r.provider_id,
        "Child": r.child_id,
    }
    about = "<br>".join(
        f"{label}: <a href='{LINK_KINDS.get(label, label.lower())}:{ids[label]}'>{esc(text)}</a>"
        for label, text in row.links.labelled
    )
    parts = [
        f"<h3 style='margin-bottom:4px'>Reflection of {short_date(r.written_on)}</h3>",
        f"<p><i>{esc(' · '.join(c.label for c in r.changes))}</i></p>",
    ]
    if about:
        parts.append(f"<p><b>About</b><br>{about}</p>")
    for field, label in PROMPTS:
        text = getattr(r, field)
        if text:
            parts.append(f"<p><b>{label}</b><br>{esc(text).replace(chr(10), '<br>')}</p>")
    return "".join(parts)


class LogTab(ListPage):
    """The learning log with its filters, the chosen reflection, and counts per change."""

    empty_hint = (
        "No reflections yet. New reflection… keeps what happened, what you learned and "
        "what you will do differently."
    )

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        noun = ("reflection", "reflections")
        super().__init__("Learning log", "Search your reflections", noun, parent)
        self._store = store
        self._period: Period | None = None
        self._shown: ReflectionRow | None = None
        self.change = enum_combo("All nine changes", LearningChange)
        self.change.setAccessibleName("Change")
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.setAccessibleName("The chosen reflection")
        self.text.anchorClicked.connect(self._follow)
        self.edit_button = QPushButton("Edit…", self)
        self.delete_button = QPushButton("Delete", self)
        self.counts = BarChart((), self, click_hint="Click to show these reflections")
        self.counts.setAccessibleName("Reflections per change")
        self.counts_title = quiet_label("", self)
        self.filters.addWidget(self.change)
        self.change.currentIndexChanged.connect(lambda _i: self.refresh())
        self.finish_filters()
        self.findChild(QWidget, "pageHeading").hide()  # the page has the heading
        self.set_columns(COLUMNS, samples=SAMPLES, stretch=(3,), sortable=False, fit=True)
        self._split()
        self.row_activated.connect(lambda row: self.edit(row.id))
        self.edit_button.clicked.connect(lambda: self._shown and self.edit(self._shown.id))
        self.delete_button.clicked.connect(self._delete_shown)
        self.counts.part_clicked.connect(self._show_change)
        self.show_row(None)

    def _split(self) -> None:
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(8, 0, 0, 0)
        column.addWidget(self.text, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        column.addLayout(buttons)
        column.addWidget(self.counts_title)
        column.addWidget(self.counts)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.layout().replaceWidget(self.table, splitter)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 11)
        splitter.setStretchFactor(1, 9)
        splitter.setSizes([1100, 900])
        splitter.setChildrenCollapsible(False)
        self.table.setAccessibleName("Reflections")
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_a: self.show_row(self.current_row())
        )
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.setWhatsThis("Delete the chosen reflection")
        delete.activated.connect(lambda: (row := self.current_row()) and self.delete(row.id))

    # ---- what the list shows ---------------------------------------------------------------

    def set_period(self, period: Period) -> None:
        self._period = period
        self.refresh()

    def current_filter(self) -> ReflectionFilter:
        period = self._period
        return ReflectionFilter(
            change=self.change.currentData(),
            date_from=period.first if period else None,
            date_to=period.last if period else None,
            text=self.search.text().strip(),
        )

    def filters_active(self) -> bool:
        return bool(self.search.text().strip()) or self.change.currentData() is not None

    def fetch(self, offset: int, limit: int) -> Sequence[ReflectionRow]:
        return list_reflections(self._store, self.current_filter(), offset=offset, limit=limit)

    def count(self) -> int:
        return count_reflections(self._store, self.current_filter())

    def refresh(self) -> None:
        super().refresh()
        self._show_counts()
        if self._shown is not None:
            self.show_reflection(self._shown.id)

    def _show_counts(self) -> None:
        period = self._period
        counts = reflection_counts(
            self._store, period.first if period else None, period.last if period else None
        )
        gaps = sum(1 for c in counts if c.count == 0)
        title = "Reflections per change" + (f", {period.words}" if period else "")
        if gaps:
            title += f" — {gaps} with none yet"
        self.counts_title.setText(title)
        self.counts.set_bars(
            [
                Bar(c.change.label, (c.count,), str(c.count) if c.count else "0 · a gap")
                for c in counts
            ]
        )

    def _show_change(self, row: int, _part: int) -> None:
        self.change.setCurrentIndex(row + 1)  # after "All nine changes"

    # ---- the chosen reflection ---------------------------------------------------------

    def show_row(self, row: ReflectionRow | None) -> None:
        self._shown = row
        self.text.setHtml(reflection_html(row) if row else EMPTY)
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(row is not None)

    def show_reflection(self, reflection_id: int) -> None:
        """Show one reflection in full (e.g. opened from a search), wherever it is in the list."""
        try:
            found = get_reflection(self._store, reflection_id)
        except RelcomError as err:
            self.show_row(None)
            self.text.setHtml(f"<p>{html.escape(str(err))}</p>")
            return
        self.show_row(ReflectionRow(found, links_for(self._store, found)))

    def _follow(self, url: QUrl) -> None:
        kind, _, record_id = url.toString().partition(":")
        if record_id.isdigit():
            bus().open_record.emit(kind, int(record_id))

    def edit(self, reflection_id: int) -> None:
        try:
            reflection = get_reflection(self._store, reflection_id)
        except RelcomError as err:
            self.text.setHtml(f"<p>{html.escape(str(err))}</p>")
            return
        open_reflection(self._store, reflection, self)

    def _delete_shown(self) -> None:
        if self._shown is not None:
            self.delete(self._shown.id)

    def delete(self, reflection_id: int) -> None:
        self.show_row(None)
        REFLECTIONS.remove(self._store, reflection_id)
