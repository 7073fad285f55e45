"""Redaction: children shown by initials everywhere, dates of birth as ages, no addresses.

The :class:`Redactor` knows every child's names and replaces them wherever they appear in
free text ("Good to see Ruby so settled" → "Good to see R.H. so settled"), in one pass over
the text's words, so a long pack is scrubbed quickly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
POSSESSIVES = ("'s", "’s")
MAX_PHRASE_WORDS = 5


@dataclass(frozen=True)
class ChildName:
    preferred_name: str
    full_name: str = ""


def _words(text: str) -> list[str]:
    return WORD.findall(text or "")


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


class Redactor:
    """Replaces every known child's names in text with their initials."""

    def __init__(self, children: Iterable[ChildName]) -> None:
        phrases: dict[str, str] = {}
        single: dict[str, set[str]] = {}
        for child in children:
            mark = initials(child.preferred_name, child.full_name)
            full, preferred = _words(child.full_name), _words(child.preferred_name)
            for phrase in (full, preferred, preferred + full[-1:] if len(full) > 1 else []):
                if len(phrase) > 1:
                    phrases[" ".join(phrase)] = mark
            for word in dict.fromkeys(full + preferred):
                single.setdefault(word, set()).add(mark if word in preferred else f"{word[0]}.")
        for word, marks in single.items():
            # A word shared by children with different initials shows only its own initial.
            phrases.setdefault(word, marks.pop() if len(marks) == 1 else f"{word[0]}.")
        self._phrases = phrases

    def child(self, preferred_name: str, full_name: str = "") -> str:
        return initials(preferred_name, full_name)

    def scrub(self, text: str) -> str:
        """``text`` with every child's name (alone, in full, possessive or in capitals) replaced."""
        if not text or not self._phrases:
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
            if not suffix and text.startswith(".", last):
                last += 1  # "my sister Lily." reads "my sister L.B." not "L.B.."
            i += words
        out.append(text[last:])
        return "".join(out)

    def _longest(self, text: str, matches: list[re.Match[str]], i: int) -> tuple | None:
        """The longest name phrase starting at word ``i``: (words, initials, suffix)."""
        parts = [matches[i].group()]
        end = min(len(matches), i + MAX_PHRASE_WORDS)
        for j in range(i + 1, end):
            if text[matches[j - 1].end() : matches[j].start()].strip():
                break
            parts.append(matches[j].group())
        for n in range(len(parts), 0, -1):
            phrase = " ".join(parts[:n])
            for candidate, suffix in self._forms(phrase):
                if candidate in self._phrases:
                    return n, self._phrases[candidate], suffix
        return None

    @staticmethod
    def _forms(phrase: str) -> Iterable[tuple[str, str]]:
        """The phrase as written, without a possessive, and in title case if in capitals."""
        yield phrase, ""
        base, suffix = phrase, ""
        if phrase.lower().endswith(POSSESSIVES):
            base, suffix = phrase[:-2], phrase[-2:]
            yield base, suffix
        if base.isupper():
            yield base.title(), suffix
