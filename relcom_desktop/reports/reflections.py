"""Reflections in a review pack: dated learning-log entries with the changes they are tagged
with. (The reflection area may enrich this with self-assessments later.)"""

from __future__ import annotations

from reportlab.platypus import Flowable

from relcom_desktop.core.reflection import Reflection
from relcom_desktop.reports.writer import Writer
from relcom_desktop.ui.formatting import short_date

PROMPTS = (
    ("what_happened", "What happened"),
    ("what_learned", "What I learned"),
    ("do_differently", "What I will do differently"),
)


def reflections_section(w: Writer, reflections: list[Reflection], level: int) -> list[Flowable]:
    out: list[Flowable] = [w.heading("Reflections", level)]
    if not reflections:
        return [*out, w.missing("No reflections linked to this record in the period.")]
    for r in reflections:
        tags = "; ".join(change.label for change in r.changes)
        out.append(w.heading(f"Reflection of {short_date(r.written_on)}", level + 1))
        out.append(w.markup(f"<i>{w.clean(tags)}</i>", w.styles.muted))
        for field, label in PROMPTS:
            text = getattr(r, field)
            if text:
                out.append(w.markup(w.clean(label), w.styles.label))
                out.append(w.para(text))
    return out
