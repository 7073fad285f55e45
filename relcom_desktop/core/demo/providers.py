"""Providers, their settings and contacts, and what is filed against each setting."""

from __future__ import annotations

import datetime as dt

from relcom_desktop.core.demo import names, texts
from relcom_desktop.core.demo.names import LOCAL_AUTHORITIES, OWN_LA, LocalAuthority
from relcom_desktop.core.demo.sink import stamp
from relcom_desktop.core.demo.world import Contact, ProviderInfo, SettingInfo, World
from relcom_desktop.core.enums import (
    OfstedJudgement,
    ProviderReportKind,
    RiskRating,
    SettingDocumentKind,
    SettingType,
)
from relcom_desktop.core.interop.ssda903 import PlacementProvider

PP = PlacementProvider
ST = SettingType
LABEL = "Providers and settings"
FIXED_LINES: tuple[tuple[PP, tuple[SettingType, ...]], ...] = (
    (PP.PR1, (ST.LA_FOSTERING, ST.CHILDRENS_HOME)),
    (PP.PR4, (ST.CHILDRENS_HOME,)),
    (PP.PR4, (ST.FOSTERING_AGENCY,)),
    (PP.PR5, (ST.SUPPORTED_ACCOMMODATION,)),
    (PP.PR2, (ST.CHILDRENS_HOME, ST.SECURE_HOME, ST.LA_FOSTERING)),
    (PP.PR4, (ST.RESIDENTIAL_SCHOOL,)),
    (PP.PR5, (ST.FAMILY_CENTRE,)),
)
RANDOM_LINES: tuple[tuple[PP, SettingType, int], ...] = (
    (PP.PR4, ST.CHILDRENS_HOME, 40),
    (PP.PR4, ST.FOSTERING_AGENCY, 18),
    (PP.PR4, ST.SUPPORTED_ACCOMMODATION, 12),
    (PP.PR5, ST.FOSTERING_AGENCY, 8),
    (PP.PR5, ST.CHILDRENS_HOME, 6),
    (PP.PR4, ST.RESIDENTIAL_SCHOOL, 5),
    (PP.PR2, ST.CHILDRENS_HOME, 4),
    (PP.PR5, ST.FAMILY_CENTRE, 2),
)
ORG_WORDS: dict[SettingType, tuple[str, ...]] = {
    ST.CHILDRENS_HOME: ("Care", "Homes", "Children's Homes", "Residential Care"),
    ST.FOSTERING_AGENCY: ("Fostering", "Family Placements", "Foster Care"),
    ST.SUPPORTED_ACCOMMODATION: ("Pathways", "Futures", "Supported Living"),
    ST.RESIDENTIAL_SCHOOL: ("Education", "Learning"),
    ST.FAMILY_CENTRE: ("Family Services",),
}
CHARITY_WORDS = ("Trust", "Foundation", "Children's Charity")
SETTING_WORDS: dict[SettingType, tuple[str, ...]] = {
    ST.CHILDRENS_HOME: ("House", "Lodge", "Cottage", "View", "Barn"),
    ST.SUPPORTED_ACCOMMODATION: ("Court", "Flats", "Place"),
    ST.RESIDENTIAL_SCHOOL: ("School", "College"),
    ST.SECURE_HOME: ("Secure Unit",),
    ST.FAMILY_CENTRE: ("Family Centre",),
}
PLACES: dict[SettingType, tuple[int, int] | None] = {
    ST.CHILDRENS_HOME: (2, 6),
    ST.SECURE_HOME: (8, 24),
    ST.SUPPORTED_ACCOMMODATION: (4, 12),
    ST.RESIDENTIAL_SCHOOL: (12, 60),
    ST.FAMILY_CENTRE: (4, 10),
}
JUDGEMENTS = (
    (OfstedJudgement.OUTSTANDING, 15, 3.6),
    (OfstedJudgement.GOOD, 55, 3.1),
    (OfstedJudgement.REQUIRES_IMPROVEMENT, 20, 2.4),
    (OfstedJudgement.INADEQUATE, 4, 1.8),
    (OfstedJudgement.NOT_YET_INSPECTED, 6, 2.8),
)
CONTACT_ROLES = ("Responsible individual", "Registered manager", "Placements officer")
CONTACT_ROLES += ("Finance lead",)
PROFESSIONAL_ROLES = ("Virtual school head", "Looked-after children's nurse")
PROFESSIONAL_ROLES += ("CAMHS practitioner", "Team manager", "Head of service", "Placement finder")


def build_professionals(w: World) -> None:
    """The people around the children: social workers, IROs and other professionals."""
    w.social_workers = [_contact(w, None, "Social worker") for _ in range(_staff(w, 25, 3))]
    w.iros = [_contact(w, None, "Independent reviewing officer") for _ in range(_staff(w, 60, 2))]
    w.professionals = [_contact(w, None, role) for role in PROFESSIONAL_ROLES]
    gone = _contact(w, None, "Team manager (left)")
    w.sink.add("contact_person", _contact_row(w, gone, None) | _deleted(w))


def _staff(w: World, per: int, least: int) -> int:
    return max(least, w.scale.children // per)


def _contact(w: World, provider: ProviderInfo | None, role: str) -> Contact:
    org = provider.name if provider else OWN_LA.name
    contact = Contact(w.sink.new_id("contact_person"), names.person(w.rng), role, org)
    if role != "Team manager (left)":
        w.sink.add("contact_person", _contact_row(w, contact, provider))
    return contact


def _contact_row(w: World, contact: Contact, provider: ProviderInfo | None) -> dict[str, object]:
    domain = names.slug(contact.organisation.replace("(Demo)", "")) + ".example"
    return {
        "id": contact.id,
        "provider_id": provider.id if provider else None,
        "name": contact.name,
        "role": contact.role,
        "organisation": contact.organisation,
        "phone": names.phone(w.rng, mobile=w.rng.random() < 0.5),
        "email": names.email(contact.name, domain),
        "notes": "",
        **stamp(w.ago(w.rng.randint(30, 365 * w.scale.history_years)), contact.id),
    }


def _deleted(w: World) -> dict[str, object]:
    return {"deleted_at": dt.datetime.combine(w.ago(3), dt.time(16, 5))}


def build_providers(w: World) -> None:
    taken: set[str] = set()
    other_las = list(LOCAL_AUTHORITIES[1:])
    counts = _settings_per_provider(w)
    urns = w.rng.sample(range(100000, 1000000), w.scale.settings)
    for index in range(w.scale.providers):
        kind, lines, la = _line(w, index, other_las)
        provider = _add_provider(w, index, kind, lines, la, taken)
        for position in range(counts[index]):
            _add_setting(w, provider, position, urns.pop(), taken)
        w.sink.step(LABEL)


def _line(
    w: World, index: int, other_las: list[LocalAuthority]
) -> tuple[PP, tuple[SettingType, ...], LocalAuthority]:
    if index < len(FIXED_LINES):
        kind, lines = FIXED_LINES[index]
    else:
        weights = [weight if k is not PP.PR2 or other_las else 0 for k, _, weight in RANDOM_LINES]
        kind, line, _ = w.rng.choices(RANDOM_LINES, weights)[0]
        lines = (line, ST.LA_FOSTERING) if kind is PP.PR2 else (line,)
    if kind is PP.PR1:
        return kind, lines, OWN_LA
    if kind is PP.PR2:
        return kind, lines, other_las.pop(0)
    return kind, lines, w.rng.choice(LOCAL_AUTHORITIES)


def _settings_per_provider(w: World) -> list[int]:
    counts = [1] * w.scale.providers
    weights = [3 if i in (0, 1, 4) else 1 for i in range(w.scale.providers)]
    for _ in range(w.scale.settings - w.scale.providers):
        counts[w.rng.choices(range(w.scale.providers), weights)[0]] += 1
    return counts


def _provider_name(
    w: World, kind: PP, line: SettingType, la: LocalAuthority, taken: set[str]
) -> str:
    if kind in (PP.PR1, PP.PR2):
        return names.unique(f"{la.name} Children's Services", taken)
    for _ in range(20):
        word = names.place_word(w.rng)
        if kind is PP.PR5:
            name = f"The {word} {w.rng.choice(CHARITY_WORDS)} (Demo)"
        else:
            name = f"{word} {w.rng.choice(ORG_WORDS[line])} (Demo) Ltd"
        if name not in taken:
            break
    return names.unique(name, taken)


def _add_provider(
    w: World,
    index: int,
    kind: PP,
    lines: tuple[SettingType, ...],
    la: LocalAuthority,
    taken: set[str],
) -> ProviderInfo:
    name = _provider_name(w, kind, lines[0], la, taken)
    trend = w.rng.choices(("improving", "declining", "steady"), (30, 20, 50))[0]
    start, slope = {"improving": (2.0, 2.2), "declining": (4.3, -2.2)}.get(
        trend, (w.rng.uniform(3.0, 4.2), 0.0)
    )
    provider = ProviderInfo(w.sink.new_id("provider"), name, kind, lines, la, start, slope)
    provider.quiet = index >= len(FIXED_LINES) and w.rng.random() < 0.2
    if index == 1:
        provider.troubled, provider.trust_start, provider.trust_slope = True, 4.0, -2.5
    domain = names.slug(name.replace("(Demo)", "")) + ".example"
    w.sink.add("provider", _provider_row(w, provider, domain))
    w.providers.append(provider)
    roles = CONTACT_ROLES[: w.rng.randint(1, 3)] if index else CONTACT_ROLES[1:3]
    provider.contacts = [_contact(w, provider, role) for role in roles]
    return provider


def _provider_row(w: World, provider: ProviderInfo, domain: str) -> dict[str, object]:
    return {
        "id": provider.id,
        "name": provider.name,
        "kind": provider.kind,
        "phone": names.phone(w.rng),
        "email": f"placements@{domain}",
        "website": f"https://www.{domain}",
        "address": f"{names.address(w.rng, provider.la)} {names.postcode(w.rng, provider.la)}",
        "notes": "Synthetic demo provider." if provider.id % 3 else "Demo: part of our framework.",
        **stamp(w.ago(365 * w.scale.history_years + 30), provider.id),
    }


def _setting_name(
    w: World, provider: ProviderInfo, kind: SettingType, la: LocalAuthority, taken: set[str]
) -> str:
    if kind in (ST.FOSTERING_AGENCY, ST.LA_FOSTERING):
        base = provider.name.replace(" (Demo) Ltd", "").replace(" (Demo)", "")
        base = base.replace(" Children's Services", "")
        if not base.endswith(ORG_WORDS[ST.FOSTERING_AGENCY]):
            base += " Fostering Service"
        name = base if kind is ST.LA_FOSTERING else f"{base} (Demo)"
        return names.unique(name if name not in taken else f"{name}, {la.towns[-1]}", taken)
    word = names.place_word(w.rng)
    return names.unique(f"{word} {w.rng.choice(SETTING_WORDS.get(kind, ('House',)))}", taken)


def _judgement(w: World, provider: ProviderInfo, position: int) -> tuple[OfstedJudgement, float]:
    if provider.troubled and position == 0:
        return OfstedJudgement.INADEQUATE, 1.6
    judgement, _, score = w.rng.choices(JUDGEMENTS, [weight for _, weight, _ in JUDGEMENTS])[0]
    return judgement, score


def _add_setting(
    w: World, provider: ProviderInfo, position: int, urn: int, taken: set[str]
) -> None:
    later = provider.lines[1:] or provider.lines
    kind = provider.lines[0] if position == 0 else later[(position - 1) % len(later)]
    la = provider.la if provider.kind in (PP.PR1, PP.PR2) else _setting_la(w)
    judgement, score = _judgement(w, provider, position)
    name = _setting_name(w, provider, kind, la, taken)
    setting = SettingInfo(w.sink.new_id("setting"), provider.id, name, kind, la, score)
    recent = provider.troubled and position == 0
    w.sink.add("setting", _setting_row(w, setting, judgement, urn, recent))
    provider.settings.append(setting)
    w.settings.setdefault(kind, []).append(setting)
    _add_documents(w, setting, first=setting.id == w.providers[0].settings[0].id)
    _add_visits(w, setting)
    if kind in (ST.CHILDRENS_HOME, ST.SECURE_HOME):
        _add_reports(w, setting)


def _setting_row(
    w: World, setting: SettingInfo, judgement: OfstedJudgement, urn: int, recent: bool
) -> dict[str, object]:
    places = PLACES.get(setting.kind)
    inspected_days = w.rng.randint(3, 25) if recent else w.rng.randint(30, 1100)
    inspected = judgement is not OfstedJudgement.NOT_YET_INSPECTED
    return {
        "id": setting.id,
        "provider_id": setting.provider_id,
        "name": setting.name,
        "urn": None if setting.kind is ST.LA_FOSTERING else f"SC{urn:06d}",
        "setting_type": setting.kind,
        "registered_places": w.rng.randint(*places) if places else None,
        "ofsted_judgement": judgement,
        "ofsted_date": w.ago(inspected_days) if inspected else None,
        "address": names.address(w.rng, setting.la),
        "postcode": names.postcode(w.rng, setting.la),
        "local_authority": setting.la.name,
        "region": setting.la.region,
        "notes": "Inadequate at last inspection: on enhanced monitoring." if recent else "",
        **stamp(w.ago(365 * w.scale.history_years + 20), setting.id),
    }


def _setting_la(w: World) -> LocalAuthority:
    return OWN_LA if w.rng.random() < 0.55 else w.rng.choice(LOCAL_AUTHORITIES[1:])


def _add_documents(w: World, setting: SettingInfo, first: bool) -> None:
    for kind in SettingDocumentKind:
        if w.rng.random() < 0.15:
            continue
        life = texts.DOCUMENT_LIFE_DAYS[kind]
        stale = first and kind is SettingDocumentKind.INSURANCE
        dated = w.ago(w.rng.randint(380, 420) if stale else w.rng.randint(10, 400))
        w.sink.add(
            "setting_document",
            {
                "id": w.sink.new_id("setting_document"),
                "setting_id": setting.id,
                "kind": kind,
                "title": texts.DOCUMENT_TITLES[kind],
                "dated": dated,
                "expires": dated + dt.timedelta(days=life) if life else None,
                "notes": "Copy held on the shared drive." if w.rng.random() < 0.3 else "",
                **stamp(dated, setting.id),
            },
        )


def _risk(w: World, setting: SettingInfo) -> RiskRating:
    if setting.judgement_score < 2.0:
        return RiskRating.RED
    if setting.judgement_score < 2.6:
        return w.rng.choice((RiskRating.AMBER, RiskRating.AMBER, RiskRating.RED))
    return w.rng.choices((RiskRating.GREEN, RiskRating.AMBER), (85, 15))[0]


def _add_visits(w: World, setting: SettingInfo) -> None:
    count = max(1, round(w.scale.years * w.rng.uniform(0.5, 1.3)))
    for day in sorted(w.between(w.start, w.ago(7)) for _ in range(count)):
        risk = _risk(w, setting)
        w.sink.add(
            "monitoring_visit",
            {
                "id": w.sink.new_id("monitoring_visit"),
                "setting_id": setting.id,
                "visited_on": day,
                "documents_seen": w.rng.sample(texts.DOCUMENTS_SEEN, w.rng.randint(2, 5)),
                "findings": w.rng.choice(texts.VISIT_FINDINGS[risk.value]),
                "risk": risk,
                "risk_reason": ""
                if risk is RiskRating.GREEN
                else "See findings; action plan agreed.",
                **stamp(day, setting.id),
            },
        )


def _add_reports(w: World, setting: SettingInfo) -> None:
    month_end = w.today.replace(day=1) - dt.timedelta(days=1)
    for _ in range(12):
        month_start = month_end.replace(day=1)
        if w.rng.random() < 0.9:
            _add_report(w, setting, ProviderReportKind.REG44, month_start, month_end)
        if month_end.month in (3, 9) and month_end > w.ago(730):
            start = (month_end - dt.timedelta(days=182)).replace(day=1)
            _add_report(w, setting, ProviderReportKind.REG45, start, month_end)
        month_end = month_start - dt.timedelta(days=1)


def _add_report(
    w: World, setting: SettingInfo, kind: ProviderReportKind, start: dt.date, end: dt.date
) -> None:
    received = min(w.today, end + dt.timedelta(days=w.rng.randint(5, 25)))
    reg44 = kind is ProviderReportKind.REG44
    concerns = (
        w.rng.choice(texts.REG44_CONCERNS)
        if setting.judgement_score > 2
        else (texts.REG44_CONCERNS[2 + setting.id % 3])
    )
    w.sink.add(
        "provider_report",
        {
            "id": w.sink.new_id("provider_report"),
            "setting_id": setting.id,
            "kind": kind,
            "received_on": received,
            "period_start": start,
            "period_end": end,
            "summary": w.rng.choice(texts.REG44_SUMMARIES if reg44 else texts.REG45_SUMMARIES),
            "concerns": concerns,
            "follow_up": "Raised at the provider meeting." if concerns else "",
            **stamp(received, setting.id),
        },
    )
