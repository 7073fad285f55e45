"""Redaction: who is hidden, and how, in a redacted copy.

The rule, printed on every redacted pack's cover (:data:`RULE`):

- **children and family members** (and anyone in a child's family or community links) are
  shown by their initials; where two people in one document share initials the second is
  numbered ("R.H.", "R.H.2"), so initials never stand for two people;
- **professionals** (contacts, social workers, IROs, meeting attendees) are shown by their
  role ("[social worker]"), and a child's club or community by its kind;
- a name that could be more than one person in the document is shown as ``[name]``, never as
  someone else's initials; a surname on its own is shown by its first letter.

The :class:`Redactor` is made for one document. It knows every recorded person's names and
replaces them in free text in one pass over the words. Marks are handed out as people first
appear, so numbering is stable within the document; people a section is about are
introduced first (:meth:`Redactor.introduce`), so a first name shared by two people is
resolved to the one the document names, or shown as ``[name]`` when it names both.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
POSSESSIVES = ("'s", "’s")
MAX_PHRASE_WORDS = 5
AMBIGUOUS = "[name]"
WITHHELD = "Named in the full copy"
RULE = (
    "Redacted copy: children and family members are shown by initials (with a number where "
    "two share initials); professionals are shown by role; a name that could be more than "
    "one person is shown as [name]. Dates of birth are shown as ages and addresses are removed."
)


@dataclass(frozen=True)
class ChildName:
    preferred_name: str
    full_name: str = ""


@dataclass(frozen=True)
class _Person:
    protected: bool  # a child or family member: initials; otherwise a professional: role
    base: str  # initials, or the role in brackets


def _words(text: str) -> list[str]:
    return WORD.findall(text or "")


def _key(text: str) -> str:
    return " ".join(_words(text)).casefold()


def initials(preferred_name: str, full_name: str = "") -> str:
    """ "Ruby" + "Ruby Sofia Hawthornholt" → "R.H."; a single name gives one initial."""
    given = _words(preferred_name) or _words(full_name)
    family = _words(full_name)
    letters = [given[0][0]] if given else []
    if len(family) > 1:
        letters.append(family[-1][0])
    return "".join(f"{letter.upper()}." for letter in letters) or "Child"


def person_initials(name: str) -> str:
    """Anyone's name as initials: "Zain Hawthornholt" → "Z.H."."""
    return "".join(f"{w[0].upper()}." for w in _words(name)) or "—"


def role_text(role: str) -> str:
    """ "Social worker" → "[social worker]"; an acronym ("IRO") keeps its capitals."""
    role = role.strip() or "professional"
    if role[1:2].islower():
        role = role[0].lower() + role[1:]
    return f"[{role}]"


class Redactor:
    """Replaces the names of every known person in text by the rule in :data:`RULE`."""

    def __init__(
        self,
        children: Iterable[ChildName],
        family: Iterable[str] = (),
        professionals: Iterable[tuple[str, str]] = (),
        attendees: Iterable[tuple[str, str]] = (),
        groups: Iterable[tuple[str, str]] = (),
    ) -> None:
        self._people: list[_Person] = []
        self._phrases: dict[str, list[int]] = {}  # full names and given names
        self._surnames: set[str] = set()  # other words of protected people's names
        self._children: dict[tuple[str, str], int] = {}
        self._groups: dict[str, int] = {}
        self._marks: dict[int, str] = {}
        self._taken: Counter[str] = Counter()
        self._mentioned: set[int] = set()
        for child in children:
            self._add_child(child.preferred_name, child.full_name)
        for name, label in groups:
            self._add_group(name, label)
        for name in family:
            self._add_family(name)
        for name, role in professionals:
            self._add_professional(name, role)
        for name, role in attendees:
            if not self._protected(_key(name)):  # a child or parent at the meeting
                self._add_professional(name, role)

    # ---- who is who ------------------------------------------------------------------

    def _new(self, person: _Person, phrases: Iterable[str]) -> int:
        index = len(self._people)
        self._people.append(person)
        for phrase in dict.fromkeys(p for p in phrases if p):
            self._phrases.setdefault(phrase, []).append(index)
        return index

    def _add_child(self, preferred: str, full: str) -> int:
        key = (_key(preferred), _key(full))
        if key in self._children:
            return self._children[key]
        full_words, given = _words(full), _words(preferred)
        phrases = [_key(full), _key(preferred)]
        if len(full_words) > 1:
            phrases.append(_key(" ".join(given + full_words[-1:])))
        if given:
            phrases.append(given[0].casefold())
        self._surnames.update(w.casefold() for w in full_words if w not in given)
        index = self._new(_Person(True, initials(preferred, full)), phrases)
        self._children[key] = index
        return index

    def _add_group(self, name: str, label: str) -> None:
        """A club or community a child belongs to: shown by its kind, as it may say where
        the child lives; only its whole name is looked for."""
        key = _key(name)
        if key and key not in self._groups:
            self._groups[key] = self._new(_Person(False, role_text(label)), [key])

    def _add_family(self, name: str) -> int:
        key = _key(name)
        if key in self._groups:
            return self._groups[key]
        known = self._protected(key)
        if known:
            return known[0]  # already known: a brother who is also looked after, say
        words = _words(name)
        self._surnames.update(w.casefold() for w in words[1:])
        return self._new(_Person(True, person_initials(name)), [key, key.split(" ")[0]])

    def _add_professional(self, name: str, role: str) -> int:
        key = _key(name)
        for index in self._phrases.get(key, []):
            if not self._people[index].protected:
                return index  # the same person met again (a contact who is also an IRO)
        words = key.split(" ")
        given = words[0] if len(words) > 1 else ""
        return self._new(_Person(False, role_text(role)), [key, given])

    def _protected(self, key: str) -> list[int]:
        return [i for i in self._phrases.get(key, []) if self._people[i].protected]

    def _mark(self, index: int) -> str:
        """The person's mark in this document, handed out the first time they appear."""
        self._mentioned.add(index)
        if index not in self._marks:
            person = self._people[index]
            mark = person.base
            if person.protected:
                self._taken[mark] += 1
                count = self._taken[mark]
                mark = mark if count == 1 else f"{mark}{count}"
            self._marks[index] = mark
        return self._marks[index]

    # ---- people named by the report's structure -----------------------------------------

    def child(self, preferred_name: str, full_name: str = "") -> str:
        return self._mark(self._add_child(preferred_name, full_name))

    def family(self, name: str) -> str:
        return self._mark(self._add_family(name))

    def professional(self, name: str, role: str = "") -> str:
        """A professional named in a field of their own: their role is the field's label."""
        if name.strip():
            self._mentioned.add(self._add_professional(name, role))
        return WITHHELD

    def introduce(
        self,
        children: Iterable[tuple[str, str]] = (),
        family: Iterable[str] = (),
        professionals: Iterable[tuple[str, str]] = (),
    ) -> None:
        """The people a section is about, so their first names resolve to them."""
        for preferred, full in children:
            self.child(preferred, full)
        for name in family:
            self.family(name)
        for name, role in professionals:
            if name.strip() and not self._protected(_key(name)):
                self._mentioned.add(self._add_professional(name, role))

    # ---- free text ---------------------------------------------------------------------

    def scrub(self, text: str) -> str:
        """``text`` with every known name (alone, in full, possessive or in capitals) replaced."""
        if not text or not self._people:
            return text
        matches = list(WORD.finditer(text))
        out: list[str] = []
        last = 0
        i = 0
        while i < len(matches):
            found = self._longest(text, matches, i)
            if found is None:
                i += 1
                continue
            words, replacement, suffix = found
            out.append(text[last : matches[i].start()])
            out.append(replacement + suffix)
            last = matches[i + words - 1].end()
            if not suffix and replacement.endswith(".") and text.startswith(".", last):
                last += 1  # "my sister Lily." reads "my sister L.B." not "L.B.."
            i += words
        out.append(text[last:])
        return "".join(out)

    def _longest(self, text: str, matches: list[re.Match[str]], i: int) -> tuple | None:
        """The longest name phrase starting at word ``i``: (words, replacement, suffix)."""
        parts = [matches[i].group()]
        end = min(len(matches), i + MAX_PHRASE_WORDS)
        for j in range(i + 1, end):
            if text[matches[j - 1].end() : matches[j].start()].strip():
                break
            parts.append(matches[j].group())
        for n in range(len(parts), 0, -1):
            phrase = " ".join(parts[:n])
            for candidate, suffix in self._forms(phrase):
                replacement = self._replacement(candidate, n)
                if replacement is not None:
                    return n, replacement, suffix
        return None

    def _replacement(self, phrase: str, words: int) -> str | None:
        """What ``phrase`` becomes, or None when it is nobody's name to hide."""
        key = phrase.casefold()
        people = self._phrases.get(key, [])
        mentioned = [i for i in people if i in self._mentioned]
        pool = mentioned or (
            people if words > 1 else [i for i in people if self._people[i].protected]
        )
        if len(pool) > 1:
            return AMBIGUOUS
        if pool:
            return self._mark(pool[0])
        if words == 1 and key in self._surnames:
            return f"{phrase[0].upper()}."
        return None

    @staticmethod
    def _forms(phrase: str) -> Iterable[tuple[str, str]]:
        """The phrase as written and without a possessive; capitals count only for a name
        written all in capitals or with a capital first letter ("a ruby ring" is not Ruby)."""
        base, suffix = phrase, ""
        if phrase.lower().endswith(POSSESSIVES):
            base, suffix = phrase[:-2], phrase[-2:]
        if base[:1].isupper():
            yield base, suffix
