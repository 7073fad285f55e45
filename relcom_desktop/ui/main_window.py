"""The main window: section navigation on the left, the chosen section's page on the right."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from relcom_desktop import APP_NAME
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.ui import window_memory
from relcom_desktop.ui.about import about_text, app_icon, window_title
from relcom_desktop.ui.metrics import PAGE_MARGIN
from relcom_desktop.ui.page_host import LoadingMessage, page_host, settle_hosts
from relcom_desktop.ui.sections import PAGE_MAKERS, SECTION_KEYS, SECTIONS

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QDialog

    from relcom_desktop.core.store.db import Store
    from relcom_desktop.core.today_items import TodayView
    from relcom_desktop.ui.bus import RowTarget

GEOMETRY_KEY = "main_window/geometry"
DEFAULT_SIZE = QSize(1280, 800)
NAV_WIDTH = 188
MESSAGE_MS = 8000

NAV_STYLE = """
QListWidget#navigation { border: none; border-right: 1px solid palette(midlight);
    background: palette(base); padding-top: 12px; outline: 0; }
QListWidget#navigation::item { padding: 7px 14px; margin: 1px 8px; border-radius: 4px; }
QListWidget#navigation::item:selected { background: palette(highlight);
    color: palette(highlighted-text); }
"""


class MainWindow(QMainWindow):
    """Navigation, pages, menus and status bar around one open data file."""

    section_changed = Signal(str)
    page_made = Signal(QWidget)  # a section's page, just built (start-up probe)
    child_opened = Signal(int)
    provider_opened = Signal(int)

    def __init__(
        self, store: Store | None, *, demo: bool = False, settings: QSettings | None = None
    ) -> None:
        """The window; with ``store=None`` it shows at once and :meth:`attach` fills it in.

        (The app shows the window first and opens the data file just after its first paint,
        so start-up never waits for the database layer to load.)
        """
        super().__init__()
        self.store: Store = None  # type: ignore[assignment]  # set by attach()
        self.demo = demo
        self._settings = settings if settings is not None else QSettings()
        self._pages: dict[str, QWidget] = {}
        self._search: QDialog | None = None
        self._hosts: list[QWidget] = []
        self.reopen_requested = False
        self.setWindowTitle(window_title(demo))
        self.nav = self._build_navigation()
        self.stack = QStackedWidget(self)
        self._build_central()
        self.section_actions: list[QAction] = []  # the View menu's, made by finish_shell()
        self._build_status_bar()
        self._restore()
        self.loading: LoadingMessage | None = None
        if store is None:
            self.loading = LoadingMessage("Opening your data…", self)
            self._hosts[self.stack.currentIndex()].layout().addWidget(self.loading)
        else:
            self.attach(store)

    def finish_shell(self) -> None:
        """The bus and the menus: made just after the first paint when starting up, so the
        window appears before dozens of actions and shortcuts are set up."""
        from relcom_desktop.ui.bus import reset_bus

        if self.section_actions:
            return
        QApplication.instance().setWindowIcon(app_icon())  # every window and dialog
        self.bus = reset_bus()
        self.bus.open_record.connect(self.open_record)
        self.bus.open_row.connect(self.open_record)
        self.bus.changed.connect(lambda _kind: self.refresh_status())  # imports too
        self.section_actions = self._build_menus()
        self.section_actions[self.stack.currentIndex()].setChecked(True)
        settle_hosts(self.stack, [section.title for section in SECTIONS])

    def attach(self, store: Store) -> None:
        """Connect the window to the open data file: menus, status, the section on show."""
        from relcom_desktop.ui import data_menus, exports
        from relcom_desktop.ui.safety import Safety

        self.finish_shell()
        self.store = store
        for page in self._pages.values():  # made before the file was open (Today, at start)
            if not getattr(page, "attached", True):
                page.attach(store)  # type: ignore[attr-defined]
        if self.current_section() == self._first_section:  # the user has not moved yet
            self.show_section(window_memory.last_section(self._settings, store))
        exports.add_export_menu(self.export_menu, self, store)
        self.export_menu.addSeparator()
        data_menus.add_export_actions(self.export_menu, self)
        self.file_label.setText(f"Data file: {store.path}")
        self.file_label.setToolTip(str(store.path))
        self.refresh_status()
        self.safety = Safety(self, store, demo=self.demo)
        self.safety.install(self.file_menu, self.quit_action, self.tools_menu)
        self._drop_loading()
        self._show_row(self.stack.currentIndex())

    @property
    def attached(self) -> bool:
        return self.store is not None

    def _drop_loading(self) -> None:
        if self.loading is not None:
            self.loading.setParent(None)  # hidden at once; deleted with the last reference
            self.loading = None

    def show_early_today(self, view: TodayView) -> bool:
        """Show Today as read before the file is open (start-up) if on show; say whether."""
        if self.attached or self.current_section() != "today":
            return False
        self.page("today").show_view(view)  # type: ignore[attr-defined]
        self._drop_loading()
        return True

    # ---- building ----------------------------------------------------------------------

    def _build_navigation(self) -> QListWidget:
        nav = QListWidget(self)
        nav.setObjectName("navigation")
        nav.setAccessibleName("Sections")
        longest = max(nav.fontMetrics().horizontalAdvance(s.title) for s in SECTIONS)
        nav.setFixedWidth(max(NAV_WIDTH, longest + 80))  # grows with the text size
        nav.setStyleSheet(NAV_STYLE)
        for number, section in enumerate(SECTIONS, start=1):
            item = QListWidgetItem(section.title, nav)
            item.setToolTip(f"{section.title} (Ctrl+{number})")
        nav.currentRowChanged.connect(self._show_row)
        return nav

    def _build_central(self) -> None:
        for _section in SECTIONS:
            # A page wider or taller than the window scrolls inside it.
            scroll, host = page_host(self.stack)
            self._hosts.append(host)
            self.stack.addWidget(scroll)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> list[QAction]:
        from PySide6.QtGui import QActionGroup, QKeySequence

        from relcom_desktop.ui import data_menus

        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.journal_action = file_menu.addAction("New &journal entry…", self.quick_add_journal)
        self.journal_action.setShortcut(QKeySequence("Ctrl+J"))
        import_menu = file_menu.addMenu("&Import")
        import_menu.addAction("&Ofsted provider list (CSV)…", self.import_ofsted_list)
        data_menus.add_import_actions(import_menu, self)
        self.export_menu = file_menu.addMenu("&Export")  # filled in by attach()
        file_menu.addSeparator()
        quit_action = file_menu.addAction("&Quit")
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.file_menu, self.quit_action = file_menu, quit_action
        edit_menu = bar.addMenu("&Edit")
        self.undo_action = self.bus.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.bus.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        self.find_action = edit_menu.addAction("&Find anything…", self.show_search)
        self.find_action.setShortcut(QKeySequence("Ctrl+K"))
        edit_menu.addSeparator()
        self.preferences_action = edit_menu.addAction("&Preferences…", self.show_preferences)
        self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        view_menu = bar.addMenu("&View")
        group = QActionGroup(self)
        actions = []
        for number, section in enumerate(SECTIONS, start=1):
            action = view_menu.addAction(section.title)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setCheckable(True)
            action.triggered.connect(self._section_opener(section.key))
            group.addAction(action)
            actions.append(action)
        self.tools_menu = bar.addMenu("&Tools")
        help_menu = bar.addMenu("&Help")
        from relcom_desktop.ui import guide

        guide.install(self, help_menu)
        help_menu.addAction(f"&About {APP_NAME}", self.show_about)
        return actions

    def _section_opener(self, key: str) -> Callable[[], None]:
        def open_section() -> None:
            self.show_section(key)
            focus = getattr(self.page(key), "focus_search", None)
            if self.current_section() == key and callable(focus):
                focus()  # Ctrl+2 then type a name

        return open_section

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setContentsMargins(PAGE_MARGIN - 12, 0, PAGE_MARGIN - 12, 2)
        labels = [QLabel("Demo: synthetic data", self)] if self.demo else []
        self.children_count = QLabel(self)
        self.file_label = QLabel("Opening the data file…", self)
        for label in [*labels, self.children_count, self.file_label]:
            label.setContentsMargins(12, 0, 0, 0)
            bar.addPermanentWidget(label)
        # A long path must not widen the window: it is cut short, and whole in the tooltip.
        self.file_label.setMinimumWidth(1)

    # ---- sections ----------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page for a section, built the first time it is needed."""
        if key not in self._pages:
            page = PAGE_MAKERS[key](self)
            self._hosts[SECTION_KEYS.index(key)].layout().addWidget(page)
            self._pages[key] = page
            self.page_made.emit(page)
        return self._pages[key]

    def current_host(self) -> QWidget:
        """The widget the current section's page sits in (present before the page is)."""
        return self._hosts[self.stack.currentIndex()]

    def built_pages(self) -> dict[str, QWidget]:
        """The section pages built so far, by section key."""
        return dict(self._pages)

    def current_section(self) -> str:
        return SECTION_KEYS[self.stack.currentIndex()]

    def current_page(self) -> QWidget:
        return self.page(self.current_section())

    def show_section(self, key: str) -> None:
        if key not in SECTION_KEYS:
            raise ValueError(f"There is no section called {key!r}")
        self.nav.setCurrentRow(SECTION_KEYS.index(key))

    def open_record(self, kind: str, record_id: int, row: RowTarget | None = None) -> None:
        """Show one record (a child, a provider, a meeting...) on the page that owns it, and
        there the ``row`` (on its tab) when one is given and the page can select rows."""
        from relcom_desktop.ui.bus import RECORD_SECTIONS

        section = RECORD_SECTIONS.get(kind)
        if section is None:
            raise ValueError(f"No page shows records of kind {kind!r}")
        self.show_section(section)
        if self.current_section() != section:
            return  # the page on show kept the user (unsaved edits)
        page = self.page(section)
        opener = getattr(page, "open_record", None)
        if callable(opener):
            # Pages that can select a row on their tabs say so with ``selects_rows``.
            rows = [row] if row is not None and getattr(page, "selects_rows", False) else []
            opener(kind, record_id, *rows)

    def _may_leave(self) -> bool:
        """Ask the page on show whether it may be left (it may have unsaved edits)."""
        page = self._pages.get(self.current_section())
        may_leave = getattr(page, "may_leave", None)
        return not callable(may_leave) or bool(may_leave())

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(SECTIONS):
            return
        if row != self.stack.currentIndex() and not self._may_leave():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self.stack.currentIndex())
            self.nav.blockSignals(False)
            self._check_section_action(self.stack.currentIndex())
            return
        key = SECTION_KEYS[row]
        if self.attached:
            self.page(key)
        self.stack.setCurrentIndex(row)
        self._check_section_action(row)
        self.section_changed.emit(key)

    def _check_section_action(self, row: int) -> None:
        if self.section_actions:
            self.section_actions[row].setChecked(True)

    # ---- status and messages -----------------------------------------------------------

    def refresh_status(self) -> None:
        """Show how many children are on the caseload (archived children not counted)."""
        if not self.attached:
            return
        from relcom_desktop.core.child_list import count_children
        from relcom_desktop.core.formatting import plural

        self.children_count.setText(plural(count_children(self.store), "child", "children"))

    def on_provider_opened(self, provider_id: int) -> None:
        from relcom_desktop.core.providers import get_provider

        self._show_chosen(lambda: f"Chosen provider: {get_provider(self.store, provider_id).name}")
        self.provider_opened.emit(provider_id)

    def _show_chosen(self, describe: Callable[[], str]) -> None:
        try:
            message = describe()
        except RelcomError as err:
            message = str(err)
        self.statusBar().showMessage(message, MESSAGE_MS)

    def show_search(self) -> None:
        """Open the Find anything palette (Ctrl+K) over the window."""
        from relcom_desktop.ui.search_dialog import SearchDialog

        if self._search is None:
            self._search = SearchDialog(self.store, self)
        self._search.box.selectAll()
        self._search.show()
        self._search.raise_()
        self._search.activateWindow()
        self._search.box.setFocus()

    def quick_add_journal(self) -> None:
        """Ctrl+J: a journal entry about the provider or child open now (if any)."""
        from relcom_desktop.ui.provider.journal_dialog import quick_add

        context = getattr(self.current_page(), "current_context", None)
        quick_add(self.store, context() if callable(context) else None, self)

    def import_ofsted_list(self) -> None:
        from relcom_desktop.ui.provider.ofsted_dialog import choose_and_import

        choose_and_import(self.store, self)

    def show_preferences(self) -> None:
        """Edit → Preferences (Ctrl+,): look, review intervals, reports, lock and backups."""
        from relcom_desktop.core import preferences
        from relcom_desktop.ui.preferences_dialog import PreferencesDialog

        if PreferencesDialog(self.store, self._settings, self).exec():
            self.safety.guard.minutes = int(preferences.get(self.store, preferences.LOCK_MINUTES))
            self.bus.changed.emit("preferences")  # due dates follow the new intervals

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, f"About {APP_NAME}", about_text())

    # ---- remembering the window --------------------------------------------------------

    def _restore(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(DEFAULT_SIZE)
        self.show_section(window_memory.last_section(self._settings))
        self._first_section = self.current_section()

    def save_state(self) -> None:
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        window_memory.remember_section(self._settings, self.store, self.current_section())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_leave():
            event.ignore()
            return
        if self.attached:
            self.safety.before_close()
        self.save_state()
        super().closeEvent(event)
