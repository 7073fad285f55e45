"""Rated lines shared by check-ins (seven outcomes) and placement reviews (nine standards):
each line names what is rated, a rating on a named scale, and the evidence for it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any, TypeVar

from relcom_desktop.core import errors
from relcom_desktop.core.crud import clean_text
from relcom_desktop.core.labels import LabelledInt

K = TypeVar("K", bound=Enum)
S = TypeVar("S", bound=LabelledInt)


def checked_line(
    kinds: type[K], scale: type[S], kind: Any, rating: Any, evidence: str, what: str
) -> tuple[K, S | None, str]:
    """The line with its kind and rating as enumeration members and its evidence trimmed."""
    try:
        return kinds(kind), (None if rating is None else scale(rating)), clean_text(evidence)
    except ValueError:
        names = ", ".join(r.label.lower() for r in scale)
        raise errors.ValidationError(
            f"Rate each {what} on the scale ({names}), or leave it unrated."
        ) from None


def merged_rows(
    rows: Iterable[Any],
    lines: Iterable[tuple[Enum, Any, str]],
    key: str,
    make: Callable[[Enum], Any],
) -> list[Any]:
    """ORM rows for (kind, rating, evidence) lines, reusing the row already held for a kind.

    Replacing the rows instead would insert the new ones before deleting the old and trip the
    one-line-per-kind constraint.
    """
    existing = {getattr(row, key): row for row in rows}
    kept = []
    for kind, rating, evidence in lines:
        row = existing.pop(kind, None) or make(kind)
        row.rating, row.evidence = rating, evidence
        kept.append(row)
    return kept
