"""Saving a report without leaving half of it behind (see core/store/files.py); auditing it."""

from __future__ import annotations

from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import Store
from relcom_desktop.core.store.files import atomic_output, check_target, copy_file
from relcom_desktop.reports.options import ReportResult

__all__ = ["atomic_output", "check_target", "copy_file", "record_export", "record_print"]


def record_export(store: Store, result: ReportResult) -> None:
    """Audit that a report was saved to a file (kind, record and time; no content)."""
    audit.record(
        store, AuditKind.EXPORT, result.kind.record_kind, result.record_id, result.audit_detail
    )


def record_print(store: Store, result: ReportResult) -> None:
    """Audit that a report was sent to a printer."""
    audit.record(
        store, AuditKind.PRINT, result.kind.record_kind, result.record_id, result.audit_detail
    )
