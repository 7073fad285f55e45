"""Where a section's page sits in the main window: a scroll area that scrolls only when the
page cannot shrink to the window (large text on a small screen), never to make room for
the page's preferred size."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from relcom_desktop.ui.metrics import PAGE_MARGIN


class PageLayout(QVBoxLayout):
    """The layout a page sits in. It reports no height-for-width, so the scroll area gives
    the page the window's height (otherwise wrapped labels would make every page scroll to
    its preferred height)."""

    def hasHeightForWidth(self) -> bool:
        return False


def page_host(parent: QWidget) -> tuple[QScrollArea, QWidget]:
    """A scroll area and, inside it, the empty widget a page (or a loading line) goes in."""
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    host = QWidget()
    layout = PageLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    host.page_layout = layout  # type: ignore[attr-defined]  # its Python side lives as long
    scroll.setWidget(host)
    return scroll, host


def settle_hosts(stack: QStackedWidget, titles: list[str]) -> None:
    """Just after the first paint (the Qt namespace costs ~12 ms to load): the scroll areas
    take no keyboard focus, the pages in them do, and each is named for screen readers."""
    from PySide6.QtCore import Qt

    for index, title in enumerate(titles):
        scroll = stack.widget(index)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setAccessibleName(f"{title} page")


class LoadingMessage(QWidget):
    """A quiet line at the top of the page area while the data file opens."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        self.message = QLabel(text, self)
        layout.addWidget(self.message)
        layout.addStretch(1)
