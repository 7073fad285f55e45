"""Wordings local authority trackers commonly use for SSDA903 codes, as data.

Matched in any case, spacing and punctuation (``K2 – Children's Home`` is ``k2 childrens
home``). A code joined to a provider (``U6+PR1``) says who provides the placement as well:
``PR1`` the authority's own (in-house), ``PR4`` private (an independent agency). Add
wordings here and nowhere else; the SSDA903 codes and labels themselves need no entry.
"""

from __future__ import annotations

NOT_GIVEN = ("-", "–", "n/a", "na", "tbc", "tba", "unknown", "not known", "not stated",
             "not recorded", "?", "none")  # fmt: skip

SEX = {
    "m": "1", "male": "1", "boy": "1", "man": "1",
    "f": "2", "female": "2", "girl": "2", "woman": "2",
    "non-binary": "", "other": "", "indeterminate": "", "prefer not to say": "",
}  # fmt: skip

LEGAL_STATUS = {
    "ico": "C1", "interim care order": "C1", "interim co": "C1", "interim": "C1",
    "s38": "C1", "section 38": "C1", "sec 38": "C1",
    "fco": "C2", "full care order": "C2", "care order": "C2", "final care order": "C2",
    "co": "C2", "s31": "C2", "section 31": "C2", "sec 31": "C2",
    "freeing order": "D1",
    "placement order": "E1", "po": "E1", "s21": "E1", "section 21": "E1",
    "remand": "J1", "remanded": "J1", "remanded to la": "J1", "laspo": "J1",
    "remand to local authority": "J1", "pace": "J2", "pace transfer": "J2",
    "yro": "J3", "police protection": "L1", "ppo": "L1",
    "epo": "L2", "emergency protection order": "L2",
    "cao": "L3", "child assessment order": "L3",
    "s20": "V2", "section 20": "V2", "sec 20": "V2", "voluntary": "V2", "accommodated": "V2",
    "voluntary accommodation": "V2", "voluntarily accommodated": "V2", "s20 voluntary": "V2",
    "s20 accommodated": "V2", "section 20 accommodated": "V2", "care order full": "C2",
    "care order interim": "C1", "interim order": "C1", "adoption placement order": "E1",
    "placement order adoption": "E1", "remand to la": "J1", "remanded to local authority": "J1",
}  # fmt: skip

PLACEMENT_TYPE = {
    # children's homes
    "residential": "K2", "residential home": "K2", "residential care": "K2", "res": "K2",
    "children's home": "K2", "ch": "K2", "children's residential": "K2",
    "residential children's home": "K2", "private residential": "K2+PR4",
    "external residential": "K2+PR4", "la residential": "K2+PR1",
    "in-house residential": "K2+PR1", "la children's home": "K2+PR1",
    "secure": "K1", "secure unit": "K1", "sch": "K1", "secure accommodation": "K1",
    "welfare secure": "K1",
    # 16+ and semi-independent
    "semi-independent": "H5", "semi independent living": "H5", "supported accommodation": "H5",
    "supported living": "H5", "supported lodgings": "H5", "16+ accommodation": "H5",
    "16 plus accommodation": "H5", "16+": "H5", "semi-independent accommodation": "H5",
    "unregulated": "H5", "independent living": "P2", "own tenancy": "P2",
    # fostering
    "foster care": "U6", "fostering": "U6", "foster placement": "U6", "foster": "U6",
    "short term fostering": "U6", "short-term foster care": "U6", "mainstream fostering": "U6",
    "long term fostering": "U4", "long-term foster care": "U4", "ltf": "U4",
    "long term foster placement": "U4", "foster carer": "U6", "mainstream foster care": "U6",
    "other la fostering": "U6+PR2", "other local authority fostering": "U6+PR2",
    "in-house fostering": "U6+PR1", "in-house foster care": "U6+PR1", "in-house": "U6+PR1",
    "la fostering": "U6+PR1", "la foster care": "U6+PR1", "la foster carer": "U6+PR1",
    "local authority fostering": "U6+PR1", "local authority foster care": "U6+PR1",
    "internal fostering": "U6+PR1", "in-house foster carer": "U6+PR1",
    "ifa": "U6+PR4", "independent foster agency": "U6+PR4",
    "independent fostering agency": "U6+PR4", "agency foster care": "U6+PR4",
    "agency fostering": "U6+PR4", "independent fostering": "U6+PR4",
    "external fostering": "U6+PR4", "ifa foster care": "U6+PR4",
    "kinship": "U3+PR1", "kinship care": "U3+PR1", "kinship foster care": "U3+PR1",
    "family and friends": "U3+PR1", "family and friends foster care": "U3+PR1",
    "friends and family": "U3+PR1", "connected person": "U3+PR1",
    "connected persons": "U3+PR1", "connected carer": "U3+PR1", "reg 24": "U3+PR1",
    "regulation 24": "U3+PR1",
    "ffa": "U5", "fostering for adoption": "U5", "concurrent planning": "U5",
    # other
    "placed with parents": "P1", "pwp": "P1", "placement with parents": "P1",
    "home on trial": "P1", "parents": "P1",
    "parent and child": "R3", "mother and baby": "R3", "mother and baby unit": "R3",
    "parent and child placement": "R3", "family assessment centre": "R3",
    "residential family centre": "R3",
    "hospital": "R2", "nhs": "R2", "health establishment": "R2", "mental health unit": "R2",
    "tier 4": "R2", "yoi": "R5", "young offender institution": "R5", "custody": "R5",
    "prison": "R5", "residential school": "S1", "residential special school": "S1",
    "boarding school": "S1", "rss": "S1", "52 week school": "S1", "other": "Z1",
}  # fmt: skip

PROVIDER_KIND = {
    "parents": "PR0", "parent": "PR0",
    "in-house": "PR1", "la": "PR1", "local authority": "PR1", "own la": "PR1",
    "own local authority": "PR1", "council": "PR1", "internal": "PR1", "la in-house": "PR1",
    "own provision": "PR1", "in-house provision": "PR1", "la fostering": "PR1",
    "other la": "PR2", "other local authority": "PR2", "another la": "PR2",
    "other council": "PR2",
    "other public": "PR3", "nhs": "PR3", "health": "PR3", "public": "PR3",
    "private": "PR4", "independent": "PR4", "ifa": "PR4", "agency": "PR4",
    "independent sector": "PR4", "private provider": "PR4", "external": "PR4",
    "private/independent": "PR4", "commercial": "PR4",
    "voluntary": "PR5", "charity": "PR5", "charitable": "PR5", "third sector": "PR5",
    "not for profit": "PR5", "voluntary sector": "PR5", "vcs": "PR5",
}  # fmt: skip

END_REASON = {
    "died": "E2", "staying put": "E17", "custody": "E9", "sentenced to custody": "E9",
    "moved abroad": "E16", "transferred to another la": "E3",
}  # fmt: skip

CHANGE_REASON = {
    "care plan": "CARPL", "allegation": "ALLEG", "child's request": "CHILD",
    "home closed": "CLOSE", "provider closure": "CLOSE", "standards of care": "STAND",
}  # fmt: skip

WORDINGS: dict[str, dict[str, str]] = {
    "sex": SEX,
    "legal_status": LEGAL_STATUS,
    "placement_type": PLACEMENT_TYPE,
    "provider_kind": PROVIDER_KIND,
    "end_reason": END_REASON,
    "change_reason": CHANGE_REASON,
}

# Words inside a fostering (or children's home) wording that say who provides it; the first
# found wins, so "other local authority" is tried before "local authority".
PROVIDER_HINTS = {
    "other la": "PR2", "other local authority": "PR2", "other council": "PR2",
    "in house": "PR1", "local authority": "PR1", "council": "PR1", "internal": "PR1",
    "ifa": "PR4", "agency": "PR4", "independent": "PR4", "private": "PR4", "external": "PR4",
    "voluntary": "PR5", "charity": "PR5",
}  # fmt: skip
