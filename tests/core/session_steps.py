"""The second half of the long session (see ``long_session``): the journal and its draft,
meetings and actions, reflection, preferences, and imports and exports that remember choices."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from relcom_desktop.core import (
    actions,
    journal,
    journal_drafts,
    meetings,
    plans,
    preferences,
    provider_records,
    reflection,
    retention,
)
from relcom_desktop.core.enums import (
    JournalKind,
    LearningChange,
    MeetingKind,
    PanelOutcome,
    PracticeShift,
    TrustLevel,
)
from relcom_desktop.core.interop import calendar_export, csv_import, ofsted_import, ssda903_import
from relcom_desktop.core.interop.ofsted_csv import read_ofsted_csv
from relcom_desktop.core.meeting_templates import follow_up_draft, meeting_from_template
from relcom_desktop.core.retention import RetentionRule
from relcom_desktop.core.review_schedule import ReviewIntervals
from relcom_desktop.core.store.db import Store
from tests.core.ssda903_samples import write_return

D = dt.date
TODAY = D(2026, 11, 25)


OFSTED_SAMPLE = Path(__file__).parent / "data" / "ofsted_providers_sample.csv"


@dataclasses.dataclass
class Ids:
    """What the session made, for later steps."""

    children: list[int] = dataclasses.field(default_factory=list)
    providers: list[int] = dataclasses.field(default_factory=list)
    settings: list[int] = dataclasses.field(default_factory=list)
    placements: list[int] = dataclasses.field(default_factory=list)


def journal_and_drafts(store: Store, ids: Ids) -> None:
    first, second = ids.providers
    ash, rowan = ids.children
    draft = journal_drafts.JournalDraft(provider_id=first, summary="Rang about Ash", body="…")
    journal_drafts.save_draft(store, draft)
    entry = journal.create_entry(
        store,
        journal.JournalEntry(
            provider_id=first,
            occurred_on=D(2026, 11, 3),
            kind=JournalKind.CALL,
            summary="Rang about Ash",
            trust=TrustLevel.GROWING,
            follow_up_on=D(2026, 12, 1),
            setting_id=ids.settings[0],
            child_ids=(ash,),
        ),
    )
    journal_drafts.clear_draft(store)  # what the quick-add form does after saving
    journal.update_entry(store, dataclasses.replace(entry, child_ids=(ash, rowan), trust=None))
    praise = journal.create_entry(
        store,
        journal.JournalEntry(
            provider_id=second, occurred_on=D(2026, 10, 1), kind=JournalKind.PRAISE, summary="Ta"
        ),
    )
    journal.delete_entry(store, praise.id)
    journal.restore_entry(store, praise.id)
    journal_drafts.save_draft(store, journal_drafts.JournalDraft(summary="Half-typed"))
    journal_drafts.save_draft(store, journal_drafts.JournalDraft())  # emptied: clears it


def meetings_and_actions(store: Store, ids: Ids) -> None:
    ash, _rowan = ids.children
    first, _second = ids.providers
    draft = meeting_from_template(
        MeetingKind.PLACEMENT_PANEL,
        dt.datetime(2026, 11, 4, 9, 30),
        child_ids=(ash,),
        provider_ids=(first,),
    )
    draft = dataclasses.replace(
        draft,
        attendees=(
            meetings.Attendee("Jo Reed", "IRO", "Demoshire"),
            meetings.Attendee("Sam", "Commissioner", attended=False),
        ),
        decisions=(
            meetings.Decision(
                "Approve Hollin Tree House for Ash",
                agreed_by="Jo Reed, Sam",
                panel_outcome=PanelOutcome.APPROVE,
                weekly_budget_pence=512_000,
                agenda_item_id=draft.agenda[0].id,
            ),
            meetings.Decision("Revisit in spring"),
        ),
        actions=(
            actions.Action("Send the referral", owner="Sam", due_on=D(2026, 11, 11)),
            actions.Action("Book the review", owner="Jo Reed"),
        ),
    )
    saved = meetings.save_meeting(store, draft)
    send, book = saved.actions
    actions.complete_action(store, send.id, on=D(2026, 11, 10))
    actions.snooze_action(store, book.id, D(2026, 12, 1), today=TODAY)
    actions.snooze_action(store, book.id, None, today=TODAY)
    actions.reassign_action(store, book.id, "Sam")
    edited = dataclasses.replace(
        meetings.get_meeting_detail(store, saved.meeting.id),
        decisions=saved.decisions[:1],
    )
    meetings.save_meeting(store, edited)
    follow = follow_up_draft(store, saved.meeting.id, today=TODAY)
    meetings.save_meeting(store, follow)
    loose = actions.create_action(store, actions.Action("Ring the school", child_id=ash))
    actions.update_action(store, dataclasses.replace(loose, notes="Ask for the PEP"))
    actions.delete_action(store, loose.id)
    actions.restore_action(store, loose.id)
    other = meetings.create_meeting(
        store, meetings.Meeting("Catch-up", dt.datetime(2026, 11, 20, 14, 0), duration_minutes=30)
    )
    meetings.delete_meeting(store, other.id)
    meetings.restore_meeting(store, other.id)


def reflection_log(store: Store, ids: Ids) -> None:
    ash, _rowan = ids.children
    first, _second = ids.providers
    note = reflection.create_reflection(
        store,
        reflection.Reflection(
            written_on=D(2026, 11, 5),
            changes=(LearningChange.COLLEGIALITY, LearningChange.DISCUSSION),
            what_happened="Panel listened to Ash.",
            child_id=ash,
        ),
    )
    reflection.update_reflection(
        store, dataclasses.replace(note, changes=(LearningChange.AUDITING,), provider_id=first)
    )
    reflection.delete_reflection(store, note.id)
    reflection.restore_reflection(store, note.id)
    self_check = reflection.create_assessment(
        store,
        reflection.SelfAssessment(
            assessed_on=D(2026, 11, 6),
            positions=(
                reflection.ShiftPosition(PracticeShift.CHILD_FOCUS, 6, "Asked Ash first"),
                reflection.ShiftPosition(PracticeShift.HIGH_TRUST, 0),
            ),
        ),
    )
    reflection.update_assessment(store, dataclasses.replace(self_check, notes="Half-way."))


def preferences_and_imports(store: Store, scratch: Path) -> None:
    preferences.put_many(
        store,
        {
            preferences.USER_NAME: "Sam Commissioner (Demo)",
            preferences.CHECK_IN_EVERY_DAYS: 28,
            preferences.REPORT_PAPER: "letter",
            preferences.REPORT_REDACT: True,
            preferences.LOCK_MINUTES: 0,
            preferences.BACKUP_ON_CLOSE: False,
            preferences.USER_LA: "Demoshire",
            preferences.LINK_CONTACT_REMINDER_DAYS: 30,
            preferences.PROVIDER_NO_CONTACT_DAYS: 60,
            preferences.PROVIDER_CONCERN_RUN: 2,
        },
    )
    plans.set_review_intervals(store, ReviewIntervals(due_soon_days=21))
    provider_records.set_visit_checklist(store, ["Staff rota", "Fire drill log"])
    retention.set_policy(store, RetentionRule.BIRTHDAY, 75)
    sheet = scratch / "children.csv"
    sheet.write_text("Preferred name,Date of birth\nIvy,2013-02-03\n", encoding="utf-8")
    csv_import.import_csv(store, "children", sheet)
    headers = ["Preferred name", "Date of birth", "Keyworker"]
    mapping = csv_import.guess_mapping("children", headers, {})
    csv_import.remember_mapping(store, "children", headers, mapping)  # what the dialog does
    ssda903_import.import_return(store, *write_return(scratch / "903"))
    ofsted = read_ofsted_csv(OFSTED_SAMPLE)
    ofsted_import.commit_import(store, ofsted_import.preview_import(store, ofsted))
    meeting_ids = calendar_export.upcoming_meeting_ids(store, dt.datetime(2026, 11, 1))
    calendar_export.export_meetings(store, meeting_ids, scratch / "meetings.ics", "Meetings")
