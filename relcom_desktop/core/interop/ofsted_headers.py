"""Which column of an Ofsted list holds which field, from its heading.

Ofsted has published its children's social care lists under many headings over the years
("URN"/"Urn", "Name"/"Setting name"/"Provider name", "Provision type"/"Provider type",
"Overall effectiveness"/"Overall experiences and progress of children and young people"/
"Outcome", "Inspection date"/"Latest full inspection date"/"Inspection start date"...).
Headings are normalised (case, punctuation, "&") and matched against patterns in order of
preference: ``"=urn"`` is the whole heading; ``"inspection date -publication"`` is a heading
holding the words "inspection" and "date" and not "publication".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

URN = "urn"
SETTING = "setting_name"
PROVIDER = "provider_name"
TYPE = "setting_type"
SUBTYPE = "setting_subtype"
SECTOR = "sector"
LA = "local_authority"
REGION = "region"
PLACES = "places"
JUDGEMENT = "judgement"
DATE = "inspected_on"
PUBLISHED = "published_on"
POSTCODE = "postcode"

SETTING_PATTERNS = (
    "setting name", "=name", "name of setting", "home name", "establishment name",
    "=setting", "=establishment",
)  # fmt: skip
PROVIDER_AS_SETTING = ("provider name -owner -organisation -registered", "=provider")
OWNER_PATTERNS = (
    "owns", "owner -type", "organisation name", "registered provider -type -urn",
    "responsible organisation", "provider organisation", "company name", "=organisation",
    "responsible body",
)  # fmt: skip
PATTERNS: dict[str, tuple[str, ...]] = {
    URN: (
        "=urn", "urn -linked -education -previous -old -parent -event", "unique reference number",
    ),
    TYPE: (
        "provision type", "provider type -sub", "setting type -sub", "type of provision",
        "type of provider", "type of setting", "establishment type", "=type",
    ),
    SUBTYPE: ("subtype", "sub type", "provision subtype"),
    SECTOR: ("=sector", "provider sector", "=ownership", "ownership type", "sector -code"),
    LA: (
        "=local authority", "local authority name", "=la", "la name",
        "local authority -code -owner -organisation -fostering -number",
    ),
    REGION: ("=region", "ofsted region", "region name", "region -code -government", "region -code"),
    PLACES: (
        "=places", "registered places", "number of places", "maximum number of places",
        "places -short -vacan -available -occupied -used -filled", "max users",
        "maximum users", "=capacity",
    ),
    JUDGEMENT: (
        "overall effectiveness", "overall experiences", "overall judgement", "=judgement",
        "inspection judgement", "=outcome", "overall outcome", "inspection outcome",
        "=overall", "=grade", "overall grade",
    ),
    DATE: (
        "inspection start date", "inspection date -publication -published -report -event -end",
        "date of inspection", "date of last inspection", "last inspection date",
        "inspection end date", "=inspected", "inspection date -publication -published",
    ),
    PUBLISHED: ("publication date", "date published", "=published", "report published"),
    POSTCODE: ("postcode -owner -organisation", "post code -owner -organisation"),
}  # fmt: skip
ADDRESS_PATTERNS = (
    "address -email -web -owner -organisation -registered", "street", "=town",
    "=town city", "=city", "=county", "=locality", "=district",
)  # fmt: skip
PREFIXES = ("latest ", "most recent ", "full inspection ", "last ")


@dataclass(frozen=True)
class Pattern:
    exact: str | None
    words: frozenset[str]
    without: frozenset[str]

    def matches(self, heading: str) -> bool:
        if self.exact is not None:
            return self.exact in _candidates(heading)
        words = set(heading.split())
        prefixes = {w for w in words for bad in self.without if w.startswith(bad)}
        return self.words <= words and not prefixes


def pattern(spec: str) -> Pattern:
    if spec.startswith("="):
        return Pattern(spec[1:], frozenset(), frozenset())
    words = spec.split()
    return Pattern(
        None,
        frozenset(w for w in words if not w.startswith("-")),
        frozenset(w[1:] for w in words if w.startswith("-")),
    )


def normalise_header(text: str) -> str:
    """ "Latest  Overall-Effectiveness " -> "latest overall effectiveness"."""
    text = text.replace("\ufeff", "").replace("’", "'").replace("&", " and ").casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.replace("'", "")).split())


def _candidates(name: str) -> list[str]:
    """The heading and what is left once "Latest", "Full inspection"... are taken off."""
    found = [name]
    while prefix := next((p for p in PREFIXES if found[-1].startswith(p)), None):
        found.append(found[-1].removeprefix(prefix))
    return found


def _first(names: list[str], specs: tuple[str, ...], taken: set[int]) -> int | None:
    for spec in specs:
        wanted = pattern(spec)
        for index, name in enumerate(names):
            if index not in taken and name and wanted.matches(name):
                return index
    return None


@dataclass
class Columns:
    """Field -> column index, and the columns that together make the address."""

    fields: dict[str, int]
    address: list[int]

    def __contains__(self, key: str) -> bool:
        return key in self.fields


def match_columns(names: list[str]) -> Columns:
    """Which column holds each field, from normalised header names."""
    columns: dict[str, int] = {}
    taken: set[int] = set()

    def claim(key: str, specs: tuple[str, ...]) -> None:
        index = _first(names, specs, taken)
        if index is not None:
            columns[key] = index
            taken.add(index)

    claim(URN, PATTERNS[URN])
    claim(SETTING, SETTING_PATTERNS)
    # Ofsted calls a setting a "provider": "Provider name" is the setting's name unless the
    # file also has a separate setting name column.
    if SETTING in columns:
        claim(PROVIDER, (*OWNER_PATTERNS, *PROVIDER_AS_SETTING))
    else:
        claim(SETTING, PROVIDER_AS_SETTING)
        claim(PROVIDER, OWNER_PATTERNS)
    for key, specs in PATTERNS.items():
        if key != URN:
            claim(key, specs)
    address = [
        i
        for i, name in enumerate(names)
        if i not in taken and name and any(pattern(s).matches(name) for s in ADDRESS_PATTERNS)
    ]
    return Columns(columns, address)
