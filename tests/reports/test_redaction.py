"""Redaction mode: children and family by initials everywhere (text, metadata, bookmarks),
numbered where two share initials, professionals by role, dates of birth as ages, addresses
removed, and the cover says so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import insert

from relcom_desktop import reports
from relcom_desktop.core import clock
from relcom_desktop.core import models as m
from relcom_desktop.core.actions import Action, create_action
from relcom_desktop.core.checkins import CheckIn, OutcomeScore, create_check_in
from relcom_desktop.core.children import age_on, update_child
from relcom_desktop.core.enums import JournalKind, LearningChange, Outcome, OutcomeRating
from relcom_desktop.core.family import FamilyLink, create_link
from relcom_desktop.core.journal import JournalEntry, create_entry
from relcom_desktop.core.meetings import Meeting, create_meeting
from relcom_desktop.core.providers import update_provider, update_setting
from relcom_desktop.core.reflection import Reflection, create_reflection
from relcom_desktop.core.reviews import PlacementReview, create_review
from relcom_desktop.reports.redaction import ChildName, Redactor, initials
from tests.core.factories import a_child, a_placement, a_provider, a_setting
from tests.reports.conftest import assert_every_page_marked_and_numbered, read_pdf

TODAY = clock.today()
DOB = dt.date(TODAY.year - 13, 2, 14)
SECRETS = ["Ruby", "Sofia", "Hawthornholt", "Zofia", "Wiśniewska", "Sample Lane", "ZD1 5AT"]


@pytest.fixture
def caseload(store):
    """Two children whose names appear in free text all over their records."""
    ruby = a_child(store, "Ruby", full_name="Ruby Sofia Hawthornholt", date_of_birth=DOB,
                   about_me="I'm Ruby Hawthornholt and I like RUBY'S RULES.")  # fmt: skip
    zofia = a_child(store, "Zofia", full_name="Zofia Wiśniewska", date_of_birth=DOB)
    provider = a_provider(store, "Harbour Homes (Demo)")
    update_provider(store, _with(provider, address="5 Sample Lane, Demotown"))
    setting = a_setting(store, provider.id, "Oak House")
    update_setting(store, _with(setting, address="5 Sample Lane", postcode="ZD1 5AT"))
    start = TODAY - dt.timedelta(days=200)
    placement = a_placement(store, ruby.id, setting.id, start)
    a_placement(store, zofia.id, setting.id, start)
    create_link(store, FamilyLink(child_id=ruby.id, name="Nia Hawthornholt", notes="Mum"))
    create_check_in(store, CheckIn(ruby.id, TODAY - dt.timedelta(days=3),
                    (OutcomeScore(Outcome.HAPPY, OutcomeRating.GOING_WELL, "Ruby laughing"),),
                    child_view="Ruby says Zofia is her best friend."))  # fmt: skip
    create_review(store, PlacementReview(placement.id, TODAY - dt.timedelta(days=2),
                  summary="Ruby Sofia Hawthornholt is settled."))  # fmt: skip
    create_action(store, Action(title="Call Ruby's social worker", child_id=ruby.id))
    create_entry(store, JournalEntry(provider.id, TODAY - dt.timedelta(days=5), JournalKind.VISIT,
                 "Visited Ruby and Zofia", body="Zofia Wiśniewska was out.",
                 child_ids=(ruby.id, zofia.id)))  # fmt: skip
    meeting = create_meeting(store, Meeting("Placement review: Ruby at Oak House",
                             dt.datetime.combine(TODAY - dt.timedelta(days=4), dt.time(10)),
                             notes="Ruby Hawthornholt's views were read out."))  # fmt: skip
    with store.write() as session:
        session.execute(insert(m.meeting_child), [{"meeting_id": meeting.id, "child_id": ruby.id}])
        session.execute(
            insert(m.meeting_provider), [{"meeting_id": meeting.id, "provider_id": provider.id}]
        )
        session.add(m.AgendaItem(meeting_id=meeting.id, title="Ruby's views", notes="From Ruby."))
    create_reflection(store, Reflection(TODAY - dt.timedelta(days=1),
                      (LearningChange.DISCUSSION,), what_happened="Talked with Ruby.",
                      child_id=ruby.id, provider_id=provider.id))  # fmt: skip
    return store, ruby, zofia, provider


def _with(record, **changes):
    import dataclasses

    return dataclasses.replace(record, **changes)


def _assert_nothing_leaks(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, secret
    assert DOB.strftime("%b %Y") not in text.replace(f"{TODAY:%b %Y}", "")


def test_child_pack_redacted_everywhere(caseload, tmp_path: Path) -> None:
    store, ruby, _zofia, _provider = caseload
    out = tmp_path / "child-pack.pdf"
    reports.build_review_pack(store, out, child_id=ruby.id, redact=True)
    pdf = read_pdf(out)
    assert_every_page_marked_and_numbered(pdf)
    _assert_nothing_leaks(pdf.everything)
    assert "children and family members are shown by initials" in pdf.pages[0]
    assert "professionals are shown by role" in pdf.pages[0]
    assert "Child: R.H." in pdf.pages[0]
    assert f"Age {age_on(DOB, TODAY)}" in pdf.text
    assert "R.H." in pdf.metadata["/Title"]
    assert any("R.H." in title for title in pdf.outline)
    assert "Z.W. is her best friend" in pdf.text
    assert "N.H." in pdf.text  # the family link, by initials
    assert "Address" not in pdf.text


def test_provider_pack_redacted_everywhere(caseload, tmp_path: Path) -> None:
    store, _ruby, _zofia, provider = caseload
    out = tmp_path / "provider-pack.pdf"
    reports.build_review_pack(store, out, provider_id=provider.id, redact=True)
    pdf = read_pdf(out)
    _assert_nothing_leaks(pdf.everything)
    assert "Visited R.H. and Z.W." in pdf.text


def test_without_redaction_the_names_and_addresses_show(caseload, tmp_path: Path) -> None:
    store, _ruby, _zofia, provider = caseload
    out = tmp_path / "plain.pdf"
    reports.build_review_pack(store, out, provider_id=provider.id)
    pdf = read_pdf(out)
    for secret in SECRETS:
        assert secret in pdf.text, secret  # also proves the font prints ś
    assert "Redacted" not in pdf.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Good to see Ruby so settled", "Good to see R.H. so settled"),
        ("Ruby Sofia Hawthornholt moved", "R.H. moved"),
        ("Ruby Hawthornholt's plan", "R.H.'s plan"),
        ("RUBY'S RULES", "R.H.'S RULES"),
        ("Hawthornholt family", "H. family"),
        ("I miss Ruby.", "I miss R.H."),
        ("Ruby, Kai and Zofia", "R.H., K.B. and Z.W."),
        ("a ruby ring", "a ruby ring"),
        ("", ""),
    ],
)
def test_redactor_replaces_names_in_free_text(text: str, expected: str) -> None:
    redactor = Redactor(
        [
            ChildName("Ruby", "Ruby Sofia Hawthornholt"),
            ChildName("Kai", "Kai George Burdockgate"),
            ChildName("Zofia", "Zofia Wiśniewska"),
        ]
    )
    assert redactor.scrub(text) == expected


def test_initials() -> None:
    assert initials("Ruby", "Ruby Sofia Hawthornholt") == "R.H."
    assert initials("Jay", "Jamal O'Neill") == "J.O."
    assert initials("Sky") == "S."
    assert initials("", "") == "Child"


# ---- who is hidden, and how -------------------------------------------------------------


def _redactor() -> Redactor:
    return Redactor(
        [ChildName("Tyler", "Tyler James Smith"), ChildName("Luca", "Luca Brown")],
        family=["Luca Bianchi", "Nia Smith"],
        professionals=[("Tyler Heatherridge", "Social worker"), ("Ann Moss", "IRO")],
    )


def test_a_professional_is_shown_by_role_never_by_a_childs_initials() -> None:
    redactor = _redactor()
    assert redactor.scrub("Tyler Heatherridge visited.") == "[social worker] visited."
    assert redactor.scrub("Spoke to Ann Moss") == "Spoke to [IRO]"
    assert redactor.scrub("Tyler Smith laughed") == "T.S. laughed"


def test_a_first_name_two_people_in_the_document_share_is_not_given_to_either() -> None:
    redactor = _redactor()
    redactor.introduce([("Tyler", "Tyler James Smith")])
    assert redactor.scrub("Tyler laughed") == "T.S. laughed"  # the only Tyler named so far
    redactor.introduce(professionals=[("Tyler Heatherridge", "Social worker")])
    assert redactor.scrub("Tyler laughed") == "[name] laughed"
    assert redactor.scrub("Tyler Heatherridge called") == "[social worker] called"


def test_initials_two_people_share_are_numbered_and_stay_the_same() -> None:
    redactor = _redactor()
    assert redactor.family("Luca Bianchi") == "L.B."
    assert redactor.scrub("Luca Brown came too") == "L.B.2 came too"
    assert redactor.child("Luca", "Luca Brown") == "L.B.2"
    assert redactor.scrub("Luca Bianchi's mum") == "L.B.'s mum"
    assert redactor.scrub("Luca said hello") == "[name] said hello"


def test_a_family_member_who_is_also_a_child_keeps_one_mark() -> None:
    redactor = Redactor([ChildName("Lily", "Lily Brown")], family=["Lily Brown"])
    assert redactor.family("Lily Brown") == redactor.child("Lily", "Lily Brown") == "L.B."


@pytest.fixture
def shared_names(store):
    """A child and their social worker share a first name; the child's friend shares
    initials with another looked-after child."""
    about = "Tyler Heatherridge is my social worker. Luca Bianchi is my mate."
    tyler = a_child(
        store, "Tyler", full_name="Tyler James Smith", date_of_birth=DOB, about_me=about
    )
    tyler = update_child(store, _with(tyler, social_worker="Tyler Heatherridge", iro="Ann Moss"))
    a_child(store, "Luca", full_name="Luca Brown", date_of_birth=DOB)
    create_link(store, FamilyLink(child_id=tyler.id, name="Luca Bianchi", notes="Friend"))
    create_check_in(store, CheckIn(tyler.id, TODAY - dt.timedelta(days=3), (),
                    child_view="I saw Luca Brown at football. Tyler Smith scored."))  # fmt: skip
    return store, tyler


def test_child_pack_with_shared_names(shared_names, tmp_path: Path) -> None:
    store, tyler = shared_names
    out = tmp_path / "pack.pdf"
    reports.build_review_pack(store, out, child_id=tyler.id, redact=True)
    text = " ".join(read_pdf(out).text.split())
    for secret in ("Tyler", "Heatherridge", "Luca", "Bianchi", "Brown", "Ann Moss"):
        assert secret not in text, secret
    assert "T.H. H." not in text
    assert "Social worker Named in the full copy" in text
    assert "[social worker] is my social worker. L.B. is my mate." in text
    assert "I saw L.B.2 at football. T.S. scored." in text
    assert "Child: T.S." in text


def test_a_club_is_shown_by_its_kind_and_lends_no_words_to_other_names() -> None:
    redactor = Redactor(
        [ChildName("Eve", "Eve Moss")], groups=[("Exampleton Youth Club", "School or club")]
    )
    assert redactor.family("Exampleton Youth Club") == "[school or club]"
    assert redactor.scrub("Exampleton City Council") == "Exampleton City Council"
    assert redactor.scrub("Eve goes to Exampleton Youth Club") == "E.M. goes to [school or club]"
