"""One journal entry read in full, with links to its provider and children."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.journal import JournalEntryView, entry_view
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.bus import bus

EMPTY = "<p style='color:gray'>Choose an entry to read it in full.</p>"


def entry_html(view: JournalEntryView) -> str:
    e = view.entry
    esc = html.escape
    where = f" · {esc(view.setting_name)}" if view.setting_name else ""
    provider = f"<a href='provider:{e.provider_id}'>{esc(view.provider_name)}</a>"
    trust = f"{e.trust.label} ({int(e.trust)} of 5)" if e.trust else "Not recorded"
    children = (
        ", ".join(
            f"<a href='child:{cid}'>{esc(name)}</a>"
            for cid, name in zip(view.child_ids, view.children, strict=True)
        )
        or "None linked"
    )
    follow = short_date(e.follow_up_on) if e.follow_up_on else "None"
    notes = esc(e.body).replace("\n", "<br>") if e.body else "<i>No notes.</i>"
    return (
        f"<h3 style='margin-bottom:4px'>{esc(e.summary)}</h3>"
        f"<p>{short_date(e.occurred_on)} · {esc(e.kind.label)} · {provider}{where}</p>"
        "<table cellspacing='0' cellpadding='2'>"
        f"<tr><td><b>Trust after</b>&nbsp;</td><td>{trust}</td></tr>"
        f"<tr><td><b>Children</b>&nbsp;</td><td>{children}</td></tr>"
        f"<tr><td><b>Follow-up</b>&nbsp;</td><td>{follow}</td></tr></table>"
        f"<p>{notes}</p>"
    )


class EntryView(QWidget):
    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._entry_id: int | None = None
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.setAccessibleName("The chosen journal entry")
        self.text.anchorClicked.connect(self._follow)
        self.edit_button = QPushButton("Edit…", self)
        self.delete_button = QPushButton("Delete", self)
        self.reflect_button = QPushButton("&Reflect on this…", self)
        self.reflect_button.setToolTip("Write a reflection about this entry")
        self.edit_button.clicked.connect(lambda: self._request(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._request(self.delete_requested))
        self.reflect_button.clicked.connect(self._reflect)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reflect_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.show_entry(None)

    def show_entry(self, entry_id: int | None) -> None:
        self._entry_id = entry_id
        html_text = EMPTY
        if entry_id is not None:
            try:
                html_text = entry_html(entry_view(self._store, entry_id))
            except RelcomError as err:
                html_text = f"<p>{html.escape(str(err))}</p>"
                self._entry_id = None
        self.text.setHtml(html_text)
        for button in (self.edit_button, self.delete_button, self.reflect_button):
            button.setEnabled(self._entry_id is not None)

    def show_message(self, message: str) -> None:
        self.text.setHtml(f"<p>{html.escape(message)}</p>")

    def _request(self, signal: Signal) -> None:  # type: ignore[type-arg]
        if self._entry_id is not None:
            signal.emit(self._entry_id)  # type: ignore[attr-defined]

    def _reflect(self) -> None:
        from relcom_desktop.ui.reflection.reflection_dialog import reflect_on

        if self._entry_id is not None:
            try:
                reflect_on(self._store, "journal_entry", self._entry_id, self)
            except RelcomError as err:
                self.show_message(str(err))

    def _follow(self, url: QUrl) -> None:
        kind, _, record_id = url.toString().partition(":")
        if kind in ("child", "provider") and record_id.isdigit():
            bus().open_record.emit(kind, int(record_id))
