"""Where the app's bundled files live: the source checkout, a PyInstaller bundle, or a
folder named by $CLAIM_LEDGER_RESOURCES."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    override = os.environ.get("CLAIM_LEDGER_RESOURCES")
    candidates = [Path(override)] if override else []
    candidates.append(Path(__file__).resolve().parents[2] / "resources")
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Claim Ledger's resources folder is missing from this install.")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_articles() -> list[Path]:
    folder = resource("samples")
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in {".txt", ".md", ".html",
                                                                       ".htm"})
