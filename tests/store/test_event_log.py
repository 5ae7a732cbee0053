"""The event log: append projects, append is idempotent, verdicts are last-writer-wins."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from claimledger.domain import events as ev
from claimledger.domain.clock import format_stamp
from claimledger.domain.events import Event
from claimledger.domain.ids import article_id_for, claim_id_for
from claimledger.store import log
from claimledger.store.tables import article_t, claim_t, event_t, reviewer_t, verdict_t

BODY = (
    "Ferry fares will rise 9% in July, the operator said. "
    "Harbour master Colm Reddan said depth had fallen 1.2 metres since 2019. "
    "The ministry declined to comment."
)
SENTENCES = [
    "Ferry fares will rise 9% in July, the operator said.",
    "Harbour master Colm Reddan said depth had fallen 1.2 metres since 2019.",
    "The ministry declined to comment.",
]
SPANS = [(BODY.index(s), BODY.index(s) + len(s)) for s in SENTENCES]


def _verdict(claim: str, author: str, hlc: str, status: str, **extra) -> Event:
    payload = {"claim": claim, "status": status, "reason": extra.get("reason"),
               "note": extra.get("note")}
    return Event.new(ev.VERDICT_SET, author, hlc, payload)


def _count(conn, table) -> int:
    return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _verdicts(conn) -> list[tuple]:
    return sorted(tuple(row) for row in conn.execute(select(verdict_t)))


def test_import_event_projects_the_article_and_its_statements(db, imported_event):
    event = imported_event(BODY, SPANS, title="Ferry fares to rise")
    with db.write() as conn:
        assert log.append(conn, [event]) == [event]
    article_id = article_id_for(BODY)
    with db.read() as conn:
        article = conn.execute(select(article_t)).one()
        claims = conn.execute(select(claim_t).order_by(claim_t.c.start)).all()
        stored = list(log.iter_events(conn))
    assert (article.id, article.title, article.text, article.retired) == (
        article_id, "Ferry fares to rise", BODY, 0)
    assert [(c.id, c.start, c.end, c.text, c.origin) for c in claims] == [
        (claim_id_for(article_id, s, e), s, e, BODY[s:e], "auto") for s, e in SPANS
    ]
    assert stored == [event]


def test_events_round_trip_through_the_log(db, imported_event):
    article = imported_event(BODY, SPANS)
    claim = claim_id_for(article_id_for(BODY), *SPANS[0])
    verdict = _verdict(claim, "author-a", format_stamp(2_000, 0), "disputed",
                       reason="Misquoted", note="Zoë's note: “quoted” 🚩")
    with db.write() as conn:
        log.append(conn, [article, verdict])
    with db.read() as conn:
        assert list(log.iter_events(conn)) == [article, verdict]
        assert list(log.iter_events(conn, claim_id=claim)) == [verdict]
        assert log.latest_hlc(conn) == format_stamp(2_000, 0)


def test_other_events_update_their_projections(db, imported_event):
    article = imported_event(BODY, SPANS)
    article_id = article_id_for(BODY)
    start = BODY.index("fares")
    manual = claim_id_for(article_id, start, start + 5)
    events = [
        Event.new(ev.REVIEWER_JOINED, "author-a", format_stamp(900, 0), {"name": "Ana"}),
        article,
        Event.new(ev.CLAIM_CREATED, "author-a", format_stamp(1_100, 0),
                  {"article": article_id, "claim": manual, "start": start, "end": start + 5}),
        Event.new(ev.CLAIM_RETIRED, "author-a", format_stamp(1_200, 0),
                  {"claim": claim_id_for(article_id, *SPANS[2])}),
        Event.new(ev.ARTICLE_EDITED, "author-a", format_stamp(1_300, 0),
                  {"article": article_id, "fields": {"title": "Fares up", "text": "hacked"}}),
    ]
    with db.write() as conn:
        log.append(conn, events)
    with db.read() as conn:
        assert conn.execute(select(reviewer_t.c.id, reviewer_t.c.name)).all() == [
            ("author-a", "Ana")]
        row = conn.execute(select(claim_t).where(claim_t.c.id == manual)).one()
        assert (row.text, row.origin) == ("fares", "manual")
        retired = conn.execute(select(claim_t.c.retired).where(
            claim_t.c.id == claim_id_for(article_id, *SPANS[2]))).scalar_one()
        assert retired == 1
        title, body = conn.execute(select(article_t.c.title, article_t.c.text)).one()
        assert (title, body) == ("Fares up", BODY)  # the text is not editable


def test_append_is_idempotent(db, imported_event):
    article = imported_event(BODY, SPANS)
    claim = claim_id_for(article_id_for(BODY), *SPANS[1])
    verdict = _verdict(claim, "author-a", format_stamp(2_000, 0), "sourced")
    with db.write() as conn:
        assert log.append(conn, [article, verdict]) == [article, verdict]
    with db.write() as conn:
        assert log.append(conn, [article, verdict, verdict]) == []
    with db.read() as conn:
        assert _count(conn, event_t) == 2
        assert _count(conn, article_t) == 1
        assert _count(conn, claim_t) == len(SPANS)
        assert _count(conn, verdict_t) == 1


def test_same_event_twice_in_one_batch_is_stored_once(db, imported_event):
    article = imported_event(BODY, SPANS)
    with db.write() as conn:
        assert log.append(conn, [article, article]) == [article]
        assert conn.execute(text("SELECT count(*) FROM event")).scalar_one() == 1


def test_a_later_verdict_wins_and_an_earlier_one_arriving_late_does_not(db, imported_event):
    claim = claim_id_for(article_id_for(BODY), *SPANS[0])
    early = _verdict(claim, "author-a", format_stamp(2_000, 0), "sourced")
    late = _verdict(claim, "author-a", format_stamp(3_000, 0), "disputed")
    with db.write() as conn:
        log.append(conn, [imported_event(BODY, SPANS), late])
        log.append(conn, [early])  # e.g. merged in from an older copy of the ledger
        status = conn.execute(select(verdict_t.c.status)).scalar_one()
    assert status == "disputed"


def test_one_reviewer_never_overwrites_another(db, imported_event):
    claim = claim_id_for(article_id_for(BODY), *SPANS[0])
    with db.write() as conn:
        log.append(conn, [
            imported_event(BODY, SPANS),
            _verdict(claim, "author-a", format_stamp(2_000, 0), "sourced"),
            _verdict(claim, "author-b", format_stamp(3_000, 0), "disputed"),
        ])
        rows = conn.execute(select(verdict_t.c.reviewer_id, verdict_t.c.status)
                            .order_by(verdict_t.c.reviewer_id)).all()
    assert rows == [("author-a", "sourced"), ("author-b", "disputed")]


# --- last writer wins, whatever the order the events arrive in -------------------------

CLAIMS = [claim_id_for(article_id_for(BODY), s, e) for s, e in SPANS[:2]]
STATUSES = ["sourced", "disputed", "unverified", "not-a-claim", "unreviewed"]

verdict_events = st.builds(
    _verdict,
    claim=st.sampled_from(CLAIMS),
    author=st.sampled_from(["author-a", "author-b", "author-c"]),
    # few distinct stamps, so ties on the clock (broken by author, then id) are common
    hlc=st.builds(format_stamp, st.integers(2_000, 2_003), st.integers(0, 1)),
    status=st.sampled_from(STATUSES),
    note=st.none() | st.text(max_size=8),
)


def _expected(events: list[Event]) -> list[tuple]:
    winners: dict[tuple[str, str], Event] = {}
    for event in events:
        key = (event.payload["claim"], event.author)
        if key not in winners or event.order_key > winners[key].order_key:
            winners[key] = event
    return sorted(
        (claim, author, e.payload["status"], e.payload["reason"], e.payload["note"], e.id,
         e.hlc, e.author)
        for (claim, author), e in winners.items()
    )


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_verdicts_are_last_writer_wins_in_any_order(db, imported_event, data):
    events = data.draw(st.lists(verdict_events, min_size=1, max_size=10), label="events")
    orders = [data.draw(st.permutations(events), label=f"order {i}") for i in range(3)]
    article = imported_event(BODY, SPANS)
    expected = _expected(events)
    for order in orders:
        with db.rollback_only() as conn:
            log.append(conn, [article])
            # one event at a time, then again: as if merged from several ledgers
            for event in order:
                log.append(conn, [event])
            log.append(conn, list(reversed(order)))
            assert _verdicts(conn) == expected
            assert _count(conn, event_t) == 1 + len({e.id for e in events})  # one per content
