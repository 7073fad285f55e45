"""The child and everything recorded about them directly."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from relcom_desktop.core.enums import (
    ContactArrangement,
    LinkImportance,
    LinkKind,
    Outcome,
    OutcomeRating,
    PlanKind,
    Sex,
)
from relcom_desktop.core.interop.ssda903 import LegalStatus
from relcom_desktop.core.models.base import Base, Day, EnumInt, EnumText, IdMixin, RecordMixin


class Child(RecordMixin, Base):
    __tablename__ = "child"
    __table_args__ = (
        Index("ix_child_preferred_name", "preferred_name"),
        Index("ix_child_la_reference", "la_reference", unique=True),
        Index("ix_child_listing", "deleted_at", "archived_at", "preferred_name"),
    )

    preferred_name: Mapped[str] = mapped_column(String(120))
    full_name: Mapped[str] = mapped_column(String(240), default="")
    date_of_birth: Mapped[dt.date | None] = mapped_column(Day)
    sex: Mapped[Sex | None] = mapped_column(EnumText(Sex))
    ethnicity: Mapped[str] = mapped_column(String(10), default="")
    upn: Mapped[str] = mapped_column(String(20), default="")
    la_reference: Mapped[str | None] = mapped_column(String(40))
    legal_status: Mapped[LegalStatus | None] = mapped_column(EnumText(LegalStatus))
    looked_after_since: Mapped[dt.date | None] = mapped_column(Day)
    social_worker: Mapped[str] = mapped_column(String(120), default="")
    iro: Mapped[str] = mapped_column(String(120), default="")
    about_me: Mapped[str] = mapped_column(Text, default="")
    about_me_updated: Mapped[dt.date | None] = mapped_column(Day)
    wishes_and_feelings: Mapped[str] = mapped_column(Text, default="")
    wishes_and_feelings_updated: Mapped[dt.date | None] = mapped_column(Day)
    what_matters: Mapped[str] = mapped_column(Text, default="")
    what_matters_updated: Mapped[dt.date | None] = mapped_column(Day)
    strengths: Mapped[str] = mapped_column(Text, default="")
    strengths_updated: Mapped[dt.date | None] = mapped_column(Day)
    needs: Mapped[str] = mapped_column(Text, default="")
    needs_updated: Mapped[dt.date | None] = mapped_column(Day)
    notes: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    retain_until: Mapped[dt.date | None] = mapped_column(Day)

    family_links: Mapped[list[FamilyLink]] = relationship(back_populates="child")


class FamilyLink(RecordMixin, Base):
    """A person or community the child is connected to (Quality Standards principle #6)."""

    __tablename__ = "family_link"

    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(160))
    kind: Mapped[LinkKind] = mapped_column(EnumText(LinkKind), default=LinkKind.OTHER)
    relationship_text: Mapped[str] = mapped_column("relationship", String(120), default="")
    contact_arrangement: Mapped[ContactArrangement] = mapped_column(
        EnumText(ContactArrangement), default=ContactArrangement.OTHER
    )
    importance: Mapped[LinkImportance] = mapped_column(
        EnumInt(LinkImportance), default=LinkImportance.MEDIUM
    )
    last_contact: Mapped[dt.date | None] = mapped_column(Day)
    notes: Mapped[str] = mapped_column(Text, default="")

    child: Mapped[Child] = relationship(back_populates="family_links")


class LegalStatusPeriod(IdMixin, Base):
    """The child's legal status over time (an SSDA903 episode may change only this)."""

    __tablename__ = "legal_status_period"

    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"), index=True)
    legal_status: Mapped[LegalStatus] = mapped_column(EnumText(LegalStatus))
    start_date: Mapped[dt.date] = mapped_column(Day)
    end_date: Mapped[dt.date | None] = mapped_column(Day)


class ChildPlan(RecordMixin, Base):
    """One of the child's plans (care plan, PEP, ...) and where the document lives."""

    __tablename__ = "child_plan"

    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"), index=True)
    kind: Mapped[PlanKind] = mapped_column(EnumText(PlanKind))
    plan_date: Mapped[dt.date | None] = mapped_column(Day)
    next_review: Mapped[dt.date | None] = mapped_column(Day)
    location: Mapped[str] = mapped_column(String(400), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class LookedAfterReview(RecordMixin, Base):
    """A statutory looked-after (IRO) review that took place."""

    __tablename__ = "looked_after_review"

    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"), index=True)
    held_on: Mapped[dt.date] = mapped_column(Day)
    notes: Mapped[str] = mapped_column(Text, default="")


class CheckIn(RecordMixin, Base):
    """A dated view of how the child is doing against the seven principle-#1 outcomes."""

    __tablename__ = "check_in"
    __table_args__ = (Index("ix_check_in_child_date", "child_id", "held_on"),)

    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    held_on: Mapped[dt.date] = mapped_column(Day)
    child_view: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    outcomes: Mapped[list[CheckInOutcome]] = relationship(
        back_populates="check_in", cascade="all, delete-orphan"
    )


class CheckInOutcome(IdMixin, Base):
    __tablename__ = "check_in_outcome"
    __table_args__ = (UniqueConstraint("check_in_id", "outcome"),)

    check_in_id: Mapped[int] = mapped_column(ForeignKey("check_in.id", ondelete="CASCADE"))
    outcome: Mapped[Outcome] = mapped_column(EnumText(Outcome))
    rating: Mapped[OutcomeRating | None] = mapped_column(EnumInt(OutcomeRating))
    evidence: Mapped[str] = mapped_column(Text, default="")

    check_in: Mapped[CheckIn] = relationship(back_populates="outcomes")
