"""Close and reopen: everything as it was left, and the clock never runs backwards."""

from __future__ import annotations

from claimledger.domain import clock as clock_module
from claimledger.domain.clock import parse_stamp
from claimledger.store import log, verify


def _latest_hlc(ws) -> str:
    with ws.db.read() as conn:
        return log.latest_hlc(conn)


def _all(ws):
    articles = ws.articles()
    return articles, {a.id: ws.claims(a.id) for a in articles}


def test_everything_is_as_left(open_workspace, article_files):
    ws = open_workspace("Ana")
    report = ws.import_files(list(article_files.values()))
    first = ws.claims(report.imported[0].id)
    ws.mark(first[0].id, "disputed", reason="Misquoted", note="Quote is from 2019 — “old”.")
    ws.mark(first[1].id, "sourced")
    ws.set_note(first[1].id, "Checked 🗂️")
    state = _all(ws)
    with ws.db.read() as conn:
        tables, events = verify.snapshot(conn), list(log.iter_events(conn))
    reviewer_id = ws.reviewer_id
    ws.close()

    again = open_workspace("Ana", path=ws.path)
    assert again.reviewer_id == reviewer_id
    assert _all(again) == state
    with again.db.read() as conn:
        assert verify.snapshot(conn) == tables
        assert list(log.iter_events(conn)) == events
    assert again.projections_match_log()
    again.mark(first[2].id, "unverified")
    with again.db.read() as conn:
        assert len(verify.snapshot(conn)["reviewer"]) == 1  # joined once, not per session


def test_another_reviewer_sees_their_own_verdicts(open_workspace, article_files):
    ana = open_workspace("Ana")
    article = ana.import_files([article_files["clinic.txt"]]).imported[0].id
    claim = ana.claims(article)[0].id
    ana.mark(claim, "disputed")
    ana.close()
    ben = open_workspace("Ben", path=ana.path)
    assert ben.reviewer_id != ana.reviewer_id
    assert ben.claim(claim).status.value == "unreviewed"
    assert ben.articles()[0].reviewed == 0


class _FrozenTime:
    """A `time` module whose wall clock stands a day in the past."""

    def __init__(self, ns: int) -> None:
        self.ns = ns

    def time_ns(self) -> int:
        return self.ns


def test_the_clock_never_goes_backwards(open_workspace, article_files, monkeypatch):
    ws = open_workspace("Ana")
    article = ws.import_files([article_files["harbour.txt"]]).imported[0].id
    claims = [c.id for c in ws.claims(article)]
    ws.mark(claims[0], "sourced")
    old = _latest_hlc(ws)
    ws.close()

    day_ago = (parse_stamp(old)[0] - 86_400_000) * 1_000_000
    monkeypatch.setattr(clock_module, "time", _FrozenTime(day_ago))
    again = open_workspace("Ana", path=ws.path)
    stamps = []
    for claim in claims[:3]:
        again.mark(claim, "disputed")
        stamps.append(_latest_hlc(again))
    assert old < stamps[0] < stamps[1] < stamps[2]
    assert parse_stamp(stamps[0])[0] == parse_stamp(old)[0]  # held at the newest stamp seen
    assert len(set(stamps)) == 3
    assert again.projections_match_log()
    assert again.claim(claims[0]).status.value == "disputed"  # a later event still wins
