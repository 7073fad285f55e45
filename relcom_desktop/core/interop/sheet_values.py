"""Reading the words a tracker uses for a coded field: ``S20`` is legal status V2, ``IFA`` is
foster placement U6 with a private provider, ``M`` is male.

A cell is read, in this order, as: the wording the commissioner chose for it before (kept in
preferences, editable in the import's mapping table); an SSDA903 code or its label in any
case and punctuation; one of the wordings trackers commonly use (``WORDINGS``, below); a code
with a description (``K2 - Children's Home``, ``Children's home (K2)``). Parts of a wording
are tried too: ``Full care order (s31)``, ``Section 20 (voluntary)``.

Fostering: whether the carers are the authority's own (in-house) or an independent agency's
decides the kind of setting, so a wording that says (``In-house fostering``, ``IFA``) reads
as a placement type *and* a provider (code ``U6+PR1``). A wording that does not say
(``Foster care``) is never guessed: :func:`needs_provider` is true for it, and the row must
say elsewhere, or the commissioner must choose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from relcom_desktop.core.enums import Sex
from relcom_desktop.core.interop.sheet_wordings import NOT_GIVEN, PROVIDER_HINTS, WORDINGS
from relcom_desktop.core.interop.spreadsheet import normalise_header
from relcom_desktop.core.interop.ssda903 import (
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonPlaceChange,
)
from relcom_desktop.core.labels import LabelledStr

CODED: dict[str, type[LabelledStr]] = {
    "sex": Sex,
    "legal_status": LegalStatus,
    "placement_type": PlacementType,
    "provider_kind": PlacementProvider,
    "kind": PlacementProvider,  # a provider's own kind, in a list of providers
    "end_reason": ReasonEpisodeCeased,
    "change_reason": ReasonPlaceChange,
}
BLANK = ""  # the choice "leave blank"
JOIN = "+"  # "U6+PR1": a placement type and the provider its wording names
FOSTERING = {"U1", "U2", "U3", "U4", "U5", "U6"}
HINTED = FOSTERING | {"K2"}  # types whose wording may also say who provides them
SEPARATORS = re.compile(r"[\s\-–—:;.,/()\[\]]+")
HOW_CHOSEN = "your choice"
HOW_CODE = "SSDA903 code"
HOW_LABEL = "SSDA903 wording"
HOW_WORDING = "tracker wording"
HOW_PREFIX = "code with a description"
HOW_BLANK = "not given"
HOW_UNKNOWN = "not recognised"
Chosen = Mapping[str, Mapping[str, str]]  # {field: {wording key: code}} chosen by the user


def key(text: str) -> str:
    """A wording reduced for matching: "K2 – Children's Home" → "K2CHILDRENSHOME"."""
    return normalise_header(text.replace("&", " and ").replace("+", " plus "))


def _table(entries: Mapping[str, str]) -> dict[str, str]:
    return {key(wording): code for wording, code in entries.items()}


_WORDINGS = {field: _table(entries) for field, entries in WORDINGS.items()}
_WORDINGS["kind"] = _WORDINGS["provider_kind"]
_CODES = {f: {key(m.value): m.value for m in kind} for f, kind in CODED.items()}
_LABELS = {f: {key(m.label): m.value for m in kind} for f, kind in CODED.items()}
_NOT_GIVEN = {key(w) for w in NOT_GIVEN}
_HINTS = [(key(w), code) for w, code in PROVIDER_HINTS.items()]
_PART_HINTS = {**{k: c for k, c in _HINTS}, "LA": "PR1", "OWNLA": "PR1"}  # a whole part


@dataclass(frozen=True)
class Reading:
    code: str | None  # "U6+PR1", "C2", BLANK for leave blank; None: not recognised
    how: str  # HOW_*


def read(field: str, text: str, chosen: Chosen | None = None) -> Reading:
    """How a cell of a coded field reads (see the module doc)."""
    whole = key(text)
    mine = (chosen or {}).get(field, {})
    if whole in mine:
        return Reading(mine[whole], HOW_CHOSEN)
    if not whole or whole in _NOT_GIVEN:
        return Reading(BLANK, HOW_BLANK)
    whole_reading = _look_up(field, whole)
    if whole_reading is not None:
        return Reading(_hinted(whole_reading.code or "", whole), whole_reading.how)
    parts = [part for part in _parts(text) if part not in _PART_HINTS]
    found = [r for r in (_look_up(field, part) for part in parts) if r is not None]
    if found:
        provider = next((_PART_HINTS[p] for p in _parts(text) if p in _PART_HINTS), "")
        return _agreed(found, whole, provider)
    first = SEPARATORS.split(text.strip(), maxsplit=1)[0]
    code = _CODES[field].get(key(first)) if first and first != text.strip() else None
    if code is not None:
        return Reading(_hinted(code, whole), HOW_PREFIX)
    return Reading(None, HOW_UNKNOWN)


def _look_up(field: str, part: str) -> Reading | None:
    """A part of a wording as a code, its label or a tracker wording; a plural as its
    singular ("Connected carers")."""
    for word in (part, part[:-1] if len(part) > 3 and part.endswith("S") else None):
        for table, how in ((_CODES, HOW_CODE), (_LABELS, HOW_LABEL), (_WORDINGS, HOW_WORDING)):
            code = table.get(field, {}).get(word) if word else None
            if code is not None:
                return Reading(code, how)
    return None


def _agreed(found: list[Reading], whole: str, provider: str) -> Reading:
    """The code the parts of a wording agree on ("Foster care - in house": U6, and U6 with
    in-house carers), or not recognised when they disagree ("Care order - interim": C2 or
    C1?), so the commissioner is asked rather than one guessed."""
    bases = {r.code.partition(JOIN)[0] for r in found if r.code}
    if len(bases) > 1:
        return Reading(None, HOW_UNKNOWN)
    best = max(found, key=lambda r: JOIN in (r.code or ""))
    code = best.code or ""
    if provider and code in HINTED:
        return Reading(f"{code}{JOIN}{provider}", best.how)
    return Reading(_hinted(code, whole), best.how)


def _parts(text: str) -> Iterator[str]:
    """The wording without brackets, then each bracketed part and each part around a dash
    or colon: "Full care order (s31)" → FULLCAREORDER, S31."""
    bare = re.sub(r"\(.*?\)|\[.*?\]", " ", text)
    yield key(bare)
    yield from (key(inner) for inner in re.findall(r"\((.*?)\)", text))
    yield from (key(piece) for piece in re.split(r"\s[-–—]\s|:", bare))


def _hinted(code: str, whole: str) -> str:
    """A fostering (or children's home) code with the provider its wording names."""
    if JOIN in code or code not in HINTED:
        return code
    for hint, provider in _HINTS:
        if hint in whole:
            return f"{code}{JOIN}{provider}"
    return code


def values_for(field: str, code: str) -> dict[str, Any]:
    """The fields a chosen code sets: {"placement_type": U6, "provider_kind": PR1}."""
    if not code:
        return {}
    own, _sep, provider = code.partition(JOIN)
    values: dict[str, Any] = {field: CODED[field](own)}
    if provider:
        values["provider_kind"] = PlacementProvider(provider)
    return values


def needs_provider(field: str, code: str | None) -> bool:
    """A fostering placement type whose wording does not say whose carers they are."""
    return field == "placement_type" and code in FOSTERING


def label(field: str, code: str) -> str:
    """A choice as the mapping table shows it: "U6 Foster placement ... · in-house"."""
    if not code:
        return "Leave blank"
    own, _sep, provider = code.partition(JOIN)
    text = f"{own} {CODED[field](own).label}"
    if provider:
        text += f" · {PROVIDER_WORDS[provider]}"
    return text


PROVIDER_WORDS = {
    "PR0": "parents",
    "PR1": "the authority's own (in-house)",
    "PR2": "another local authority's",
    "PR3": "other public provision",
    "PR4": "private (e.g. an independent fostering agency)",
    "PR5": "voluntary or charity",
}


def choices(field: str) -> list[tuple[str, str]]:
    """Every code a wording can be read as, for the mapping table: (code, label)."""
    codes: list[str] = [BLANK]
    joined = sorted({c for c in _WORDINGS.get(field, {}).values() if JOIN in c})
    for member in CODED[field]:
        codes.append(member.value)
        if field == "placement_type" and member.value in FOSTERING:
            codes += [f"{member.value}{JOIN}{p}" for p in ("PR1", "PR2", "PR4", "PR5")]
        codes += [c for c in joined if c.startswith(member.value + JOIN) and c not in codes]
    return [(code, label(field, code)) for code in codes]
