"""A revised article takes over its claims: unchanged ones keep everything, changed ones
are flagged with both versions, removed ones are orphaned and kept, new ones are added."""

from __future__ import annotations

import json

import pytest
from formats_kit import db_fingerprint, pdf_text

from claimledger.domain import events as ev
from claimledger.domain.events import Event
from claimledger.domain.status import Status
from claimledger.exchange.validate import Known, event_problem
from claimledger.workspace import WorkspaceError

OLD = """\
Harbour tunnel toll to rise 🚗 in April

By Mira Castell

PORT AVEN - The harbour tunnel toll will rise to $4.50 in April, the transport authority \
said on Monday.

Traffic through the tunnel grew 12 percent last year to 31,000 vehicles a day 📈, \
according to the authority. The mayor said the increase would pay for new ventilation fans.

Opposition councillor Ruth Ambler said drivers had already paid for the tunnel twice. \
A ferry operator said bookings had doubled since January.

The authority did not say how much the fans would cost.
"""

NEW = """\
Harbour tunnel toll to rise 🚗 in April

By Mira Castell

Updated 🕒 on March 3 with new traffic figures.

PORT AVEN - The harbour tunnel toll will rise to $4.50 in April, the transport authority \
said on Monday. A ferry operator said bookings had doubled since January.

Traffic through the tunnel grew 14 percent last year to 31,500 vehicles a day 📈, \
according to the authority's annual report. The mayor said the increase would pay for \
new ventilation fans.

The authority did not say how much the fans would cost. The new toll takes effect on \
April 1.
"""

TOLL, TRAFFIC, MAYOR, AMBLER, FERRY, COST = (
    "toll will rise to $4.50", "Traffic through the tunnel", "The mayor said",
    "Ruth Ambler", "A ferry operator", "how much the fans")


@pytest.fixture
def files(tmp_path):
    old, new = tmp_path / "toll.txt", tmp_path / "toll-updated.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def _claim(ws, article_id, words):
    return next(c for c in ws.claims(article_id) if words in c.text)


def _reviewed(ws, old):
    article_id = ws.import_files([old]).imported[0].id
    ids = {w: _claim(ws, article_id, w).id for w in (TOLL, TRAFFIC, MAYOR, AMBLER, FERRY, COST)}
    ws.mark(ids[TOLL], Status.SOURCED, note="Authority press release 🚇")
    ws.add_source(ids[TOLL], url="https://example.org/toll", title="Toll notice")
    ws.mark(ids[TRAFFIC], Status.DISPUTED, reason="Figure contradicted by official data")
    ws.mark(ids[MAYOR], Status.UNVERIFIED)
    ws.mark(ids[AMBLER], Status.DISPUTED, note="Tunnel was paid by bonds once")
    ws.mark(ids[FERRY], Status.SOURCED)
    return article_id, ids


def test_each_kind_of_change_is_placed_and_nothing_is_lost(desk, files):
    ana = desk.reviewer("Ana Ruiz")
    old_id, ids = _reviewed(ana, files[0])
    report = ana.import_revision(files[1], old_id)
    new_id = report.article.id
    assert report.revision == 2 and ana.revision_number(new_id) == 2
    kinds = {p.claim_id: p.anchoring for p in report.placements}
    assert [kinds[ids[w]] for w in (TOLL, TRAFFIC, MAYOR, AMBLER, FERRY, COST)] == [
        "exact", "changed", "exact", "orphaned", "moved", "exact"]

    claims = {c.id: c for c in ana.claims(new_id)}
    text = ana.article(new_id).text
    for claim in claims.values():
        assert text[claim.start:claim.end] == claim.text  # code points, emoji included
    toll = claims[ids[TOLL]]
    assert (toll.status, toll.note) == (Status.SOURCED, "Authority press release 🚇")
    assert [s.title for s in ana.sources(toll.id)] == ["Toll notice"]
    assert claims[ids[FERRY]].status is Status.SOURCED
    traffic = claims[ids[TRAFFIC]]
    assert traffic.status is Status.DISPUTED and "14 percent" in traffic.text
    anchorings = ana.anchorings(new_id)
    assert "12 percent" in anchorings[ids[TRAFFIC]].previous_text
    assert not anchorings[ids[TRAFFIC]].confirmed
    added = {claims[i].text for i, a in anchorings.items() if a.anchoring == "added"}
    assert added == {"Updated 🕒 on March 3 with new traffic figures.",
                     "The new toll takes effect on April 1."}
    assert len([c for c in claims.values() if c.text == toll.text]) == 1

    assert [c.id for c in report.orphans] == [ids[AMBLER]]
    orphan = ana.claim(ids[AMBLER])
    assert orphan.article_id == old_id and orphan.status is Status.DISPUTED
    assert ana.anchorings(old_id)[ids[AMBLER]].anchoring == "orphaned"
    assert ana.projections_match_log()


def test_the_history_of_a_claim_spans_its_revisions(desk, files):
    ana = desk.reviewer("Ana Ruiz")
    old_id, ids = _reviewed(ana, files[0])
    new_id = ana.import_revision(files[1], old_id).article.id
    ana.mark(ids[TRAFFIC], Status.SOURCED, reason="Checked against the annual report")
    whats = [h.what for h in ana.history(ids[TRAFFIC])]
    assert len(whats) >= 2 and any("disputed" in w.lower() for w in whats)
    assert ana.claim(ids[TRAFFIC]).article_id == new_id


def test_a_revision_syncs_and_carries_every_reviewers_verdicts(desk, files):
    ana, ben = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode")
    old_id, ids = _reviewed(ana, files[0])
    ben.import_files([files[0]])
    ben.mark(ids[MAYOR], Status.DISPUTED, reason="Claimed without evidence")
    ana.sync_files([desk.export(ben, "ben")], accept_new_reviewers=True)
    new_id = ana.import_revision(files[1], old_id).article.id
    ben.sync_files([desk.export(ana, "ana")], accept_new_reviewers=True)
    assert ben.claim(ids[MAYOR]).article_id == new_id
    assert ben.claim(ids[MAYOR]).status is Status.DISPUTED
    assert ben.anchorings(new_id) == ana.anchorings(new_id)
    assert ben.revision_number(new_id) == 2 and ben.projections_match_log()
    assert len(ben.verdicts(new_id)[ids[MAYOR]]) == 2  # Ana's unverified, Ben's disputed


def test_a_revision_event_that_breaks_the_rules_is_refused(desk, files):
    ana = desk.reviewer("Ana Ruiz")
    old_id, ids = _reviewed(ana, files[0])
    new_id = ana.import_revision(files[1], old_id).article.id
    with ana.db.read() as conn:
        row = conn.exec_driver_sql("SELECT payload FROM event WHERE kind = ?",
                                   (ev.ARTICLE_REVISED,)).scalar_one()
    payload = json.loads(row)
    known = Known(articles={old_id: len(OLD), new_id: len(NEW)},
                  claims={i: old_id for i in ids.values()})
    known.claims.update({p[0]: old_id for p in payload["placements"]})

    def problem(**change):
        event = Event.new(ev.ARTICLE_REVISED, ana.reviewer_id, "0" * 16,
                          {**payload, **change})
        return event_problem(event, known)

    assert problem() is None
    first = payload["placements"][0]
    assert "outside" in problem(placements=[[*first[:4], 0, len(NEW) + 5]])
    assert "placed twice" in problem(placements=[first, first])
    assert "anchoring" in problem(placements=[[*first[:3], "teleported", *first[4:]]])
    assert "itself" in problem(revision_of=new_id)
    assert "no place" in problem(placements=[[*first[:3], "orphaned", 0, 4]])


def test_the_command_line_imports_a_revision_and_shows_anchoring(cli, files):
    old, new = files
    assert cli("import", old).returncode == 0
    old_id = cli("articles").stdout.decode().split()[0]
    claims = json.loads(cli("claims", "--json", old_id).stdout)
    traffic = next(c for c in claims if TRAFFIC in c["text"])
    assert (traffic["revision"], traffic["anchoring"]) == (1, None)
    cli("mark", traffic["id"], "disputed")
    done = cli("import", new, "--revision-of", old_id[:10])
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr
    assert "revision 2" in out and "1 orphaned" in out and "orphaned: " in out
    new_id = out.split()[0]
    rows = {c["id"]: c for c in json.loads(cli("claims", "--json", new_id).stdout)}
    row = rows[traffic["id"]]
    assert (row["revision"], row["anchoring"], row["status"]) == (2, "changed", "disputed")
    assert "12 percent" in row["previous_text"]
    listing = cli("claims", new_id).stdout.decode()
    assert "[text changed since your verdict; was: Traffic" in listing
    assert cli("confirm", traffic["id"][:10]).returncode == 0
    assert "text changed" not in cli("claims", new_id).stdout.decode()
    rows = {c["id"]: c for c in json.loads(cli("claims", "--json", new_id).stdout)}
    assert rows[traffic["id"]]["confirmed"] is True
    assert rows[traffic["id"]]["status"] == "disputed"


@pytest.mark.parametrize("target, words", [("same", "same text"), ("zzzz", "No article")])
def test_a_revision_that_cannot_be_one_changes_nothing(cli, files, target, words):
    old, new = files
    cli("import", old)
    old_id = cli("articles").stdout.decode().split()[0]
    before = db_fingerprint(cli.db)
    done = cli("import", old if target == "same" else new, "--revision-of",
               old_id if target == "same" else target)
    assert done.returncode == 1 and words in done.stderr.decode()
    assert done.stderr.decode().count("\n") == 1
    assert db_fingerprint(cli.db) == before


def test_an_article_already_here_is_not_taken_as_a_revision(desk, files):
    ana = desk.reviewer("Ana Ruiz")
    old_id = ana.import_files([files[0]]).imported[0].id
    ana.import_files([files[1]])
    with pytest.raises(WorkspaceError, match="already an article here"):
        ana.import_revision(files[1], old_id)


def test_a_ledger_file_of_the_revision_carries_its_earlier_text(desk, files):
    ana, cy = desk.reviewer("Ana Ruiz"), desk.reviewer("Cy Lam")
    old_id, ids = _reviewed(ana, files[0])
    new_id = ana.import_revision(files[1], old_id).article.id
    ana.add_claim(new_id, 0, 7)
    path = desk.folder / "revision.cledger"
    ana.export_ledger(path, [new_id])
    report = cy.sync_files([path], accept_new_reviewers=True)
    assert not report.failures
    assert {c.id for c in cy.claims(new_id)} == {c.id for c in ana.claims(new_id)}
    assert cy.claim(ids[TRAFFIC]).status is Status.UNREVIEWED  # Cy's own view
    assert cy.verdicts(new_id)[ids[TRAFFIC]][0].status is Status.DISPUTED


def test_the_pdf_names_the_revision_checked_and_what_changed(desk, files, tmp_path):
    ana = desk.reviewer("Ana Ruiz")
    old_id, _ = _reviewed(ana, files[0])
    new_id = ana.import_revision(files[1], old_id).article.id
    ana.export_pdf([new_id], tmp_path / "new.pdf")
    text = pdf_text(tmp_path / "new.pdf")
    assert "2 of 2, the latest" in text
    assert "Since revision 1: 5 unchanged, 1 moved (statement 5), 1 changed (statement 6)" \
        in text
    assert "Removed since revision 1, kept there with its verdicts" in text
    assert "Ruth Ambler" in text
    ana.export_pdf([old_id], tmp_path / "old.pdf")
    assert "Revision 2 was imported since: 1 statement(s) changed, 1 removed" \
        in pdf_text(tmp_path / "old.pdf")


def test_an_article_already_here_can_become_the_revision_until_it_is_reviewed(desk, files):
    ana = desk.reviewer("Ana Ruiz")
    old_id, ids = _reviewed(ana, files[0])
    new_id = ana.import_files([files[1]]).imported[0].id
    assert ana.revision_candidates(new_id) == [old_id]  # the same headline
    assert ana.revision_candidates(old_id) == [new_id]
    report = ana.make_revision(new_id, old_id)
    assert report.count("orphaned") == 1 and ana.claim(ids[TOLL]).article_id == new_id
    assert ana.revision_candidates(new_id) == [] and ana.projections_match_log()
    with pytest.raises(WorkspaceError, match="already revisions of one story"):
        ana.make_revision(new_id, old_id)


def test_a_reviewed_article_stays_its_own(desk, files):
    ana = desk.reviewer("Ana Ruiz")
    old_id, _ = _reviewed(ana, files[0])
    new_id = ana.import_files([files[1]]).imported[0].id
    ana.mark(_claim(ana, new_id, "new toll takes effect").id, Status.SOURCED)
    before = ana.claims(new_id)
    with pytest.raises(WorkspaceError, match="already reviewed the newer article"):
        ana.make_revision(new_id, old_id)
    assert ana.claims(new_id) == before and ana.earlier_revision(new_id) is None


def test_a_revision_never_takes_a_claim_from_another_story(desk, files):
    from sync_desk import SAMPLE

    ana = desk.reviewer("Ana Ruiz")
    old_id, _ = _reviewed(ana, files[0])
    new_id = ana.import_revision(files[1], old_id).article.id
    grain = ana.import_files([SAMPLE]).imported[0].id
    stranger = next(c for c in ana.claims(grain) if c.kind == "claim")
    forged = ana._event(ev.ARTICLE_REVISED, {
        "article": new_id, "revision_of": old_id,
        "placements": [[stranger.id, 0, 5, "exact", 0, 10]]})
    with ana.db.write() as conn:
        ana._append(conn, [forged])
    assert ana.claim(stranger.id).article_id == grain
    assert ana.claim(stranger.id).text == stranger.text and ana.projections_match_log()


def test_two_revisions_of_one_article_settle_the_same_way_everywhere(desk, files, tmp_path):
    from sync_desk import state

    ana, ben = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode")
    old_id, ids = _reviewed(ana, files[0])
    ben.sync_files([desk.export(ana, "ana-0")], accept_new_reviewers=True)
    other = tmp_path / "toll-ben.txt"
    other.write_text(NEW.replace("The new toll takes effect on April 1.",
                                 "Drivers can pay by phone from May."), encoding="utf-8")
    first = ana.import_revision(files[1], old_id).article.id
    second = ben.import_revision(other, old_id).article.id
    ana.sync_files([desk.export(ben, "ben")], accept_new_reviewers=True)
    ben.sync_files([desk.export(ana, "ana")], accept_new_reviewers=True)
    assert state(ana) == state(ben)
    assert ana.projections_match_log() and ben.projections_match_log()
    winner = ana.claim(ids[TOLL]).article_id
    assert winner in (first, second)
    loser = second if winner == first else first
    assert ana.earlier_revision(winner) == old_id and ana.earlier_revision(loser) is None
    assert ana.revision_number(loser) == 1 and ana.anchorings(loser) == {}
    assert any("toll will rise" in c.text for c in ana.claims(loser))  # its own again
    third = tmp_path / "toll-3.txt"
    third.write_text(NEW.replace("April 1.", "April 2."), encoding="utf-8")
    with pytest.raises(WorkspaceError, match="already has a later revision"):
        ana.import_revision(third, old_id)
