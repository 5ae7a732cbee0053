"""Hostile text prints literally; links are filtered; writes are atomic and cancellable."""

from __future__ import annotations

import os

import pytest
from report_fixtures import HOSTILE_NOTE, make_article, make_report
from report_pdf import build

from claimledger.domain.status import Status
from claimledger.report import (
    ReportArticle,
    ReportCancelled,
    ReportClaim,
    ReportError,
    ReportSource,
    build_pdf,
)


def test_hostile_note_prints_literally(sample_pdf):
    flat = sample_pdf.text.replace(" ", "")
    assert HOSTILE_NOTE.replace(" ", "") in flat


def test_no_image_is_embedded(sample_pdf):
    for page in sample_pdf.reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject") or {}
        for obj in xobjects.values():
            assert obj.get_object().get("/Subtype") != "/Image"
    data = sample_pdf.path.read_bytes()
    assert b"root:" not in data and b"/Subtype /Image" not in data


def test_only_http_and_doi_links_are_clickable(sample_pdf):
    uris = sample_pdf.uris()
    assert uris and all(u.startswith(("https://", "http://")) for u in uris)
    assert not any("javascript" in u or u.startswith("file:") for u in uris)
    assert "javascript:alert(1)" in sample_pdf.text  # printed, not linked


def test_quotes_in_urls_cannot_break_out_of_the_link(tmp_path):
    bad = 'https://x.example.org/"><img src="/etc/passwd"/>'
    source = ReportSource('Odd "quoted" <title>', "P & Q", bad, "supports", "<b>not bold</b>")
    text = "Tides rose by a metre."
    claim = ReportClaim("c", 0, len(text), text, "claim", Status.SOURCED, None, None, ("A",),
                        sources=(source,))
    article = ReportArticle("a", "T", None, None, None, None, None, text, (claim,))
    pdf = build(tmp_path, make_report([article], agreement=()))
    assert 'Odd "quoted" <title>' in pdf.text and "P & Q" in pdf.text
    assert "<b>not bold</b>" in pdf.text
    assert all("<img" not in u or u == bad for u in pdf.uris())
    assert b"/Subtype /Image" not in pdf.path.read_bytes()


def test_control_characters_and_surrogates_do_not_break_the_build(tmp_path):
    text = "Bad\x00 bytes\x0b here \ud800 and a tab\tok."
    claim = ReportClaim("c", 0, len(text), text, "claim", Status.DISPUTED, "x\x07y",
                        "note\x1b[31m", ("A",))
    article = ReportArticle("a", "T\x00", None, None, None, None, None, text, (claim,))
    pdf = build(tmp_path, make_report([article], agreement=()))
    assert "bytes" in pdf.text and "xy" in pdf.text


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_cancel_leaves_no_file(tmp_path):
    out = tmp_path / "report.pdf"
    with pytest.raises(ReportCancelled):
        build_pdf(make_report(), out, progress=lambda done, total: done < 1)
    assert not out.exists()
    assert _leftovers(tmp_path) == []


def test_cancel_during_layout_keeps_the_old_file(tmp_path):
    from report_fixtures import big_article

    out = tmp_path / "report.pdf"
    out.write_bytes(b"old report")
    seen: list[tuple[int, int]] = []

    def progress(done, total):
        seen.append((done, total))
        return done < total * 0.75  # past the preparation: cancels inside the layout

    with pytest.raises(ReportCancelled):
        build_pdf(make_report([big_article(1500)]), out, progress=progress)
    assert out.read_bytes() == b"old report"
    assert _leftovers(tmp_path) == []
    done, total = seen[-1]
    assert total * 0.75 <= done < total


def test_success_replaces_the_old_file(tmp_path):
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old report")
    assert build_pdf(make_report(), out) == 4
    assert out.read_bytes().startswith(b"%PDF")
    assert _leftovers(tmp_path) == []


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ReportError, match="does not exist"):
        build_pdf(make_report(), tmp_path / "nowhere" / "r.pdf")


def test_unwritable_folder_is_a_clear_error(tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    if os.access(folder, os.W_OK):  # root ignores permissions: simulate the refusal
        real_open = os.open

        def refuse(path, *args, **kwargs):
            if str(path).startswith(str(folder)):
                raise PermissionError(13, "Permission denied")
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    try:
        with pytest.raises(ReportError, match="permission to write there"):
            build_pdf(make_report(), folder / "r.pdf")
    finally:
        folder.chmod(0o700)
    assert list(folder.iterdir()) == []


def test_a_folder_as_destination_is_refused(tmp_path):
    with pytest.raises(ReportError, match="that is a folder"):
        build_pdf(make_report(), tmp_path)


def test_bad_paper_is_refused(tmp_path):
    with pytest.raises(ReportError, match="A4 or Letter"):
        build_pdf(make_report(paper="A5"), tmp_path / "r.pdf")
    assert list(tmp_path.iterdir()) == []


def test_failure_while_writing_keeps_the_old_file(tmp_path, monkeypatch):
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old report")
    real_fsync = os.fsync

    def broken(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(ReportError, match="No space left on device"):
        build_pdf(make_report([make_article()]), out)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert out.read_bytes() == b"old report"
    assert _leftovers(tmp_path) == []
