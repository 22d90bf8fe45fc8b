"""The Qt binding keeps Python's reference counts: signals emitted in a long session are safe.

PySide6 6.12.0 dropped a reference to ``True`` at every signal emitted from Python, and
Python aborted once they ran out ("bool_dealloc") — after a few thousand progress or
hub signals in a running window. pyproject.toml excludes that release; this test
fails on any release that does the same.
"""

from __future__ import annotations

import subprocess
import sys

EMITS = 20_000
PROGRAM = f"""
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    plain = Signal()
    number = Signal(int)

app = QCoreApplication([])
emitter = Emitter()
emitter.plain.connect(lambda: None)
emitter.number.connect(lambda value: None)
before = sys.getrefcount(True)
for i in range({EMITS}):
    emitter.plain.emit()
    emitter.number.emit(i)
print(sys.getrefcount(True) - before)
"""


def test_emitting_signals_keeps_the_reference_count_of_true() -> None:
    # In a process of its own: the faulty release aborts the interpreter.
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert abs(int(done.stdout)) < 100, f"references to True lost: {done.stdout}"
