"""The bundled DejaVu fonts: where they live and their one-time registration."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import claimledger

from .errors import ReportError

SANS = "ClSans"
SERIF = "ClSerif"
_FILES = {
    SANS: "DejaVuSans.ttf",
    f"{SANS}-Bold": "DejaVuSans-Bold.ttf",
    f"{SANS}-Oblique": "DejaVuSans-Oblique.ttf",
    f"{SANS}-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    SERIF: "DejaVuSerif.ttf",
    f"{SERIF}-Bold": "DejaVuSerif-Bold.ttf",
    f"{SERIF}-Italic": "DejaVuSerif-Italic.ttf",
}


@dataclass(frozen=True)
class Fonts:
    """Registered font names for the report's styles."""

    sans: str = SANS
    sans_bold: str = f"{SANS}-Bold"
    sans_italic: str = f"{SANS}-Oblique"
    serif: str = SERIF
    serif_bold: str = f"{SERIF}-Bold"
    serif_italic: str = f"{SERIF}-Italic"


_registered: Fonts | None = None


def resources_dir() -> Path:
    """The app's resources folder.

    $CLAIM_LEDGER_RESOURCES if set, else the source checkout's resources/, else the
    PyInstaller bundle's resources/.
    """
    env = os.environ.get("CLAIM_LEDGER_RESOURCES")
    if env:
        return Path(env)
    checkout = Path(claimledger.__file__).resolve().parents[2] / "resources"
    if checkout.is_dir():
        return checkout
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return checkout


def register_fonts() -> Fonts:
    """Register the DejaVu faces with reportlab (once per process) and return their names."""
    global _registered
    if _registered is not None:
        return _registered
    folder = resources_dir() / "fonts"
    for name, filename in _FILES.items():
        path = folder / filename
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except Exception as exc:  # reportlab raises TTFError or OSError
            raise ReportError(f"Cannot load the report font {path}: {exc}") from exc
    _map_family(SANS, f"{SANS}-Bold", f"{SANS}-Oblique", f"{SANS}-BoldOblique")
    _map_family(SERIF, f"{SERIF}-Bold", f"{SERIF}-Italic", f"{SERIF}-Bold")
    _registered = Fonts()
    return _registered


def _map_family(normal: str, bold: str, italic: str, bold_italic: str) -> None:
    """Let <b> and <i> in paragraph markup pick the right face."""
    addMapping(normal, 0, 0, normal)
    addMapping(normal, 1, 0, bold)
    addMapping(normal, 0, 1, italic)
    addMapping(normal, 1, 1, bold_italic)
