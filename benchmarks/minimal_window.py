"""Baseline for start-up: the smallest PySide6 window, printing when it first paints."""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv[:1])
label = QLabel("Hello")


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (print("painted", flush=True), app.exit(0)))
            watched.removeEventFilter(self)
        return False


watcher = FirstPaint()
label.installEventFilter(watcher)
label.show()
start = time.perf_counter()
sys.exit(app.exec())
