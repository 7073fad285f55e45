"""How big a demo caseload is: the named scales and the summary a build returns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoScale:
    """Target sizes for one demo caseload. Counts of dependent rows follow from these."""

    children: int
    providers: int
    settings: int
    placements: int
    journal_entries: int
    meetings: int
    actions: int
    reflections: int
    self_assessments: int
    years: int
    """The activity window: journal, meetings, actions, check-ins and reflection span this."""
    history_years: int
    """How far back a child's care history may start."""
    reg40_notifications: int
    checkin_weeks: tuple[int, int]
    """A check-in every this many weeks (low, high) while the child is looked after."""
    busiest_child_placements: int
    """The first child has this many placements (a stress case for the screens)."""
    leaver_share: float
    """The share of children who have left care."""


SCALES: dict[str, DemoScale] = {
    "tiny": DemoScale(
        children=5,
        providers=7,
        settings=9,
        placements=12,
        journal_entries=40,
        meetings=12,
        actions=30,
        reflections=6,
        self_assessments=2,
        years=1,
        history_years=3,
        reg40_notifications=2,
        checkin_weeks=(5, 9),
        busiest_child_placements=4,
        leaver_share=0.2,
    ),
    "small": DemoScale(
        children=30,
        providers=15,
        settings=25,
        placements=75,
        journal_entries=300,
        meetings=40,
        actions=150,
        reflections=40,
        self_assessments=6,
        years=1,
        history_years=6,
        reg40_notifications=8,
        checkin_weeks=(4, 8),
        busiest_child_placements=6,
        leaver_share=0.1,
    ),
    "10y": DemoScale(
        children=2000,
        providers=500,
        settings=900,
        placements=6000,
        journal_entries=100_000,
        meetings=3000,
        actions=10_000,
        reflections=600,
        self_assessments=40,
        years=10,
        history_years=10,
        reg40_notifications=400,
        checkin_weeks=(6, 12),
        busiest_child_placements=12,
        leaver_share=0.3,
    ),
}


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind a demo build wrote."""

    children: int
    family_links: int
    legal_status_periods: int
    child_plans: int
    looked_after_reviews: int
    placements: int
    placement_reviews: int
    check_ins: int
    providers: int
    settings: int
    contacts: int
    provider_reports: int
    monitoring_visits: int
    setting_documents: int
    reg40_notifications: int
    journal_entries: int
    meetings: int
    decisions: int
    actions: int
    reflections: int
    self_assessments: int

    @property
    def total(self) -> int:
        return sum(getattr(self, name) for name in self.__dataclass_fields__)
