"""Preferences and remembered choices stored in the data file (travel with the data)."""

from __future__ import annotations

from typing import Any

from relcom_desktop.core import models as m
from relcom_desktop.core.db import Store

USER_NAME = "user.name"
USER_LA = "user.local_authority"


def get(store: Store, key: str, default: Any = None) -> Any:
    with store.read() as session:
        row = session.get(m.AppSetting, key)
        return default if row is None else row.value


def put(store: Store, key: str, value: Any) -> None:
    with store.write() as session:
        session.merge(m.AppSetting(key=key, value=value))
