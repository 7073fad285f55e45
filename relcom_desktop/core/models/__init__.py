"""All ORM classes; importing this package registers every table on ``Base.metadata``."""

from relcom_desktop.core.models.base import Base, utcnow
from relcom_desktop.core.models.children import (
    CheckIn,
    CheckInOutcome,
    Child,
    ChildPlan,
    FamilyLink,
    LegalStatusPeriod,
    LookedAfterReview,
)
from relcom_desktop.core.models.journal import JournalEntry, journal_entry_child
from relcom_desktop.core.models.meetings import (
    Action,
    AgendaItem,
    Decision,
    Meeting,
    MeetingAttendee,
    meeting_child,
    meeting_provider,
)
from relcom_desktop.core.models.placements import (
    Placement,
    PlacementReview,
    PlacementReviewStandard,
)
from relcom_desktop.core.models.providers import (
    ContactPerson,
    MonitoringVisit,
    Provider,
    ProviderReport,
    Reg40Notification,
    Setting,
    SettingDocument,
    reg40_child,
)
from relcom_desktop.core.models.reflection import (
    Reflection,
    SelfAssessment,
    SelfAssessmentScore,
    reflection_change,
)
from relcom_desktop.core.models.system import AppSetting, AuditEvent

__all__ = [
    "Action",
    "AgendaItem",
    "AppSetting",
    "AuditEvent",
    "Base",
    "CheckIn",
    "CheckInOutcome",
    "Child",
    "ChildPlan",
    "ContactPerson",
    "Decision",
    "FamilyLink",
    "JournalEntry",
    "LegalStatusPeriod",
    "LookedAfterReview",
    "Meeting",
    "MeetingAttendee",
    "MonitoringVisit",
    "Placement",
    "PlacementReview",
    "PlacementReviewStandard",
    "Provider",
    "ProviderReport",
    "Reflection",
    "Reg40Notification",
    "SelfAssessment",
    "SelfAssessmentScore",
    "Setting",
    "SettingDocument",
    "journal_entry_child",
    "meeting_child",
    "meeting_provider",
    "reflection_change",
    "reg40_child",
    "utcnow",
]
