"""Starting, editing and ending a placement; a move ends one and starts the next together."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from relcom_desktop.core import clock
from relcom_desktop.core import placements as svc
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.interop.ssda903 import (
    PlacementType,
    ReasonEpisodeCeased,
    ReasonPlaceChange,
)
from relcom_desktop.core.legal_status import LegalStatusSpan, during
from relcom_desktop.core.placements import Placement, PlacementView
from relcom_desktop.core.providers import SettingChoice
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.child.fields import (
    DateField,
    MoneyField,
    TextArea,
    enum_picker,
    pick,
    picked,
    picker,
)
from relcom_desktop.ui.child.form import RecordDialog
from relcom_desktop.ui.child.look import html_text
from relcom_desktop.ui.child.setting_picker import SettingPicker
from relcom_desktop.ui.child.timeline import legal_status_text
from relcom_desktop.ui.undo import RecordService, record_done

PLACEMENTS = RecordService(
    svc.start_placement,
    svc.update_placement,
    svc.delete_placement,
    svc.restore_placement,
    "placement",
)
PLANNED_CHOICES = [(True, "Planned"), (False, "Unplanned")]
CHOOSE = "Choose…"
NOT_RECORDED = "Not recorded"


def ending_pickers() -> tuple:
    planned = picker(PLANNED_CHOICES, blank=CHOOSE)
    change = enum_picker(ReasonPlaceChange, blank=NOT_RECORDED)
    return planned, change


def planned_problem(combo: object) -> str | None:
    return "Say whether the ending was planned." if picked(combo) is None else None  # type: ignore[arg-type]


class StartPlacementDialog(RecordDialog):
    """A new placement in a setting from the register; offers to end the current one."""

    def __init__(
        self,
        store: Store,
        child_id: int,
        current: PlacementView | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Start a placement", parent)
        self._store, self._child_id, self._current = store, child_id, current
        self.setting = SettingPicker(store)
        self.placement_type = enum_picker(PlacementType, blank=CHOOSE, with_code=True)
        self.start = DateField("the start date", required=True)
        self.start.set_value(clock.today())
        self.planned_end = DateField("the planned end date")
        self.fee = MoneyField("the weekly fee")
        self.notes = TextArea("Notes", lines=3)
        self.form.add("&Setting", self.setting)
        self.form.add("Placement &type", self.placement_type, self._type_problem)
        self.form.add("Start &date", self.start)
        self.form.add("&Planned end", self.planned_end, self._planned_end_problem)
        self.form.add("&Weekly fee (£)", self.fee)
        self.form.add("N&otes", self.notes)
        self.move = QCheckBox()
        self.move_planned, self.move_reason = ending_pickers()
        if current is not None:
            self._add_move_fields(current)
        self._type_chosen = False
        self.placement_type.activated.connect(lambda _i: setattr(self, "_type_chosen", True))
        self.setting.chosen_changed.connect(self._suggest_type)
        self._suggest_type(self.setting.chosen())
        self.open_width = self.fontMetrics().horizontalAdvance("M") * 72

    def _add_move_fields(self, current: PlacementView) -> None:
        since = short_date(current.placement.start_date)
        title = QLabel(f"<b>{current.setting_name}</b> (since {since}) is the current placement.")
        title.setWordWrap(True)
        self.form.addRow(title)
        self.move.setText(f"&End it on the start date: {current.setting_name} → the new setting")
        self.move.setChecked(True)
        self.form.addRow(self.move)
        self.form.add("Was the move &planned?", self.move_planned, self._move_problem)
        self.form.add("&Reason for the move", self.move_reason)
        self.move.toggled.connect(self.move_planned.setEnabled)
        self.move.toggled.connect(self.move_reason.setEnabled)

    def _suggest_type(self, choice: SettingChoice | None) -> None:
        """Offer the usual placement type for the setting until the user picks one."""
        usual = svc.usual_placement_type(choice.setting_type) if choice else None
        if usual is not None and not self._type_chosen:
            pick(self.placement_type, usual)

    def _type_problem(self) -> str | None:
        return None if picked(self.placement_type) else "Choose the placement type."

    def _planned_end_problem(self) -> str | None:
        problem = self.planned_end.problem()
        start, end = _safe(self.start), _safe(self.planned_end)
        if problem is None and start and end and end < start:
            return "The planned end cannot be before the start."
        return problem

    def _move_problem(self) -> str | None:
        return planned_problem(self.move_planned) if self.move.isChecked() else None

    def save(self) -> Placement:
        choice = self.setting.chosen()
        assert choice is not None
        new = Placement(
            child_id=self._child_id,
            setting_id=choice.id,
            placement_type=picked(self.placement_type),
            start_date=self.start.value(),
            planned_end_date=self.planned_end.value(),
            weekly_fee_pence=self.fee.value(),
            notes=self.notes.value(),
        )
        store = self._store
        if self._current is not None and self.move.isChecked():
            before = self._current.placement
            saved = svc.move_child(
                store,
                new,
                planned=picked(self.move_planned),
                change_reason=picked(self.move_reason),
            )
            assert before.id is not None and saved.id is not None
            ended, new_id = svc.get_placement(store, before.id), saved.id
            record_done(
                f"Move to {choice.name}",
                lambda: svc.revert_move(store, new_id, before),
                lambda: svc.replay_move(store, new_id, ended),
                "placement",
            )
            return saved
        saved = svc.start_placement(store, new)
        record_done(
            f"Start placement at {choice.name}",
            lambda: svc.delete_placement(store, saved.id),
            lambda: svc.restore_placement(store, saved.id),
            "placement",
        )
        return saved


def _safe(field: DateField) -> dt.date | None:
    try:
        return field.value()
    except ValueError:
        return None


class EndPlacementDialog(RecordDialog):
    """Record that a placement ended: when, whether it was planned, and why."""

    def __init__(self, store: Store, view: PlacementView, parent: QWidget | None = None) -> None:
        verb = "How the placement ended" if view.placement.end_date else "End the placement"
        super().__init__(f"{verb} at {view.setting_name}", parent)
        self._store, self._view = store, view
        self.end = DateField("the end date", required=True)
        self.end.set_value(view.placement.end_date or clock.today())
        self.planned, self.change_reason = ending_pickers()
        self.end_reason = enum_picker(ReasonEpisodeCeased, blank=NOT_RECORDED, with_code=True)
        self.notes = TextArea("What happened", lines=4)
        started = short_date(view.placement.start_date)
        intro = QLabel(f"{view.setting_name} — {view.provider_name}, since {started}.")
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.form.add("&End date", self.end, self._end_problem)
        self.form.add(
            "Was the ending &planned?", self.planned, lambda: planned_problem(self.planned)
        )
        self.form.add("&Why it ended", self.change_reason)
        self.form.add("If they left &care (903)", self.end_reason)
        self.form.add("What &happened", self.notes)
        p = view.placement
        if p.ending_planned is not None:
            pick(self.planned, p.ending_planned)
        pick(self.change_reason, p.change_reason)
        pick(self.end_reason, p.end_reason)
        self.notes.set_value(p.ending_notes)
        self.open_width = self.fontMetrics().horizontalAdvance("M") * 44

    def _end_problem(self) -> str | None:
        problem = self.end.problem()
        end = _safe(self.end)
        if problem is None and end and end < self._view.placement.start_date:
            return "The placement cannot end before it starts."
        return problem

    def save(self) -> Placement:
        before, store = self._view.placement, self._store
        assert before.id is not None
        after = svc.end_placement(
            store,
            before.id,
            self.end.value(),
            planned=picked(self.planned),
            reason=picked(self.end_reason),
            change_reason=picked(self.change_reason),
            notes=self.notes.value(),
        )
        record_done(
            f"End placement at {self._view.setting_name}",
            lambda: svc.update_placement(store, before),
            lambda: svc.update_placement(store, after),
            "placement",
        )
        return after


class EditPlacementDialog(RecordDialog):
    """Correct a placement's type, dates, fee or notes (the setting stays as chosen)."""

    def __init__(
        self,
        store: Store,
        view: PlacementView,
        parent: QWidget | None = None,
        *,
        legal: list[LegalStatusSpan] | None = None,
    ) -> None:
        super().__init__(f"Edit the placement at {view.setting_name}", parent)
        self._store, self._view = store, view
        p = view.placement
        spans = during(legal or [], p.start_date, p.end_date)
        self.placement_type = enum_picker(PlacementType, with_code=True)
        self.start = DateField("the start date", required=True)
        self.planned_end = DateField("the planned end date")
        self.fee = MoneyField("the weekly fee")
        self.notes = TextArea("Notes", lines=3)
        self.form.addRow(QLabel(f"<b>{view.setting_name}</b> — {view.provider_name}"))
        self.form.add("Placement &type", self.placement_type)
        self.form.add("Start &date", self.start)
        self.form.add("&Planned end", self.planned_end)
        self.form.add("&Weekly fee (£)", self.fee)
        self.form.add("N&otes", self.notes)
        self.legal_status = QLabel(
            "<br>".join(html_text(legal_status_text([s])) for s in spans)
            or "None recorded for these dates",
            self,
        )
        self.legal_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legal_status.setAccessibleName("Legal status during this placement")
        self.form.addRow("Legal status", self.legal_status)  # read-only: from the 903 return
        pick(self.placement_type, p.placement_type)
        self.start.set_value(p.start_date)
        self.planned_end.set_value(p.planned_end_date)
        self.fee.set_value(p.weekly_fee_pence)
        self.notes.set_value(p.notes)
        assert p.id is not None
        self.offer_delete(store, PLACEMENTS, p.id, f"placement at {view.setting_name}")
        self.open_width = self.fontMetrics().horizontalAdvance("M") * 44

    def save(self) -> Placement:
        before, store = self._view.placement, self._store
        after = svc.update_placement(
            store,
            dataclasses.replace(
                before,
                placement_type=picked(self.placement_type),
                start_date=self.start.value(),
                planned_end_date=self.planned_end.value(),
                weekly_fee_pence=self.fee.value(),
                notes=self.notes.value(),
            ),
        )
        record_done(
            f"Edit placement at {self._view.setting_name}",
            lambda: svc.update_placement(store, before),
            lambda: svc.update_placement(store, after),
            "placement",
        )
        return after
