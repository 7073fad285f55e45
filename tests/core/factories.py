"""Small helpers that put realistic records into a test store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from relcom_desktop.core import children, placements, providers
from relcom_desktop.core.enums import OfstedJudgement, SettingType
from relcom_desktop.core.interop.ssda903 import LegalStatus, PlacementProvider, PlacementType
from relcom_desktop.core.store import backup
from relcom_desktop.core.store.db import DB_FILENAME, Store, open_store

D = dt.date


def a_child(store: Store, name: str = "Ash", **kw: object) -> children.Child:
    values: dict[str, object] = {
        "full_name": f"{name} Brackenfold",
        "date_of_birth": D(2012, 5, 1),
        "legal_status": LegalStatus.C2,
        "la_reference": None,
    }
    values.update(kw)
    return children.create_child(store, children.Child(preferred_name=name, **values))


def a_provider(store: Store, name: str = "Willowbank Care (Demo) Ltd") -> providers.Provider:
    return providers.create_provider(
        store, providers.Provider(name=name, kind=PlacementProvider.PR4)
    )


def a_setting(
    store: Store,
    provider_id: int,
    name: str = "Willowbank House",
    urn: str | None = None,
    judgement: OfstedJudgement = OfstedJudgement.GOOD,
    local_authority: str = "Demoshire",
) -> providers.Setting:
    return providers.create_setting(
        store,
        providers.Setting(
            provider_id=provider_id,
            name=name,
            urn=urn,
            setting_type=SettingType.CHILDRENS_HOME,
            registered_places=4,
            ofsted_judgement=judgement,
            local_authority=local_authority,
        ),
    )


def a_placement(
    store: Store,
    child_id: int,
    setting_id: int,
    start: dt.date,
    end: dt.date | None = None,
    fee: int = 450_000,
) -> placements.Placement:
    return placements.start_placement(
        store,
        placements.Placement(
            child_id=child_id,
            setting_id=setting_id,
            placement_type=PlacementType.K2,
            start_date=start,
            end_date=end,
            weekly_fee_pence=fee,
        ),
    )


def a_caseload_with_a_backup(folder: Path) -> backup.Backup:
    """A data file of 200 children in ``folder`` and a backup of it, taken 24 Nov 2026."""
    store = open_store(folder)
    for i in range(200):
        a_child(store, f"Child {i}", la_reference=f"R{i}")
    made = backup.make_backup(store, now=dt.datetime(2026, 11, 24, 9, 0))
    store.close()
    return made


def a_backup_between_two_children(folder: Path, passphrase: str | None = None) -> backup.Backup:
    """Child "Before", a backup (24 Nov 2026), then child "After": a restore brings back one."""
    store = open_store(folder, passphrase)
    a_child(store, "Before")
    made = backup.make_backup(store, now=dt.datetime(2026, 11, 24, 9, 0))
    a_child(store, "After")
    store.close()
    return made


def damage(folder: Path, first: int = 4096, end: int = 4096 * 3) -> None:
    """Overwrite bytes ``first`` to ``end`` of the data file in ``folder`` (the header is the
    first 100 bytes; later pages hold records)."""
    path = folder / DB_FILENAME
    data = bytearray(path.read_bytes())
    data[first:end] = (b"\xde\xad" * ((end - first) // 2 + 1))[: end - first]
    path.write_bytes(bytes(data))
