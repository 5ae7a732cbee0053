"""Is this Qt binding safe to paint with all day?

PySide6 6.12.0 on CPython 3.11 drops one reference to `None` on every void method call
(`QPainter.drawRect`, `QRect.setWidth`...). Where `None` is mortal (before 3.12) its count
reaches zero after a few thousand paints and the interpreter aborts with
"Fatal Python error: none_dealloc". pyproject keeps that build off 3.11; this check
catches an install that got it anyway, before the window opens rather than an hour in.
"""

from __future__ import annotations

import sys

PROBE_CALLS = 64


def none_is_immortal() -> bool:
    """Python 3.12+ never frees None, so a leaked reference can't crash it."""
    return sys.version_info >= (3, 12)


def none_references_lost(calls: int = PROBE_CALLS) -> int:
    """How many references to None `calls` void calls into Qt lost (0 on a sound build)."""
    from PySide6.QtCore import QRect

    rect = QRect(0, 0, 1, 1)
    before = sys.getrefcount(None)
    for width in range(calls):
        rect.setWidth(width)
    return max(0, before - sys.getrefcount(None))


def binding_problem() -> str | None:
    """One line naming the fault and the cure, or None when painting is safe."""
    if none_is_immortal() or none_references_lost() == 0:
        return None
    import PySide6

    python = ".".join(map(str, sys.version_info[:2]))
    return (f"PySide6 {PySide6.__version__} on Python {python} leaks a reference to None "
            "on every call and would crash the window within the hour; install "
            "'PySide6-Essentials<6.12' (make run does) or use Python 3.12 or newer")
