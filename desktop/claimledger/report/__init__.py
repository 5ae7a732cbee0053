"""The verification PDF (reportlab only: no Qt, no SQL).

Build a `ReportInput` from the model dataclasses and call `build_pdf`.
"""

from .errors import ReportCancelled, ReportError
from .model import (
    Agreement,
    ReportArticle,
    ReportClaim,
    ReportEvent,
    ReportInput,
    ReportReviewer,
    ReportSource,
    ReportVerdict,
)
from .pdf import build_pdf

__all__ = [
    "Agreement", "ReportArticle", "ReportCancelled", "ReportClaim", "ReportError",
    "ReportEvent", "ReportInput", "ReportReviewer", "ReportSource", "ReportVerdict",
    "build_pdf",
]
