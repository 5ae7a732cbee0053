"""Matching across articles through the stored index: linked paraphrases, near misses,
incremental imports."""

from __future__ import annotations

from claimledger.store import analysis
from claimledger.text import LINK, SUGGEST, similarity
from claimledger.workspace import ANALYSIS_VERSION

GAZETTE = """\
Brenholt water bills rise 14 percent

By Nadia Okafor

The Brenholt water board raised household bills by 14 percent in January, the board said \
in a statement.

Engineers found 212 leaking pipes across the Brenholt network during a survey last autumn, \
according to the board.

The board's chair, Ingrid Salazar, declined to comment on whether further rises were planned.
"""

COURIER = """\
Households in Brenholt face higher water charges

By Tomas Lindgren

Household water bills in Brenholt rose 14 percent in January after the water board raised \
its charges.

A survey last autumn found 212 leaking pipes in the Brenholt network, the board said.

Residents' groups said the increase was the largest the town had seen in a decade.
"""

# near misses of both: other figures, another town
OSTERBY = """\
Osterby pipes survey finds fewer leaks

By Lena Vasquez

A survey last autumn found 120 leaking pipes in the Osterby network, the board said.

The Brenholt water board raised business bills by 41 percent in March.

Brenholt's water board put household bills up by 14 percent in January, the board said.
"""


def _ids(ws, article: str, words: str) -> str:
    return next(c.id for c in ws.claims(article) if words in c.text)


def _pairs(matches) -> dict[tuple[str, str], tuple[float, bool]]:
    return {(m.claim_id, m.other_claim_id): (m.similarity, m.linked) for m in matches}


def _import(ws, write_article, name, text, **options) -> str:
    return ws.import_files([write_article(name, text)], **options).imported[0].id


def test_paraphrases_in_two_articles_are_linked_both_ways(open_ws, write_article):
    ws = open_ws()
    gazette = _import(ws, write_article, "gazette.txt", GAZETTE)
    courier = _import(ws, write_article, "courier.txt", COURIER)
    bills = (_ids(ws, gazette, "raised household bills"), _ids(ws, courier, "Household water"))
    pipes = (_ids(ws, gazette, "212 leaking pipes across"), _ids(ws, courier, "212 leaking"))
    found = _pairs(ws.matches(gazette))
    for mine, theirs in (bills, pipes):
        score, linked = found[(mine, theirs)]
        assert linked and score >= LINK
        first, second = sorted((mine, theirs))  # scored in claim id order, either way
        assert score == similarity(ws.claim(first).text, ws.claim(second).text)
    back = {(m.claim_id, m.other_claim_id): m for m in ws.matches(courier)}
    assert (bills[1], bills[0]) in back and (pipes[1], pipes[0]) in back
    view = back[(pipes[1], pipes[0])]
    assert view.other_article_id == gazette
    assert view.other_article_title == "Brenholt water bills rise 14 percent"
    assert view.other_text == ws.claim(pipes[0]).text


def test_a_near_miss_is_not_linked(open_ws, write_article):
    ws = open_ws()
    gazette = _import(ws, write_article, "gazette.txt", GAZETTE)
    osterby = _import(ws, write_article, "osterby.txt", OSTERBY)
    pipes = _ids(ws, gazette, "212 leaking pipes")
    other_pipes = _ids(ws, osterby, "120 leaking pipes")
    business = _ids(ws, osterby, "business bills")
    found = _pairs(ws.matches(gazette))
    for pair in ((pipes, other_pipes), (_ids(ws, gazette, "raised household"), business)):
        score, linked = found.get(pair, (0.0, False))
        assert not linked and score < LINK
    # the same claim in other words is linked
    assert found[(_ids(ws, gazette, "raised household"), _ids(ws, osterby, "put household"))][1]


def test_importing_another_article_only_adds_its_own_matches(open_ws, write_article):
    ws = open_ws()
    gazette = _import(ws, write_article, "gazette.txt", GAZETTE)
    courier = _import(ws, write_article, "courier.txt", COURIER)
    first = {a: _pairs(ws.matches(a)) for a in (gazette, courier)}
    with ws.db.read() as conn:
        tokens_before = conn.exec_driver_sql(
            "SELECT token, claim FROM match_posting ORDER BY 1, 2").all()
    osterby = _import(ws, write_article, "osterby.txt", OSTERBY)
    assert ws.matches(osterby)
    third = {c.id for c in ws.claims(osterby)}
    for article in (gazette, courier):
        now = _pairs(ws.matches(article))
        old = {pair: value for pair, value in now.items() if pair[1] not in third}
        assert old == first[article]
        assert all(ws.claim(other).article_id == osterby for _mine, other in set(now) -
                   set(first[article]))
    with ws.db.read() as conn:
        lo, hi = analysis.claim_key_range(conn, osterby)
        kept = conn.exec_driver_sql(
            "SELECT token, claim FROM match_posting WHERE claim NOT BETWEEN ? AND ? "
            "ORDER BY 1, 2", (lo, hi)).all()
    assert kept == tokens_before  # the other articles' index entries were not rebuilt


def test_import_order_and_late_analysis_give_the_same_matches(open_ws, write_article,
                                                              tmp_path):
    texts = [("gazette.txt", GAZETTE), ("courier.txt", COURIER), ("osterby.txt", OSTERBY)]
    now = open_ws()
    ids = [_import(now, write_article, name, text) for name, text in texts]
    later = open_ws(path=tmp_path / "later.sqlite")
    for name, text in reversed(texts):
        _import(later, write_article, name, text, analyse=False)
    assert later.analyse_pending() == 3
    assert later.analyse_pending() == 0
    for article in ids:
        assert _pairs(later.matches(article)) == _pairs(now.matches(article))


def test_suggested_matches_and_retired_articles(open_ws, write_article):
    ws = open_ws()
    gazette = _import(ws, write_article, "gazette.txt", GAZETTE)
    osterby = _import(ws, write_article, "osterby.txt", OSTERBY)
    assert all(m.similarity >= SUGGEST for m in ws.matches(gazette))
    ws.retire_article(osterby)
    assert ws.matches(gazette) == []
    with ws.db.read() as conn:
        assert analysis.pending_articles(conn, ANALYSIS_VERSION) == []
