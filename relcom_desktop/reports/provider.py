"""The provider relationship summary: settings and Ofsted judgements, children placed and what
they cost each week, how the relationship has felt, Regulation 44/45 reports, journal
excerpts for the chosen period, and the follow-ups still open."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from relcom_desktop.core.formatting import MISSING, money, number, plural, short_date
from relcom_desktop.core.report_data import JournalExcerpt, ProviderSummaryData
from relcom_desktop.reports.charts import quarter_chart, trust_chart
from relcom_desktop.reports.writer import NOT_RECORDED, Writer


def period_text(data: ProviderSummaryData) -> str:
    first, last = data.period
    return f"{short_date(first)} to {short_date(last)}"


def provider_summary(w: Writer, data: ProviderSummaryData, level: int = 0) -> list[Flowable]:
    """The whole summary; ``level`` is the outline level of its title (0 on its own)."""
    sub = level + 1
    w.introduce([(c.preferred_name, c.full_name) for c in data.placed])
    return [
        w.heading(f"Provider relationship summary: {data.provider.name}", level),
        _key_facts(w, data),
        w.heading("Settings and Ofsted judgements", sub),
        _settings(w, data),
        w.heading("Children placed and weekly spend", sub),
        *_placed(w, data),
        w.heading("The relationship over time", sub),
        *_relationship(w, data),
        w.heading("Regulation 44 and 45 reports", sub),
        _reports(w, data),
        w.heading("Open follow-ups", sub),
        w.table(
            ["Follow-up", "Owner", "Due"],
            [(a.title, a.owner, short_date(a.due_on)) for a in data.follow_ups],
            [6, 2.4, 1.6],
            empty="No open follow-ups.",
        ),
        w.heading(f"Journal excerpts, {period_text(data)}", sub),
        *_excerpts(w, data),
    ]


def _key_facts(w: Writer, data: ProviderSummaryData) -> Flowable:
    p = data.provider
    return w.fields(
        [
            ("Provider", p.name),
            ("Kind", f"{p.kind.value} · {p.kind.label}"),
            ("Phone", p.phone or NOT_RECORDED),
            ("Email", p.email or NOT_RECORDED),
            ("Website", p.website or None),
            ("Address", w.address(p.address)),
            ("Period covered", period_text(data)),
        ]
    )


def _settings(w: Writer, data: ProviderSummaryData) -> Flowable:
    rows = [
        (
            s.name if w.redacted else "\n".join(filter(None, (s.name, w.address(s.postcode)))),
            s.setting_type.label,
            s.urn or MISSING,
            number(s.registered_places),
            s.ofsted_judgement.label if s.ofsted_judgement else NOT_RECORDED,
            short_date(s.ofsted_date),
            s.local_authority,
        )
        for s in data.settings
    ]
    return w.table(
        ["Setting", "Type", "URN", "Places", "Ofsted judgement", "Inspected", "Local authority"],
        rows,
        [2.4, 2, 1.3, 0.9, 1.9, 1.4, 1.6],
        empty="No settings recorded.",
    )


def _placed(w: Writer, data: ProviderSummaryData) -> list[Flowable]:
    rows = [
        (
            w.child(c.preferred_name, c.full_name),
            c.setting_name,
            f"{c.placement.placement_type.value} · {c.placement.placement_type.label}",
            short_date(c.placement.start_date),
            money(c.placement.weekly_fee_pence),
        )
        for c in data.placed
    ]
    total = (
        f"{plural(len(data.placed), 'child', 'children')} placed on "
        f"{short_date(data.period[1])}; weekly spend {money(data.weekly_spend_pence)}."
    )
    return [
        w.para(total),
        w.table(
            ["Child", "Setting", "Placement type", "Since", "Weekly fee"],
            rows,
            [1.6, 2.6, 3, 1.4, 1.3],
            empty="No children placed with this provider.",
        ),
    ]


def _relationship(w: Writer, data: ProviderSummaryData) -> list[Flowable]:
    out: list[Flowable] = []
    if data.trust:
        out.append(KeepTogether([trust_chart(data.trust, w.width), w.space(8)]))
    else:
        out.append(w.missing("No journal entry in the period recorded how trust felt."))
    if any(q.concerns or q.praise for q in data.quarters):
        rows = [(q.label, number(q.concerns), number(q.praise)) for q in data.quarters]
        out.append(KeepTogether([quarter_chart(data.quarters, w.width), w.space(6)]))
        out.append(w.table(["Quarter", "Concerns and escalations", "Praise"], rows, [2, 3, 3]))
    else:
        out.append(w.missing("No concerns or praise recorded in the period."))
    return out


def _reports(w: Writer, data: ProviderSummaryData) -> Flowable:
    rows = []
    for r in data.reports:
        covered = (
            f"{short_date(r.period_start)} to {short_date(r.period_end)}"
            if r.period_start and r.period_end
            else MISSING
        )
        notes = "\n".join(
            text
            for text in (
                r.summary,
                f"Concerns: {r.concerns}" if r.concerns else "",
                f"Follow-up: {r.follow_up}" if r.follow_up else "",
            )
            if text
        )
        kind = "Reg 44" if r.kind.value == "reg44" else "Reg 45"
        rows.append((short_date(r.received_on), kind, r.setting_name, covered, notes))
    return w.table(
        ["Received", "Report", "Setting", "Covering", "Summary, concerns and follow-up"],
        rows,
        [1.35, 0.95, 1.9, 2.1, 5],
        empty="No Regulation 44 or 45 reports received in the period.",
    )


def _excerpts(w: Writer, data: ProviderSummaryData) -> list[Flowable]:
    if not data.excerpts:
        return [w.missing("No journal entries in the period.")]
    shown = len(data.excerpts)
    note = f"{plural(data.excerpts_in_period, 'entry', 'entries')} in the period, newest first."
    if shown < data.excerpts_in_period:
        note += (
            f" The most recent {shown:,} are shown; choose a shorter period to see earlier ones."
        )
    out: list[Flowable] = [w.para(note)]
    for entry in data.excerpts:
        out += _excerpt(w, entry)
    return out


def _excerpt(w: Writer, e: JournalExcerpt) -> list[Flowable]:
    meta = [short_date(e.occurred_on), e.kind.label]
    if e.setting_name:
        meta.append(e.setting_name)
    if e.trust is not None:
        meta.append(f"trust: {e.trust.label.lower()}")
    if e.follow_up_on:
        meta.append(f"follow up by {short_date(e.follow_up_on)}")
    head = (
        f"<b>{w.clean(e.summary)}</b><br/><font color='#5f6b7a'>{w.clean(' · '.join(meta))}</font>"
    )
    paragraphs: list[Flowable] = [w.markup(head, w.styles.excerpt_head)]
    if e.body.strip():
        paragraphs.append(w.para(e.body, w.styles.excerpt_body))
    return paragraphs
