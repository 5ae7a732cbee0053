"""Benchmark of the store: import, opening a large workspace, marking with commit.

Run ``python tests/bench/bench_store.py`` or call ``run()`` (tests/bench/run.py does).
Prints figures only; nothing here asserts a timing.

- import of a 20 KB article and a 1 MB text through ``Workspace.import_files`` (cleaning,
  segmenting and storing the statements), and its store part alone, each as a ratio to
  raw ``sqlite3`` ``executemany`` of the same claim rows into an equivalent table, from
  alternated pairs of runs in this process (ratio.py);
- opening a workspace of 1,000 articles and 100,000 statements: ``Workspace(...)`` +
  ``articles()`` + ``claims(first)`` (the window's own part is measured elsewhere);
- marking a claim (one committed transaction each): p50 and p95 over 300 marks.
"""

from __future__ import annotations

import itertools
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import keyring
from keyring.backends.null import Keyring as NullKeyring

REPO = Path(__file__).resolve().parents[2]
for _path in (REPO / "desktop", REPO / "tests" / "bench"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from ratio import alternate, wall  # noqa: E402

from claimledger.domain import events as ev  # noqa: E402
from claimledger.domain.ids import article_id_for  # noqa: E402
from claimledger.text import prepare_article  # noqa: E402
from claimledger.workspace import Workspace  # noqa: E402

BIG_ARTICLES = 1_000
STATEMENTS_PER_ARTICLE = 100
MARKS = 300

# --- synthetic news ------------------------------------------------------------------

_FIRST = ["Maria", "Tomás", "Amara", "Helena", "Łukasz", "Kofi", "Ana", "Ingrid", "Ravi",
          "Chloé", "Dmytro", "Aylin", "Oluwaseun", "Mei", "Sebastián", "Freya"]
_LAST = ["Nuñez", "Reyes", "Okonkwo", "Brandvold", "Wiśniewski", "Mensah", "Ruiz",
         "Halvorsen", "Iyer", "Dubois", "Halenko", "Sarıkaya", "Adeyemi", "Chen", "Ortiz"]
_ROLES = ["the mayor", "a council member", "the finance director", "a union spokeswoman",
          "the health minister", "an economist at Orvent Bank", "the port's chief executive"]
_PLACES = ["Port Averill", "Sarvinsk", "Lowmere", "Eastmoor", "Veldra", "Northgate"]
_THINGS = ["rents", "grain exports", "waiting times", "bus fares", "school places",
           "hospital admissions", "ferry crossings", "property taxes", "water bills"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
_QUOTES = ["We will not back down", "The numbers speak for themselves",
           "Nobody asked the people who live here", "This is the best deal we could get",
           "We expect next year to be stronger still", "It is a tax on the east side"]
_TEMPLATES = [
    "{name}, {role}, said {thing} in {place} rose {pct}% in {month} to ${money} million.",
    "“{quote},” {name} said on {day}.",
    "According to figures seen by the Courier, {thing} fell {pct} percent since {year}.",
    "The council voted {a}-{b} on {day} to spend ${money} million on {thing}.",
    "{name} said {count:,} residents had signed a petition, a claim {role} disputed.",
    "Officials in {place} declined to comment on the {pct}% figure.",
    "The plan would cost about ${money} million over {years} years, the report said.",
    "{name} told reporters that {thing} had doubled since {year}, without giving evidence.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _sentence(rng: random.Random) -> str:
    a = rng.randint(3, 9)
    return rng.choice(_TEMPLATES).format(
        name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", role=rng.choice(_ROLES),
        thing=rng.choice(_THINGS), place=rng.choice(_PLACES), pct=rng.randint(2, 60),
        month=rng.choice(_MONTHS), money=rng.randint(2, 900), quote=rng.choice(_QUOTES),
        day=rng.choice(_DAYS), year=rng.randint(2009, 2024), a=a, b=rng.randint(0, a - 1),
        count=rng.randint(200, 40_000), years=rng.randint(5, 30),
    )


def synthetic_news(size: int, seed: int = 7) -> str:
    """About `size` characters of invented news: headline, byline, paragraphs."""
    rng = random.Random(seed)
    parts = [f"{rng.choice(_PLACES)} council splits over {rng.choice(_THINGS)} plan", "",
             f"By {rng.choice(_FIRST)} {rng.choice(_LAST)}", ""]
    length = sum(len(p) + 1 for p in parts)
    while length < size:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        parts += [paragraph, ""]
        length += len(paragraph) + 2
    return "\n".join(parts)


def _short_article(rng: random.Random, n: int) -> tuple[str, list[tuple[int, int]]]:
    """A headline and STATEMENTS_PER_ARTICLE - 1 sentences, with their spans."""
    lines = [f"Article {n}: {rng.choice(_PLACES)} {rng.choice(_THINGS)} under scrutiny"]
    spans = [(0, len(lines[0]))]
    body = [_sentence(rng) for _ in range(STATEMENTS_PER_ARTICLE - 1)]
    text = lines[0] + "\n\n"
    for i in range(0, len(body), 4):
        paragraph_start = len(text)
        paragraph = body[i:i + 4]
        offset = paragraph_start
        for sentence in paragraph:
            spans.append((offset, offset + len(sentence)))
            offset += len(sentence) + 1
        text += " ".join(paragraph) + "\n\n"
    return text, spans


# --- measurements --------------------------------------------------------------------

_RAW_DDL = """
CREATE TABLE claim (
    id TEXT NOT NULL PRIMARY KEY, article_id TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, role TEXT NOT NULL,
    origin TEXT NOT NULL, retired INTEGER NOT NULL, UNIQUE (article_id, start, "end"));
CREATE INDEX ix_claim_article_start ON claim (article_id, start);
"""
# the search index the 0002 migration keeps on claims, for a second, fairer baseline
_RAW_FTS_DDL = """
CREATE VIRTUAL TABLE claim_fts USING fts5(
    statement, notes, excerpts, tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN
    INSERT INTO claim_fts (rowid, statement, notes, excerpts) VALUES (new.rowid, new.text, '', '');
END;
"""


def _raw_executemany(folder: Path, rows: list[tuple], *, fts: bool = False) -> float:
    """Seconds for plain sqlite3 to insert `rows` into an equivalent claim table (with
    `fts`, also into a full-text index kept by a trigger, as the workspace does)."""
    path = folder / f"raw-{len(rows)}-{time.perf_counter_ns()}.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executescript(_RAW_DDL + (_RAW_FTS_DDL if fts else ""))
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO claim VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def _bench_import(folder: Path, label: str, size: int, seed: int, rounds: int) -> list[str]:
    """import_files and its store part, each against raw sqlite3 in alternated pairs; each
    run gets a fresh workspace (made, and its key unlocked, before the clock starts)."""
    body = synthetic_news(size, seed)
    path = folder / f"{label}.txt"
    path.write_text(body, encoding="utf-8")
    data = path.read_bytes()
    prepared = prepare_article(data, path.name)  # also warms the pipeline's lazy imports
    prepare = statistics.median(wall(lambda: prepare_article(data, path.name))[0]
                                for _ in range(3))
    numbers = itertools.count()

    def fresh_run(verb) -> float:  # type: ignore[no-untyped-def]
        ws = _workspace(folder / f"import-{label}-{next(numbers)}.sqlite")
        try:
            ws.unlock()
            return wall(lambda: verb(ws))[0]
        finally:
            ws.close()

    rows, analysed = _rows_and_analysis(folder / f"rows-{label}.sqlite", path)
    whole = alternate(lambda: fresh_run(lambda ws: ws.import_files([path], analyse=False)),
                      lambda: _raw_executemany(folder, rows), rounds, seconds=float)
    store = alternate(lambda: fresh_run(lambda ws: ws._store_prepared([(path.name, prepared)])),
                      lambda: _raw_executemany(folder, rows, fts=True), rounds, seconds=float)
    return [
        f"import {label} ({len(data) / 1024:,.0f} KB, {len(rows):,} statements): "
        f"import_files(analyse=False) median {whole.median_a:.3f} s (text pipeline "
        f"{prepare:.3f} s of it, median of 3; store part {store.median_a:.3f} s); "
        f"analyse() after it {analysed:.3f} s (what analyse=True, the default, adds)",
        f"  raw sqlite3 executemany of the same rows: {whole.median_b * 1000:.1f} ms "
        f"(with the FTS5 trigger: {store.median_b * 1000:.1f} ms)",
        "  " + whole.line("import_files(analyse=False) / raw sqlite3", "raw sqlite3"),
        "  " + store.line("store part (Workspace._store_prepared: signed event, projections) "
                          "/ raw sqlite3 with the FTS5 trigger", "raw sqlite3 with FTS"),
    ]


def _rows_and_analysis(path: Path, article: Path) -> tuple[list[tuple], float]:
    """The claim rows an import of `article` stores, and the seconds analyse() takes."""
    ws = _workspace(path)
    try:
        article_id = ws.import_files([article], analyse=False).imported[0].id
        analysed = wall(lambda: ws.analyse(article_id))[0]
        with ws.db.read() as conn:
            rows = [tuple(r) for r in conn.exec_driver_sql(
                'SELECT id, article_id, start, "end", text, kind, role, origin, retired '
                "FROM claim WHERE article_id = ?", (article_id,))]
    finally:
        ws.close()
    return rows, analysed


def _build_big_workspace(path: Path) -> tuple[float, int]:
    """1,000 articles x 100 statements, appended as article.imported events through the
    workspace's own log path (the text pipeline is skipped: the spans are known)."""
    rng = random.Random(11)
    started = time.perf_counter()
    ws = _workspace(path)
    try:
        ws.unlock()
        with ws.db.write() as conn:
            for n in range(BIG_ARTICLES):
                text, spans = _short_article(rng, n)
                payload = {
                    "article": article_id_for(text), "title": text.split("\n", 1)[0],
                    "outlet": "The Synthetic Courier", "author": "By Bench Writer",
                    "url": None, "published": "2026-01-01",
                    "retrieved": f"2026-01-01T00:{n // 60 % 60:02d}:{n % 60:02d}Z",
                    "filename": f"article-{n:04d}.txt", "encoding": "utf-8", "text": text,
                    "statements": [[s, e, "claim", "body"] for s, e in spans],
                }
                # the workspace's own path: a signed event, projected in the same transaction
                ws._append(conn, [ws._event(ev.ARTICLE_IMPORTED, payload)])
        statements = sum(a.statements for a in ws.articles())
    finally:
        ws.close()
    return time.perf_counter() - started, statements


def _bench_open(path: Path) -> list[str]:
    timings, first_claims = [], 0
    for _ in range(5):
        started = time.perf_counter()
        ws = _workspace(path)
        opened = time.perf_counter()
        articles = ws.articles()
        listed = time.perf_counter()
        first_claims = len(ws.claims(articles[0].id))
        done = time.perf_counter()
        ws.close()
        timings.append((opened - started, listed - opened, done - listed, done - started))
    first, median = timings[0], [statistics.median(t[i] for t in timings) for i in range(4)]

    def fmt(t) -> str:
        return (f"{t[3] * 1000:.0f} ms (open {t[0] * 1000:.0f}, articles() {t[1] * 1000:.0f}, "
                f"claims(first) {t[2] * 1000:.1f})")

    return [f"open {BIG_ARTICLES:,}-article workspace + articles() + claims(first, "
            f"{first_claims} rows): first {fmt(first)}; median of 5 {fmt(median)}"]


def _bench_marks(path: Path) -> list[str]:
    ws = _workspace(path)
    try:
        articles = ws.articles()
        rng = random.Random(3)
        claims = [c.id for a in rng.sample(articles, 10) for c in ws.claims(a.id)]
        statuses = ["sourced", "disputed", "unverified", "not-a-claim"]
        times = []
        for i in range(MARKS):
            claim = claims[(i * 37) % len(claims)]
            started = time.perf_counter()
            ws.mark(claim, statuses[i % len(statuses)], note=f"bench note {i}")
            times.append(time.perf_counter() - started)
        ok = ws.projections_match_log()
    finally:
        ws.close()
    cuts = statistics.quantiles(times, n=100)
    return [f"mark with commit ({MARKS} marks on a {BIG_ARTICLES:,}-article workspace): "
            f"p50 {cuts[49] * 1000:.2f} ms, p95 {cuts[94] * 1000:.2f} ms, "
            f"max {max(times) * 1000:.2f} ms; projections match log afterwards: {ok}"]


_QUERIES = ["council", "petition residents", "declined comment", "million plan", "evidence",
            "report said", "doubled", "scrutiny", "voted", "figure"]


def _bench_search(path: Path) -> list[str]:
    """FTS5 search over every statement, note and excerpt of the big workspace."""
    ws = _workspace(path)
    try:
        words = _QUERIES + [f"{p.lower()}" for p in _PLACES] + [t.split()[0] for t in _THINGS]
        times, hits = [], 0
        for i in range(200):
            query = words[i % len(words)]
            started = time.perf_counter()
            hits += len(ws.search(query))
            times.append(time.perf_counter() - started)
    finally:
        ws.close()
    cuts = statistics.quantiles(times, n=100)
    return [f"search (FTS5, 200 queries, up to 200 hits each) over {BIG_ARTICLES * 100:,} "
            f"statements: p50 {cuts[49] * 1000:.1f} ms, p95 {cuts[94] * 1000:.1f} ms "
            f"(budget p95 50 ms; {hits / 200:.0f} hits per query)"]


def _bench_window(path: Path) -> list[str]:
    """The real window on the big workspace, to a rendered screenshot, in a fresh process."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CLAIM_LEDGER_ALLOW_FILE_KEY="1",
               XDG_CONFIG_HOME=str(path.parent / "config"),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "claimledger", "--db", str(path), "--reviewer",
                        "Bench", "--screenshot", str(path.parent / "window.png")],
                       env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return [f"open the {BIG_ARTICLES:,}-article workspace to a rendered window (new process, "
            f"--screenshot, quit included): median of 3 {statistics.median(times):.2f} s "
            f"(budget 2 s)"]


def _workspace(path: Path) -> Workspace:
    """A workspace whose reviewer key lives in the bench's temporary folder."""
    return Workspace(path, "Bench", config_dir=path.parent / "config", allow_file_key=True)


@contextmanager
def _no_real_keyring():
    """Keep the bench's throwaway keys out of the user's keyring: a key file it is."""
    previous = keyring.get_keyring()
    keyring.set_keyring(NullKeyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def run() -> list[str]:
    lines = []
    with _no_real_keyring(), tempfile.TemporaryDirectory(prefix="claimledger-bench-") as tmp:
        folder = Path(tmp)
        lines += _bench_import(folder, "20 KB article", 20 * 1024, seed=1, rounds=7)
        lines += _bench_import(folder, "1 MB text", 1024 * 1024, seed=2, rounds=3)
        big = folder / "big.sqlite"
        seconds, statements = _build_big_workspace(big)
        lines.append(f"built a workspace of {BIG_ARTICLES:,} articles and {statements:,} "
                     f"statements in {seconds:.1f} s ({big.stat().st_size / 2**20:,.0f} MB; "
                     f"through the log, not analysed for assisted review)")
        lines += _bench_open(big)
        lines += _bench_window(big)
        lines += _bench_search(big)
        lines += _bench_marks(big)
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
