"""What the generator remembers between stages: who and what exists, and when."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from relcom_desktop.core.demo.names import LocalAuthority
from relcom_desktop.core.demo.scales import DemoScale
from relcom_desktop.core.demo.sink import Sink
from relcom_desktop.core.enums import SettingType
from relcom_desktop.core.interop.ssda903 import PlacementProvider


@dataclass
class Contact:
    id: int
    name: str
    role: str
    organisation: str


@dataclass
class PlacementInfo:
    id: int
    child_id: int
    setting: SettingInfo
    start: dt.date
    end: dt.date | None
    quality: float
    """How well the placement goes for the child: added to the child's baseline."""


@dataclass
class SettingInfo:
    id: int
    provider_id: int
    name: str
    kind: SettingType
    la: LocalAuthority
    judgement_score: float
    placements: list[PlacementInfo] = field(default_factory=list)


@dataclass
class ProviderInfo:
    id: int
    name: str
    kind: PlacementProvider
    lines: tuple[SettingType, ...]
    la: LocalAuthority
    trust_start: float
    trust_slope: float
    quiet: bool = False
    troubled: bool = False
    settings: list[SettingInfo] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    placements: list[PlacementInfo] = field(default_factory=list)


@dataclass
class ChildInfo:
    id: int
    preferred: str
    dob: dt.date
    care_start: dt.date
    care_end: dt.date | None
    social_worker: Contact
    iro: Contact
    wellbeing: float
    family: list[str] = field(default_factory=list)
    placements: list[PlacementInfo] = field(default_factory=list)

    def age_on(self, day: dt.date) -> int:
        years = day.year - self.dob.year
        return years - ((day.month, day.day) < (self.dob.month, self.dob.day))

    def placement_on(self, day: dt.date) -> PlacementInfo | None:
        for placement in self.placements:
            if placement.start <= day and (placement.end is None or day < placement.end):
                return placement
        return None


@dataclass(frozen=True)
class Record:
    """A dated record that later stages link to (check-in, review, journal entry, meeting)."""

    id: int
    day: dt.date
    child_ids: tuple[int, ...] = ()
    provider_ids: tuple[int, ...] = ()


@dataclass
class World:
    rng: random.Random
    today: dt.date
    scale: DemoScale
    sink: Sink
    providers: list[ProviderInfo] = field(default_factory=list)
    settings: dict[SettingType, list[SettingInfo]] = field(default_factory=dict)
    children: list[ChildInfo] = field(default_factory=list)
    social_workers: list[Contact] = field(default_factory=list)
    iros: list[Contact] = field(default_factory=list)
    professionals: list[Contact] = field(default_factory=list)
    check_ins: list[Record] = field(default_factory=list)
    reviews: list[Record] = field(default_factory=list)
    journal: list[Record] = field(default_factory=list)
    meetings: list[Record] = field(default_factory=list)

    @property
    def start(self) -> dt.date:
        """The first day of the activity window."""
        return self.today - dt.timedelta(days=365 * self.scale.years)

    def ago(self, days: int) -> dt.date:
        return self.today - dt.timedelta(days=days)

    def between(self, low: dt.date, high: dt.date) -> dt.date:
        """A random day from ``low`` to ``high`` inclusive (``low`` if the range is empty)."""
        span = (high - low).days
        return low + dt.timedelta(days=self.rng.randint(0, span)) if span > 0 else low

    def provider(self, provider_id: int) -> ProviderInfo:
        return self.providers[provider_id - self.providers[0].id]

    def child(self, child_id: int) -> ChildInfo:
        return self.children[child_id - self.children[0].id]

    def fraction(self, day: dt.date) -> float:
        """Where ``day`` falls in the activity window, 0 (start) to 1 (today)."""
        total = (self.today - self.start).days or 1
        return min(1.0, max(0.0, (day - self.start).days / total))


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))
