"""Finding (or adding) the settings, providers and children that imported rows refer to.

Shared by the SSDA903 import and the spreadsheet import. A :class:`Register` lives for one
run of an import and remembers what it found or added, so a URN used by a hundred episodes
is looked up once. What a unit added is forgotten again if that unit is rejected (its
savepoint is rolled back): run every unit inside :meth:`Register.unit`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, object_session

from relcom_desktop.core import children, errors, providers
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import to_record
from relcom_desktop.core.enums import SettingType
from relcom_desktop.core.interop.csv_export import header_for
from relcom_desktop.core.interop.import_run import PreviewLine, RowStatus, changes_text
from relcom_desktop.core.interop.ssda903 import PlacementProvider, PlacementType
from relcom_desktop.core.providers import UNKNOWN_PROVIDER

FOSTERING = {PlacementType.U1, PlacementType.U2, PlacementType.U3, PlacementType.U4,
             PlacementType.U5, PlacementType.U6}  # fmt: skip
SETTING_TYPES = {
    PlacementType.K1: SettingType.SECURE_HOME,
    PlacementType.K2: SettingType.CHILDRENS_HOME,
    PlacementType.H5: SettingType.SUPPORTED_ACCOMMODATION,
    PlacementType.K3: SettingType.SUPPORTED_ACCOMMODATION,
    PlacementType.S1: SettingType.RESIDENTIAL_SCHOOL,
    PlacementType.R3: SettingType.FAMILY_CENTRE,
}


def setting_type_for(kind: PlacementType | None, provider: PlacementProvider | None) -> SettingType:
    """The kind of setting a placement of this SSDA903 type is usually in."""
    if kind in FOSTERING:
        own = provider is PlacementProvider.PR1
        return SettingType.LA_FOSTERING if own else SettingType.FOSTERING_AGENCY
    return SETTING_TYPES.get(kind, SettingType.OTHER) if kind else SettingType.OTHER


@dataclass(frozen=True)
class Origin:
    """Where in the file a record comes from, for its preview line."""

    source: str
    row: int


Lines = list[PreviewLine]


class Register:
    def __init__(self) -> None:
        self._found: dict[tuple[str, str], int] = {}
        self._added: list[tuple[str, str]] = []
        self._held: list[Any] = []  # rows kept alive, so rules checking them need no query
        self._urns: dict[str, Any] | None = None  # settings' URNs as the run began

    @contextmanager
    def unit(self) -> Iterator[None]:
        """Wrap each unit's work: what it added is forgotten if it fails (and is rolled
        back), and the rows it loaded leave the session, so a later unit that is given the
        same (reused) id reads its own row, not the rolled-back one."""
        held = len(self._held)
        try:
            yield
        except BaseException:
            for key in self._added:
                self._found.pop(key, None)
            for row in self._held[held:]:
                session = object_session(row)
                if session is not None:
                    session.expunge(row)
            del self._held[held:]
            raise
        finally:
            self._added.clear()

    def _remember(self, key: tuple[str, str], make: Callable[[], int | None]) -> int | None:
        if key not in self._found:
            found = make()
            if found is None:
                return None
            self._found[key] = found
        return self._found[key]

    def _add(self, key: tuple[str, str], record_id: int) -> int:
        self._found[key] = record_id
        self._added.append(key)
        return record_id

    # ---- providers ---------------------------------------------------------------------------

    def provider(
        self,
        session: Session,
        name: str,
        lines: Lines,
        origin: Origin,
        kind: PlacementProvider | None = None,
    ) -> int:
        """The provider called ``name`` (any case), added if the register has none."""
        key = ("provider", name.casefold())
        if key in self._found:  # most calls: found or added before in this run
            return self._found[key]
        found = self._remember(
            key,
            lambda: session.scalar(
                select(m.Provider.id).where(
                    func.lower(m.Provider.name) == name.casefold(), m.Provider.deleted_at.is_(None)
                )
            ),
        )
        if found is not None:
            self._hold_provider(session, found)
            return found
        record = providers.Provider(name=name, kind=kind or PlacementProvider.PR4)
        created = providers.create_provider_in(session, record)
        detail = "Not on the register yet: added as a new provider."
        lines.append(preview_line(origin, "provider", RowStatus.NEW, name, detail))
        self._hold_provider(session, created.id)
        return self._add(key, created.id)

    def _hold_provider(self, session: Session, provider_id: Any) -> None:
        """Keep the provider's row in the session, so each setting added under it checks
        it without a query."""
        self._held.append(session.get(m.Provider, provider_id))

    # ---- settings ----------------------------------------------------------------------------

    def setting_by_urn(self, session: Session, urn: str) -> int | None:
        """The setting with Ofsted URN ``urn``, or None; refuses one in the Trash."""
        known = self._found.get(("urn", urn))
        if known is not None:  # most calls: a URN used before in this run
            return known

        if self._urns is None:  # every URN at once: one query, not one a URN
            stmt = select(m.Setting.urn, m.Setting.id, m.Setting.name, m.Setting.deleted_at)
            self._urns = {
                row.urn: row for row in session.execute(stmt.where(m.Setting.urn.is_not(None)))
            }

        def look_up() -> int | None:
            row = self._urns.get(urn) if self._urns is not None else None
            if row is None:
                return None
            if row.deleted_at is not None:
                raise errors.ValidationError(
                    f"URN {urn} belongs to {row.name}, a setting in the Trash. Restore it first."
                )
            return int(row.id)

        return self._remember(("urn", urn), look_up)

    def setting_by_name(self, session: Session, name: str, provider_id: int | None = None) -> Any:
        """The one setting called ``name`` (any case, of that provider if given), or None."""
        key = _name_key(name, provider_id)

        def look_up() -> int | None:
            stmt = select(m.Setting.id).where(
                func.lower(m.Setting.name) == name.casefold(), m.Setting.deleted_at.is_(None)
            )
            if provider_id is not None:
                stmt = stmt.where(m.Setting.provider_id == provider_id)
            found = session.scalars(stmt.limit(2)).all()
            if len(found) > 1:
                raise errors.ValidationError(
                    f"More than one setting is called {name}. Add the setting's Ofsted URN."
                )
            return found[0] if found else None

        return self._remember(key, look_up)

    def add_setting(
        self,
        session: Session,
        setting: providers.Setting,
        lines: Lines,
        origin: Origin,
        *,
        urn_unused: bool = False,
        insert: Callable[[Session, providers.Setting], int] | None = None,
    ) -> int:
        """Add ``setting`` to the register. ``urn_unused`` when :meth:`setting_by_urn` has
        just found no setting with its URN (it knows every URN: those read at the start of
        the run and those it added since), so the services need not ask again. ``insert``
        checks and writes the setting (or holds it for a batch), returning its id."""
        if insert is None:
            insert = (
                providers.insert_setting_with_new_urn_in
                if urn_unused
                else providers.insert_setting_in
            )
        created = dataclasses.replace(setting, id=insert(session, setting))
        detail = (
            f"Not on the register yet: added ({created.setting_type.label}). Import Ofsted's "
            "provider list, or edit the setting, to fill in its details."
        )
        lines.append(preview_line(origin, "setting", RowStatus.NEW, created.name, detail))
        keys = [_name_key(created.name, created.provider_id), _name_key(created.name, None)]
        if created.urn:
            keys.append(("urn", created.urn))
        for key in keys:
            self._add(key, created.id)
        return int(created.id)

    def has_setting(self, session: Session, urn: str | None, name: str) -> bool:
        """Whether the setting an import would use (by ``urn``, else called ``name`` under
        the unknown provider) is already on the register, so using it writes nothing. May
        refuse as :meth:`setting_by_urn` does."""
        if urn is not None:
            return self.setting_by_urn(session, urn) is not None
        provider_id = self._found.get(("provider", UNKNOWN_PROVIDER.casefold()))
        if provider_id is None:
            return False
        return self.setting_by_name(session, name, provider_id) is not None

    def has_unknown_provider(self) -> bool:
        """Whether the run has found or added the provider of settings with no owner."""
        return ("provider", UNKNOWN_PROVIDER.casefold()) in self._found

    def unknown_provider(self, session: Session, lines: Lines, origin: Origin) -> int:
        """The provider that holds settings an import found no provider for."""
        return self.provider(session, UNKNOWN_PROVIDER, lines, origin)


def _name_key(name: str, provider_id: int | None) -> tuple[str, str]:
    return ("setting", f"{provider_id}:{name.casefold()}")


def preview_line(
    origin: Origin, kind: str, status: RowStatus, record: str, detail: str
) -> PreviewLine:
    return PreviewLine(origin.source, origin.row, kind, status, record, detail)


# ---- children --------------------------------------------------------------------------------


class ChildFinder(Register):
    """A :class:`Register` that also finds and saves the children rows are about."""

    def __init__(self) -> None:
        super().__init__()
        self._refs_loaded = False

    def _by_reference(self, session: Session, ref: str) -> m.Child | None:
        if not self._refs_loaded:  # every LA reference at once: one query, not one a row
            for known, child_id in session.execute(
                select(m.Child.la_reference, m.Child.id).where(m.Child.la_reference.is_not(None))
            ):
                self._found[("child", known)] = child_id
            self._refs_loaded = True
        child_id = self._found.get(("child", ref))
        return None if child_id is None else session.get(m.Child, child_id)

    def find_child(self, session: Session, values: dict[str, Any]) -> m.Child | None:
        """The child a row is about: by LA reference, else by name (and date of birth if
        given) among children with no LA reference yet. Refuses a child in the Trash, and a
        name that more than one child has."""
        ref = values.get("la_reference")
        child = self._by_reference(session, ref) if ref else None
        if child is not None and child.deleted_at is not None:
            raise errors.ValidationError(
                f"The LA reference {ref} is {child.preferred_name}'s, who is in the Trash. "
                "Restore them first, or leave them out of the file."
            )
        name = values.get("preferred_name") or values.get("full_name")
        if child is not None or not name:
            return child
        return _child_named(session, name, values.get("date_of_birth"), no_reference=bool(ref))

    def save_child(
        self,
        session: Session,
        values: dict[str, Any],
        lines: Lines,
        origin: Origin,
        *,
        new_name: str | None = None,
        new_detail: str = "A new child.",
        unchanged_line: bool = True,
    ) -> tuple[int, bool]:
        """Find the row's child and update what the row changes, or add them; returns the
        id and whether the child is new.

        ``new_name`` is the preferred name a new child gets when the row has none (the
        SSDA903 has no names). Only the fields in ``values`` are touched.
        """
        existing = self.find_child(session, values)
        if existing is None:
            name = values.get("preferred_name") or new_name
            if not name:
                raise errors.ValidationError(
                    "The row has no child's name, so no child can be added."
                )
            new = children.Child(**{**values, "preferred_name": name})
            child_id = self._remembered_child(values, children.insert_child_in(session, new))
            lines.append(preview_line(origin, "child", RowStatus.NEW, name, new_detail))
            return child_id, True
        record = to_record(children.Child, existing)
        changes = {
            header_for(k): (getattr(record, k), v)
            for k, v in values.items()
            if getattr(record, k) != v
        }
        if changes:
            children.update_child_in(session, dataclasses.replace(record, **values))
            self._remembered_child(values, record.id)
        if changes or unchanged_line:
            status = RowStatus.CHANGED if changes else RowStatus.UNCHANGED
            name = record.preferred_name
            if record.la_reference and record.la_reference not in name:
                name += f" ({record.la_reference})"
            lines.append(preview_line(origin, "child", status, name, changes_text(changes)))
        return int(record.id), False

    def _remembered_child(self, values: dict[str, Any], child_id: int) -> int:
        if values.get("la_reference"):
            self._add(("child", values["la_reference"]), child_id)
        return child_id


def _child_named(session: Session, name: str, born: Any, *, no_reference: bool) -> m.Child | None:
    stmt = select(m.Child).where(
        m.Child.deleted_at.is_(None),
        or_(
            func.lower(m.Child.preferred_name) == name.casefold(),
            func.lower(m.Child.full_name) == name.casefold(),
        ),
    )
    if no_reference:
        stmt = stmt.where(m.Child.la_reference.is_(None))
    if born:
        stmt = stmt.where(m.Child.date_of_birth == born)
    found = session.scalars(stmt.limit(2)).all()
    if len(found) > 1:
        raise errors.ValidationError(
            f"More than one child is called {name}. Add a column with the LA reference or "
            "the date of birth."
        )
    return found[0] if found else None
