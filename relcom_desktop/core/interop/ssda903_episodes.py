"""How a child's SSDA903 episodes become placements and legal-status runs, and which
recorded placement each group of episodes is (shared by the import's two paths)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from relcom_desktop.core import models as m
from relcom_desktop.core.interop.import_run import day
from relcom_desktop.core.interop.ssda903 import ReasonNewEpisode
from relcom_desktop.core.interop.ssda903_rows import Episode


def placement_groups(episodes: list[Episode]) -> Iterator[list[Episode]]:
    """Episodes (in date order) gathered into placements: an episode that continues the one
    before in the same placement — a change of legal status only — joins its placement."""
    group: list[Episode] = []
    for episode in episodes:
        if group and not episode.same_placement_as(group[-1]):
            yield group
            group = []
        group.append(episode)
    if group:
        yield group


def latest_period_of_care(episodes: list[Episode]) -> dt.date | None:
    """When the child's latest period of care began: the start of the latest run of
    episodes that follow one another, unless that run's first episode says (by an RNE other
    than ``S``) that it continues care begun before the return's episodes."""
    first = episodes[0]
    for before, episode in pairwise(episodes):
        if not episode.continues(before):
            first = episode
    if first.reason_new not in (None, ReasonNewEpisode.S):
        return None
    return first.start


def match_placements(
    groups: list[list[Episode]], recorded: list[m.Placement]
) -> list[m.Placement | None]:
    """The placement on record each group of episodes is (None: a new one). A group is
    matched by its start date; failing that (a corrected DECOM), by a placement an earlier
    return made (it has an RNE) of the same type that it overlaps or ends with. Placements
    the commissioner recorded are matched by start date only."""
    free = {p.id: p for p in recorded}
    found: list[m.Placement | None] = []
    by_start = {p.start_date: p for p in recorded}
    for group in groups:
        same = by_start.get(group[0].start)
        found.append(same if same is not None and same.id in free else None)
        if found[-1] is not None:
            del free[found[-1].id]
    for index, group in enumerate(groups):
        if found[index] is None:
            found[index] = _corrected(group, list(free.values()))
            if found[index] is not None:
                del free[found[index].id]
    return found


def _corrected(group: list[Episode], free: list[m.Placement]) -> m.Placement | None:
    start, end = group[0].start, group[-1].end
    for placement in free:
        same_end = end is not None and placement.end_date == end
        overlaps = start < (placement.end_date or dt.date.max) and placement.start_date < (
            end or dt.date.max
        )
        from_return = placement.reason_new is not None
        if (
            from_return
            and placement.placement_type is group[0].placement_type
            and (overlaps or same_end)
        ):
            return placement
    return None


def shrinks_first(pair: tuple[list[Episode], m.Placement | None]) -> tuple[int, dt.date]:
    """Placements whose corrected dates take less time go first, so that no placement
    overlaps another half-way through the corrections."""
    group, placement = pair
    if placement is None:
        return 1, group[0].start
    grows = group[0].start < placement.start_date or (group[-1].end or dt.date.max) > (
        placement.end_date or dt.date.max
    )
    return int(grows), group[0].start


def describe(group: list[Episode]) -> str:
    first, last = group[0], group[-1]
    until = day(last.end) if last.end else "now"
    where = f"URN {first.urn}" if first.urn else "no Ofsted URN"
    # ``_value_`` is ``value`` without the enum property's lookup (a row of the preview each)
    text = f"{first.placement_type._value_} {first.placement_type.label}, {where}, "
    text += f"{day(first.start)} to {until}"
    statuses = list(dict.fromkeys(e.legal_status._value_ for e in group if e.legal_status))
    if len(statuses) > 1:
        text += f"; legal status {' → '.join(statuses)}"
    if last.reason_ceased is not None:
        text += f"; ended: {last.reason_ceased.label}"
    return text


def overlapping(periods: list[Any], status: Any, start: dt.date, end: dt.date | None) -> Any | None:
    for period in periods:
        if (
            period.legal_status is status
            and start < (period.end_date or dt.date.max)
            and period.start_date < (end or dt.date.max)
        ):
            return period
    return None


def status_runs(episodes: list[Episode]) -> Iterator[tuple[Any, dt.date, dt.date | None]]:
    """Runs of one legal status. An episode the return began with RNE ``L`` (a change of
    legal status only) starts a run even when its LS is the same, so that its boundary is
    kept (and the export gives it back)."""
    run: list[Episode] = []
    for episode in episodes:
        if run and not (
            episode.continues(run[-1])
            and episode.legal_status is run[-1].legal_status
            and episode.reason_new is not ReasonNewEpisode.L
        ):
            if run[0].legal_status is not None:
                yield run[0].legal_status, run[0].start, run[-1].end
            run = []
        run.append(episode)
    if run and run[0].legal_status is not None:
        yield run[0].legal_status, run[0].start, run[-1].end
