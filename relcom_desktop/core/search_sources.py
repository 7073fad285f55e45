"""What feeds the search index: one :class:`Source` per table a user writes text into.

Each source says how a row becomes an index entry (SQL over the row, called ``R``), which page
shows it (``open_kind``/``open_id``), which row to select there (``row_kind``/``row_id``), and
which parent hides it when deleted. ``tests/core/test_search_everything.py`` walks the models
and fails on any user-written text column no source covers.
"""

from __future__ import annotations

from dataclasses import dataclass

from relcom_desktop.core.enums import PlanKind


@dataclass(frozen=True)
class Source:
    """How one table feeds the index. SQL expressions refer to the row as ``R``.

    ``open_kind``/``open_id`` name the record whose page shows this one (a child, a provider's
    setting, a meeting); ``row_kind``/``row_id`` the row to select there (a family link, a
    Reg 40 notification; by default the record itself).
    """

    kind: str
    code: int
    table: str
    label: str
    title: str
    body: str
    open_kind: str
    open_id: str = "R.id"
    on_date: str = "NULL"
    live: str = "R.deleted_at IS NULL"
    parent: tuple[str, str] | None = None  # (table, foreign key): hidden when it is deleted
    row_kind: str = ""
    row_id: str = "R.id"

    @property
    def shown_row_kind(self) -> str:
        return self.row_kind or self.kind

    @property
    def live_sql(self) -> str:
        return _alive(self, "R", 0)


def _alive(s: Source, alias: str, depth: int) -> str:
    """``s``'s own condition on ``alias``, and every ancestor's (a deleted child hides the
    evidence of a review of one of their placements)."""
    own = s.live.replace("R.", f"{alias}.")
    if s.parent is None:
        return own
    table, key = s.parent
    up = f"P{depth}"
    ancestor = BY_TABLE[table]
    return (
        f"{own} AND ({alias}.{key} IS NULL OR EXISTS (SELECT 1 FROM {table} AS {up} "
        f"WHERE {up}.id = {alias}.{key} AND {_alive(ancestor, up, depth + 1)}))"
    )


def _join(*columns: str) -> str:
    return " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)


def _label_case(column: str, labels: type[PlanKind]) -> str:
    """SQL giving each stored code's plain-English label."""
    whens = " ".join(f"WHEN '{k.value}' THEN '{k.label}'" for k in labels)
    return f"CASE {column} {whens} ELSE 'Plan' END"


_MEETING_DATE = "(SELECT date(starts_at) FROM meeting WHERE id = R.meeting_id)"
_CHILD_TITLE = (
    "R.preferred_name || CASE WHEN coalesce(R.full_name, '') = '' THEN '' "
    "ELSE ' (' || R.full_name || ')' END"
)
_CHILD_TEXT = _join(
    "R.la_reference", "R.about_me", "R.wishes_and_feelings", "R.what_matters", "R.strengths",
    "R.needs", "R.notes", "R.social_worker", "R.iro",
)  # fmt: skip
_CHILD_OF_PLACEMENT = "(SELECT child_id FROM placement WHERE id = R.placement_id)"
_CHILD_OF_REVIEW = (
    "(SELECT p.child_id FROM placement_review AS v JOIN placement AS p ON p.id = v.placement_id "
    "WHERE v.id = R.review_id)"
)
_REVIEW_DATE = "(SELECT held_on FROM placement_review WHERE id = R.review_id)"
_CHECK_IN_DATE = "(SELECT held_on FROM check_in WHERE id = R.check_in_id)"
_CHILD_OF_CHECK_IN = "(SELECT child_id FROM check_in WHERE id = R.check_in_id)"
_ASSESSED_ON = "(SELECT assessed_on FROM self_assessment WHERE id = R.assessment_id)"
_HAS_EVIDENCE = "R.evidence <> ''"  # a rating alone has no words to find
_PEOPLE = _join("R.role", "R.organisation", "R.phone", "R.email", "R.notes")

SOURCES: tuple[Source, ...] = (
    Source(
        kind="child", code=1, table="child", label="Children", open_kind="child",
        title=_CHILD_TITLE, body=_CHILD_TEXT,
    ),
    Source(
        kind="family_link", code=2, table="family_link", label="Family and links",
        title="R.name", body=_join("R.relationship", "R.notes"),
        open_kind="child", open_id="R.child_id", on_date="R.last_contact",
        parent=("child", "child_id"),
    ),
    Source(
        kind="check_in", code=3, table="check_in", label="Check-ins",
        title="'Check-in'", body=_join("R.child_view", "R.notes"),
        open_kind="child", open_id="R.child_id", on_date="R.held_on",
        parent=("child", "child_id"),
    ),
    Source(
        kind="provider", code=4, table="provider", label="Providers", open_kind="provider",
        title="R.name", body=_join("R.notes", "R.address", "R.phone", "R.email", "R.website"),
    ),
    Source(
        kind="setting", code=5, table="setting", label="Settings", open_kind="setting",
        title="R.name",
        body=_join(
            "R.urn", "R.postcode", "R.local_authority", "R.region", "R.address", "R.notes"
        ),
        parent=("provider", "provider_id"),
    ),
    Source(
        kind="journal_entry", code=6, table="journal_entry", label="Journal",
        title="R.summary", body="R.body", open_kind="journal_entry", on_date="R.occurred_on",
    ),
    Source(
        kind="meeting", code=7, table="meeting", label="Meetings", open_kind="meeting",
        title="R.title", body=_join("R.notes", "R.location"), on_date="date(R.starts_at)",
    ),
    Source(
        kind="agenda_item", code=8, table="agenda_item", label="Meeting notes",
        title="R.title", body="R.notes", open_kind="meeting", open_id="R.meeting_id",
        on_date=_MEETING_DATE, live="1", parent=("meeting", "meeting_id"),
    ),
    Source(
        kind="decision", code=9, table="decision", label="Decisions",
        title="R.text", body=_join("R.agreed_by", "R.dissent", "R.conditions"),
        open_kind="meeting", open_id="R.meeting_id", on_date=_MEETING_DATE, live="1",
        parent=("meeting", "meeting_id"),
    ),
    Source(
        kind="action", code=10, table="action", label="Actions", open_kind="action",
        title="R.title", body=_join("R.notes", "R.owner"), on_date="R.due_on",
    ),
    Source(
        kind="reflection", code=11, table="reflection", label="Reflections",
        title="'Reflection'", open_kind="reflection", on_date="R.written_on",
        body=_join("R.what_happened", "R.what_learned", "R.do_differently"),
    ),
    Source(
        kind="provider_report", code=12, table="provider_report", label="Reg 44/45 reports",
        title="R.summary", body=_join("R.concerns", "R.follow_up"),
        open_kind="setting", open_id="R.setting_id", on_date="R.received_on",
        parent=("setting", "setting_id"),
    ),
    Source(
        kind="child_plan", code=13, table="child_plan", label="Plans",
        title=_label_case("R.kind", PlanKind), body=_join("R.location", "R.notes"),
        open_kind="child", open_id="R.child_id", on_date="R.plan_date",
        parent=("child", "child_id"),
    ),
    Source(
        kind="looked_after_review", code=14, table="looked_after_review",
        label="Looked-after reviews", title="'Looked-after review'", body="R.notes",
        open_kind="child", open_id="R.child_id", on_date="R.held_on",
        parent=("child", "child_id"),
    ),
    Source(
        kind="check_in_outcome", code=15, table="check_in_outcome", label="Check-ins",
        title="'Check-in'", body="R.evidence", open_kind="child", open_id=_CHILD_OF_CHECK_IN,
        on_date=_CHECK_IN_DATE, live=_HAS_EVIDENCE, parent=("check_in", "check_in_id"),
        row_kind="check_in", row_id="R.check_in_id",
    ),
    Source(
        kind="placement", code=16, table="placement", label="Placements",
        title="'Placement'", body=_join("R.ending_notes", "R.notes"),
        open_kind="child", open_id="R.child_id", on_date="R.start_date",
        parent=("child", "child_id"),
    ),
    Source(
        kind="placement_review", code=17, table="placement_review", label="Placement reviews",
        title="'Placement review'", body="R.summary", open_kind="child",
        open_id=_CHILD_OF_PLACEMENT, on_date="R.held_on", parent=("placement", "placement_id"),
    ),
    Source(
        kind="placement_review_standard", code=18, table="placement_review_standard",
        label="Placement reviews", title="'Placement review'", body="R.evidence",
        open_kind="child", open_id=_CHILD_OF_REVIEW, on_date=_REVIEW_DATE, live=_HAS_EVIDENCE,
        parent=("placement_review", "review_id"),
        row_kind="placement_review", row_id="R.review_id",
    ),
    Source(
        kind="contact_person", code=19, table="contact_person", label="Contacts",
        title="R.name", body=_PEOPLE, open_kind="provider", open_id="coalesce(R.provider_id, 0)",
        parent=("provider", "provider_id"),
    ),
    Source(
        kind="monitoring_visit", code=20, table="monitoring_visit", label="Monitoring visits",
        title="'Monitoring visit'", body=_join("R.findings", "R.risk_reason"),
        open_kind="setting", open_id="R.setting_id", on_date="R.visited_on",
        parent=("setting", "setting_id"),
    ),
    Source(
        kind="setting_document", code=21, table="setting_document", label="Setting documents",
        title="coalesce(nullif(R.title, ''), 'Document')", body="R.notes",
        open_kind="setting", open_id="R.setting_id", on_date="R.dated",
        parent=("setting", "setting_id"),
    ),
    Source(
        kind="reg40_notification", code=22, table="reg40_notification",
        label="Reg 40 notifications", title="coalesce(nullif(R.event_kind, ''), 'Reg 40')",
        body=_join("R.summary", "R.response"), open_kind="setting", open_id="R.setting_id",
        on_date="R.received_on", parent=("setting", "setting_id"),
    ),
    Source(
        kind="meeting_attendee", code=23, table="meeting_attendee", label="Meeting attendees",
        title="R.name", body=_join("R.role", "R.organisation"), open_kind="meeting",
        open_id="R.meeting_id", on_date=_MEETING_DATE, live="1",
        parent=("meeting", "meeting_id"),
    ),
    Source(
        kind="self_assessment", code=24, table="self_assessment", label="Self-assessments",
        title="'Self-assessment'", body="R.notes", open_kind="self_assessment",
        on_date="R.assessed_on",
    ),
    Source(
        kind="self_assessment_score", code=25, table="self_assessment_score",
        label="Self-assessments", title="'Self-assessment'", body="R.evidence",
        open_kind="self_assessment", open_id="R.assessment_id", on_date=_ASSESSED_ON,
        live=_HAS_EVIDENCE, parent=("self_assessment", "assessment_id"),
        row_kind="self_assessment", row_id="R.assessment_id",
    ),
)  # fmt: skip
BY_TABLE = {s.table: s for s in SOURCES}
