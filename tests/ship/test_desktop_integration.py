"""The Linux desktop files in packaging/: launcher, MIME type, AppStream metadata, icons."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET

import pytest
from tests_ship_helpers import ROOT

PACKAGING = ROOT / "packaging"
SIZES = (16, 32, 48, 64, 128, 256)
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(PACKAGING / "claim-ledger.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_file_launches_the_app_with_files():
    entry = _entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Claim Ledger"
    assert entry["Exec"] == "claim-ledger %F"
    assert entry["Categories"] == "Office;"
    assert entry["MimeType"].split(";")[:4] == ["application/x-claim-ledger", "text/plain",
                                                "text/html", "text/markdown"]


def test_the_desktop_file_names_icons_that_exist():
    name = _entry()["Icon"]
    assert (ROOT / "resources" / "icons" / f"{name}.svg").is_file()
    for size in SIZES:
        png = PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{name}.png"
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", png
        assert struct.unpack(">II", data[16:24]) == (size, size), png


def test_the_mime_type_matches_ledger_files_by_name_and_content():
    root = ET.parse(PACKAGING / "claim-ledger-mime.xml").getroot()
    mime = root.find(f"{MIME_NS}mime-type")
    assert mime.get("type") == "application/x-claim-ledger"
    assert mime.find(f"{MIME_NS}glob").get("pattern") == "*.cledger"
    match = mime.find(f"{MIME_NS}magic/{MIME_NS}match")
    assert match.get("value") == "claim-ledger/ledger"
    assert _entry()["MimeType"].startswith(mime.get("type") + ";")


def test_a_real_ledger_file_has_the_magic_where_the_mime_type_looks(tmp_path):
    from claimledger.workspace import Workspace

    with Workspace(tmp_path / "ws.sqlite", "Ana", allow_file_key=True) as ws:
        ws.import_text("The council voted 6-3 on Tuesday to close the branch.", "Council")
        ws.unlock()
        ws.export_ledger(tmp_path / "ana.cledger")
    match = ET.parse(PACKAGING / "claim-ledger-mime.xml").getroot().find(
        f"{MIME_NS}mime-type/{MIME_NS}magic/{MIME_NS}match")
    start, end = (int(x) for x in match.get("offset").split(":"))
    head = (tmp_path / "ana.cledger").read_bytes()[start:end + len(match.get("value"))]
    assert match.get("value").encode() in head


def test_the_appstream_metadata_names_the_launcher():
    root = ET.parse(PACKAGING / "io.github.claimledger.ClaimLedger.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == "io.github.claimledger.ClaimLedger"
    assert root.findtext("launchable") == "claim-ledger.desktop"
    assert root.find("content_rating") is not None
    assert root.findtext("project_license") == "MIT"


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli is not installed (apt-get install appstream)")
def test_the_appstream_metadata_validates():
    result = subprocess.run(["appstreamcli", "validate", "--no-net",
                             str(PACKAGING / "io.github.claimledger.ClaimLedger.metainfo.xml")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (desktop-file-utils)")
def test_the_desktop_file_validates():
    result = subprocess.run(["desktop-file-validate", str(PACKAGING / "claim-ledger.desktop")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
