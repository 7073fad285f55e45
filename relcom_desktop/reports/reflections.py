"""Reflections in a review pack or a practice summary: dated learning-log entries with the
changes they are tagged with and, where known, what they are about."""

from __future__ import annotations

from reportlab.platypus import Flowable

from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.reflection import Reflection
from relcom_desktop.reports.writer import Writer

PROMPTS = (
    ("what_happened", "What happened"),
    ("what_learned", "What I learned"),
    ("do_differently", "What I will do differently"),
)


def reflection_entry(w: Writer, r: Reflection, level: int, about: str = "") -> list[Flowable]:
    """One reflection: its date as a heading, its tags, what it is about, and its words."""
    tags = "; ".join(change.label for change in r.changes)
    out: list[Flowable] = [
        w.heading(f"Reflection of {short_date(r.written_on)}", level),
        w.markup(f"<i>{w.clean(tags)}</i>", w.styles.muted),
    ]
    if about:
        out.append(w.markup(f"<b>About:</b> {w.clean(about)}"))
    for field, label in PROMPTS:
        text = getattr(r, field)
        if text:
            out.append(w.markup(w.clean(label), w.styles.label))
            out.append(w.para(text))
    return out


def reflections_section(w: Writer, reflections: list[Reflection], level: int) -> list[Flowable]:
    out: list[Flowable] = [w.heading("Reflections", level)]
    if not reflections:
        return [*out, w.missing("No reflections linked to this record in the period.")]
    for r in reflections:
        out += reflection_entry(w, r, level + 1)
    return out
