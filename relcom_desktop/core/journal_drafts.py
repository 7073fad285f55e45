"""The quick-add journal form's draft, kept while the commissioner types.

The draft lives in the data file (so it is encrypted with it when a passphrase is set) and
survives a crash: the next time the form opens it comes back. Its content is never logged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from relcom_desktop.core import preferences
from relcom_desktop.core.enums import JournalKind, TrustLevel
from relcom_desktop.core.models import utcnow
from relcom_desktop.core.store.db import Store


@dataclass(frozen=True)
class JournalDraft:
    """What was typed into the quick-add form, valid or not."""

    provider_id: int | None = None
    setting_id: int | None = None
    occurred_on: dt.date | None = None
    kind: JournalKind | None = None
    summary: str = ""
    body: str = ""
    trust: TrustLevel | None = None
    follow_up_on: dt.date | None = None
    child_ids: tuple[int, ...] = ()
    saved_at: dt.datetime | None = None

    @property
    def has_writing(self) -> bool:
        """True once something worth keeping has been typed."""
        return bool(self.summary.strip() or self.body.strip())


def _to_json(draft: JournalDraft) -> dict[str, Any]:
    data = asdict(draft)
    for key in ("occurred_on", "follow_up_on", "saved_at"):
        data[key] = data[key].isoformat() if data[key] else None
    data["kind"] = draft.kind.value if draft.kind else None
    data["trust"] = int(draft.trust) if draft.trust else None
    data["child_ids"] = list(draft.child_ids)
    return data


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _from_json(data: dict[str, Any]) -> JournalDraft:
    known = {f.name for f in fields(JournalDraft)}
    values = {k: v for k, v in data.items() if k in known}
    return replace(
        JournalDraft(),
        provider_id=int(values["provider_id"]) if values.get("provider_id") else None,
        setting_id=int(values["setting_id"]) if values.get("setting_id") else None,
        occurred_on=_date(values.get("occurred_on")),
        kind=JournalKind(values["kind"]) if values.get("kind") else None,
        summary=str(values.get("summary") or ""),
        body=str(values.get("body") or ""),
        trust=TrustLevel(int(values["trust"])) if values.get("trust") else None,
        follow_up_on=_date(values.get("follow_up_on")),
        child_ids=tuple(int(c) for c in values.get("child_ids") or ()),
        saved_at=dt.datetime.fromisoformat(values["saved_at"]) if values.get("saved_at") else None,
    )


def save_draft(store: Store, draft: JournalDraft) -> None:
    """Keep the draft (stamped with the time); a draft with no writing clears it instead."""
    if not draft.has_writing:
        clear_draft(store)
        return
    preferences.put(store, preferences.JOURNAL_DRAFT, _to_json(replace(draft, saved_at=utcnow())))


def load_draft(store: Store) -> JournalDraft | None:
    """The draft left by an unfinished quick-add, if any (an unreadable one is ignored)."""
    data = preferences.get(store, preferences.JOURNAL_DRAFT)
    if not isinstance(data, dict):
        return None
    try:
        draft = _from_json(data)
    except (TypeError, ValueError, KeyError):
        return None
    return draft if draft.has_writing else None


def clear_draft(store: Store) -> None:
    preferences.put(store, preferences.JOURNAL_DRAFT, None)
