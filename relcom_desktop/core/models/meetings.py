"""Meetings with their attendees, agenda, decisions; and actions from any source."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, DateTime, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from relcom_desktop.core.enums import ActionSource, ActionStatus, MeetingKind, PanelOutcome
from relcom_desktop.core.models.base import Base, Day, EnumText, IdMixin, RecordMixin

meeting_child = Table(
    "meeting_child",
    Base.metadata,
    Column("meeting_id", ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
    Column("child_id", ForeignKey("child.id", ondelete="CASCADE"), primary_key=True, index=True),
)

meeting_provider = Table(
    "meeting_provider",
    Base.metadata,
    Column("meeting_id", ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "provider_id", ForeignKey("provider.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class Meeting(RecordMixin, Base):
    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_starts", "starts_at"),)

    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[MeetingKind] = mapped_column(EnumText(MeetingKind), default=MeetingKind.OTHER)
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime)
    duration_minutes: Mapped[int] = mapped_column(default=60)
    location: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    previous_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)


class MeetingAttendee(IdMixin, Base):
    __tablename__ = "meeting_attendee"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact_person.id"))
    name: Mapped[str] = mapped_column(String(160))
    role: Mapped[str] = mapped_column(String(120), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    attended: Mapped[bool] = mapped_column(default=True)


class AgendaItem(IdMixin, Base):
    __tablename__ = "agenda_item"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(300))
    notes: Mapped[str] = mapped_column(Text, default="")


class Decision(IdMixin, Base):
    __tablename__ = "decision"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text)
    agreed_by: Mapped[str] = mapped_column(Text, default="")
    dissent: Mapped[str] = mapped_column(Text, default="")
    panel_outcome: Mapped[PanelOutcome | None] = mapped_column(EnumText(PanelOutcome))
    conditions: Mapped[str] = mapped_column(Text, default="")
    weekly_budget_pence: Mapped[int | None] = mapped_column(default=None)


class Action(RecordMixin, Base):
    """Something someone agreed to do by a date, linked back to where it came from."""

    __tablename__ = "action"
    __table_args__ = (
        Index("ix_action_status_due", "status", "due_on"),
        Index("ix_action_child", "child_id"),
        Index("ix_action_provider", "provider_id"),
        Index("ix_action_meeting", "meeting_id"),
        Index("ix_action_journal", "journal_entry_id"),
    )

    title: Mapped[str] = mapped_column(String(300))
    owner: Mapped[str] = mapped_column(String(160), default="")
    due_on: Mapped[dt.date | None] = mapped_column(Day)
    status: Mapped[ActionStatus] = mapped_column(EnumText(ActionStatus), default=ActionStatus.OPEN)
    done_on: Mapped[dt.date | None] = mapped_column(Day)
    snoozed_until: Mapped[dt.date | None] = mapped_column(Day)
    notes: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[ActionSource] = mapped_column(
        EnumText(ActionSource), default=ActionSource.MANUAL
    )
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    journal_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("journal_entry.id", ondelete="SET NULL")
    )
    check_in_id: Mapped[int | None] = mapped_column(ForeignKey("check_in.id", ondelete="SET NULL"))
    placement_review_id: Mapped[int | None] = mapped_column(
        ForeignKey("placement_review.id", ondelete="SET NULL")
    )
    child_id: Mapped[int | None] = mapped_column(ForeignKey("child.id", ondelete="SET NULL"))
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id", ondelete="SET NULL"))
    carried_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("action.id", ondelete="SET NULL")
    )
