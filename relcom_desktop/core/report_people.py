"""Who a redacted report must know about: every child, every family or community link, and
every professional (contacts, children's social workers and IROs, meeting attendees) with
the role a redacted copy shows instead of their name."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from relcom_desktop.core import models as m
from relcom_desktop.core.enums import LinkKind
from relcom_desktop.core.store.db import Store

SOCIAL_WORKER = "social worker"
IRO = "IRO"
GROUP_KINDS = (LinkKind.COMMUNITY, LinkKind.SCHOOL)  # links to a place or group, not a person


@dataclass(frozen=True)
class ReportPeople:
    children: list[tuple[str, str]] = field(default_factory=list)  # (preferred, full name)
    family: list[str] = field(default_factory=list)  # links that are people
    groups: list[tuple[str, str]] = field(default_factory=list)  # (name, kind): a club, say
    professionals: list[tuple[str, str]] = field(default_factory=list)  # (name, role)
    attendees: list[tuple[str, str]] = field(default_factory=list)  # (name, role)


def report_people(store: Store) -> ReportPeople:
    """Everyone ever recorded, in a stable order (by id), for one redacted document."""
    with store.read() as session:
        children = session.execute(
            select(
                m.Child.preferred_name, m.Child.full_name, m.Child.social_worker, m.Child.iro
            ).order_by(m.Child.id)
        ).all()
        links = session.execute(
            select(m.FamilyLink.name, m.FamilyLink.kind).order_by(m.FamilyLink.id)
        ).all()
        contacts = session.execute(
            select(m.ContactPerson.name, m.ContactPerson.role).order_by(m.ContactPerson.id)
        ).all()
        attendees = session.execute(
            select(
                m.MeetingAttendee.name, m.MeetingAttendee.role, m.MeetingAttendee.organisation
            ).order_by(m.MeetingAttendee.id)
        ).all()
    professionals = [(name, role or "professional") for name, role in contacts]
    for _p, _f, social_worker, iro in children:
        professionals += [(social_worker or "", SOCIAL_WORKER), (iro or "", IRO)]
    return ReportPeople(
        children=[(preferred, full or "") for preferred, full, _s, _i in children],
        family=[name for name, kind in links if kind not in GROUP_KINDS],
        groups=[(name, kind.label) for name, kind in links if kind in GROUP_KINDS],
        professionals=[(name, role) for name, role in professionals if name.strip()],
        attendees=[(name, role or org or "attendee") for name, role, org in attendees],
    )
