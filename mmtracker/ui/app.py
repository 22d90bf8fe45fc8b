"""Start the application: language, main window, database.

The window is shown first, saying that its database is being opened; the
database layer is imported, the database opened (the demo database created on
first use, migrations applied) and the patient list read in the worker thread
(mmtracker/ui/workers.py), and the window then shows them.

``MMTRACKER_QUIT_WHEN_SHOWN=1`` makes the application print the time since the
process started when its main window is shown, and again when the window shows its
database (the patient list), then quit: the smoke test of the frozen build
(packaging/build) and of tests/test_packaging.py, which so covers the database layer too.

``MMTRACKER_BENCH_WINDOW=PATIENT_ID,YYYY-MM-DD`` makes the window's today that day and
makes it time, once the worklist's rows are shown, a few keystrokes in each search box,
then that patient opened twice and each of its panels shown; it prints the times as one
JSON line and quits (``mmtracker bench``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mmtracker import i18n
from mmtracker.config import resource_path
from mmtracker.ui import collector, errors
from mmtracker.ui.main_window import (
    FirstLook,
    MainWindow,
    OpenDatabase,
    Place,
    database_label,
    read_database,
    saved_language,
)
from mmtracker.ui.workers import busy, run_task
from mmtracker.ui.worklist.screen import (
    WorklistRead,
    WorklistRequest,
    read_worklist,
    worklist_read,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mmtracker.logic.policy import Policy
    from mmtracker.ui.patient.view import PatientView

EXIT_FAILURE = 1
QUIT_WHEN_SHOWN_ENV = "MMTRACKER_QUIT_WHEN_SHOWN"
BENCH_WINDOW_ENV = "MMTRACKER_BENCH_WINDOW"
BENCH_PREFIX = "mmtracker-bench-window: "
# packaging/mmtracker.desktop, which names the window's icon on Wayland
DESKTOP_FILE_NAME = "mmtracker"


def run(database: str | None, demo: bool, lang: str | None) -> int:
    """Show the main window until it is closed; 1 when no database could be opened."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("mmtracker")
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    collector.collect_when_idle(app)
    previous_hook = errors.install()
    try:
        return _run(app, database, demo, lang)
    finally:
        sys.excepthook = previous_hook


def _run(app: QApplication, database: str | None, demo: bool, lang: str | None) -> int:
    """The window on its database, until it is closed (:func:`run`'s body)."""
    app.setWindowIcon(QIcon(str(resource_path("icons", "mmtracker.png"))))
    lang = lang or saved_language() or i18n.system_language()
    i18n.install(app, lang)
    refused: list[bool] = []
    bench = _bench_request()
    day = dt.date.today() if bench is None else bench[1]
    window = open_main_window(
        database,
        demo,
        day,
        offer_demo=True,
        refused=lambda: refused.append(True),
        lang=lang,
        clock=dt.date.today if bench is None else lambda: day,
        ask_first_administrator=bench is None,
    )
    window.show()
    if os.environ.get(QUIT_WHEN_SHOWN_ENV) == "1":
        # Each runs once the events before it (showing the window, the rows) are handled.
        QTimer.singleShot(0, window, lambda: _report("main window shown"))
        window.loaded.connect(
            lambda: QTimer.singleShot(0, window, lambda: _report_list_and_close(window))
        )
    if bench is not None:
        _bench_when_open(window, bench[0], bench[2])
    code = app.exec()  # a database refused closes the window, and so ends this too
    return EXIT_FAILURE if refused else code


def _report(what: str) -> None:
    """Print one line: ``what`` and the time since the process started."""
    elapsed = seconds_since_process_start()
    if sys.stdout is not None:  # a windowed program on Windows has no standard output
        took = "" if elapsed is None else f" {elapsed:.2f} s after the process started"
        sys.stdout.write(f"mmtracker: {what}{took}\n")
        sys.stdout.flush()


def _report_list_and_close(window: MainWindow) -> None:
    """Print how long the start took to the patient list, then close the window (and quit)."""
    _report("patient list shown")
    window.close()


def _bench_request() -> tuple[int, dt.date, bool] | None:
    """The patient and the day of ``MMTRACKER_BENCH_WINDOW=PATIENT_ID,YYYY-MM-DD[,forms]``,
    if set, and whether the forms are timed (alone, mmtracker/ui/bench_forms.py)."""
    patient, _, rest = os.environ.get(BENCH_WINDOW_ENV, "").partition(",")
    day, _, forms = rest.partition(",")
    if not patient.isdigit():
        return None
    return int(patient), dt.date.fromisoformat(day), forms == "forms"


def _settle() -> None:
    """Handle the events waiting, and those they post (a layout, a paint)."""
    for _ in range(3):
        QApplication.processEvents()


def _bench_when_open(window: MainWindow, patient_id: int, forms: bool) -> None:
    """Note when the worklist's rows are first painted; run :func:`_bench_window` once they
    are and the window has its database (the rows may come first, read directly)."""
    shown: list[float | None] = []
    opened: list[bool] = []

    def go_on() -> None:
        if shown and opened:
            timing = _bench_forms if forms else _bench_window
            QTimer.singleShot(0, window, lambda: timing(window, patient_id, shown[0]))

    def painted() -> None:
        shown.append(seconds_since_process_start())
        go_on()

    def open_() -> None:
        opened.append(True)
        go_on()

    window.worklist.loaded.connect(
        lambda: _AfterPaint(window.worklist.table.viewport(), painted),
        Qt.ConnectionType.SingleShotConnection,
    )
    window.loaded.connect(open_, Qt.ConnectionType.SingleShotConnection)


def _bench_window(window: MainWindow, patient_id: int, rows_shown: float | None) -> None:
    """Time what ``mmtracker bench`` reports of the window (see the module's docstring), in
    seconds, each until the events it caused are handled (the rows or panel painted)."""

    def timed(action: Callable[[], object]) -> float:
        started = time.perf_counter()
        action()
        _settle()
        return time.perf_counter() - started

    _settle()
    found: dict[str, object] = {
        "worklist shown": rows_shown,
        "window open": seconds_since_process_start(),
        "worklist rows": window.worklist.model.rowCount(),
    }
    word = window.worklist.model.row_at(0).name.casefold()[:4]
    typed = [word[:n] for n in (*range(1, len(word) + 1), *range(len(word) - 1, -1, -1))]
    for place, box, key in (
        (Place.WORKLIST, window.worklist.search_box, "worklist keystrokes"),
        (Place.PATIENTS, window.patients.search_box, "patient list keystrokes"),
    ):
        window.show_place(place)
        _settle()
        found[key] = [timed(partial(box.setText, text)) for text in typed]
    for session in ("first", "again"):
        loop = QEventLoop()
        started = time.perf_counter()
        window.open_patient(patient_id)
        view = cast("PatientView", window.patient_tabs.currentWidget())
        view.loaded.connect(loop.quit)
        loop.exec()
        _settle()
        found[f"patient {session}"] = time.perf_counter() - started
        found[f"panels {session}"] = {
            view.tabs.tabText(i): timed(partial(view.tabs.setCurrentIndex, i))
            for i in range(1, view.tabs.count())
        }
        found[f"view timings {session}"] = view.timings
        window.close_patient(window.patient_tabs.indexOf(view))
        _settle()
    sys.stdout.write(BENCH_PREFIX + json.dumps(found) + "\n")
    sys.stdout.flush()
    window.close()


def _bench_forms(window: MainWindow, patient_id: int, _rows_shown: float | None) -> None:
    """Time the forms on the patient (mmtracker/ui/bench_forms.py), in a process of their
    own: the window's own figures and peak memory stay those of reading and showing."""
    from mmtracker.ui.bench_forms import time_forms

    loop = QEventLoop()
    window.open_patient(patient_id)
    view = cast("PatientView", window.patient_tabs.currentWidget())
    view.loaded.connect(loop.quit)
    loop.exec()
    _settle()
    found = {"forms": time_forms(view)}
    deadline = time.monotonic() + 30
    while busy().count and time.monotonic() < deadline:  # the reads the saves set off
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    sys.stdout.write(BENCH_PREFIX + json.dumps(found) + "\n")
    sys.stdout.flush()
    window.close()


def seconds_since_process_start() -> float | None:
    """Wall-clock seconds since this process started (Linux, 10 ms steps); None elsewhere.

    The start is the kernel's, so a frozen build's launcher and the interpreter's own
    start are counted too.
    """
    stat, uptime = Path("/proc/self/stat"), Path("/proc/uptime")
    if not (stat.exists() and uptime.exists()):
        return None
    # Field 22 is the start time in clock ticks since boot; the fields after the
    # command name, which may itself hold spaces and parentheses, start at field 3.
    fields = stat.read_text().rsplit(")", 1)[1].split()
    started = int(fields[22 - 3]) / os.sysconf("SC_CLK_TCK")
    return float(uptime.read_text().split()[0]) - started


def open_main_window(
    database: str | None,
    demo: bool,
    today: dt.date,
    *,
    offer_demo: bool,
    refused: Callable[[], None] | None = None,
    lang: str = i18n.SOURCE_LANGUAGE,
    clock: Callable[[], dt.date] = dt.date.today,
    ask_first_administrator: bool = False,
) -> MainWindow:
    """The main window, which opens the chosen database off the GUI thread and then shows it.

    With ``offer_demo``, an empty normal database brings the offer to open the
    separate demo database instead. A clinic's database without users says so in the
    status bar; ``ask_first_administrator`` also asks for its first administrator at
    once. A database that cannot be opened is explained in a dialog; the window then
    closes, after calling ``refused``. ``clock`` is the window's today (a fixed day for
    the bench).
    """
    window = MainWindow(demo=demo, lang=lang, today=clock)
    opening = _Opening(window, today, refused, ask_first_administrator)
    opening.start(database, demo, offer_demo=offer_demo)
    return window


@dataclass(frozen=True, slots=True)
class _Opened:
    """A database opened in the worker, and the care policy read there."""

    database: OpenDatabase
    empty: bool
    """A normal database holding no patients, opened where the demo may be offered."""
    policy: Policy | None
    refused_policy: list[str]
    """Why the clinic policy file was refused (then no policy)."""
    worklist: WorklistRead | None = None
    """Today's worklist, read with the database (None: not read; the screen reads it)."""
    without_users: bool = False
    """A database (no demo) that has no users yet: it asks for its first administrator."""


@dataclass(frozen=True, slots=True)
class _SignIn:
    """A database with users, opened but not read: someone signs in first."""

    engine: Engine
    label: str
    offer_demo: bool
    idle_minutes: int


@dataclass(frozen=True, slots=True)
class _Refused:
    """A database that could not be opened."""

    database: str
    error: str


def _open(
    database: str | None,
    demo: bool,
    today: dt.date,
    offer_demo: bool,
    request: WorklistRequest,
) -> _Opened | FirstLook | _SignIn | _Refused:
    """Open the database and read what the window first shows of it (in the worker thread).

    An SQLite file that needs nothing done first is read directly, without SQLAlchemy
    (a FirstLook; :func:`_connect` then opens its engine). Otherwise the demo database
    is created with its demo patients on first use; SQLite is backed up and migrated,
    PostgreSQL checked. Under a policy, today's worklist is read too (``request``: as the
    worklist screen asks for it), which brings the stored care-item state up to date for
    today.
    """
    from mmtracker.workflows import checked_database_url

    try:  # an SQLite file named that is not there is refused, not made (a mistyped path)
        url = checked_database_url(database, demo=demo, existing=True)
    except ValueError as exc:  # a setting naming no database, or no file, or no folder
        return _Refused(database or "", str(exc))
    look = _first_look(url, demo, today, request)
    if look is not None:
        return look

    from sqlalchemy.exc import ArgumentError, OperationalError

    from mmtracker.config import actor
    from mmtracker.storage.engine import StorageError
    from mmtracker.workflows import open_demo_engine, open_engine

    try:
        engine = open_demo_engine(url, actor(), today) if demo else open_engine(url)
        gate = _gate(engine, database_label(url), demo, offer_demo)
        if gate is not None:
            return gate
    except (StorageError, OperationalError, ArgumentError, OSError, ValueError) as exc:
        return _Refused(database_label(url), str(exc))
    return _read(engine, url, demo, today, offer_demo, request)


def _gate(engine: Engine, label: str, demo: bool, offer_demo: bool) -> _SignIn | None:
    """A sign-in to ask for first: a database that has users and is no demo."""
    from mmtracker.storage.marks import is_demo
    from mmtracker.storage.users import has_users, security_settings

    if demo or is_demo(engine):
        return None
    with engine.connect() as conn:
        if not has_users(conn):
            return None
        idle = security_settings(conn).idle_minutes
    return _SignIn(engine, label, offer_demo, idle)


def _read(
    engine: Engine,
    url: str,
    demo: bool,
    today: dt.date,
    offer_demo: bool,
    request: WorklistRequest,
) -> _Opened | _Refused:
    """What the window first shows of an opened database (in the worker thread)."""
    from sqlalchemy.exc import ArgumentError, OperationalError

    from mmtracker.config import load_policy
    from mmtracker.logic.policy import PolicyError
    from mmtracker.storage.engine import StorageError
    from mmtracker.workflows import patient_count

    try:
        empty = not demo and offer_demo and patient_count(engine) == 0
        opened = read_database(engine, demo=demo, as_of=today)
        without_users = _without_users(engine, opened.demo)
    except (StorageError, OperationalError, ArgumentError, OSError, ValueError) as exc:
        return _Refused(database_label(url), str(exc))
    try:
        policy = load_policy()
    except (PolicyError, OSError) as exc:
        problems = exc.problems if isinstance(exc, PolicyError) else [str(exc)]
        return _Opened(opened, empty, None, problems, without_users=without_users)
    first: WorklistRead | None = None
    if not empty:
        try:
            first = read_worklist(engine, today, policy, request)
        except StorageError:
            first = None  # the screen reads it again, and says why it cannot
    return _Opened(opened, empty, policy, [], first, without_users)


def _without_users(engine: Engine, demo: bool) -> bool:
    """Whether ``engine``'s database is a clinic's (no demo, writable) without users yet."""
    from mmtracker.storage.engine import read_only
    from mmtracker.storage.users import has_users

    if demo or read_only(engine):
        return False
    with engine.connect() as conn:
        return not has_users(conn)


def _first_look(url: str, demo: bool, today: dt.date, request: WorklistRequest) -> FirstLook | None:
    """The worklist of an SQLite file read directly (mmtracker/storage/direct.py); None when
    the file needs something done first, or anything goes wrong: the usual way then
    does it, or says what is wrong."""
    from mmtracker.config import load_policy
    from mmtracker.logic.policy import PolicyError
    from mmtracker.storage.direct import direct_reads, read_demo_note
    from mmtracker.storage.engine import StorageError
    from mmtracker.storage.worklist import stored_worklist

    try:
        policy = load_policy()
        with direct_reads(url, today, policy) as fetch:
            if fetch is None:
                return None
            demo = demo or read_demo_note(fetch) is not None
            rows = stored_worklist(fetch, today, policy, within=request.within, show=request.shows)
            read = worklist_read(fetch, today, request, rows)
    except (PolicyError, OSError, StorageError):
        return None
    return FirstLook(url, database_label(url), demo, policy, read)


def _connect(look: FirstLook) -> _Opened | _Refused:
    """The engine of a database whose worklist was read directly, and its patient list (in
    the worker thread)."""
    from sqlalchemy.exc import ArgumentError, OperationalError

    from mmtracker.storage.engine import StorageError
    from mmtracker.workflows import open_engine

    try:
        engine = open_engine(look.url)
        opened = read_database(engine, demo=look.demo, as_of=look.worklist.day)
        without_users = _without_users(engine, opened.demo)
    except (StorageError, OperationalError, ArgumentError, OSError, ValueError) as exc:
        return _Refused(look.name, str(exc))
    return _Opened(opened, False, look.policy, [], without_users=without_users)


class _Opening(QObject):
    """Opens a window's database in the worker thread, then shows it or explains why not.

    It is the window's child and holds no reference to it: a reference cycle of Qt
    objects could be collected by Python in the worker thread, which must not delete them.
    """

    def __init__(
        self,
        window: MainWindow,
        today: dt.date,
        refused: Callable[[], None] | None,
        ask_first_administrator: bool,
    ) -> None:
        super().__init__(window)
        self._today = today
        self._refused = refused
        self._ask_first_administrator = ask_first_administrator
        self._database: str | None = None
        self._look: FirstLook | None = None

    def start(self, database: str | None, demo: bool, *, offer_demo: bool) -> None:
        """Open ``database`` (the demo database with ``demo``) off the GUI thread."""
        today = self._today
        self._database = database
        request = self._window().worklist.request()
        task = run_task(
            self,
            lambda _progress: _open(database, demo, today, offer_demo, request),
            self._opened,
            self._failed,
        )
        self._window().wait_on_close(task)

    def _window(self) -> MainWindow:
        return cast(MainWindow, self.parent())

    def _opened(self, result: _Opened | FirstLook | _SignIn | _Refused) -> None:
        window = self._window()
        if isinstance(result, _SignIn):
            self._sign_in(result)
        elif isinstance(result, FirstLook):
            if not window.is_closed():
                window.show_first_look(result)
                # Once the rows are painted: the engine's imports would hold them back.
                _AfterPaint(window.worklist.table.viewport(), partial(self._connect, result))
        elif isinstance(result, _Refused):
            self._refuse(result.database, result.error)
        elif window.is_closed():  # closed while its database was being opened
            result.database.engine.dispose()
        elif result.empty and _accepts_demo(window):
            result.database.engine.dispose()
            self.start(None, True, offer_demo=False)
        else:
            if result.refused_policy:
                _explain_refused_policy(window, result.refused_policy)
            window.show_database(
                result.database,
                result.policy,
                result.worklist,
                worklist_shown=self._look is not None,
            )
            if result.without_users:
                from mmtracker.config import actor

                window.accounts.without_users(
                    result.database.engine, actor(), ask=self._ask_first_administrator
                )
            if not result.database.demo:
                _back_up_daily(window, result.database.engine)

    def _sign_in(self, gate: _SignIn) -> None:
        """Ask who is at the workstation; then read the database as them, the window locking
        itself when left idle (mmtracker/ui/lock.py). Cancelled: the window closes."""
        from mmtracker.ui.sign_in import SignInDialog

        window = self._window()
        if window.is_closed():
            gate.engine.dispose()
            return
        dialog = SignInDialog(gate.engine, gate.label, window)
        if dialog.exec() != SignInDialog.DialogCode.Accepted or dialog.user is None:
            gate.engine.dispose()
            window.close()
            return
        window.accounts.sign_in(gate.engine, dialog.user, gate.idle_minutes)
        today, request = self._today, window.worklist.request()
        url = gate.engine.url.render_as_string(hide_password=True)  # for its label only
        task = run_task(
            self,
            lambda _progress: _read(gate.engine, url, False, today, gate.offer_demo, request),
            self._opened,
            self._failed,
        )
        window.wait_on_close(task)

    def _connect(self, look: FirstLook) -> None:
        """Open the engine of a database whose worklist is shown (:func:`_first_look`)."""
        self._look = look
        task = run_task(self, lambda _progress: _connect(look), self._opened, self._failed)
        self._window().wait_on_close(task)

    def _failed(self, error: str) -> None:
        """The opening failed unexpectedly (the known failures come as _Refused)."""
        self._refuse(self._database or "", error)

    def _refuse(self, database: str, error: str) -> None:
        """Explain why the database cannot be opened (on standard error once the window
        is closed), then close the window."""
        window = self._window()
        title = QCoreApplication.translate("app", "mmtracker cannot open the database")
        text = QCoreApplication.translate(
            "app", "The database could not be opened:\n{database}\n\n{error}"
        ).format(database=database, error=error)
        if window.is_closed():
            if sys.stderr is not None:  # a windowed program on Windows has none
                sys.stderr.write(f"{title}: {text}\n")
        else:
            QMessageBox.critical(window, title, text)
        if self._refused is not None:
            self._refused()
        window.close()


def _back_up_daily(window: MainWindow, engine: Engine) -> None:
    """Today's backup of an SQLite database, if not yet taken, in the background once the
    window shows the database (mmtracker/storage/backups.py); a failure is said."""
    from mmtracker.storage.engine import read_only

    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or read_only(engine):
        return
    path = Path(database)

    def work(_progress: object) -> Path | None:
        from mmtracker.config import paths
        from mmtracker.storage.backups import daily_backup

        return daily_backup(path, paths().backups)

    def done(written: Path | None) -> None:
        if written is not None:
            window.statusBar().showMessage(
                QCoreApplication.translate("app", "Today's backup was written to {file}").format(
                    file=written
                ),
                15_000,
            )

    def failed(message: str) -> None:
        QMessageBox.warning(
            window,
            QCoreApplication.translate("app", "Today's backup failed"),
            QCoreApplication.translate(
                "app", "The database could not be backed up today: {error}"
            ).format(error=message),
        )

    window.wait_on_close(run_task(window, work, done, failed))


class _AfterPaint(QObject):
    """Calls ``then`` once, on the GUI thread, after ``widget`` has next been painted (or
    after a second at most, should it not be painted: a window minimised)."""

    LATEST_MS = 1000

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(self.LATEST_MS, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt names it
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._call)  # after the paint itself
        return False

    def _call(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self.deleteLater()
            then()


def _explain_refused_policy(window: MainWindow, problems: list[str]) -> None:
    """Why the clinic policy file was refused: no care item is brought up to date meanwhile."""
    QMessageBox.warning(
        window,
        QCoreApplication.translate("app", "The clinic policy file was refused"),
        QCoreApplication.translate(
            "app",
            "The care items are not brought up to date until the clinic policy file "
            "is corrected:\n\n{problems}",
        ).format(problems="\n".join(problems)),
    )


def _accepts_demo(window: MainWindow) -> bool:
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("app", "Open the demo database?"),
        QCoreApplication.translate(
            "app",
            "This database holds no patients yet.\n\n"
            "Would you like to explore mmtracker with the demo database of made-up patients? "
            "It is kept apart from your database: no demo patient ever enters it.",
        ),
    )
    return answer == QMessageBox.StandardButton.Yes
