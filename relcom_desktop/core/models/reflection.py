"""The commissioner's learning log and from → to self-assessments."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, Index, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from relcom_desktop.core.enums import LearningChange, PracticeShift
from relcom_desktop.core.models.base import Base, Day, EnumText, IdMixin, RecordMixin

reflection_change = Table(
    "reflection_change",
    Base.metadata,
    Column("reflection_id", ForeignKey("reflection.id", ondelete="CASCADE"), primary_key=True),
    Column("change", EnumText(LearningChange), primary_key=True),
)


class Reflection(RecordMixin, Base):
    """A learning-log entry: what happened, what I learned, what I'll do differently."""

    __tablename__ = "reflection"
    __table_args__ = (Index("ix_reflection_date", "written_on"),)

    written_on: Mapped[dt.date] = mapped_column(Day)
    what_happened: Mapped[str] = mapped_column(Text, default="")
    what_learned: Mapped[str] = mapped_column(Text, default="")
    do_differently: Mapped[str] = mapped_column(Text, default="")
    child_id: Mapped[int | None] = mapped_column(ForeignKey("child.id", ondelete="SET NULL"))
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id", ondelete="SET NULL"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    journal_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("journal_entry.id", ondelete="SET NULL")
    )


class SelfAssessment(RecordMixin, Base):
    """A dated placing of the commissioner on each of the eight from → to shifts."""

    __tablename__ = "self_assessment"

    assessed_on: Mapped[dt.date] = mapped_column(Day, index=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    scores: Mapped[list[SelfAssessmentScore]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan"
    )


class SelfAssessmentScore(IdMixin, Base):
    __tablename__ = "self_assessment_score"
    __table_args__ = (UniqueConstraint("assessment_id", "shift"),)

    assessment_id: Mapped[int] = mapped_column(ForeignKey("self_assessment.id", ondelete="CASCADE"))
    shift: Mapped[PracticeShift] = mapped_column(EnumText(PracticeShift))
    position: Mapped[int] = mapped_column()
    evidence: Mapped[str] = mapped_column(Text, default="")

    assessment: Mapped[SelfAssessment] = relationship(back_populates="scores")
