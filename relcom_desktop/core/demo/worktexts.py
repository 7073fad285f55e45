"""Wording for the commissioner's own work: journal, meetings, actions and reflection."""

from __future__ import annotations

from relcom_desktop.core.enums import (
    ActionSource,
    JournalKind,
    LearningChange,
    MeetingKind,
    PracticeShift,
)

JOURNAL_WEIGHTS: dict[JournalKind, int] = {
    JournalKind.VISIT: 12,
    JournalKind.CALL: 25,
    JournalKind.EMAIL: 24,
    JournalKind.MEETING: 8,
    JournalKind.NEGOTIATION: 6,
    JournalKind.CONCERN: 8,
    JournalKind.PRAISE: 7,
    JournalKind.ESCALATION: 2,
    JournalKind.SUPPORT_OFFERED: 6,
    JournalKind.OTHER: 2,
}
JOURNAL_SUMMARIES: dict[JournalKind, tuple[str, ...]] = {
    JournalKind.VISIT: (
        "Visited {setting}",
        "Unannounced visit to {setting}",
        "Visit to {setting} with {child}'s social worker",
    ),
    JournalKind.CALL: (
        "Call with {contact} about {child}",
        "Catch-up call with {contact}",
        "{contact} rang about a vacancy",
    ),
    JournalKind.EMAIL: (
        "Email from {contact}: weekly update",
        "Sent {contact} the review dates",
        "Email about {child}'s school transport",
    ),
    JournalKind.MEETING: ("Quarterly provider meeting", "Met {contact} about sufficiency"),
    JournalKind.NEGOTIATION: (
        "Fee uplift request for {child}",
        "Negotiated 2:1 staffing cost",
        "Agreed a step-down plan and fee",
    ),
    JournalKind.CONCERN: (
        "Concern: staffing at {setting}",
        "Concern: {child} missing again",
        "Concern: late notification of an incident",
    ),
    JournalKind.PRAISE: (
        "Thanked {setting} for {child}'s birthday",
        "Praise: {child}'s school attendance",
        "Great handling of a crisis",
    ),
    JournalKind.ESCALATION: (
        "Escalated to the responsible individual",
        "Escalated staffing concerns to head of service",
    ),
    JournalKind.SUPPORT_OFFERED: (
        "Offered training places on trauma-informed care",
        "Linked {setting} with the virtual school",
        "Offered help recruiting a manager",
    ),
    JournalKind.OTHER: (
        "Note of a chance conversation with {contact}",
        "Admin: contract variation",
    ),
}
JOURNAL_BODIES: dict[str, tuple[str, ...]] = {
    "good": (
        "{contact} was open about what is and isn't working.",
        "Felt like a conversation between partners, not a contract check.",
        "They rang me first, before I heard it from anyone else.",
        "Good to see {child} so settled; staff clearly know them well.",
    ),
    "mixed": (
        "Some progress since last time but the same issues keep coming up.",
        "Agreed to speak again next week once they have checked the rota.",
        "I explained what we need; they explained what they can do. Gap remains.",
    ),
    "poor": (
        "Information was slow and partial; I had to ask twice.",
        "Felt defensive. I need to think about how I raised it.",
        "Second time this month a notification has come late.",
        "Manager not available; spoke to a deputy who was new in post.",
    ),
}

MEETING_WEIGHTS: dict[MeetingKind, int] = {
    MeetingKind.PLACEMENT_PLANNING: 15,
    MeetingKind.PLACEMENT_REVIEW: 20,
    MeetingKind.PLACEMENT_PANEL: 12,
    MeetingKind.PROVIDER: 18,
    MeetingKind.STRATEGIC: 10,
    MeetingKind.PROFESSIONALS: 15,
    MeetingKind.OTHER: 10,
}
MEETING_TITLES: dict[MeetingKind, str] = {
    MeetingKind.PLACEMENT_PLANNING: "Placement planning meeting: {child}",
    MeetingKind.PLACEMENT_REVIEW: "Placement review: {child} at {setting}",
    MeetingKind.PLACEMENT_PANEL: "Resource panel: {child}",
    MeetingKind.PROVIDER: "Provider meeting: {provider}",
    MeetingKind.STRATEGIC: "Sufficiency and market group",
    MeetingKind.PROFESSIONALS: "Professionals' meeting: {child}",
    MeetingKind.OTHER: "Team development session",
}
AGENDA: dict[MeetingKind, tuple[str, ...]] = {
    MeetingKind.PLACEMENT_PLANNING: (
        "Introductions and purpose",
        "{child}'s wishes and feelings",
        "Matching and transition plan",
        "Education and transport",
        "Family time arrangements",
    ),
    MeetingKind.PLACEMENT_REVIEW: (
        "What is going well",
        "What worries us",
        "{child}'s views",
        "Quality Standards evidence",
        "Fees",
    ),
    MeetingKind.PLACEMENT_PANEL: (
        "Case summary",
        "Options considered",
        "Cost and value",
        "Panel questions",
        "Decision",
    ),
    MeetingKind.PROVIDER: (
        "Actions from last time",
        "Children placed",
        "Workforce",
        "Ofsted and Reg 44 findings",
        "Fees and contract",
    ),
    MeetingKind.STRATEGIC: (
        "Sufficiency data",
        "Gaps in local homes",
        "Provider forum feedback",
        "Joint training plan",
        "Market position statement",
    ),
    MeetingKind.PROFESSIONALS: (
        "Current risks",
        "Health and CAMHS",
        "Education",
        "Family network",
        "Plan and contingency",
    ),
    MeetingKind.OTHER: ("Learning from a recent case", "Reflective practice", "Any other business"),
}
AGENDA_NOTES = (
    "Discussed openly; everyone contributed.",
    "{child}'s views shared by the social worker and read out in full.",
    "Provider explained the staffing position; recruitment underway.",
    "Agreed this needs more work before the next meeting.",
    "No concerns raised.",
)
DECISIONS = (
    "Placement to continue; review in three months.",
    "Provider to submit a revised placement plan.",
    "Increase family time to fortnightly, supervised.",
    "Commission two sessions of therapeutic support.",
    "Hold a joint visit with the IRO before the next review.",
)
PANEL_CONDITIONS = (
    "Approved for 12 weeks, then review with outcomes evidence.",
    "Subject to a step-down plan within six months.",
    "Conditional on an education place being confirmed.",
    "",
)
LOCATIONS = ("Demotown Civic Centre, Room 2", "Video call", "Phone")
LOCATIONS += ("Demoford Family Hub", "County Hall, Committee Room 4")

ACTION_TITLES: dict[ActionSource, tuple[str, ...]] = {
    ActionSource.MANUAL: (
        "Update the sufficiency tracker",
        "Book provider forum venue",
        "Read the new Ofsted framework notes",
        "Renew DBS check",
    ),
    ActionSource.MEETING: (
        "Send the minutes to attendees",
        "Chase the revised placement plan",
        "Arrange a joint visit with the IRO",
        "Confirm the fee agreed",
    ),
    ActionSource.JOURNAL: (
        "Follow up the staffing concern",
        "Send the training offer",
        "Ask for the incident record",
        "Call back about the vacancy",
    ),
    ActionSource.CHECK_IN: (
        "Ask school about {child}'s attendance",
        "Chase {child}'s health assessment",
        "Set up family time with {link}",
    ),
    ActionSource.REVIEW: (
        "Ask for evidence on the protection standard",
        "Agree a plan for {child}'s education",
        "Check the placement plan has been updated",
    ),
}

REFLECTION_HAPPENED = (
    "A difficult conversation with {provider} about late notifications.",
    "Panel asked for cost before asking about {child}'s wishes.",
    "Joint visit with the IRO to {provider}; we saw different things.",
    "Provider forum where two homes shared how they cut missing episodes.",
    "I realised I had not spoken to {child} directly for months.",
    "A move for {child} that nobody had planned for.",
)
REFLECTION_LEARNED: dict[LearningChange, str] = {
    LearningChange.PRODUCT_TO_LEARNING: "The placement is not a product; it changes as we learn.",
    LearningChange.SKILLS_ATTITUDES: "Curiosity got further than my checklist did.",
    LearningChange.ASSESSMENT: "Our monitoring form measures paperwork, not children's days.",
    LearningChange.REWARDING: "Saying thank you specifically changed the next conversation.",
    LearningChange.DISCUSSION: "Talking about my own practice made it safe for them to.",
    LearningChange.TRANSFORMATIVE: "Learning together with providers beats training at them.",
    LearningChange.COLLEGIALITY: "Other commissioners have solved this already; ask them.",
    LearningChange.QUALITY_LEARNING: "Each concern is also information about the system.",
    LearningChange.AUDITING: "I need a way to see whether things are actually improving.",
}
REFLECTION_NEXT = (
    "Ring before I email when something is sensitive.",
    "Start every review with the child's own words.",
    "Bring one provider's good practice to the next forum.",
    "Ask 'what would help?' before 'why did this happen?'.",
    "Keep a note of what I promised and check it monthly.",
)
SHIFT_EVIDENCE: dict[PracticeShift, str] = {
    PracticeShift.CHILD_FOCUS: "Started reviews with the child's words this quarter.",
    PracticeShift.SYSTEM_FOCUS: "Looked at moves across all providers, not one at a time.",
    PracticeShift.ENABLER: "Fewer contract letters, more joint problem-solving.",
    PracticeShift.RELATIONSHIPS: "Regular calls with managers, not only when things go wrong.",
    PracticeShift.CONVENOR: "Chaired the sufficiency group as a shared decision.",
    PracticeShift.HIGH_TRUST: "Agreed lighter monitoring for two trusted homes.",
    PracticeShift.IMPROVEMENT: "Offered support after Reg 44 findings instead of a notice.",
    PracticeShift.LOCAL_SOLUTIONS: "Co-designed a local step-down service with two providers.",
}
ASSESSMENT_NOTES = (
    "Quarterly self-assessment with my supervisor.",
    "Done after the provider forum; mixed quarter.",
    "Feels like real movement on relationships.",
)
