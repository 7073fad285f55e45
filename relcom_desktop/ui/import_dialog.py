"""The import dialogs' common shape, and File → Import → Looked-after children return (SSDA903).

Every import reads its file(s) and previews off the GUI thread with a progress bar (Cancel
stops it; nothing is changed), shows the preview, and imports all of it — or nothing — only
when the commissioner presses Import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.formatting import plural
from relcom_desktop.core.interop.import_run import ImportPreview
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.background_dialog import BackgroundDialog
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.import_preview import ImportPreviewPanel
from relcom_desktop.ui.widgets import PAGE_SPACING, quiet_label
from relcom_desktop.ui.workers import Job

CHANGED_KINDS = ("child", "placement", "setting", "provider")
CSV_FILTER = "CSV files (*.csv *.txt);;All files (*)"


class ImportDialog(BackgroundDialog):
    """The preview panel with Import and Cancel/Close, for imports built on ``import_run``."""

    held_back_note = ""

    def __init__(self, store: Store, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.store = store
        self.outcome: ImportPreview | None = None
        self.resize(1040, 640)
        self.panel = ImportPreviewPanel(self)
        self.work = self.panel.work
        self.panel.skip_toggled.connect(lambda _on: self.update_buttons())

    def previewed(self, preview: ImportPreview) -> None:
        self.panel.show_preview(preview, self.held_back_note)
        self.update_buttons()

    def update_buttons(self) -> None:
        preview = self.panel.preview
        ready = self.panel.ready() and self.outcome is None and not self.running
        self.import_button.setEnabled(ready)
        if preview is not None and self.outcome is None:
            self.import_button.setText(f"Import {plural(preview.changes, 'change')}")
        if ready:
            self.import_button.setDefault(True)

    def commit_job(self, preview: ImportPreview, skip_rejected: bool) -> Job:
        raise NotImplementedError

    def commit(self) -> None:
        preview = self.panel.preview
        if preview is None or not self.panel.ready():
            return
        self.run(
            self.commit_job(preview, self.panel.skip_rejected()), self._committed, "Importing…"
        )

    def _committed(self, result: ImportPreview) -> None:
        self.outcome = result
        self.panel.show_result(result)
        self.imported()
        for kind in CHANGED_KINDS:
            bus().changed.emit(kind)


# ---- the SSDA903 return ------------------------------------------------------------------------


def choose_ssda903(store: Store, parent: QWidget) -> Ssda903Dialog | None:
    """Ask for the return's two files (both may be chosen at once), then preview them."""
    paths, _kind = QFileDialog.getOpenFileNames(
        parent, "Choose the Header and Episodes files of the 903 return", str(Path.home()),
        CSV_FILTER,
    )  # fmt: skip
    if not paths:
        return None
    dialog = Ssda903Dialog(store, [Path(p) for p in paths], parent)
    dialog.open()
    return dialog


class Ssda903Dialog(ImportDialog):
    held_back_note = (
        "A child with a rejected row is left out whole: none of their rows is imported "
        "until the row is put right."
    )

    def __init__(self, store: Store, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(store, "Import the looked-after children return (SSDA903)", parent)
        self.ret: Any = None
        self.files = [QLineEdit(self), QLineEdit(self)]
        intro = quiet_label(
            "The two CSV files your case system extracts for the DfE's SSDA903 return. "
            "Nothing is changed until you press Import; what you wrote yourself (names, "
            "the child's voice, links, check-ins, the journal) is never touched.",
            self,
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        for row, (label, edit) in enumerate(
            zip(("&Header file", "&Episodes file"), self.files, strict=True)
        ):
            edit.setReadOnly(True)
            edit.setPlaceholderText("Not chosen yet")
            choose = QPushButton("Choose…", self)
            choose.setAccessibleName(f"Choose the {label.strip('&').lower()}")
            choose.clicked.connect(lambda _c=False, r=row: self._choose(r))
            caption = QLabel(label, self)
            caption.setBuddy(edit)
            grid.addWidget(caption, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(choose, row, 2)
        layout = QVBoxLayout(self)
        layout.setSpacing(PAGE_SPACING)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.buttons)
        chosen = sorted(paths[:2], key=lambda p: "epi" in p.name.lower())
        if len(chosen) == 1 and "epi" in chosen[0].name.lower():
            chosen.insert(0, Path())
        for edit, path in zip(self.files, chosen, strict=False):
            edit.setText(str(path) if path.name else "")
        self._read_when_ready()

    def _choose(self, slot: int) -> None:
        path, _kind = QFileDialog.getOpenFileName(
            self, "Choose a file of the 903 return", self.files[slot].text(), CSV_FILTER
        )
        if path:
            self.files[slot].setText(path)
            self._read_when_ready()

    def _read_when_ready(self) -> None:
        first, second = (Path(edit.text()) for edit in self.files)
        if not all(edit.text() for edit in self.files):
            self.work.failed("Choose both files of the return: the Header and the Episodes.")
            return
        from relcom_desktop.core.interop.ssda903_files import read_return
        from relcom_desktop.core.interop.ssda903_import import preview_return

        store = self.store

        def job(progress, cancelled):  # type: ignore[no-untyped-def]
            ret = read_return(first, second)
            return ret, preview_return(store, ret, progress, cancelled)

        self.outcome = None
        self.run(job, self._read, "Reading the return…")

    def _read(self, done: tuple[Any, ImportPreview]) -> None:
        self.ret, preview = done
        self.previewed(preview)

    def commit_job(self, preview: ImportPreview, skip_rejected: bool) -> Job:
        from relcom_desktop.core.interop.ssda903_import import commit_return

        store, ret = self.store, self.ret

        def job(progress, cancelled):  # type: ignore[no-untyped-def]
            return commit_return(
                store, ret, preview, skip_rejected=skip_rejected,
                progress=progress, cancelled=cancelled,
            )  # fmt: skip

        return job
