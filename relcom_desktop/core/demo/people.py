"""Children and what is recorded about them directly: links, legal status, plans, reviews."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from relcom_desktop.core.demo import checkins, names, placements, texts, voice
from relcom_desktop.core.demo.sink import stamp
from relcom_desktop.core.demo.world import ChildInfo, World, add_years
from relcom_desktop.core.enums import (
    ContactArrangement,
    LinkImportance,
    LinkKind,
    PlanKind,
    Sex,
)
from relcom_desktop.core.interop.ssda903 import LegalStatus

CA = ContactArrangement
LS = LegalStatus
LABEL = "Children and placements"
AGE_BANDS = ((0, 0, 5), (1, 4, 13), (5, 9, 18), (10, 15, 39), (16, 17, 25))
VOICE_FIELDS = ("about_me", "wishes_and_feelings", "what_matters", "strengths", "needs")
STATUS_DAYS = {LS.L2: (2, 8), LS.V2: (60, 300), LS.C1: (120, 270), LS.C2: (180, 500)}
ARRANGEMENTS: dict[LinkKind, tuple[CA, ...]] = {
    LinkKind.PARENT: (CA.MONTHLY_SUPERVISED, CA.WEEKLY_SUPERVISED, CA.PHONE_VIDEO, CA.LETTERBOX),
    LinkKind.SIBLING: (CA.MONTHLY_UNSUPERVISED, CA.WEEKLY_UNSUPERVISED, CA.PHONE_VIDEO),
    LinkKind.GRANDPARENT: (CA.MONTHLY_UNSUPERVISED, CA.PHONE_VIDEO, CA.AS_CHILD_WISHES),
    LinkKind.OTHER_RELATIVE: (CA.MONTHLY_UNSUPERVISED, CA.PHONE_VIDEO, CA.OTHER),
    LinkKind.FRIEND: (CA.AS_CHILD_WISHES, CA.PHONE_VIDEO),
    LinkKind.FORMER_CARER: (CA.PHONE_VIDEO, CA.AS_CHILD_WISHES, CA.OTHER),
    LinkKind.COMMUNITY: (CA.AS_CHILD_WISHES, CA.WEEKLY_UNSUPERVISED),
    LinkKind.SCHOOL: (CA.WEEKLY_UNSUPERVISED, CA.AS_CHILD_WISHES),
}


@dataclass(frozen=True)
class Link:
    kind: LinkKind
    relationship: str
    name: str
    phrase: str


def build_children(w: World) -> None:
    count = w.scale.children
    leavers = w.rng.sample(range(2, count), max(1, round(count * w.scale.leaver_share)))
    archived = set(leavers[:2])
    for index in range(count):
        _build_child(w, index, index in leavers, index in archived)
        w.sink.step(LABEL)


def _age(w: World, index: int, leaver: bool) -> int:
    if index < 2:
        return {0: 16 if w.scale.history_years >= 10 else 15, 1: 14}[index]
    low, high, _ = w.rng.choices(AGE_BANDS, [weight for *_, weight in AGE_BANDS])[0]
    age = w.rng.randint(low, high)
    return max(age, 3) if leaver else age


def _care_dates(
    w: World, index: int, dob: dt.date, leaver: bool, archived: bool
) -> tuple[dt.date, dt.date | None]:
    earliest = max(dob + dt.timedelta(days=3), w.ago(365 * w.scale.history_years - 10))
    if index == 0:
        return max(earliest, dob + dt.timedelta(days=400)), None
    if not leaver:
        return w.between(earliest, w.ago(28)), None
    low = max(earliest + dt.timedelta(days=90), w.ago(400) if archived else earliest)
    end = w.between(low, w.ago(200 if archived else 14))
    return w.between(earliest, end - dt.timedelta(days=60)), end


def _build_child(w: World, index: int, leaver: bool, archived: bool) -> None:
    sex = w.rng.choice((Sex.MALE, Sex.FEMALE))
    given, family_name = names.first_name(w.rng, sex), names.surname(w.rng)
    age = _age(w, index, leaver)
    dob = add_years(w.today, -age) - dt.timedelta(days=w.rng.randint(60 if age == 0 else 1, 364))
    start, end = _care_dates(w, index, dob, leaver, archived)
    nickname = names.NICKNAMES.get(given) if w.rng.random() < 0.6 else None
    child = ChildInfo(
        w.sink.new_id("child"),
        nickname or given,
        dob,
        start,
        end,
        w.rng.choice(w.social_workers),
        w.rng.choice(w.iros),
        w.rng.uniform(2.0, 3.6),
    )
    w.children.append(child)
    links = _family(w, family_name) + _wider(w, child)
    child.family = [link.phrase for link in links if link.phrase]
    statuses = _legal_periods(w, child)
    full = f"{given} {names.first_name(w.rng, sex)} {family_name}"
    w.sink.add("child", _child_row(w, child, index, sex, full, statuses[-1][0], archived))
    placements.add_history(w, child, index, statuses[-1][0])
    _add_links(w, child, links, index)
    _add_statuses(w, child, statuses)
    _add_plans(w, child, index)
    _add_la_reviews(w, child)
    checkins.add_check_ins(w, child, quiet=index % 7 == 3 and end is None)


def _voice(w: World, child: ChildInfo) -> dict[str, object]:
    row: dict[str, object] = {}
    last = child.care_end or w.today
    age = child.age_on(last)
    for field in VOICE_FIELDS:
        link = w.rng.choice(child.family) if child.family else "my family"
        row[field] = voice.child_voice(w.rng, field, child.preferred, age, link)
        days = w.rng.randint(400, 700) if w.rng.random() < 0.12 else w.rng.randint(3, 200)
        row[f"{field}_updated"] = max(child.care_start, last - dt.timedelta(days=days))
    return row


def _child_row(
    w: World, child: ChildInfo, index: int, sex: Sex, full: str, status: LS, archived: bool
) -> dict[str, object]:
    archived_at = None
    if archived and child.care_end:
        archived_on = min(w.today, child.care_end + dt.timedelta(days=w.rng.randint(30, 90)))
        archived_at = dt.datetime.combine(archived_on, dt.time(11, 0))
    return {
        "id": child.id,
        "preferred_name": child.preferred,
        "full_name": full,
        "date_of_birth": child.dob,
        "sex": sex,
        "ethnicity": w.rng.choice(names.ETHNICITIES),
        "upn": f"DEMO{child.id:09d}" if child.age_on(w.today) >= 4 else "",
        "la_reference": f"DEMO-{index + 1:05d}",
        "legal_status": status,
        "looked_after_since": child.care_start,
        "social_worker": child.social_worker.name,
        "iro": child.iro.name,
        **_voice(w, child),
        "notes": "Synthetic demo child." if index % 4 else "Synthetic demo child; sibling group.",
        "archived_at": archived_at,
        "retain_until": add_years(child.dob, 75) if archived else None,
        **stamp(child.care_start, child.id),
    }


def _legal_chain(w: World, child: ChildInfo) -> list[LS]:
    age, roll = child.age_on(child.care_start), w.rng.random()
    if age >= 12 and roll < 0.06:
        return [LS.J1]
    if roll < 0.12:
        chain = [LS.L2, LS.C1, LS.C2]
    elif roll < 0.45:
        chain = [LS.V2, LS.C1, LS.C2] if w.rng.random() < 0.3 else [LS.V2]
    else:
        chain = [LS.C1, LS.C2]
    if age < 4 and chain[-1] is LS.C2 and w.rng.random() < 0.4:
        chain.append(LS.E1)
    return chain


def _legal_periods(w: World, child: ChildInfo) -> list[tuple[LS, dt.date, dt.date | None]]:
    chain, start = _legal_chain(w, child), child.care_start
    last_day = (child.care_end or w.today) - dt.timedelta(days=7)
    periods: list[tuple[LS, dt.date, dt.date | None]] = []
    for position, status in enumerate(chain):
        low, high = STATUS_DAYS.get(status, (0, 0))
        stop = start + dt.timedelta(days=w.rng.randint(low, high))
        if position == len(chain) - 1 or stop >= last_day:
            periods.append((status, start, child.care_end))
            break
        periods.append((status, start, stop))
        start = stop
    return periods


def _add_statuses(
    w: World, child: ChildInfo, periods: list[tuple[LS, dt.date, dt.date | None]]
) -> None:
    for status, start, end in periods:
        w.sink.add(
            "legal_status_period",
            {
                "id": w.sink.new_id("legal_status_period"),
                "child_id": child.id,
                "legal_status": status,
                "start_date": start,
                "end_date": end,
            },
        )


def _person_link(
    w: World,
    kind: LinkKind,
    relationship: str,
    phrase: str,
    family_name: str | None = None,
    sex: Sex | None = None,
) -> Link:
    first = names.first_name(w.rng, sex)
    name = f"{first} {family_name or names.surname(w.rng)}"
    return Link(kind, relationship, name, phrase.format(first=first))


def _family(w: World, family_name: str) -> list[Link]:
    rng = w.rng
    mum_name = rng.choice((family_name, None))
    links = [_person_link(w, LinkKind.PARENT, "Mum", "my mum", mum_name, Sex.FEMALE)]
    if rng.random() < 0.6:
        links.append(_person_link(w, LinkKind.PARENT, "Dad", "my dad", family_name, Sex.MALE))
    for _ in range(rng.choice((0, 1, 1, 2))):
        sex = rng.choice((Sex.MALE, Sex.FEMALE))
        word = "sister" if sex is Sex.FEMALE else "brother"
        relationship = f"{rng.choice(('Older', 'Younger'))} {word}"
        phrase = f"my {word} {{first}}"
        links.append(_person_link(w, LinkKind.SIBLING, relationship, phrase, family_name, sex))
    if rng.random() < 0.5:
        links.append(_person_link(w, LinkKind.GRANDPARENT, "Nan", "my nan", sex=Sex.FEMALE))
    if rng.random() < 0.25:
        links.append(_person_link(w, LinkKind.OTHER_RELATIVE, "Aunt", "my auntie", sex=Sex.FEMALE))
    return links


def _wider(w: World, child: ChildInfo) -> list[Link]:
    rng, age, links = w.rng, child.age_on(w.today), []
    if age >= 8 and rng.random() < 0.4:
        links.append(_person_link(w, LinkKind.FRIEND, "Best friend", "my friend {first}"))
    if rng.random() < 0.15:
        community = rng.choice(texts.COMMUNITIES)
        links.append(Link(LinkKind.COMMUNITY, "Faith or cultural community", community, ""))
    if age >= 5 and rng.random() < 0.2:
        links.append(Link(LinkKind.SCHOOL, "Club", rng.choice(texts.CLUBS), ""))
    if (w.today - child.care_start).days > 700 and rng.random() < 0.25:
        relationship, phrase = "Former foster carer", "my old carer {first}"
        links.append(_person_link(w, LinkKind.FORMER_CARER, relationship, phrase))
    return links


def _add_links(w: World, child: ChildInfo, links: list[Link], index: int) -> None:
    for position, link in enumerate(links):
        important = link.kind in (LinkKind.PARENT, LinkKind.SIBLING) or w.rng.random() < 0.3
        importance = (
            LinkImportance.HIGH
            if important
            else w.rng.choice((LinkImportance.LOW, LinkImportance.MEDIUM))
        )
        arrangement = w.rng.choice(ARRANGEMENTS[link.kind])
        if link.kind is LinkKind.PARENT and w.rng.random() < 0.1:
            arrangement = CA.NONE
        row = {
            "id": w.sink.new_id("family_link"),
            "child_id": child.id,
            "name": link.name,
            "kind": link.kind,
            "relationship": link.relationship,
            "contact_arrangement": arrangement,
            "importance": importance,
            "last_contact": _last_contact(w, child, arrangement, important),
            "notes": w.rng.choice(texts.LINK_NOTES).format(name=child.preferred),
            **stamp(child.care_start, child.id + position),
        }
        if index == 2 and position == len(links) - 1:
            row["deleted_at"] = dt.datetime.combine(w.ago(6), dt.time(15, 20))
        w.sink.add("family_link", row)


def _last_contact(w: World, child: ChildInfo, arrangement: CA, important: bool) -> dt.date | None:
    if arrangement is CA.NONE:
        return None
    end = child.care_end or w.today
    days = w.rng.randint(120, 300) if important and w.rng.random() < 0.2 else w.rng.randint(2, 40)
    return max(child.care_start, end - dt.timedelta(days=days))


def _plan_kinds(w: World, child: ChildInfo) -> list[PlanKind]:
    if child.care_end:
        return [PlanKind.CARE_PLAN]
    age = child.age_on(w.today)
    kinds = [PlanKind.CARE_PLAN, PlanKind.PLACEMENT_PLAN, PlanKind.HEALTH_PLAN]
    kinds += [PlanKind.PEP] if age >= 3 else []
    kinds += [PlanKind.PATHWAY_PLAN] if age >= 16 else []
    kinds += [PlanKind.EHC_PLAN] if age >= 4 and w.rng.random() < 0.15 else []
    return kinds


def _add_plans(w: World, child: ChildInfo, index: int) -> None:
    for kind in _plan_kinds(w, child):
        overdue = index % 6 == 4 and kind is PlanKind.CARE_PLAN
        last = child.care_end or w.today
        dated = max(
            child.care_start,
            last
            - dt.timedelta(days=w.rng.randint(190, 260) if overdue else w.rng.randint(10, 170)),
        )
        w.sink.add(
            "child_plan",
            {
                "id": w.sink.new_id("child_plan"),
                "child_id": child.id,
                "kind": kind,
                "plan_date": dated,
                "next_review": None if child.care_end else dated + dt.timedelta(days=182),
                "location": w.rng.choice(texts.PLAN_PLACES).format(ref=f"DEMO-{index + 1:05d}"),
                "notes": "",
                **stamp(dated, child.id),
            },
        )


def _add_la_reviews(w: World, child: ChildInfo) -> None:
    day, gap = child.care_start + dt.timedelta(days=20), 90
    last = child.care_end or w.today
    while day <= last:
        note = w.rng.choice(texts.LA_REVIEW_NOTES).format(name=child.preferred)
        w.sink.add(
            "looked_after_review",
            {
                "id": w.sink.new_id("looked_after_review"),
                "child_id": child.id,
                "held_on": day,
                "notes": note,
                **stamp(day, child.id),
            },
        )
        day, gap = day + dt.timedelta(days=gap + w.rng.randint(-7, 7)), 182
