"""The File menu's data exchange with the authority and with spreadsheets.

Import: the looked-after children return (SSDA903), spreadsheets (a placement tracker,
children or providers) and a whole export (JSON, into an empty data file). Export: any
list as Excel or CSV, and the caseload as a 903 return.
The dialogs load only when chosen, so the menu costs nothing at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from relcom_desktop.ui.main_window import MainWindow


def add_import_actions(menu: QMenu, window: MainWindow) -> None:
    def ssda903() -> None:
        from relcom_desktop.ui.import_dialog import choose_ssda903

        choose_ssda903(window.store, window)

    def spreadsheet() -> None:
        from relcom_desktop.ui.sheet_import_dialog import choose_spreadsheet

        choose_spreadsheet(window.store, window)

    def whole_export() -> None:
        from relcom_desktop.ui.json_import import import_whole_export

        import_whole_export(window.store, window)

    menu.addAction("Looked-after children return (&SSDA903)…", ssda903)
    menu.addAction("&Spreadsheet or placement tracker (Excel or CSV)…", spreadsheet)
    whole = menu.addAction("&Whole export (JSON)…", whole_export)
    whole.setStatusTip("Every record of a JSON export, into an empty data file")


def add_export_actions(menu: QMenu, window: MainWindow) -> None:
    def a_list() -> None:
        from relcom_desktop.ui.list_export_dialog import export_list

        export_list(window.store, window, window.built_pages(), window.current_section())

    def ssda903() -> None:
        from relcom_desktop.ui.list_export_dialog import export_ssda903

        export_ssda903(window.store, window)

    menu.addAction("A &list as Excel or CSV…", a_list).setShortcut(QKeySequence("Ctrl+E"))
    menu.addAction("Caseload as an SSDA&903 return (Header and Episodes)…", ssda903)
