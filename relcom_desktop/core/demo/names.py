"""Obviously synthetic names, places and contact details.

First names are ordinary; surnames are invented compound nature words; organisations carry
"(Demo)"; phone numbers use Ofcom's drama ranges; e-mail and web addresses use ``.example``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from relcom_desktop.core.enums import Sex


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


GIRLS = _words(
    "Amara Bella Chloe Daisy Ella Freya Grace Hana Isla Jade Kiara Lily Maya Nia Olivia "
    "Poppy Ruby Sofia Tia Zara Aisha Evie Leah Mia"
)
BOYS = _words(
    "Aaron Ben Caleb Dylan Ethan Finn George Harry Idris Jayden Kai Leo Mason Noah Oscar "
    "Rhys Sami Theo Tyler Zain Alfie Jack Kofi Luca"
)
NICKNAMES = {
    "Olivia": "Liv",
    "Jayden": "Jay",
    "Isla": "Izzy",
    "Theo": "Teddy",
    "Alfie": "Alf",
    "Aisha": "Ash",
    "Harry": "H",
    "Sofia": "Sof",
}
SURNAME_HEADS = _words(
    "Bracken Thistle Heather Sorrel Bramble Clover Larch Briar Nettle Sedge Tansy Yarrow "
    "Burdock Teasel Campion Hawthorn"
)
SURNAME_TAILS = _words("fold combe mere wick ridge holt brook thorpe stead hollow gate by")
PLACE_HEADS = _words("Willow Meadow Kestrel Lark Harebell Skylark Otter Heron Wren Linnet Badger")
PLACE_TAILS = _words("bank side field haven brook stone gate lea croft")
STREETS = (
    "Example Road",
    "Sample Lane",
    "Demo Street",
    "Placeholder Avenue",
    "Mock Close",
    "Specimen Way",
    "Template Row",
    "Dummy Crescent",
)
ETHNICITIES = ("WBRI", "WBRI", "WBRI", "WIRI", "WOTH", "MWBC", "MWBA", "MWAS", "AIND", "APKN")
ETHNICITIES += ("ABAN", "BCRB", "BAFR", "CHNE", "OOTH", "WROM")


@dataclass(frozen=True)
class LocalAuthority:
    name: str
    short: str
    towns: tuple[str, ...]
    region: str
    postcode_area: str


OWN_LA = LocalAuthority(
    "Demoshire County Council", "Demoshire", ("Demotown", "Demoford"), "West Midlands", "ZD"
)
LOCAL_AUTHORITIES = (
    OWN_LA,
    LocalAuthority("Exampleton City Council", "Exampleton", ("Exampleton",), "North West", "ZX"),
    LocalAuthority(
        "Samplebury Borough Council",
        "Samplebury",
        ("Samplebury", "Sample Green"),
        "East Midlands",
        "ZS",
    ),
    LocalAuthority(
        "Testford Metropolitan Borough Council",
        "Testford",
        ("Testford", "Upper Testford"),
        "Yorkshire and the Humber",
        "ZT",
    ),
    LocalAuthority(
        "Mockshire County Council", "Mockshire", ("Mockley", "Mockhampton"), "South West", "ZM"
    ),
    LocalAuthority(
        "Placeholder Vale Council", "Placeholder Vale", ("Placeholder Bridge",), "South East", "ZP"
    ),
    LocalAuthority(
        "North Fictonshire Council",
        "North Fictonshire",
        ("Fictonby", "Fauxley"),
        "North East",
        "ZF",
    ),
)
COMMISSIONER = "Sam Demo"


def first_name(rng: random.Random, sex: Sex | None = None) -> str:
    if sex is None:
        sex = rng.choice((Sex.MALE, Sex.FEMALE))
    return rng.choice(GIRLS if sex is Sex.FEMALE else BOYS)


def surname(rng: random.Random) -> str:
    return rng.choice(SURNAME_HEADS) + rng.choice(SURNAME_TAILS)


def person(rng: random.Random) -> str:
    """An adult's name, e.g. "Grace Thistlecombe"."""
    return f"{first_name(rng)} {surname(rng)}"


def place_word(rng: random.Random) -> str:
    return rng.choice(PLACE_HEADS) + rng.choice(PLACE_TAILS)


def postcode(rng: random.Random, la: LocalAuthority) -> str:
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    tail = rng.choice(letters) + rng.choice(letters)
    return f"{la.postcode_area}{rng.randint(1, 19)} {rng.randint(1, 9)}{tail}"


def address(rng: random.Random, la: LocalAuthority) -> str:
    return f"{rng.randint(1, 120)} {rng.choice(STREETS)}, {rng.choice(la.towns)}"


def phone(rng: random.Random, mobile: bool = False) -> str:
    if mobile:
        return f"07700 900{rng.randint(0, 999):03d}"
    return f"01632 960{rng.randint(0, 999):03d}"


def slug(text: str) -> str:
    kept = "".join(ch if ch.isalnum() else "-" for ch in text.lower())
    return "-".join(part for part in kept.split("-") if part)


def email(name: str, domain: str) -> str:
    return f"{slug(name).replace('-', '.')}@{domain}"


def unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name`` with a number added so it is not already in ``taken``."""
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name} {number}", number + 1
    taken.add(candidate)
    return candidate
