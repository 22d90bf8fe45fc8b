"""Files written whole or not at all, readable by their owner only, never through a link.

Each is written to a temporary file beside its name (``mkstemp``: mode 0600, made anew),
then renamed over the name: a crash leaves the old file or the new, never half of one, and
a symbolic link at the name is replaced, not followed (docs/security.md).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def write_atomically(path: Path, write: Callable[[BinaryIO], object], sync: bool = True) -> None:
    """Write ``path`` with ``write`` (see the module's docstring); ``sync``: on the disk
    before the rename.

    Raises OSError naming the folder when it does not exist or cannot be written; a
    failure leaves no file behind (nor a half-written one under the final name).
    """
    folder = path.parent
    if not folder.is_dir():
        raise OSError(f"the folder {folder} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
            out.flush()
            if sync:
                os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str, sync: bool = True) -> None:
    """Write ``text`` as UTF-8 to ``path`` (see :func:`write_atomically`)."""
    write_atomically(path, lambda out: out.write(text.encode("utf-8")), sync)
