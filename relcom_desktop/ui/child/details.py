"""The child's details (names, dates, legal status, professionals) and the New child dialog."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from relcom_desktop.core import clock
from relcom_desktop.core.children import Child, create_child, delete_child, restore_child
from relcom_desktop.core.enums import Sex
from relcom_desktop.core.interop.ssda903 import LegalStatus
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.child.fields import DateField, enum_picker, pick, picked
from relcom_desktop.ui.child.form import CheckedForm, RecordDialog
from relcom_desktop.ui.undo import record_done

NOT_RECORDED = "Not recorded"


def line(what: str, max_length: int, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(what)
    edit.setMaxLength(max_length)
    edit.setPlaceholderText(placeholder)
    return edit


class ChildDetails:
    """The detail fields of a child, laid out on a :class:`CheckedForm`."""

    def __init__(self, form: CheckedForm) -> None:
        today = clock.today()
        self.preferred_name = line("Preferred name", 120, "The name the child likes to be called")
        self.full_name = line("Full name", 240)
        self.date_of_birth = DateField("the date of birth", latest=today)
        self.sex = enum_picker(Sex, blank=NOT_RECORDED)
        self.ethnicity = line("Ethnicity", 10, "903 code, e.g. WBRI")
        self.upn = line("Unique pupil number", 20)
        self.la_reference = line("LA reference", 40)
        self.legal_status = enum_picker(LegalStatus, blank=NOT_RECORDED, with_code=True)
        self.looked_after_since = DateField("the date they became looked after", latest=today)
        self.social_worker = line("Social worker", 120)
        self.iro = line("Independent reviewing officer", 120)
        form.add("&Preferred name", self.preferred_name, self._name_problem)
        form.add("F&ull name", self.full_name)
        form.add("Date of &birth", self.date_of_birth)
        form.add("Se&x", self.sex)
        form.add("Ethnicity", self.ethnicity)
        form.add("LA re&ference", self.la_reference)
        form.add("UPN", self.upn)
        form.add("&Legal status", self.legal_status)
        form.add("Looked after since", self.looked_after_since, self._since_problem)
        form.add("Social &worker", self.social_worker)
        form.add("&IRO", self.iro)
        self.widgets: list[QWidget] = [
            self.preferred_name,
            self.full_name,
            self.date_of_birth,
            self.sex,
            self.ethnicity,
            self.la_reference,
            self.upn,
            self.legal_status,
            self.looked_after_since,
            self.social_worker,
            self.iro,
        ]

    def _name_problem(self) -> str | None:
        return None if self.preferred_name.text().strip() else "Please enter a preferred name."

    def _since_problem(self) -> str | None:
        problem = self.looked_after_since.problem()
        if problem or self.date_of_birth.problem():
            return problem
        since, born = self.looked_after_since.value(), self.date_of_birth.value()
        if since and born and since < born:
            return "This is before the date of birth."
        return None

    def snapshot(self) -> tuple[str, ...]:
        """What the fields show now, to tell whether anything was edited."""
        return tuple(
            str(w.currentData()) if isinstance(w, QComboBox) else w.text()  # type: ignore[attr-defined]
            for w in self.widgets
        )

    def load(self, child: Child) -> None:
        self.preferred_name.setText(child.preferred_name)
        self.full_name.setText(child.full_name)
        self.date_of_birth.set_value(child.date_of_birth)
        pick(self.sex, child.sex)
        self.ethnicity.setText(child.ethnicity)
        self.la_reference.setText(child.la_reference or "")
        self.upn.setText(child.upn)
        pick(self.legal_status, child.legal_status)
        self.looked_after_since.set_value(child.looked_after_since)
        self.social_worker.setText(child.social_worker)
        self.iro.setText(child.iro)

    def apply(self, child: Child) -> Child:
        """``child`` with the fields as typed (call only when the form has no problems)."""
        return dataclasses.replace(
            child,
            preferred_name=self.preferred_name.text(),
            full_name=self.full_name.text(),
            date_of_birth=self.date_of_birth.value(),
            sex=picked(self.sex),
            ethnicity=self.ethnicity.text(),
            la_reference=self.la_reference.text(),
            upn=self.upn.text(),
            legal_status=picked(self.legal_status),
            looked_after_since=self.looked_after_since.value(),
            social_worker=self.social_worker.text(),
            iro=self.iro.text(),
        )


class NewChildDialog(RecordDialog):
    """Add a child to the caseload; the preferred name is all that is needed to start."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("New child", parent)
        self._store = store
        self.details = ChildDetails(self.form)
        self.open_width = self.fontMetrics().horizontalAdvance("M") * 50

    def save(self) -> Child:
        child = create_child(self._store, self.details.apply(Child(preferred_name="")))
        assert child.id is not None
        child_id = child.id
        record_done(
            f"Add {child.preferred_name}",
            lambda: delete_child(self._store, child_id),
            lambda: restore_child(self._store, child_id),
            "child",
        )
        return child
