"""The deterministic synthetic demo caseload generator.

``build_demo(store, "small", seed=1, today=...)`` fills an empty data file with an obviously
synthetic caseload whose dates sit around ``today``: placements ending soon, overdue
check-ins, actions due this week, meetings today, a run of concerns at a provider, a recent
Reg 40 notification and an Inadequate home. Rows go in with bulk inserts and explicit ids,
so the ten-year scale builds in well under a minute.

Modules: ``scales`` (sizes and the summary), ``sink`` (batched inserts, progress, cancel),
``world`` (what later stages link to), ``names``/``voice``/``texts``/``worktexts`` (wording),
and one module per area: ``providers``, ``people``, ``placements``, ``checkins``,
``activity`` (journal and Reg 40), ``meetings``, ``actions``, ``reflection``.
"""

from relcom_desktop.core.demo.build import build_demo
from relcom_desktop.core.demo.scales import SCALES, DemoScale, DemoSummary

__all__ = ["SCALES", "DemoScale", "DemoSummary", "build_demo"]
