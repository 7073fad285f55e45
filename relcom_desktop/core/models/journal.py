"""The relationship journal: each interaction with a provider."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from relcom_desktop.core.enums import JournalKind, TrustLevel
from relcom_desktop.core.models.base import Base, Day, EnumInt, EnumText, RecordMixin
from relcom_desktop.core.models.children import Child

journal_entry_child = Table(
    "journal_entry_child",
    Base.metadata,
    Column("entry_id", ForeignKey("journal_entry.id", ondelete="CASCADE"), primary_key=True),
    Column("child_id", ForeignKey("child.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class JournalEntry(RecordMixin, Base):
    __tablename__ = "journal_entry"
    __table_args__ = (
        Index("ix_journal_entry_provider_date", "provider_id", "occurred_on"),
        Index("ix_journal_entry_date", "occurred_on", "id"),
        Index("ix_journal_entry_follow_up", "follow_up_on"),
    )

    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"))
    setting_id: Mapped[int | None] = mapped_column(ForeignKey("setting.id"))
    occurred_on: Mapped[dt.date] = mapped_column(Day)
    kind: Mapped[JournalKind] = mapped_column(EnumText(JournalKind))
    summary: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    trust: Mapped[TrustLevel | None] = mapped_column(EnumInt(TrustLevel))
    follow_up_on: Mapped[dt.date | None] = mapped_column(Day)

    children: Mapped[list[Child]] = relationship(secondary=journal_entry_child)
