"""The ledger as a table: CSV (with a byte order mark) and XLSX, read back."""

from __future__ import annotations

import csv

import openpyxl
import pytest
from formats_kit import claims_with, reviewed_sample

from claimledger.domain.status import Status
from claimledger.workspace import WorkspaceError
from sync_desk import SAMPLE


def _two_reviewers(desk, emoji_file):
    ana, ben = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode")
    grain = reviewed_sample(ana, SAMPLE)
    food = ana.import_files([emoji_file]).imported[0].id
    ben.import_files([SAMPLE])
    (claim,) = claims_with(ana, grain, "deliberately held back bids")
    ben.mark(claim, Status.SOURCED, reason="Confirmed by a second source")
    ana.add_source(claim, url="https://example.org/bids", title="Bids 📉 report",
                   stance="contradicts")
    ana.sync_files([desk.export(ben, "ben")], accept_new_reviewers=True)
    return ana, [grain, food], claim


def test_csv_has_a_bom_a_header_and_one_row_per_claim(desk, tmp_path, emoji_file):
    ana, articles, claim = _two_reviewers(desk, emoji_file)
    out = tmp_path / "ledger.csv"
    done = ana.export_table(articles, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ledger = [c for a in articles for c in ana.claims(a)
              if c.kind == "claim" or c.status.is_reviewed]
    assert done.items == len(rows) == len(ledger)
    assert list(rows[0]) == ["Article", "Number", "Statement", "Status", "Reason", "Note",
                             "Sources", "Ana Ruiz", "Ben Ode", "Consensus"]
    bids = next(r for r in rows if "deliberately held back" in r["Statement"])
    assert bids["Ben Ode"] == "sourced (Confirmed by a second source)"
    assert bids["Sources"] == "Bids 📉 report <https://example.org/bids> [contradicts]"
    assert any("📈" in r["Article"] for r in rows)
    numbers = {**ana.statement_numbers(articles[0]), **ana.statement_numbers(articles[1])}
    assert [r["Number"] for r in rows] == [numbers[c.id] for c in ledger]


def test_xlsx_has_a_frozen_header_widths_and_text_cells(desk, tmp_path, emoji_file):
    ana, articles, claim = _two_reviewers(desk, emoji_file)
    ana.set_note(claim, "=HYPERLINK(\"http://evil.example\")")
    out = tmp_path / "ledger.xlsx"
    done = ana.export_table(articles, out)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Article", "Number", "Statement"] and all(c.font.b for c in sheet[1])
    assert sheet.column_dimensions["C"].width == 70
    assert sheet.max_row == done.items + 1
    notes = [row[5] for row in sheet.iter_rows(min_row=2)]
    evil = next(c for c in notes if c.value and "HYPERLINK" in c.value)
    assert evil.data_type == "s"


def test_other_suffixes_are_refused(desk, tmp_path, emoji_file):
    ana = desk.reviewer("Ana Ruiz")
    article = ana.import_files([emoji_file]).imported[0].id
    with pytest.raises(WorkspaceError, match=".csv or .xlsx"):
        ana.export_table([article], tmp_path / "ledger.ods")
    assert not (tmp_path / "ledger.ods").exists()


def test_the_command_line_writes_a_table(cli, tmp_path, emoji_file):
    cli("import", emoji_file)
    article = cli("articles").stdout.decode().split()[0]
    done = cli("export-table", article, "-o", tmp_path / "t.xlsx")
    assert done.returncode == 0, done.stderr
    assert "rows)" in done.stdout.decode()
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").active.max_row > 1
