"""Professional wording for the child's record and for what is filed against a setting."""

from __future__ import annotations

from relcom_desktop.core.enums import Outcome, QualityStandard, SettingDocumentKind
from relcom_desktop.core.interop.ssda903 import ReasonEpisodeCeased as Rec
from relcom_desktop.core.interop.ssda903 import ReasonPlaceChange as Rpc

# (going well, concern) evidence for each of the seven outcomes
OUTCOME_EVIDENCE: dict[Outcome, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Outcome.LOVED: (
        (
            "Carer talks warmly about {name}; photos of {name} up around the home.",
            "{name} sought out their key worker for comfort after a hard contact.",
        ),
        (
            "{name} says nobody there really knows them yet.",
            "Staff turnover means {name} has had three key workers this year.",
        ),
    ),
    Outcome.HAPPY: (
        ("{name} laughing and relaxed during the visit.", "Enjoying weekly activities again."),
        (
            "{name} low in mood since contact was reduced.",
            "Withdrawn, spending long periods alone.",
        ),
    ),
    Outcome.HEALTHY: (
        ("Health assessment up to date; dentist seen this term.", "Sleeping better, eating well."),
        ("Review health assessment overdue.", "Missed two CAMHS appointments this month."),
    ),
    Outcome.SAFE: (
        ("No missing episodes since the last check-in.", "Safety plan reviewed and working."),
        ("Two missing episodes; return interviews done.", "Concerns about older peers online."),
    ),
    Outcome.DEVELOPING: (
        ("New skills in the kitchen; managing own pocket money.", "Speech improving quickly."),
        ("Not yet getting the therapy in the plan.", "Independence work has stalled."),
    ),
    Outcome.THRIVING: (
        ("Settled, growing in confidence, joined a club.", "School attendance above 95%."),
        ("Attendance below 80% this half-term.", "Struggling to settle after the move."),
    ),
    Outcome.FULFILLING: (
        ("On track for predicted grades; talking about college.", "Won a prize at the club."),
        ("No education provision for three weeks.", "PEP targets not being followed up."),
    ),
}

STANDARD_EVIDENCE: dict[QualityStandard, tuple[str, str]] = {
    QualityStandard.QUALITY_AND_PURPOSE: (
        "Care matches the statement of purpose; staff know {name}'s plan well.",
        "Home is caring for children outside its statement of purpose.",
    ),
    QualityStandard.VIEWS_WISHES: (
        "{name}'s views are recorded in their words and acted on.",
        "{name}'s complaint took six weeks to be answered.",
    ),
    QualityStandard.EDUCATION: (
        "Good links with school; staff attend every PEP.",
        "No one from the home came to the last PEP.",
    ),
    QualityStandard.ENJOYMENT: (
        "Regular activities chosen by the children.",
        "Few activities; weekends spent indoors.",
    ),
    QualityStandard.HEALTH: (
        "Health appointments kept; medication well managed.",
        "Medication errors noted in the last Reg 44 report.",
    ),
    QualityStandard.RELATIONSHIPS: (
        "Warm relationships; family time well supported.",
        "Tension between children; staff reacting rather than planning.",
    ),
    QualityStandard.PROTECTION: (
        "Missing protocol followed; risk assessments current.",
        "Incident records incomplete; restraint not always reviewed.",
    ),
    QualityStandard.LEADERSHIP: (
        "Stable manager who knows every child.",
        "Manager post vacant for four months.",
    ),
    QualityStandard.CARE_PLANNING: (
        "Placement plan updated after the review; shared with {name}.",
        "Placement plan out of date since the last move.",
    ),
}

REVIEW_SUMMARIES = (
    "Placement meeting {name}'s needs; small actions agreed on education.",
    "Mixed picture: care warm but planning weak. Follow-up visit booked.",
    "Strong placement. {name} wants it to continue to 18.",
    "Concerns about staffing; provider asked for a recovery plan.",
)

MOVE_NOTES: dict[Rpc, str] = {
    Rpc.CARPL: "Planned move to a longer-term home agreed at the review.",
    Rpc.CLOSE: "Home closed; provider gave four weeks' notice.",
    Rpc.ALLEG: "Moved after an allegation; strategy meeting held.",
    Rpc.STAND: "Standards of care concerns; moved after our monitoring visit.",
    Rpc.APPRR: "Carer's approval removed by the fostering panel.",
    Rpc.CREQB: "Carers gave notice after repeated incidents at home.",
    Rpc.CREQO: "Carers gave notice for family reasons.",
    Rpc.CHILD: "The child asked to move and gave clear reasons.",
    Rpc.LAREQ: "We ended the placement: the home could not meet the child's needs.",
    Rpc.PLACE: "Change of placement status only; same carers.",
    Rpc.CUSTOD: "Custody arrangement; placement ended.",
    Rpc.OTHER: "Ended for other reasons; see the case file.",
}
MOVE_WEIGHTS: dict[Rpc, int] = {
    Rpc.CARPL: 35,
    Rpc.CREQB: 14,
    Rpc.CREQO: 8,
    Rpc.CHILD: 8,
    Rpc.STAND: 6,
    Rpc.ALLEG: 4,
    Rpc.LAREQ: 8,
    Rpc.CLOSE: 3,
    Rpc.APPRR: 2,
    Rpc.PLACE: 4,
    Rpc.CUSTOD: 2,
    Rpc.OTHER: 6,
}
PLANNED_MOVES = (Rpc.CARPL, Rpc.PLACE)

LEAVING_NOTES: dict[Rec, str] = {
    Rec.E11: "Adopted; adoption order granted unopposed.",
    Rec.E12: "Adopted; the court dispensed with consent.",
    Rec.E4A: "Returned home to a parent as planned, with a support package.",
    Rec.E4B: "Went home to a parent without agreement; case under review.",
    Rec.E13: "Went to live with an aunt; no parental responsibility order.",
    Rec.E41: "Child arrangements order made to a grandparent.",
    Rec.E45: "Special guardianship order to the foster carer, a family friend.",
    Rec.E46: "Special guardianship order to the long-term foster carer.",
    Rec.E47: "Special guardianship order to a grandparent.",
    Rec.E3: "Care taken over by another local authority after a family move.",
    Rec.E5: "Moved to independent living with floating support.",
    Rec.E14: "Remand ended; returned home on bail.",
    Rec.E8: "Ceased to be looked after; see the case file.",
}
LEAVING_BY_AGE: tuple[tuple[int, tuple[Rec, ...]], ...] = (
    (5, (Rec.E11, Rec.E12, Rec.E45, Rec.E47, Rec.E4A)),
    (16, (Rec.E4A, Rec.E4B, Rec.E41, Rec.E46, Rec.E47, Rec.E13, Rec.E3, Rec.E8)),
    (18, (Rec.E5, Rec.E13, Rec.E4A, Rec.E3, Rec.E14)),
)
UNPLANNED_LEAVING = (Rec.E4B, Rec.E8, Rec.E14)

LINK_NOTES = (
    "Contact going well; {name} looks forward to it.",
    "Contact sometimes cancelled at short notice; {name} finds this hard.",
    "Supervised at the family centre. Review at the next LAC review.",
    "Link matters a great deal to {name}; keep it going through any move.",
    "",
)
COMMUNITIES = ("Demotown Gurdwara", "Sampleford Polish Saturday School", "Exampleton Mosque")
COMMUNITIES += ("St Specimen's Church youth group", "Demotown Caribbean Elders' Club")
CLUBS = ("Demotown Juniors FC", "Sampleford Boxing Club", "Mockley Drama Club", "Sea Cadets")

PLAN_PLACES = ("Demoshire case system > Documents", "Shared drive > Children > {ref}")
PLAN_PLACES += ("Paper file in the team office", "Virtual School portal")
LA_REVIEW_NOTES = (
    "IRO satisfied with progress. Plan for permanence confirmed.",
    "IRO raised drift in the education plan; escalation letter to be sent.",
    "{name} attended part of the review and shared their views.",
    "Review moved because the social worker was off sick; held within timescale.",
    "Contact plan changed at {name}'s request.",
)

DOCUMENT_TITLES: dict[SettingDocumentKind, str] = {
    SettingDocumentKind.STATEMENT_OF_PURPOSE: "Statement of purpose",
    SettingDocumentKind.OFSTED_REPORT: "Ofsted inspection report",
    SettingDocumentKind.REGISTRATION: "Certificate of registration",
    SettingDocumentKind.INSURANCE: "Employer's and public liability insurance",
    SettingDocumentKind.SAFEGUARDING_POLICY: "Safeguarding and child protection policy",
    SettingDocumentKind.OTHER_POLICY: "Missing from care policy",
}
DOCUMENT_LIFE_DAYS: dict[SettingDocumentKind, int | None] = {
    SettingDocumentKind.STATEMENT_OF_PURPOSE: 365,
    SettingDocumentKind.OFSTED_REPORT: None,
    SettingDocumentKind.REGISTRATION: None,
    SettingDocumentKind.INSURANCE: 365,
    SettingDocumentKind.SAFEGUARDING_POLICY: 365,
    SettingDocumentKind.OTHER_POLICY: 730,
}
DOCUMENTS_SEEN = ("Statement of purpose", "Staff rota", "Incident log", "Missing-from-care log")
DOCUMENTS_SEEN += ("Complaints log", "Reg 44 reports", "Fire risk assessment", "Training matrix")
DOCUMENTS_SEEN += ("Children's guide", "Menu plans", "Medication records")
VISIT_FINDINGS = {
    "green": (
        "Warm, homely, children busy. Records in good order.",
        "Manager knows every child well; staffing stable.",
    ),
    "amber": (
        "Records mostly fine but restraint log not reviewed monthly.",
        "Agency staff on most shifts this month; manager recruiting.",
    ),
    "red": (
        "Several incidents not notified; staff unclear on missing protocol.",
        "Home short-staffed; children say they do not feel safe at night.",
    ),
}
REG44_SUMMARIES = (
    "Independent visitor spoke to two children and three staff; home calm.",
    "Visit unannounced; children positive about activities.",
    "Visitor reviewed incident records and the complaints log.",
)
REG44_CONCERNS = (
    "",
    "",
    "Night staffing below the statement of purpose twice this month.",
    "Damage to the lounge not yet repaired.",
    "Medication count discrepancy.",
)
REG45_SUMMARIES = (
    "Six-monthly review: progress on the development plan, staff training up to date.",
    "Review shows fewer incidents and better school attendance.",
)
REG40_EVENTS = (
    ("Missing from care", "Child missing overnight; returned next morning with police."),
    ("Police called to the home", "Police called after damage to property."),
    ("Serious injury", "Child injured during football; hospital check, no fracture."),
    ("Allegation against staff", "Child alleged rough handling during a restraint."),
    ("Child protection enquiry (s47)", "Section 47 enquiry opened after a disclosure."),
    ("Restraint leading to injury", "Bruising to arm following a restraint."),
)
REG40_RESPONSES = (
    "Spoke to the manager the same day; strategy meeting attended.",
    "Asked for the full incident record and the child's account.",
    "Social worker visited within 24 hours; plan updated.",
)
