"""Providers, their settings and contacts, and what the commissioner files against a setting."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from relcom_desktop.core.enums import (
    OfstedJudgement,
    ProviderReportKind,
    RiskRating,
    SettingDocumentKind,
    SettingType,
)
from relcom_desktop.core.interop.ssda903 import PlacementProvider
from relcom_desktop.core.models.base import Base, Day, EnumText, RecordMixin


class Provider(RecordMixin, Base):
    __tablename__ = "provider"
    __table_args__ = (Index("ix_provider_listing", "deleted_at", "name"),)

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[PlacementProvider] = mapped_column(
        EnumText(PlacementProvider), default=PlacementProvider.PR4
    )
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Setting(RecordMixin, Base):
    """One home or service of a provider, as registered with Ofsted."""

    __tablename__ = "setting"
    __table_args__ = (
        Index("ix_setting_urn", "urn", unique=True),
        Index("ix_setting_provider", "provider_id", "name"),
    )

    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"))
    name: Mapped[str] = mapped_column(String(200))
    urn: Mapped[str | None] = mapped_column(String(20))
    setting_type: Mapped[SettingType] = mapped_column(
        EnumText(SettingType), default=SettingType.CHILDRENS_HOME
    )
    registered_places: Mapped[int | None] = mapped_column(default=None)
    ofsted_judgement: Mapped[OfstedJudgement | None] = mapped_column(EnumText(OfstedJudgement))
    ofsted_date: Mapped[dt.date | None] = mapped_column(Day)
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(12), default="")
    local_authority: Mapped[str] = mapped_column(String(120), default="")
    region: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class ContactPerson(RecordMixin, Base):
    """Someone the commissioner works with: at a provider, or a professional around a child."""

    __tablename__ = "contact_person"

    provider_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id"), index=True)
    name: Mapped[str] = mapped_column(String(160))
    role: Mapped[str] = mapped_column(String(120), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class ProviderReport(RecordMixin, Base):
    """A Regulation 44 or 45 report received and filed against a setting."""

    __tablename__ = "provider_report"
    __table_args__ = (Index("ix_provider_report_setting_date", "setting_id", "received_on"),)

    setting_id: Mapped[int] = mapped_column(ForeignKey("setting.id"))
    kind: Mapped[ProviderReportKind] = mapped_column(EnumText(ProviderReportKind))
    received_on: Mapped[dt.date] = mapped_column(Day)
    period_start: Mapped[dt.date | None] = mapped_column(Day)
    period_end: Mapped[dt.date | None] = mapped_column(Day)
    summary: Mapped[str] = mapped_column(Text, default="")
    concerns: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")


class MonitoringVisit(RecordMixin, Base):
    """A contract-monitoring visit to a setting, with a red/amber/green risk rating."""

    __tablename__ = "monitoring_visit"
    __table_args__ = (Index("ix_monitoring_visit_setting_date", "setting_id", "visited_on"),)

    setting_id: Mapped[int] = mapped_column(ForeignKey("setting.id"))
    visited_on: Mapped[dt.date] = mapped_column(Day)
    documents_seen: Mapped[list[str]] = mapped_column(JSON, default=list)
    findings: Mapped[str] = mapped_column(Text, default="")
    risk: Mapped[RiskRating | None] = mapped_column(EnumText(RiskRating))
    risk_reason: Mapped[str] = mapped_column(Text, default="")


class SettingDocument(RecordMixin, Base):
    """One line of a setting's document checklist, with its date and expiry."""

    __tablename__ = "setting_document"

    setting_id: Mapped[int] = mapped_column(ForeignKey("setting.id"), index=True)
    kind: Mapped[SettingDocumentKind] = mapped_column(EnumText(SettingDocumentKind))
    title: Mapped[str] = mapped_column(String(200), default="")
    dated: Mapped[dt.date | None] = mapped_column(Day)
    expires: Mapped[dt.date | None] = mapped_column(Day)
    notes: Mapped[str] = mapped_column(Text, default="")


reg40_child = Table(
    "reg40_child",
    Base.metadata,
    Column(
        "notification_id", ForeignKey("reg40_notification.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("child_id", ForeignKey("child.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Reg40Notification(RecordMixin, Base):
    """A Regulation 40 notification of a serious event received from a setting."""

    __tablename__ = "reg40_notification"
    __table_args__ = (Index("ix_reg40_setting_date", "setting_id", "received_on"),)

    setting_id: Mapped[int] = mapped_column(ForeignKey("setting.id"))
    received_on: Mapped[dt.date] = mapped_column(Day)
    event_kind: Mapped[str] = mapped_column(String(120), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    response: Mapped[str] = mapped_column(Text, default="")
    reviewed: Mapped[bool] = mapped_column(default=False)
