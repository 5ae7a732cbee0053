"""Atomic file writes: a temp file in the same folder, fsync, os.replace (DESIGN §5).

Readers see the old file or the new one, never half of one; a failed write leaves no
temp file behind. Every layer that writes a user's file (ledger files, keys, reasons,
the PDF) goes through here.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")


def atomic_write(path: Path, write: Callable[[BinaryIO], T], *, mode: int = 0o666) -> T:
    """Create or replace `path` with what `write` writes to a binary file object, and
    return what `write` returned. `mode` is the new file's permission before the umask
    (0o600 for secrets)."""
    path = Path(path)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            result = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_folder(path.parent)
    return result


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = 0o666) -> None:
    atomic_write(path, lambda handle: handle.write(data), mode=mode)


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
