"""Atomic file writes: a temp file in the same folder, fsync, os.replace (DESIGN §5).

Readers see the old file or the new one, never half of one; a failed write leaves no
temp file behind. On Linux the data goes to an unnamed file (O_TMPFILE) that gets a
name only once complete, so not even a killed process leaves half a file. Every layer
that writes a user's file (ledger files, keys, reasons, the PDF) goes through here.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import os
import secrets
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")


def atomic_write(path: Path, write: Callable[[BinaryIO], T], *, mode: int = 0o666) -> T:
    """Create or replace `path` with what `write` writes to a binary file object, and
    return what `write` returned. `mode` is the new file's permission before the umask
    (0o600 for secrets). A symbolic link is written through (its target is replaced, the
    link stays); a pipe, terminal or device (``-o /dev/stdout``) is written to directly,
    since it cannot be replaced."""
    path = Path(path)
    if _is_stream(path):
        return _write_through(path, write)
    path = Path(os.path.realpath(path))
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd, named = _open_anonymous(path.parent, mode), False
    if fd is None:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd, named = os.open(temp, flags, mode), True
    try:
        with os.fdopen(fd, "wb") as handle:
            result = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
            if not named:  # give the finished file a name only now
                _link_anonymous(handle.fileno(), temp)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_folder(path.parent)
    return result


def _is_stream(path: Path) -> bool:
    """`path` is, or links to, something other than a file or folder: a pipe, a terminal,
    a device."""
    try:
        kind = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(kind) or stat.S_ISDIR(kind))


def _write_through(path: Path, write: Callable[[BinaryIO], T]) -> T:
    """Write straight into a pipe or device. Opened without blocking, so a named pipe
    nobody reads is refused (ENXIO) instead of waiting for ever."""
    fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    os.set_blocking(fd, True)
    with os.fdopen(fd, "wb") as handle:
        return write(handle)


def _open_anonymous(folder: Path, mode: int) -> int | None:
    """Linux: an unnamed file in `folder` (O_TMPFILE), so a process killed while writing
    leaves nothing behind; None where the system or file system cannot do that."""
    if _linkat() is None or not hasattr(os, "O_TMPFILE") or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, os.O_TMPFILE | os.O_WRONLY, mode)
    except OSError as error:
        if error.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOTSUP):
            return None
        raise


def _link_anonymous(fd: int, name: Path) -> None:
    """linkat(2) with AT_SYMLINK_FOLLOW on /proc/self/fd/N (os.link does not follow it)."""
    source = f"/proc/self/fd/{fd}".encode()
    if _linkat()(_AT_FDCWD, source, _AT_FDCWD, os.fsencode(name), _AT_SYMLINK_FOLLOW) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(name))


_AT_FDCWD, _AT_SYMLINK_FOLLOW = -100, 0x400


@functools.cache
def _linkat():
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).linkat
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                         ctypes.c_int]
    function.restype = ctypes.c_int
    return function


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
