"""Family & links (principle #6): the people and communities the child is connected to."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from relcom_desktop.core import clock, family, preferences
from relcom_desktop.core.enums import ContactArrangement, LinkImportance, LinkKind
from relcom_desktop.core.family import FamilyLink
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.child.details import line
from relcom_desktop.ui.child.fields import DateField, TextArea, enum_picker, pick, picked
from relcom_desktop.ui.child.form import RecordDialog
from relcom_desktop.ui.child.look import button_row, empty_note, html_text, reminder
from relcom_desktop.ui.child.tab import ChildTab
from relcom_desktop.ui.child.tables import RecordTable
from relcom_desktop.ui.lazy_model import Column
from relcom_desktop.ui.undo import RecordService

COLUMNS = [
    Column("Name", lambda r: r.name),
    Column("Relationship", lambda r: r.relationship_text or r.kind.label),
    Column("Contact arrangement", lambda r: r.contact_arrangement.label),
    Column("How important", lambda r: r.importance.label),
    Column("Last contact", lambda r: short_date(r.last_contact) if r.last_contact else "None"),
    Column("Notes", lambda r: r.notes.replace("\n", " "), tooltip=lambda r: r.notes),
]
WIDTHS = [190, 170, 190, 130, 110]
LINKS = RecordService.of(family, "link", "family_link")


def reminder_text(due: list[FamilyLink], days: int) -> str:
    if not due:
        return ""
    names = ", ".join(
        f"<b>{html_text(link.name)}</b> ("
        + (f"last {short_date(link.last_contact)}" if link.last_contact else "none recorded")
        + ")"
        for link in due
    )
    return f"⚠ No contact recorded in the last {days} days with: {names}."


class LinkDialog(RecordDialog):
    def __init__(self, store: Store, link: FamilyLink, parent: QWidget | None = None) -> None:
        super().__init__("Edit link" if link.id else "Add a family or community link", parent)
        self._store, self._link = store, link
        self.name = line("Name", 160, "A person, or a community such as a church or club")
        self.kind = enum_picker(LinkKind)
        self.relationship = line("Relationship", 120, "e.g. Mum, older brother, Nan")
        self.arrangement = enum_picker(ContactArrangement)
        self.importance = enum_picker(LinkImportance)
        self.last_contact = DateField("the last contact", latest=clock.today())
        self.notes = TextArea("Notes", lines=3)
        self.form.add("&Name", self.name, self._name_problem)
        self.form.add("&Kind of link", self.kind)
        self.form.add("&Relationship", self.relationship)
        self.form.add("&Contact arrangement", self.arrangement)
        self.form.add("How &important to the child", self.importance)
        self.form.add("&Last contact", self.last_contact)
        self.form.add("N&otes", self.notes)
        self._load(link)
        if link.id is not None:
            self.offer_delete(store, LINKS, link.id, f"link {link.name}")
        self.open_width = self.fontMetrics().horizontalAdvance("M") * 46

    def _name_problem(self) -> str | None:
        return None if self.name.text().strip() else "Please enter a name."

    def _load(self, link: FamilyLink) -> None:
        self.name.setText(link.name)
        pick(self.kind, link.kind)
        self.relationship.setText(link.relationship_text)
        pick(self.arrangement, link.contact_arrangement)
        pick(self.importance, link.importance)
        self.last_contact.set_value(link.last_contact)
        self.notes.set_value(link.notes)

    def save(self) -> FamilyLink:
        edited = dataclasses.replace(
            self._link,
            name=self.name.text(),
            kind=picked(self.kind),
            relationship_text=self.relationship.text(),
            contact_arrangement=picked(self.arrangement),
            importance=picked(self.importance),
            last_contact=self.last_contact.value(),
            notes=self.notes.value(),
        )
        return LINKS.save(self._store, self._link, edited, f"link {edited.name.strip()}")


class FamilyTab(ChildTab):
    kinds = ("family_link", "preference")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.reminder = reminder(self)
        self.table = RecordTable(COLUMNS, widths=WIDTHS, parent=self)
        self.empty = empty_note(
            "No family or community links yet. Add the people and places that matter to the "
            "child — parents, brothers and sisters, grandparents, friends, faith or cultural "
            "communities — with the contact arranged.",
            self,
        )
        self.period = QSpinBox(self)
        self.period.setRange(7, 365)
        self.period.setSuffix(" days")
        self.period.setAccessibleName("Reminder period")
        self.add_button = QPushButton("&Add a link")
        self.edit_button = QPushButton("&Edit")
        self.delete_button = QPushButton("&Delete")
        period_row = QHBoxLayout()
        period_label = QLabel("&Remind me about important links with no contact for")
        period_label.setBuddy(self.period)
        hint = "Links marked important or very important, where some contact is arranged."
        for widget in (period_label, self.period):
            widget.setToolTip(hint)
            period_row.addWidget(widget)
        period_row.addStretch(1)
        self.body.addWidget(self.reminder)
        self.body.addLayout(period_row)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.empty)
        self.body.addLayout(button_row([self.add_button, self.edit_button, self.delete_button]))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.table.record_activated.connect(lambda _link: self.edit())
        self.period.editingFinished.connect(self._period_chosen)

    def reload(self) -> None:
        links = family.links_of(self._store, self.child_id)
        days = int(preferences.get(self._store, preferences.LINK_CONTACT_REMINDER_DAYS))
        self.period.blockSignals(True)
        self.period.setValue(days)
        self.period.blockSignals(False)
        self.table.set_rows(links)
        due = family.links_needing_contact(links, clock.today(), days)
        self.reminder.setText(reminder_text(due, days))
        self.reminder.setVisible(bool(due))
        self.table.setVisible(bool(links))
        self.empty.setVisible(not links)
        self.edit_button.setEnabled(bool(links))
        self.delete_button.setEnabled(bool(links))

    def _period_chosen(self) -> None:
        days = self.period.value()
        if days != preferences.get(self._store, preferences.LINK_CONTACT_REMINDER_DAYS):
            preferences.put(self._store, preferences.LINK_CONTACT_REMINDER_DAYS, days)
            self.reload()

    def add(self) -> None:
        if self.run_dialog(LinkDialog(self._store, FamilyLink(self.child_id, ""), self)):
            self.table.setFocus()

    def edit(self) -> None:
        link = self.table.current_record()
        if link is not None:
            self.run_dialog(LinkDialog(self._store, link, self))

    def delete(self) -> None:
        link = self.table.current_record()
        if link is not None:
            self.delete_with_undo(LINKS, link, f"link {link.name}")
