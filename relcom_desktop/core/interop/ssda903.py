"""SSDA903 code lists, stored as the codes themselves, labelled in plain English.

Source: DfE, *Children looked after return (SSDA903) technical specification*, 2023-24,
2024-25 and 2025-26 (as also encoded per year in SocialFinanceDigitalLabs/liia-tools-pipeline's
``SSDA903_schema_*.yml``). The DfE revises these lists: add or relabel codes here and nowhere
else, and say in :data:`VALID_YEARS` which collection years a code is valid in.

A *collection year* is named by the year it ends in: 2025 is the 2024-25 return (1 April 2024
to 31 March 2025). Records keep every code they were given, so older codes stay readable.
"""

from __future__ import annotations

from relcom_desktop.core.labels import LabelledStr


class LegalStatus(LabelledStr):
    C1 = ("C1", "Interim care order (s38)")
    C2 = ("C2", "Full care order (s31)")
    D1 = ("D1", "Freeing order granted")
    E1 = ("E1", "Placement order granted")
    J1 = ("J1", "Remanded to local authority or youth detention accommodation")
    J2 = ("J2", "Placed in local authority accommodation under PACE")
    J3 = ("J3", "Sentenced to a supervision order with residence requirement")
    L1 = ("L1", "Under police protection and in local authority accommodation")
    L2 = ("L2", "Emergency protection order")
    L3 = ("L3", "Child assessment order and in local authority accommodation")
    V2 = ("V2", "Accommodated under section 20 (single period)")
    V3 = ("V3", "Short breaks, individual episodes recorded")
    V4 = ("V4", "Short breaks, agreements recorded")


class PlacementType(LabelledStr):
    A3 = ("A3", "Placed for adoption (consent) with current foster carer")
    A4 = ("A4", "Placed for adoption (consent) not with current foster carer")
    A5 = ("A5", "Placed for adoption (placement order) with current foster carer")
    A6 = ("A6", "Placed for adoption (placement order) not with current foster carer")
    H5 = ("H5", "Semi-independent living, not subject to Children's Homes Regulations")
    K1 = ("K1", "Secure children's home")
    K2 = ("K2", "Children's home (Children's Homes Regulations)")
    K3 = ("K3", "Supported accommodation registered with Ofsted")
    P1 = ("P1", "Placed with parents or others with parental responsibility")
    P2 = ("P2", "Independent living")
    P3 = ("P3", "Residential employment")
    R1 = ("R1", "Residential care home")
    R2 = ("R2", "NHS or health establishment")
    R3 = ("R3", "Family centre or mother and baby unit")
    R5 = ("R5", "Young offender institution or prison")
    S1 = ("S1", "Residential school")
    T0 = ("T0", "Temporary move (all types)")
    T1 = ("T1", "Temporary period in hospital")
    T2 = ("T2", "Temporary absence on holiday")
    T3 = ("T3", "Temporary accommodation while foster carer on holiday")
    T4 = ("T4", "Temporary accommodation of seven days or less")
    U1 = ("U1", "Foster placement with relatives or friends, long term")
    U2 = ("U2", "Foster placement with relatives or friends, FFA/concurrent planning")
    U3 = ("U3", "Foster placement with relatives or friends, other")
    U4 = ("U4", "Foster placement with other carers, long term")
    U5 = ("U5", "Foster placement with other carers, FFA/concurrent planning")
    U6 = ("U6", "Foster placement with other carers, other")
    Z1 = ("Z1", "Other placement")
    # 2025-26 splits "other placements" into four detailed codes (see the DfE guide's PLACE
    # table for their full wording).
    Z11 = ("Z11", "Other placement (Z11, 2025-26 detailed code)")
    Z12 = ("Z12", "Other placement (Z12, 2025-26 detailed code)")
    Z13 = ("Z13", "Other placement (Z13, 2025-26 detailed code)")
    Z14 = ("Z14", "Other placement (Z14, 2025-26 detailed code)")


class PlacementProvider(LabelledStr):
    PR0 = ("PR0", "Parents or others with parental responsibility")
    PR1 = ("PR1", "Own local authority provision")
    PR2 = ("PR2", "Other local authority provision")
    PR3 = ("PR3", "Other public provision")
    PR4 = ("PR4", "Private provision")
    PR5 = ("PR5", "Voluntary or third sector provision")


class ReasonNewEpisode(LabelledStr):
    S = ("S", "Started to be looked after")
    L = ("L", "Change of legal status only")
    P = ("P", "Change of placement and carer")
    T = ("T", "Change of placement, same carer")
    U = ("U", "Change of legal status and placement, same carer")
    B = ("B", "Change of legal status, placement and carer")


class ReasonEpisodeCeased(LabelledStr):
    X1 = ("X1", "Episode ended, new episode starts the same day")
    E11 = ("E11", "Adopted (application unopposed)")
    E12 = ("E12", "Adopted (consent dispensed with)")
    E2 = ("E2", "Died")
    E3 = ("E3", "Care taken over by another local authority")
    E4A = ("E4A", "Returned home as part of care planning")
    E4B = ("E4B", "Returned home, not part of care planning")
    E13 = ("E13", "Left care to live with parents or relatives without parental responsibility")
    E41 = ("E41", "Child arrangements order")
    E45 = ("E45", "Special guardianship order to former foster carer (relative or friend)")
    E46 = ("E46", "Special guardianship order to former foster carer (other)")
    E47 = ("E47", "Special guardianship order to other carer (relative or friend)")
    E48 = ("E48", "Special guardianship order to other carer (other)")
    E5 = ("E5", "Independent living with formal support")
    E6 = ("E6", "Independent living without formal support")
    E7 = ("E7", "Transferred to adult social care residential care")
    E9 = ("E9", "Sentenced to custody")
    E14 = ("E14", "Accommodation on remand ended")
    E15 = ("E15", "Age assessment found the young person to be 18 or over")
    E16 = ("E16", "Moved abroad")
    E17 = ("E17", "Aged 18 and stayed with carers (staying put)")
    E8 = ("E8", "Ceased for any other reason")


class ReasonPlaceChange(LabelledStr):
    CARPL = ("CARPL", "Change to or implementation of the care plan")
    CLOSE = ("CLOSE", "Resignation or closure of provision")
    ALLEG = ("ALLEG", "Allegation (s47)")
    STAND = ("STAND", "Standards of care concern")
    APPRR = ("APPRR", "Approval removed")
    CREQB = ("CREQB", "Carer asked to end the placement because of the child's behaviour")
    CREQO = ("CREQO", "Carer asked to end the placement for other reasons")
    CHILD = ("CHILD", "Child asked to end the placement")
    LAREQ = ("LAREQ", "Local authority asked to end the placement")
    PLACE = ("PLACE", "Change in the status of placement only")
    CUSTOD = ("CUSTOD", "Custody arrangement")
    OTHER = ("OTHER", "Other")


FIRST_YEAR = 2024  # the oldest return checked against its own lists (2023-24)
LATEST_YEAR = 2026  # the newest return whose lists are known (2025-26)
# (first, last) collection year a code is valid in; a code not listed is valid in every year.
# H5 and P2 left the PLACE list when K3 came in (2024-25); Z11-Z14 came in in 2025-26.
VALID_YEARS: dict[object, tuple[int, int]] = {
    PlacementType.H5: (0, 2024),
    PlacementType.P2: (0, 2024),
    PlacementType.K3: (2025, 9999),
    PlacementType.Z11: (2026, 9999),
    PlacementType.Z12: (2026, 9999),
    PlacementType.Z13: (2026, 9999),
    PlacementType.Z14: (2026, 9999),
}


def year_name(year: int) -> str:
    """2025 -> "2024-25"."""
    return f"{year - 1}-{year % 100:02d}"


def valid_in(code: object, year: int) -> bool:
    """Whether ``code`` is in the code lists of the collection year ending in ``year``."""
    first, last = VALID_YEARS.get(code, (0, 9999))
    return first <= year <= last


def validity(code: object) -> str:
    """ "valid from 2024-25", "valid until 2023-24" or "" for a code valid in every year."""
    first, last = VALID_YEARS.get(code, (0, 9999))
    if first:
        return f"valid from {year_name(first)}"
    return f"valid until {year_name(last)}" if last < 9999 else ""


def collection_year(day: object) -> int:
    """The collection year a date falls in (1 April to 31 March)."""
    return day.year + 1 if day.month >= 4 else day.year  # type: ignore[attr-defined]
