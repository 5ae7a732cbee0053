"""Errors raised while building the verification PDF."""

from __future__ import annotations


class ReportError(Exception):
    """The report could not be written; the message says why, in words a user understands."""


class ReportCancelled(ReportError):
    """The user cancelled the build (the progress callback returned False).

    Nothing was written: no temporary file is left and an older report at the
    destination is untouched.
    """
