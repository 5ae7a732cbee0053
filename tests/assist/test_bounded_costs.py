"""What one article costs does not grow with the workspace: matching reads a bounded
number of postings, suggestions read only this article's verdicts and a bounded set of
other claims for clashes, and the dev set's paraphrases are still found through the
stored index."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from claimledger.store import analysis
from claimledger.workspace import assist

BENCH = Path(__file__).resolve().parents[1] / "bench"

TEMPLATE = ("The Brenholt water board counted {n} leaking pipes across the town network "
            "during a survey in January.")


def _article(number: int) -> str:
    return (f"Brenholt pipes survey {number}\n\n"
            + TEMPLATE.format(n=1000 + number)
            + f"\n\nThe survey of district {number} cost the board {number + 20} days of work.\n")


@pytest.fixture
def counted(monkeypatch):
    """Every call of analysis.postings, as (tokens asked, rows returned)."""
    calls: list[tuple[set[int], int]] = []
    real = analysis.postings

    def spy(conn, tokens, **options):
        tokens = set(tokens)
        found = real(conn, tokens, **options)
        calls.append((tokens, sum(len(keys) for keys in found.values())))
        return found

    monkeypatch.setattr(analysis, "postings", spy)
    return calls


def _rows_for_one_more(ws, counted, number: int) -> tuple[int, int]:
    counted.clear()
    article = ws.import_text(_article(number), f"Survey {number}").id
    matched = len(ws.matches(article))
    return sum(rows for _tokens, rows in counted), matched


def test_matching_reads_at_most_posting_cap_rows_per_token(open_ws, counted, monkeypatch):
    monkeypatch.setattr(assist, "POSTING_CAP", 3)
    ws = open_ws()
    for number in range(4):
        ws.import_text(_article(number), f"Survey {number}")
    few, matched_few = _rows_for_one_more(ws, counted, 50)
    for number in range(4, 16):
        ws.import_text(_article(number), f"Survey {number}")
    many, matched_many = _rows_for_one_more(ws, counted, 51)
    tokens = len(counted[0][0])
    assert many <= 3 * tokens
    assert many == few  # four times the articles sharing every word: the same rows read
    assert matched_few > 0 and matched_many > 0


def test_tokens_in_too_many_articles_are_not_looked_up(open_ws, counted, monkeypatch):
    monkeypatch.setattr(assist, "DF_CUTOFF", 3)
    ws = open_ws()
    for number in range(6):
        ws.import_text(_article(number), f"Survey {number}")
    counted.clear()
    late = ws.import_text(
        "Brenholt pipes\n\nEngineers found 1003 leaking pipes in the Brenholt network in "
        "January, the water board said.\n", "Pipes").id
    asked = set().union(*(tokens for tokens, _rows in counted))
    common = {assist.token_key(word) for word in ("brenholt", "leak", "pipe", "network")}
    assert asked and not asked & common  # in all six articles: above the cut-off
    assert assist.token_key("1003") in asked  # the figure, in one, is still looked up
    found = {m.other_article_id for m in ws.matches(late)}
    assert len(found) == 1  # and the paraphrase it points at is found
    with ws.db.read() as conn:
        key = assist.token_key("brenholt")
        posted = conn.exec_driver_sql("SELECT count(*) FROM match_posting WHERE token = ?",
                                      (key,)).scalar()
        articles = conn.exec_driver_sql("SELECT articles FROM match_frequency WHERE token = ?",
                                        (key,)).scalar()
    assert (posted, articles) == (3, 7)  # posted while rarer than the cut-off, always counted


def test_an_article_dropped_takes_its_postings_and_counts(open_ws):
    ws = open_ws()
    first = ws.import_text(_article(1), "Survey 1").id
    with ws.db.read() as conn:
        empty = conn.exec_driver_sql("SELECT count(*) FROM match_posting").scalar()
    second = ws.import_text(_article(2), "Survey 2").id
    ws.retire_article(second)
    with ws.db.write() as conn:
        analysis.drop_article(conn, second)
        posted = conn.exec_driver_sql("SELECT count(*) FROM match_posting").scalar()
        counts = dict(conn.exec_driver_sql("SELECT token, articles FROM match_frequency").all())
    assert posted == empty and set(counts.values()) == {1}
    assert ws.matches(first) == []


def test_clashes_read_a_bounded_number_of_other_claims(open_ws, monkeypatch):
    monkeypatch.setattr(assist, "CLASH_CAP", 2)
    seen: list[int] = []
    real = analysis.clash_candidates

    def spy(conn, keys, **options):
        found = real(conn, keys, **options)
        seen.append(len(found))
        return found

    monkeypatch.setattr(analysis, "clash_candidates", spy)
    ws = open_ws()
    for number in range(6):
        ws.import_text(f"Measles in Elsmere {number}\n\nElsmere recorded {40 + number} "
                       f"measles cases in 2024, the county health department said.\n",
                       f"Measles {number}")
    article = ws.import_text("Measles in Elsmere\n\nElsmere recorded 90 measles cases in "
                             "2024, the county health department said.\n", "Measles").id
    seen.clear()
    flags = [f for row in ws.suggestions(article).values() for f in row.flags]
    assert seen == [2]  # two of the six others with figures in that group, not all six
    assert len(flags) == 2


def _steps(ws, function) -> int:
    """SQLite virtual-machine steps a read takes (a count of work, not a timing)."""
    with ws.db.read() as conn:
        raw = conn.connection.driver_connection
        steps = [0]

        def tick() -> int:
            steps[0] += 1
            return 0

        raw.set_progress_handler(tick, 1)
        try:
            function(conn)
        finally:
            raw.set_progress_handler(None, 1)
    return steps[0]


def test_suggestions_do_not_read_other_articles_verdicts(open_ws):
    ws = open_ws()
    mine = ws.import_text("Claimed figures\n\nThe mayor said, without evidence, that crime "
                          "fell 40 percent last year.\n", "Crime").id
    claim = next(c for c in ws.claims(mine) if c.kind == "claim")
    ws.accept(claim.id)
    sentences = " ".join(f"The council approved plan number {n} on Monday." for n in range(300))
    other = ws.import_text(f"Plans\n\n{sentences}\n", "Plans").id

    def read(conn) -> None:
        assert analysis.accepted_claims(conn, mine, ws.reviewer_id) == {claim.id}
        analysis.dismissed_claims(conn, mine, ws.reviewer_id)

    before = _steps(ws, read)
    with ws.db.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO verdict (claim_id, reviewer_id, status, event_id, hlc, author) "
            "SELECT id, ?, 'sourced', 'e', 'h', ? FROM claim WHERE article_id = ?",
            (ws.reviewer_id, ws.reviewer_id, other))
        conn.exec_driver_sql(
            "INSERT INTO dismissal (claim_id, reviewer_id, dismissed, hlc, author, event_id) "
            "SELECT id, ?, 1, 'h', ?, 'e' FROM claim WHERE article_id = ?",
            (ws.reviewer_id, ws.reviewer_id, other))
    assert _steps(ws, read) == before  # 300 more verdicts elsewhere: not one more step


def _bench_assist():
    for name in ("bench_text", "bench_suggest", "bench_assist"):
        if name in sys.modules:
            continue
        spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules["bench_assist"]


@pytest.mark.parametrize("cutoff", [assist.DF_CUTOFF, 3])
def test_devset_paraphrases_are_found_through_the_stored_index(open_ws, monkeypatch, cutoff):
    """Every labelled pair at SUGGEST and as many linked as before (14 of 22), with the
    cut-offs as shipped and with a document-frequency cut-off of 3 articles (of 12), as
    common words are in a large workspace."""
    monkeypatch.setattr(assist, "DF_CUTOFF", cutoff)
    recall = _bench_assist().devset_recall(open_ws())
    assert recall["suggest"] == recall["pairs"]
    assert recall["link"] >= 14
