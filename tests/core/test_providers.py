"""Provider register: providers, settings, contacts, and the provider list."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from relcom_desktop.core import clock, contacts, errors
from relcom_desktop.core import providers as svc
from relcom_desktop.core.enums import OfstedJudgement, SettingType
from relcom_desktop.core.providers import ProviderFilter
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_child, a_placement, a_provider, a_setting

TODAY = clock.today()


def test_provider_crud(store: Store) -> None:
    p = a_provider(store, "  Hazel Trust  ")
    assert svc.get_provider(store, p.id).name == "Hazel Trust"
    svc.update_provider(store, dataclasses.replace(p, phone=" 0100 000 000 "))
    assert svc.get_provider(store, p.id).phone == "0100 000 000"
    svc.delete_provider(store, p.id)
    assert svc.count_providers(store) == 0
    assert [x.id for x in svc.deleted_providers(store)] == [p.id]
    svc.restore_provider(store, p.id)
    assert svc.count_providers(store) == 1


@pytest.mark.parametrize(
    ("provider", "message"),
    [
        (svc.Provider(name=" "), "provider's name"),
        (svc.Provider(name="X", email="not-an-address"), "email address"),
    ],
)
def test_bad_provider_refused(store: Store, provider: svc.Provider, message: str) -> None:
    with pytest.raises(errors.ValidationError, match=message):
        svc.create_provider(store, provider)


def test_setting_rules(store: Store) -> None:
    p = a_provider(store)
    s = a_setting(store, p.id, "Oak House", urn=" sc123456 ")
    assert s.urn == "SC123456"
    with pytest.raises(errors.ValidationError, match="already used by Oak House"):
        a_setting(store, p.id, "Copy", urn="SC123456")
    with pytest.raises(errors.ValidationError, match="provider this setting belongs to"):
        a_setting(store, 999, "Orphan")
    with pytest.raises(errors.ValidationError, match="between 0 and 9,999"):
        svc.update_setting(store, dataclasses.replace(s, registered_places=-1))
    wide = svc.update_setting(store, dataclasses.replace(s, registered_places=808))
    assert wide.registered_places == 808  # a residential college
    with pytest.raises(errors.ValidationError, match="future"):
        svc.update_setting(store, dataclasses.replace(s, ofsted_date=TODAY + dt.timedelta(1)))
    moved = svc.update_setting(store, dataclasses.replace(s, postcode=" de1   2ab "))
    assert moved.postcode == "DE1 2AB"
    assert [x.name for x in svc.settings_of(store, p.id)] == ["Oak House"]


def test_unknown_setting_is_not_found(store: Store) -> None:
    with pytest.raises(errors.NotFoundError, match="no setting with id 42"):
        svc.get_setting(store, 42)


def test_find_settings_for_pickers(store: Store) -> None:
    p = a_provider(store, "Hazel Trust")
    a_setting(store, p.id, "Oak House", urn="SC000001")
    a_setting(store, p.id, "Elm Lodge", urn="SC000002")
    assert [c.name for c in svc.find_settings(store, "hazel")] == ["Elm Lodge", "Oak House"]
    [only] = svc.find_settings(store, "sc000002")
    assert only.label == "Elm Lodge — Hazel Trust (SC000002)"


def test_provider_list_counts_children_and_spend(store: Store) -> None:
    busy = a_provider(store, "Busy Ltd")
    quiet = a_provider(store, "Quiet Ltd")
    home = a_setting(store, busy.id, "Oak", judgement=OfstedJudgement.INADEQUATE)
    a_setting(store, quiet.id, "Elm", local_authority="Othershire")
    for name in ("Ash", "Bea"):
        child = a_child(store, name)
        a_placement(store, child.id, home.id, TODAY - dt.timedelta(days=10), fee=400_000)
    rows = {r.name: r for r in svc.list_providers(store)}
    assert rows["Busy Ltd"].children_placed == 2
    assert rows["Busy Ltd"].weekly_spend_pence == 800_000
    assert rows["Quiet Ltd"].children_placed == 0 and rows["Quiet Ltd"].settings == 1

    def names(**kw: object) -> list[str]:
        return [r.name for r in svc.list_providers(store, ProviderFilter(**kw))]

    assert names(has_children_placed=True) == ["Busy Ltd"]
    assert names(judgement=OfstedJudgement.INADEQUATE) == ["Busy Ltd"]
    assert names(local_authority="Othershire") == ["Quiet Ltd"]
    assert names(setting_type=SettingType.SECURE_HOME) == []
    assert names(text="quie") == ["Quiet Ltd"]
    assert svc.local_authorities(store) == ["Demoshire", "Othershire"]
    by_children = svc.list_providers(store, sort=svc.ProviderSort.CHILDREN_PLACED, descending=True)
    assert [r.name for r in by_children] == ["Busy Ltd", "Quiet Ltd"]
    by_spend = svc.list_providers(store, sort=svc.ProviderSort.WEEKLY_SPEND)
    assert [r.name for r in by_spend] == ["Quiet Ltd", "Busy Ltd"]


def test_contacts(store: Store) -> None:
    p = a_provider(store)
    c = contacts.create_contact(
        store, contacts.Contact(name="Jo Registered", provider_id=p.id, role="Registered manager")
    )
    assert [x.name for x in contacts.contacts_of(store, p.id)] == ["Jo Registered"]
    with pytest.raises(errors.ValidationError, match="email"):
        contacts.update_contact(store, dataclasses.replace(c, email="jo.example"))
    with pytest.raises(errors.ValidationError, match="no longer in the register"):
        contacts.create_contact(store, contacts.Contact(name="Ghost", provider_id=999))
    contacts.delete_contact(store, c.id)
    assert contacts.all_contacts(store) == []
