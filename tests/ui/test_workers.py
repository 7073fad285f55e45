"""The background worker: results, progress, plain-English failures and cancel."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QApplication

from relcom_desktop.core.errors import RelcomError
from relcom_desktop.ui.workers import UNEXPECTED, Worker


def test_result_and_progress_arrive_on_the_gui_thread(qtbot) -> None:
    threads = []

    def job(progress, cancelled):
        for i in range(3):
            progress(i + 1, 3, "step")
        return threading.current_thread() is not threading.main_thread()

    worker = Worker(job)
    seen = []
    worker.signals.progress.connect(
        lambda d, t, label: seen.append((d, t, label, QApplication.instance().thread()))
    )
    worker.signals.progress.connect(lambda *_a: threads.append(threading.current_thread()))
    with qtbot.waitSignal(worker.signals.finished) as finished:
        worker.start()
    assert finished.args == [True]  # the job ran on another thread
    assert [(d, t) for d, t, _l, _th in seen] == [(1, 3), (2, 3), (3, 3)]
    assert all(th is threading.main_thread() for th in threads)


def test_a_user_level_error_is_passed_on_as_its_message(qtbot) -> None:
    def job(progress, cancelled):
        raise RelcomError("There is no child with id 9.")

    worker = Worker(job)
    with qtbot.waitSignal(worker.signals.failed) as failed:
        worker.start()
    assert failed.args == ["There is no child with id 9."]


def test_an_unexpected_error_gives_a_calm_message(qtbot) -> None:
    def job(progress, cancelled):
        raise ZeroDivisionError

    worker = Worker(job)
    with qtbot.waitSignal(worker.signals.failed) as failed:
        worker.start()
    assert failed.args == [UNEXPECTED]


def test_cancel_stops_a_job_that_checks(qtbot) -> None:
    started = threading.Event()

    def job(progress, cancelled):
        started.set()
        while not cancelled():
            time.sleep(0.01)
        raise RelcomError("stopped")

    worker = Worker(job)
    with qtbot.waitSignal(worker.signals.cancelled, timeout=5000):
        worker.start()
        assert started.wait(5)
        assert worker.running
        worker.cancel()
    qtbot.waitUntil(lambda: not worker.running)


def test_the_collector_rests_during_a_job_and_still_frees_its_cycles_after(qtbot) -> None:
    import gc
    import weakref

    class Node:
        pass

    refs = []

    def job(progress, cancelled):
        assert not gc.isenabled()  # no full collection stalls the GUI mid-build
        node = Node()
        node.me = node  # a cycle: only the collector can free it
        refs.append(weakref.ref(node))
        return None

    worker = Worker(job)
    with qtbot.waitSignal(worker.signals.done):
        worker.start()
    qtbot.waitUntil(lambda: gc.isenabled())
    gc.collect()
    assert refs and refs[0]() is None  # nothing was left frozen for good
