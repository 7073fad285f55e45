"""The eight sections of the main window and the page that shows each one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from relcom_desktop.ui.main_window import MainWindow


@dataclass(frozen=True)
class Section:
    key: str
    title: str


SECTIONS: tuple[Section, ...] = (
    Section("today", "Today"),
    Section("children", "Children"),
    Section("providers", "Providers"),
    Section("journal", "Journal"),
    Section("meetings", "Meetings"),
    Section("actions", "Actions"),
    Section("reflection", "Reflection"),
    Section("reports", "Reports"),
)
SECTION_KEYS = tuple(s.key for s in SECTIONS)


def _today(window: MainWindow) -> QWidget:
    from relcom_desktop.ui.pages.today_page import TodayPage

    return TodayPage(window.store)


def _children(window: MainWindow) -> QWidget:
    from relcom_desktop.ui.child.section import ChildrenSection

    children = ChildrenSection(window.store)
    children.child_opened.connect(window.child_opened)
    return children


def _providers(window: MainWindow) -> QWidget:
    from relcom_desktop.ui.provider.section import ProvidersSection

    providers = ProvidersSection(window.store)
    providers.provider_opened.connect(window.on_provider_opened)
    return providers


def _journal(window: MainWindow) -> QWidget:
    from relcom_desktop.ui.pages.journal_page import JournalPage

    return JournalPage(window.store)


def _meetings(window: MainWindow) -> QWidget:
    from relcom_desktop.ui.pages.meetings_page import MeetingsPage

    return MeetingsPage(window.store)


def _actions(window: MainWindow) -> QWidget:
    from relcom_desktop.ui.pages.actions_page import ActionsPage

    return ActionsPage(window.store)


def _reflection(window: MainWindow) -> QWidget:
    from relcom_desktop.ui.pages.reflection_page import ReflectionPage

    return ReflectionPage(window.store)


def _reports(window: MainWindow) -> QWidget:
    from relcom_desktop.ui.pages.reports_page import ReportsPage

    return ReportsPage(window.store)


# Each page is imported only when its section is first shown (keeps start-up quick).
PAGE_MAKERS: dict[str, Callable[[MainWindow], QWidget]] = {
    "today": _today,
    "children": _children,
    "providers": _providers,
    "journal": _journal,
    "meetings": _meetings,
    "actions": _actions,
    "reflection": _reflection,
    "reports": _reports,
}
