"""The provider page's Overview: the figures that matter now, the settings with their latest
judgements, and the children placed there today."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from relcom_desktop.core.enums import OfstedJudgement
from relcom_desktop.core.formatting import MISSING, money, number, plural, short_date
from relcom_desktop.core.placements import PlacedChild
from relcom_desktop.core.provider_overview import (
    ProviderOverview,
    SettingSummary,
    provider_overview,
)
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.lazy_model import ALIGN_RIGHT, Column
from relcom_desktop.ui.provider.dialogs import SETTINGS, SettingDialog
from relcom_desktop.ui.provider.record_list import RecordList, share_by_rows, stacked
from relcom_desktop.ui.provider.tabs import ProviderTab, card
from relcom_desktop.ui.widgets import PAGE_SPACING


def _judgement(s: SettingSummary) -> str:
    j = s.setting.ofsted_judgement
    if j is None:
        return MISSING
    short = "Requires improvement" if j is OfstedJudgement.REQUIRES_IMPROVEMENT else j.label
    return ("⚠ " if j is OfstedJudgement.INADEQUATE else "") + short


def _setting_tip(s: SettingSummary) -> str:
    st = s.setting
    lines = [st.name, st.setting_type.label, f"Ofsted URN {st.urn}" if st.urn else "No URN"]
    return "\n".join([*lines, *(x for x in (st.address, st.postcode, st.local_authority) if x)])


def _judgement_tip(s: SettingSummary) -> str:
    j = s.setting.ofsted_judgement
    return f"{j.label}, inspected {short_date(s.setting.ofsted_date)}" if j else ""


def _documents(s: SettingSummary) -> str:
    n = s.documents_needing_attention
    return f"⚠ {n} to chase" if n else "All in date"


def _risk(s: SettingSummary) -> str:
    return s.latest_risk.label.split(" — ")[0] if s.latest_risk else "Not rated"


SETTING_COLUMNS = (
    Column("Setting", lambda s: s.setting.name, tooltip=_setting_tip),
    Column("Type", lambda s: s.setting.setting_type.label, tooltip=_setting_tip),
    Column("Places", lambda s: number(s.setting.registered_places), align=ALIGN_RIGHT),
    Column("Latest judgement", _judgement, tooltip=_judgement_tip),
    Column("Inspected", lambda s: short_date(s.setting.ofsted_date)),
    Column("Children", lambda s: number(s.children_placed), align=ALIGN_RIGHT),
    Column("Visit risk", _risk, tooltip=lambda s: s.latest_risk.label if s.latest_risk else ""),
    Column("Documents", _documents, tooltip=lambda _s: "Expired or missing from the checklist"),
    Column("Reg 40", lambda s: f"⚠ {s.reg40_to_review} to review" if s.reg40_to_review else "—"),
)
SETTING_SAMPLES = ("", "Children's home", "Places", "Requires improvement")
SETTING_SAMPLES += ("28 Sep 2026", "Children", "Not rated", "⚠ 3 to chase", "⚠ 1 to review")


CHILD_COLUMNS = (
    Column("Child", lambda c: c.preferred_name, tooltip=lambda c: c.full_name),
    Column("Setting", lambda c: c.setting_name),
    Column("Since", lambda c: short_date(c.placement.start_date)),
    Column("Weekly fee", lambda c: money(c.placement.weekly_fee_pence), align=ALIGN_RIGHT),
)
CHILD_SAMPLES = ("Alexandra-Rose", "Willowbank House", "28 Sep 2026", "£10,000")


class OverviewTab(ProviderTab):
    title = "Overview"
    kinds = ("setting", "placement", "setting_document", "monitoring_visit", "reg40_notification")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.overview: ProviderOverview | None = None
        cards = QHBoxLayout()
        cards.setSpacing(PAGE_SPACING)
        self.children_card, self.children_value, self.children_note = card("Children placed now")
        self.spend_card, self.spend_value, self.spend_note = card("Weekly spend now")
        self.settings_card, self.settings_value, self.settings_note = card("Settings")
        for frame in (self.children_card, self.spend_card, self.settings_card):
            cards.addWidget(frame, 1)
        self.settings = RecordList(
            "Settings",
            SETTING_COLUMNS,
            self._settings,
            empty="No settings yet: add the first.",
            samples=SETTING_SAMPLES,
            stretch=0,
            parent=self,
        )
        self.children = RecordList(
            "Children placed now",
            CHILD_COLUMNS,
            self._children,
            empty="No children are placed with this provider today.",
            samples=CHILD_SAMPLES,
            stretch=1,
            parent=self,
        )
        self._buttons()
        self.split = stacked(self, self.settings, self.children)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, PAGE_SPACING, 0, 0)
        layout.setSpacing(PAGE_SPACING)
        layout.addLayout(cards)
        layout.addWidget(self.split, 1)

    def _buttons(self) -> None:
        self.settings.add_button("Add setting…", lambda: self._edit_setting(None))
        self.settings.add_button(
            "Edit…", lambda: self._edit_setting(self.settings.current()), needs_row=True
        )
        self.settings.add_button(
            "Delete", lambda: self._delete_setting(self.settings.current()), needs_row=True
        )
        self.settings.edit_requested.connect(self._edit_setting)
        self.settings.delete_requested.connect(self._delete_setting)
        self.children.add_button(
            "Open child", lambda: self._open_child(self.children.current()), needs_row=True
        )
        self.children.edit_requested.connect(self._open_child)

    def reload(self) -> None:
        if self.provider_id is None:
            return
        self.overview = provider_overview(self.store, self.provider_id)
        self.settings.reload()
        self.children.reload()
        share_by_rows(self.split, [self.settings, self.children])
        o = self.overview
        self.children_value.setText(number(len(o.children)))
        self.children_note.setText(
            f"across {plural(len({c.setting_id for c in o.children}), 'setting')}"
            if o.children
            else "none today"
        )
        self.spend_value.setText(money(o.weekly_spend_pence))
        self.spend_note.setText(f"{money(o.weekly_spend_pence * 52)} a year at this rate")
        self.settings_value.setText(number(len(o.settings)))
        self.settings_note.setText(_attention(o))

    def _settings(self) -> list[SettingSummary]:
        return self.overview.settings if self.overview else []

    def _children(self) -> list[PlacedChild]:
        return self.overview.children if self.overview else []

    def _edit_setting(self, row: SettingSummary | None) -> None:
        if self.provider_id is not None:
            original = row.setting if row else None
            SettingDialog(self.store, self.provider_id, original, parent=self).open()

    def _delete_setting(self, row: SettingSummary | None) -> None:
        if row is not None and row.setting.id is not None:
            SETTINGS.remove(self.store, row.setting.id)

    def _open_child(self, row: PlacedChild | None) -> None:
        if row is not None:
            bus().open_record.emit("child", row.child_id)


def _attention(o: ProviderOverview) -> str:
    inadequate = sum(s.setting.ofsted_judgement is OfstedJudgement.INADEQUATE for s in o.settings)
    documents = sum(s.documents_needing_attention for s in o.settings)
    parts = [f"⚠ {inadequate} Inadequate"] if inadequate else []
    if documents:
        parts.append(plural(documents, "document") + " to chase")
    return " · ".join(parts) or "nothing to chase"
