"""Every enumeration the app stores, with its display label, in one place.

The SSDA903 code lists (legal status, placement type, provider kind, reasons) live in
:mod:`relcom_desktop.core.interop.ssda903` because the DfE revises them yearly.
"""

from __future__ import annotations

from relcom_desktop.core.labels import LabelledInt, LabelledStr


class Sex(LabelledStr):
    MALE = ("1", "Male")
    FEMALE = ("2", "Female")


class SettingType(LabelledStr):
    CHILDRENS_HOME = ("childrens_home", "Children's home")
    FOSTERING_AGENCY = ("ifa", "Independent fostering agency")
    LA_FOSTERING = ("la_fostering", "Local authority fostering service")
    SUPPORTED_ACCOMMODATION = ("supported_accommodation", "Supported accommodation (16–17)")
    RESIDENTIAL_SCHOOL = ("residential_school", "Residential special school")
    SECURE_HOME = ("secure_home", "Secure children's home")
    FAMILY_CENTRE = ("family_centre", "Residential family centre")
    OTHER = ("other", "Other")


class OfstedJudgement(LabelledStr):
    OUTSTANDING = ("outstanding", "Outstanding")
    GOOD = ("good", "Good")
    REQUIRES_IMPROVEMENT = ("requires_improvement", "Requires improvement to be good")
    INADEQUATE = ("inadequate", "Inadequate")
    NOT_YET_INSPECTED = ("not_inspected", "Not yet inspected")


class LinkImportance(LabelledInt):
    LOW = (1, "Some importance")
    MEDIUM = (2, "Important")
    HIGH = (3, "Very important")


class LinkKind(LabelledStr):
    PARENT = ("parent", "Parent")
    SIBLING = ("sibling", "Brother or sister")
    GRANDPARENT = ("grandparent", "Grandparent")
    OTHER_RELATIVE = ("relative", "Other relative")
    FRIEND = ("friend", "Friend")
    FORMER_CARER = ("former_carer", "Former carer")
    COMMUNITY = ("community", "Faith or cultural community")
    SCHOOL = ("school", "School or club")
    OTHER = ("other", "Other")


class ContactArrangement(LabelledStr):
    NONE = ("none", "No contact")
    WEEKLY_SUPERVISED = ("weekly_supervised", "Weekly, supervised")
    WEEKLY_UNSUPERVISED = ("weekly_unsupervised", "Weekly, unsupervised")
    MONTHLY_SUPERVISED = ("monthly_supervised", "Monthly, supervised")
    MONTHLY_UNSUPERVISED = ("monthly_unsupervised", "Monthly, unsupervised")
    PHONE_VIDEO = ("phone", "Phone or video calls")
    LETTERBOX = ("letterbox", "Letterbox")
    AS_CHILD_WISHES = ("as_wished", "As the child wishes")
    OTHER = ("other", "Other arrangement")


class Outcome(LabelledStr):
    """Quality Standards key principle #1: the seven outcome words."""

    LOVED = ("loved", "Loved")
    HAPPY = ("happy", "Happy")
    HEALTHY = ("healthy", "Healthy")
    SAFE = ("safe", "Safe from harm")
    DEVELOPING = ("developing", "Able to develop")
    THRIVING = ("thriving", "Thriving")
    FULFILLING = ("fulfilling", "Fulfilling potential")


class OutcomeRating(LabelledInt):
    SERIOUS_CONCERN = (1, "Serious concern")
    SOME_CONCERN = (2, "Some concern")
    MOSTLY_WELL = (3, "Mostly going well")
    GOING_WELL = (4, "Going well")


class QualityStandard(LabelledStr):
    """The nine Quality Standards, Children's Homes (England) Regulations 2015, regs 6–14."""

    QUALITY_AND_PURPOSE = ("qs1", "The quality and purpose of care standard")
    VIEWS_WISHES = ("qs2", "The children's views, wishes and feelings standard")
    EDUCATION = ("qs3", "The education standard")
    ENJOYMENT = ("qs4", "The enjoyment and achievement standard")
    HEALTH = ("qs5", "The health and well-being standard")
    RELATIONSHIPS = ("qs6", "The positive relationships standard")
    PROTECTION = ("qs7", "The protection of children standard")
    LEADERSHIP = ("qs8", "The leadership and management standard")
    CARE_PLANNING = ("qs9", "The care planning standard")


class StandardRating(LabelledInt):
    NOT_MET = (1, "Not met")
    PARTLY_MET = (2, "Partly met")
    MET = (3, "Met")
    MET_WELL = (4, "Met well")


class PlanKind(LabelledStr):
    CARE_PLAN = ("care_plan", "Care plan")
    PLACEMENT_PLAN = ("placement_plan", "Placement plan")
    PEP = ("pep", "Personal education plan")
    HEALTH_PLAN = ("health_plan", "Health plan")
    PATHWAY_PLAN = ("pathway_plan", "Pathway plan")
    EHC_PLAN = ("ehc_plan", "EHC plan")


class ProviderReportKind(LabelledStr):
    REG44 = ("reg44", "Regulation 44 (independent person's visit)")
    REG45 = ("reg45", "Regulation 45 (review of quality of care)")


class RiskRating(LabelledStr):
    GREEN = ("green", "Green — low risk")
    AMBER = ("amber", "Amber — some risk")
    RED = ("red", "Red — high risk")


class SettingDocumentKind(LabelledStr):
    STATEMENT_OF_PURPOSE = ("statement_of_purpose", "Statement of purpose")
    OFSTED_REPORT = ("ofsted_report", "Latest Ofsted report")
    REGISTRATION = ("registration", "Registration certificate")
    INSURANCE = ("insurance", "Insurance")
    SAFEGUARDING_POLICY = ("safeguarding_policy", "Safeguarding policy")
    OTHER_POLICY = ("policy", "Other key policy")


class JournalKind(LabelledStr):
    VISIT = ("visit", "Visit")
    CALL = ("call", "Call")
    EMAIL = ("email", "Email")
    MEETING = ("meeting", "Meeting")
    NEGOTIATION = ("negotiation", "Negotiation")
    CONCERN = ("concern", "Concern")
    PRAISE = ("praise", "Praise")
    ESCALATION = ("escalation", "Escalation")
    SUPPORT_OFFERED = ("support", "Support offered")
    OTHER = ("other", "Other")


class TrustLevel(LabelledInt):
    STRAINED = (1, "Strained")
    UNEASY = (2, "Uneasy")
    STEADY = (3, "Steady")
    GROWING = (4, "Growing")
    STRONG = (5, "Strong")


class MeetingKind(LabelledStr):
    PLACEMENT_PLANNING = ("placement_planning", "Placement planning")
    PLACEMENT_REVIEW = ("placement_review", "Placement review")
    PLACEMENT_PANEL = ("placement_panel", "Placement panel")
    PROVIDER = ("provider", "Provider meeting")
    STRATEGIC = ("strategic", "Strategic / sufficiency")
    PROFESSIONALS = ("professionals", "Professionals' meeting")
    OTHER = ("other", "Other")


class PanelOutcome(LabelledStr):
    APPROVE = ("approve", "Approved")
    DEFER = ("defer", "Deferred")
    DECLINE = ("decline", "Declined")


class ActionStatus(LabelledStr):
    OPEN = ("open", "Open")
    DONE = ("done", "Done")
    CANCELLED = ("cancelled", "Cancelled")


class ActionSource(LabelledStr):
    MANUAL = ("manual", "Added by hand")
    MEETING = ("meeting", "Meeting")
    JOURNAL = ("journal", "Journal follow-up")
    CHECK_IN = ("check_in", "Check-in")
    REVIEW = ("review", "Placement review")


class LearningChange(LabelledStr):
    """The nine changes relational commissioning needs (NCERCC)."""

    PRODUCT_TO_LEARNING = ("product_to_learning", "From product to learning")
    SKILLS_ATTITUDES = ("skills_attitudes", "Skills, attitudes and abilities")
    ASSESSMENT = ("assessment", "Appropriate assessment procedures")
    REWARDING = ("rewarding", "Rewarding transformative practice")
    DISCUSSION = ("discussion", "Discussing commissioner and provider practice")
    TRANSFORMATIVE = ("transformative", "Transformative learning for all")
    COLLEGIALITY = ("collegiality", "Fostering new collegiality")
    QUALITY_LEARNING = ("quality_learning", "Linking quality improvement to learning")
    AUDITING = ("auditing", "Auditing improvement")


class PracticeShift(LabelledStr):
    """The King's Fund from → to shifts; the label reads "from → to"."""

    CHILD_FOCUS = ("child_focus", "Care focus → child/children focus")
    SYSTEM_FOCUS = ("system_focus", "Provider focus → system focus")
    ENABLER = ("enabler", "Contract enforcer → system enabler")
    RELATIONSHIPS = ("relationships", "Transactions → relationships and behaviours")
    CONVENOR = ("convenor", "Decision maker → convenor for collective decisions")
    HIGH_TRUST = ("high_trust", "High bureaucracy, low cost → low bureaucracy, high trust")
    IMPROVEMENT = (
        "improvement",
        "Monitoring provider performance → system performance and improvement support",
    )
    LOCAL_SOLUTIONS = ("local_solutions", "Following national guidance → local solutions")


class AuditKind(LabelledStr):
    EXPORT = ("export", "Export")
    PRINT = ("print", "Print")
    BACKUP = ("backup", "Backup")
    RESTORE = ("restore", "Restore")
    PASSPHRASE_CHANGE = ("passphrase_change", "Passphrase changed")
    HARD_DELETE = ("hard_delete", "Deleted permanently")
    IMPORT = ("import", "Import")


SHIFT_SCALE_MAX = 10
"""Self-assessment positions run from 0 (wholly the "from" pole) to this (wholly "to")."""
