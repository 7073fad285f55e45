"""Audit trail and stored preferences."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.models.base import Base, EnumText, IdMixin, utcnow


class AuditEvent(IdMixin, Base):
    """When and what kind of record: never personal content."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_at", "at"),)

    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    kind: Mapped[AuditKind] = mapped_column(EnumText(AuditKind))
    record_kind: Mapped[str] = mapped_column(String(40), default="")
    record_id: Mapped[int | None] = mapped_column(default=None)
    detail: Mapped[str] = mapped_column(String(200), default="")


class AppSetting(Base):
    """A stored preference or remembered choice, as JSON."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)
