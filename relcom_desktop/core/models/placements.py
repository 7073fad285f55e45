"""Placements (a child living in a setting) and Quality Standards placement reviews."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from relcom_desktop.core.enums import QualityStandard, StandardRating
from relcom_desktop.core.interop.ssda903 import (
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
)
from relcom_desktop.core.models.base import Base, Day, EnumInt, EnumText, IdMixin, RecordMixin


class Placement(RecordMixin, Base):
    __tablename__ = "placement"
    __table_args__ = (
        Index("ix_placement_child_start", "child_id", "start_date"),
        Index("ix_placement_setting_end", "setting_id", "end_date"),
        Index("ix_placement_end", "end_date"),
    )

    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    setting_id: Mapped[int] = mapped_column(ForeignKey("setting.id"))
    placement_type: Mapped[PlacementType] = mapped_column(EnumText(PlacementType))
    provider_kind: Mapped[PlacementProvider | None] = mapped_column(EnumText(PlacementProvider))
    start_date: Mapped[dt.date] = mapped_column(Day)
    planned_end_date: Mapped[dt.date | None] = mapped_column(Day)
    end_date: Mapped[dt.date | None] = mapped_column(Day)
    weekly_fee_pence: Mapped[int] = mapped_column(default=0)
    ending_planned: Mapped[bool | None] = mapped_column(default=None)
    end_reason: Mapped[ReasonEpisodeCeased | None] = mapped_column(EnumText(ReasonEpisodeCeased))
    change_reason: Mapped[ReasonPlaceChange | None] = mapped_column(EnumText(ReasonPlaceChange))
    ending_notes: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # From an SSDA903 return: why its first episode began (RNE) and its postcode (PL_POST).
    reason_new: Mapped[ReasonNewEpisode | None] = mapped_column(EnumText(ReasonNewEpisode))
    postcode: Mapped[str] = mapped_column(String(12), default="", server_default="")


class PlacementReview(RecordMixin, Base):
    """Evidence against the nine Quality Standards for one placement at a point in time."""

    __tablename__ = "placement_review"
    __table_args__ = (Index("ix_placement_review_placement_date", "placement_id", "held_on"),)

    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id", ondelete="CASCADE"))
    held_on: Mapped[dt.date] = mapped_column(Day)
    summary: Mapped[str] = mapped_column(Text, default="")

    standards: Mapped[list[PlacementReviewStandard]] = relationship(
        back_populates="review", cascade="all, delete-orphan"
    )


class PlacementReviewStandard(IdMixin, Base):
    __tablename__ = "placement_review_standard"
    __table_args__ = (UniqueConstraint("review_id", "standard"),)

    review_id: Mapped[int] = mapped_column(ForeignKey("placement_review.id", ondelete="CASCADE"))
    standard: Mapped[QualityStandard] = mapped_column(EnumText(QualityStandard))
    rating: Mapped[StandardRating | None] = mapped_column(EnumInt(StandardRating))
    evidence: Mapped[str] = mapped_column(Text, default="")

    review: Mapped[PlacementReview] = relationship(back_populates="standards")
