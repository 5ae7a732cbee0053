"""The printed look: highlights carry their status tint, the cover chart its colours.

Pages are rendered with poppler's pdftoppm; the tests skip when it is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from claimledger.domain.status import Status
from claimledger.report.fonts import register_fonts, resources_dir

PDFTOPPM = shutil.which("pdftoppm")
needs_pdftoppm = pytest.mark.skipif(
    PDFTOPPM is None, reason="pdftoppm not installed (apt-get install poppler-utils)"
)


def _render(pdf: Path, page: int, out: Path, dpi: int = 60) -> tuple[int, int, bytes]:
    """Page `page` as (width, height, RGB bytes) via a binary PPM from pdftoppm."""
    prefix = out / f"p{page}"
    subprocess.run([PDFTOPPM, "-r", str(dpi), "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(prefix)], check=True)
    data = prefix.with_suffix(".ppm").read_bytes()
    magic, width, height, maxval, pixels = data.split(maxsplit=4)
    assert magic == b"P6" and maxval == b"255"
    return int(width), int(height), pixels


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")[:6]
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _count(pixels: bytes, colour: tuple[int, int, int], tolerance: int = 6) -> int:
    """How many pixels are within `tolerance` of `colour` on every channel."""
    r0, g0, b0 = colour
    hits = 0
    for i in range(0, len(pixels) - 2, 3):
        if (abs(pixels[i] - r0) <= tolerance and abs(pixels[i + 1] - g0) <= tolerance
                and abs(pixels[i + 2] - b0) <= tolerance):
            hits += 1
    return hits


@needs_pdftoppm
def test_highlights_use_the_status_tint(sample_pdf, tmp_path):
    _w, _h, pixels = _render(sample_pdf.path, 2, tmp_path)
    for status in (Status.SOURCED, Status.DISPUTED, Status.UNVERIFIED):
        assert _count(pixels, _rgb(status.style.tint)) > 500, status


@needs_pdftoppm
def test_highlight_sits_where_the_statement_is(sample_pdf, tmp_path):
    """The first tinted row of the page is the first highlighted (sourced) statement."""
    width, height, pixels = _render(sample_pdf.path, 2, tmp_path)
    tints = {s: _rgb(s.style.tint) for s in (Status.SOURCED, Status.DISPUTED)}
    first_row = {}
    for status, colour in tints.items():
        for y in range(height):
            row = pixels[y * width * 3 : (y + 1) * width * 3]
            if _count(row, colour) > 20:
                first_row[status] = y
                break
    # the sourced statement starts the paragraph; the disputed one follows it
    assert first_row[Status.SOURCED] <= first_row[Status.DISPUTED]


@needs_pdftoppm
def test_cover_chart_uses_status_colours(sample_pdf, tmp_path):
    _w, _h, pixels = _render(sample_pdf.path, 1, tmp_path)
    for status in (Status.SOURCED, Status.DISPUTED, Status.UNVERIFIED):
        assert _count(pixels, _rgb(status.style.colour), tolerance=10) > 100, status


def test_fonts_come_from_the_bundled_resources():
    folder = resources_dir() / "fonts"
    assert (folder / "DejaVuSans.ttf").is_file()
    assert "Bitstream" in (folder / "LICENSE-DejaVu.txt").read_text()
    assert register_fonts() is register_fonts()  # registered once


def test_resources_dir_honours_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIM_LEDGER_RESOURCES", str(tmp_path))
    assert resources_dir() == tmp_path
