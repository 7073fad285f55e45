"""The provider page: header and flags, overview figures, the tabs' records, forms that explain
what is missing, undo, and the way back to the list."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from relcom_desktop.core import clock, contacts, reg40
from relcom_desktop.core.enums import JournalKind, ProviderReportKind, RiskRating, TrustLevel
from relcom_desktop.core.journal import JournalEntry, create_entry
from relcom_desktop.core.provider_records import ProviderReport, create_report
from relcom_desktop.core.providers import Setting, count_providers, create_setting, settings_of
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.provider.section import ProvidersSection

TODAY = clock.today()


@pytest.fixture
def section(qtbot, caseload) -> ProvidersSection:
    widget = ProvidersSection(caseload.store)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.show_provider(caseload.providers["Harbour Homes"])
    return widget


def tab(section: ProvidersSection, title: str):
    section.page.show_tab(title)
    return section.page.tab_pages[[t.title for t in section.page.tab_pages].index(title)]


def open_dialog(qtbot):
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    return QApplication.activeModalWidget()


def test_header_overview_and_context(section: ProvidersSection, caseload) -> None:
    page = section.page
    assert page.title.text() == "Harbour Homes"
    assert page.details.text().startswith("Private provision")
    assert page.flags.isVisible()  # children placed and no journal entry yet
    assert "No recent contact" in page.flags.text()
    assert section.current_context() == ("provider", caseload.providers["Harbour Homes"])
    overview = tab(section, "Overview")
    assert overview.children_value.text() == "2"
    assert overview.spend_value.text() == "£8,350"
    [oak] = overview.settings.rows
    assert oak.setting.name == "Oak House" and oak.children_placed == 2
    assert [c.preferred_name for c in overview.children.rows] == ["Amy", "Cara"]


def test_back_to_the_list_by_keyboard(qtbot, section: ProvidersSection) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: section.currentWidget() is section.list)  # the button animates
    assert section.current_context() is None


def test_contacts_added_deleted_and_undone(qtbot, section: ProvidersSection, caseload) -> None:
    contacts_tab = tab(section, "Contacts")
    assert contacts_tab.list.rows == [] and contacts_tab.list.empty.isVisible()
    contacts_tab.add_button.click()
    dialog = open_dialog(qtbot)
    assert not dialog.save_button.isEnabled()
    assert dialog.hint.text() == "Still needed: the contact's name"
    dialog.name.setText("Jo Registered")
    dialog.role.setText("Registered manager")
    dialog.email.setText("not-an-email")
    dialog.try_save()
    assert "does not look like an email" in dialog.error.text() and dialog.isVisible()
    dialog.email.setText("jo@example.org")
    dialog.try_save()
    assert [c.name for c in contacts_tab.list.rows] == ["Jo Registered"]
    contacts_tab.list.select_first()
    contacts_tab.list.table.setFocus()
    qtbot.keyClick(contacts_tab.list.table, Qt.Key.Key_Delete)
    assert contacts_tab.list.rows == []
    bus().undo_stack.undo()
    assert [c.role for c in contacts_tab.list.rows] == ["Registered manager"]
    assert len(contacts.contacts_of(caseload.store, caseload.providers["Harbour Homes"])) == 1


def test_reg40_flags_the_page_until_reviewed_with_a_response(
    qtbot, section: ProvidersSection, caseload
) -> None:
    [oak] = settings_of(caseload.store, caseload.providers["Harbour Homes"])
    reg40.create_notification(
        caseload.store,
        reg40.Reg40Notification(
            setting_id=oak.id,
            received_on=TODAY,
            event_kind="Missing from care",
            child_ids=(caseload.children["Amy"],),
        ),
    )
    bus().changed.emit("reg40_notification")
    page = section.page
    assert page.flags.isVisible()
    assert "Regulation 40 notification to review" in page.flags.text()
    reg40_tab = tab(section, "Reg 40")
    [row] = reg40_tab.list.rows
    assert row.children == ("Amy",)
    assert reg40_tab.list.model.index(0, 1).data() == "⚠ To review"
    reg40_tab.open_form(row)
    dialog = open_dialog(qtbot)
    dialog.reviewed.setChecked(True)
    assert not dialog.save_button.isEnabled()
    assert "your response" in dialog.hint.text()
    dialog.response.setPlainText("Spoke to the manager; strategy meeting booked.")
    dialog.try_save()
    assert "Regulation 40" not in page.flags.text()
    assert reg40_tab.list.model.index(0, 1).data() == "Reviewed"


def test_monitoring_visit_and_document_checklist(qtbot, section: ProvidersSection) -> None:
    monitoring = tab(section, "Monitoring")
    assert monitoring.setting.currentText() == "Oak House (SC111111)"
    statuses = [monitoring.documents.model.index(i, 4).data() for i in range(6)]
    assert statuses == ["⚠ Missing"] * 6
    monitoring.visits.buttons.itemAt(0).widget().click()
    dialog = open_dialog(qtbot)
    first = dialog.documents.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    dialog.risk.setCurrentIndex(dialog.risk.findData(RiskRating.AMBER))
    assert dialog.hint.text() == "Still needed: the reason for the rating"
    dialog.reason.setPlainText("Agency staff on most shifts")
    dialog.try_save()
    [visit] = monitoring.visits.rows
    assert visit.record.documents_seen == (first.text(),)
    assert monitoring.visits.model.index(0, 1).data() == "Amber — some risk"

    monitoring.documents.select_first()
    monitoring.documents.edit_requested.emit(monitoring.documents.rows[3])  # insurance
    dialog = open_dialog(qtbot)
    dialog.dated.set_value(TODAY - dt.timedelta(days=400))
    dialog.expires.set_value(TODAY - dt.timedelta(days=35))
    dialog.try_save()
    insurance = [line for line in monitoring.documents.rows if line.kind.value == "insurance"]
    assert insurance[0].status.value == "expired"
    overview = tab(section, "Overview")
    assert overview.settings.model.index(0, 7).data() == "⚠ 6 to chase"


def test_relationship_tab_draws_trust_and_tallies(qtbot, section, caseload) -> None:
    harbour = caseload.providers["Harbour Homes"]
    for days, kind, trust in ((50, JournalKind.CONCERN, 2), (5, JournalKind.PRAISE, 4)):
        create_entry(
            caseload.store,
            JournalEntry(
                provider_id=harbour,
                occurred_on=TODAY - dt.timedelta(days=days),
                kind=kind,
                summary=kind.label,
                trust=TrustLevel(trust),
                follow_up_on=TODAY - dt.timedelta(days=1) if days == 50 else None,
            ),
        )
    health = tab(section, "Relationship")
    bus().changed.emit("journal_entry")
    assert health.contact_value.text() == "5 days"
    assert health.trust_value.text() == "Growing"
    assert health.follow_value.text() == "1" and "overdue" in health.follow_note.text()
    assert "2 entries recorded trust. Latest: Growing" in health.trust_chart.accessibleDescription()
    assert "1 concerns and 1 praise" in health.tally_chart.accessibleDescription()
    for chart in (health.trust_chart, health.tally_chart):
        assert not chart.grab().isNull()
    health.period.setCurrentIndex(2)  # all time
    assert len(health.tally_chart.tallies) >= 1
    health.follow_ups.select_first()
    health.follow_ups.buttons.itemAt(0).widget().click()  # Mark done
    assert health.follow_value.text() == "0"


def test_deleting_the_provider_goes_back_and_can_be_undone(section, caseload) -> None:
    section.page.delete_button.click()
    assert section.currentWidget() is section.list
    assert count_providers(caseload.store) == 2
    bus().undo_stack.undo()
    assert count_providers(caseload.store) == 3


def test_a_duplicate_urn_is_explained_in_the_setting_form(qtbot, section) -> None:
    overview = tab(section, "Overview")
    overview.settings.buttons.itemAt(0).widget().click()  # Add setting…
    dialog = open_dialog(qtbot)
    dialog.name.setText("Copy House")
    dialog.urn.setText("sc111111")
    dialog.try_save()
    assert "already used by Oak House" in dialog.error.text()
    dialog.urn.setText("SC222222")
    dialog.try_save()
    assert [s.setting.name for s in overview.settings.rows] == ["Copy House", "Oak House"]


def test_an_unknown_provider_is_explained_not_shown(section) -> None:
    section.show_provider(999)
    assert section.currentWidget() is section.list
    assert "no provider with id 999" in section.list.count_label.text()


def test_reports_are_filed_and_listed_per_setting(qtbot, section, caseload) -> None:
    harbour = caseload.providers["Harbour Homes"]
    [oak] = settings_of(caseload.store, harbour)
    elm = create_setting(caseload.store, Setting(provider_id=harbour, name="Elm Lodge"))
    for setting, summary in ((oak, "Oak visit"), (elm, "Elm visit")):
        create_report(
            caseload.store,
            ProviderReport(
                setting_id=setting.id,
                kind=ProviderReportKind.REG44,
                received_on=TODAY,
                summary=summary,
                concerns="Night staffing",
            ),
        )
    reports = tab(section, "Reg 44/45 reports")
    bus().changed.emit("provider_report")
    assert sorted(f.record.summary for f in reports.list.rows) == ["Elm visit", "Oak visit"]
    reports.setting.setCurrentIndex(reports.setting.findData(elm.id))
    assert [f.record.summary for f in reports.list.rows] == ["Elm visit"]
    reports.add_button.click()
    dialog = open_dialog(qtbot)
    assert dialog.setting.currentData() == elm.id  # filing starts at the setting shown
    assert dialog.hint.text() == "Still needed: a summary"
    dialog.summary.setPlainText("Reg 45 review received")
    dialog.kind.setCurrentIndex(1)
    dialog.try_save()
    assert [f.record.kind for f in reports.list.rows] == [
        ProviderReportKind.REG45,
        ProviderReportKind.REG44,
    ]


def test_the_reg44_list_shows_its_columns_whole_and_the_last_stretches(
    qtbot, section: ProvidersSection, caseload
) -> None:
    from relcom_desktop.core.enums import ProviderReportKind
    from relcom_desktop.core.provider_records import ProviderReport, create_report
    from relcom_desktop.core.providers import settings_of

    setting = settings_of(caseload.store, caseload.providers["Harbour Homes"])[0]
    summary = "Visitor spoke with three young people and the night staff"
    create_report(
        caseload.store,
        ProviderReport(
            setting.id, ProviderReportKind.REG44, TODAY - dt.timedelta(days=3),
            TODAY - dt.timedelta(days=40), TODAY - dt.timedelta(days=10), summary,
            "Night staffing", "Raised with the registered manager",
        ),
    )  # fmt: skip
    reports = tab(section, "Reg 44/45 reports")
    reports.reload()
    table = reports.list.table
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    model = table.model()
    for column in range(model.columnCount() - 1):
        text = model.data(model.index(0, column))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(text), text
    assert header.stretchLastSection()
