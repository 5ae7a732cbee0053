"""Benchmark of assisted review below the window: analysis and incremental matching.

Run ``python tests/bench/bench_assist.py`` (with PYTHONPATH=desktop) or call ``run()``.
Reports the time ``Workspace.analyse`` takes for a 20 KB article beyond its import
(suggestions, check-worthiness, figures, index entries and matching, saved), the time
to build a workspace of 1,000 analysed synthetic articles (reported separately; built in
bulk), one new article analysed and matched against those 1,000 through the stored
index, and an import with and without the analysis.

Then what the issue "costs must not grow with the workspace" asks: one news-like
article of 100 statements imported into workspaces of 10 and of 5,000 such articles
that report the same facts in other words (so the matches are real), the ratio of the
two (budget 2x), suggestions() for that article at both sizes, and the match index in
bytes per statement. The 5,000-article workspace is built in bulk once and cached under
tests/artifacts/bench/, keyed by CORPUS_VERSION and the analysis version. The labelled
dev set (tests/data/devset) is then imported into it and its paraphrase pairs scored
through the stored index, at the SUGGEST and LINK thresholds (``devset_recall``).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
if str(REPO / "desktop") not in sys.path:
    sys.path.insert(0, str(REPO / "desktop"))
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from bench_suggest import synthetic_claims  # type: ignore[import-not-found]  # noqa: E402
from bench_text import synthetic_news  # type: ignore[import-not-found]  # noqa: E402

from claimledger.store import analysis  # noqa: E402
from claimledger.text import (  # noqa: E402
    LINK,
    SUGGEST,
    PreparedArticle,
    Statement,
    prepare_article,
)
from claimledger.workspace import ANALYSIS_VERSION, Workspace  # noqa: E402
from claimledger.workspace.assist import (  # noqa: E402
    analyse_claims,
    index_entries,
    index_tokens,
)


def _article(number: int, claims: list[tuple[str, str]]) -> PreparedArticle:
    """A synthetic article: a headline, then one paragraph per claim."""
    parts, statements, position = [], [], 0
    headline = f"Report number {number} on the regional figures"
    for index, body in enumerate([headline] + [text for _id, text in claims]):
        statements.append(Statement(position, position + len(body),
                                    "not-a-claim" if index == 0 else "claim",
                                    "headline" if index == 0 else "body"))
        parts.append(body)
        position += len(body) + 2
    return PreparedArticle(text="\n\n".join(parts), title=headline, byline=None, outlet=None,
                           published=None, url=None, encoding="utf-8", statements=statements)


def _timed(function):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def _build(ws: Workspace, articles: list[PreparedArticle]) -> list[str]:
    """Store the articles in one transaction and index them in bulk (no matching among
    them: the figure measured is the next article matched against all of them)."""
    imported = ws._store_prepared([(None, a) for a in articles])
    ids = [item.id for item in imported]
    with ws.db.write() as conn:
        for article_id in ids:
            claims = analysis.live_claims(conn, article_id)
            analyses = analyse_claims(claims)
            _features, tokens = index_entries(claims, analyses)
            analysis.save_article(conn, article_id, ANALYSIS_VERSION, analyses, tokens, [])
    return ids


# --- a news-like corpus whose articles share facts said in other words -------------------

#: Bump when the corpus or the bulk build changes: the cached workspace is rebuilt.
CORPUS_VERSION = "news-2"
ARTIFACTS = REPO / "tests" / "artifacts" / "bench"
DEVSET = REPO / "tests" / "data" / "devset"

_COMMON = """council board agency district authority department office service plan budget
report survey project programme scheme contract funding grant review inquiry audit vote
meeting statement figures data record number total rise fall increase decrease cost price
bill tax fee charge rate level target deadline policy law rule order court case trial
hearing appeal ruling judge police officer officers residents families workers staff
members voters leaders officials ministers minister mayor chief director manager spokesman
spokeswoman company firm bank market industry sector trade exports imports jobs wages
homes houses housing rent school schools pupils teachers hospital hospitals patients
doctors nurses beds clinic roads road bridge tunnel railway station buses trains
passengers traffic water power energy electricity gas fuel oil grain crops farmers
harvest weather storm flood floods fire fires drought heat winter summer spring autumn
week month year years months weeks days night morning evening today yesterday
week city town village county region state country nation area centre east west north
south coast river harbour port island valley street avenue square park market
new old large small major minor local national regional public private former current
early late higher lower main key further first second third final annual weekly
""".split()
_VERBS = """approved rejected announced confirmed denied expected warned said reported found
recorded counted estimated planned proposed delayed cancelled opened closed raised cut
launched reviewed criticised defended supported opposed blamed praised""".split()
_BODIES = ["council", "water board", "school district", "transit authority", "hospital trust",
           "police department", "port authority", "housing agency", "fire service",
           "health board", "roads department", "parks office"]
_NOUNS = ["homes", "vehicles", "pupils", "beds", "jobs", "complaints", "pipes", "buses",
          "trees", "permits", "patients", "visitors", "passengers", "households", "tonnes",
          "claims", "arrests", "calls", "flights", "students", "workers", "cases", "fines",
          "potholes", "streetlights", "parcels", "meals", "loans", "repairs", "inspections"]
_MONTHS = ["January", "February", "March", "April", "June", "July", "August",
           "September", "October", "November", "December"]
_SYL = ["ka", "lo", "mer", "vin", "sta", "dor", "el", "ris", "tan", "bu", "quo", "zel",
        "bren", "holt", "os", "ter", "by", "lin", "wick", "dale", "mor", "ast", "ven"]


def _words(rng, count):
    return sorted({"".join(rng.choice(_SYL) for _ in range(rng.randint(2, 4)))
                   for _ in range(count * 2)})[:count]


class NewsCorpus:
    """News-like articles of 100 statements: 25 facts shared with nearby articles
    (each said in one of five ways) and 75 sentences of their own."""

    def __init__(self, seed=7, stories=40_000):
        rng = random.Random(seed)
        self.places = [w.capitalize() for w in _words(rng, 3000)]
        self.people = [f"{a.capitalize()} {b.capitalize()}" for a, b in
                       zip(_words(rng, 2000), reversed(_words(random.Random(seed + 1), 2000)),
                           strict=True)]
        self.tail = _words(random.Random(seed + 2), 20_000)
        self.seed = seed
        self.stories = stories

    def story(self, number, variant):
        """Fact ``number`` said in the words of ``variant``."""
        rng = random.Random(number * 7919 + self.seed)
        place, person = rng.choice(self.places), rng.choice(self.people)
        body, noun, month = rng.choice(_BODIES), rng.choice(_NOUNS), rng.choice(_MONTHS)
        n = f"{rng.randint(120, 95_000):,}"
        templates = [
            f"The {place} {body} recorded {n} {noun} in {month}, up from a year earlier, "
            f"the {body} said.",
            f"In {month}, {n} {noun} were recorded by the {place} {body}, according to {person}.",
            f"{person} of the {place} {body} said {n} {noun} had been recorded in {month}.",
            f"The {body} in {place} said it recorded {n} {noun} during {month}.",
            f"A total of {n} {noun} were recorded in {place} in {month}, the {body} said "
            f"in a statement.",
        ]
        return templates[variant % len(templates)]

    def _filler(self, rng):
        words = [rng.choice(self.tail) if rng.random() < 0.25 else rng.choice(_COMMON)
                 for _ in range(rng.randint(6, 12))]
        who = rng.choice(self.people) if rng.random() < 0.5 else f"The {rng.choice(_BODIES)}"
        return (f"{who} {rng.choice(_VERBS)} the {' '.join(words[:4])} in "
                f"{rng.choice(self.places)}, {' '.join(words[4:])}.")

    def stories_of(self, number):
        """The facts article ``number`` reports: 25, from a window of recent news."""
        rng = random.Random(number * 104729 + self.seed)
        centre = number * 5
        return [rng.randint(max(0, centre - 300), centre + 300) for _ in range(25)]

    def article(self, number, stories=None):
        rng = random.Random(number + 1_000_003 * self.seed)
        facts = list(stories if stories is not None else self.stories_of(number))
        lines = [self.story(s, rng.randrange(5)) for s in facts]
        lines += [self._filler(rng) for _ in range(75)]
        rng.shuffle(lines)
        title = (f"{rng.choice(self.places)} {rng.choice(_COMMON)} {rng.choice(_VERBS)} "
                 f"in report {number}")
        parts = [title, "", f"By {rng.choice(self.people)}", ""]
        while lines:
            take = rng.randint(2, 4)
            parts += [" ".join(lines[:take]), ""]
            lines = lines[take:]
        return title, "\n".join(parts)

def new_article(corpus: NewsCorpus) -> tuple[str, str]:
    """The article imported by the bench: 10 facts reported in the first 10 articles and
    15 from anywhere in the 5,000."""
    rng = random.Random(5)
    stories = [rng.choice(corpus.stories_of(rng.randrange(10))) for _ in range(10)]
    stories += [rng.choice(corpus.stories_of(rng.randrange(10, 5000))) for _ in range(15)]
    return corpus.article(99_999, stories)


def build_news(ws: Workspace, count: int, corpus: NewsCorpus, batch: int = 50) -> None:
    """Import ``count`` corpus articles and analyse them in bulk (Core inserts through
    analysis.save_article, no matching among them: the figure measured is the next
    article matched against all of them)."""
    for start in range(0, count, batch):
        prepared = [prepare_article(corpus.article(n)[1].encode("utf-8"), f"news-{n}.txt")
                    for n in range(start, min(count, start + batch))]
        ids = [item.id for item in ws._store_prepared([(None, a) for a in prepared])]
        with ws.db.write() as conn:
            for article_id in ids:
                claims = analysis.live_claims(conn, article_id)
                analyses = analyse_claims(claims)
                _features, tokens, _sizes = index_tokens(conn, claims, analyses)
                analysis.save_article(conn, article_id, ANALYSIS_VERSION, analyses, tokens, [])


def cached_news(count: int) -> tuple[Path, float | None]:
    """The path of a cached workspace of ``count`` corpus articles, and the seconds it
    took to build now (None when it was cached)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"news-{count}-{CORPUS_VERSION}-a{ANALYSIS_VERSION}.sqlite"
    if path.exists():
        return path, None
    partial = path.with_suffix(".partial")
    for leftover in ARTIFACTS.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    with Workspace(partial, "Bench") as ws:
        ws.unlock()
        build_news(ws, count, NewsCorpus())
    conn = sqlite3.connect(partial)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.rename(path)
    return path, time.perf_counter() - started


def index_bytes(path: Path) -> tuple[int, int]:
    """(bytes of the match index, statements): the postings and frequency tables by
    dbstat, plus the articles' packed token lists."""
    conn = sqlite3.connect(path)
    try:
        size = conn.execute("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN "
                            "('match_posting', 'match_frequency')").fetchone()[0]
        size += conn.execute("SELECT coalesce(sum(length(tokens)), 0) FROM article_analysis"
                             ).fetchone()[0]
        statements = conn.execute("SELECT count(*) FROM claim").fetchone()[0]
    finally:
        conn.close()
    return size, statements


def devset_recall(ws: Workspace) -> dict[str, int]:
    """Import the dev set into ``ws`` and count its paraphrase pairs the stored index
    matched at SUGGEST and at LINK (and matches with claims outside the dev set)."""
    labels = json.loads((DEVSET / "labels.json").read_text(encoding="utf-8"))
    ids = {name: ws.import_files([DEVSET / name]).imported[0].id for name in labels["articles"]}
    claim_of = {name: {c.text: c.id for c in ws.claims(article)} for name, article in ids.items()}
    found = {frozenset((m.claim_id, m.other_claim_id)): m.similarity
             for article in ids.values() for m in ws.matches(article)}
    mine = {cid for claims in claim_of.values() for cid in claims.values()}
    out = {"pairs": 0, "suggest": 0, "link": 0,
           "outside": sum(1 for pair in found if not pair <= mine)}
    for fa, ta, fb, tb in labels["paraphrases"]:
        similarity = found.get(frozenset((claim_of[fa].get(ta), claim_of[fb].get(tb))), 0.0)
        out["pairs"] += 1
        out["suggest"] += similarity >= SUGGEST
        out["link"] += similarity >= LINK
    return out


def _best(function, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    return min(_timed(function)[0] for _ in range(repeat))


def _scale(root: Path) -> list[str]:
    corpus = NewsCorpus()
    title, text = new_article(corpus)
    small = root / "news-10.sqlite"
    with Workspace(small, "Bench") as ws:
        ws.unlock()
        build_news(ws, 10, corpus)
    big, built = cached_news(5000)
    how = f"built in bulk in {built:.0f} s" if built is not None else "cached"
    lines = [f"workspace of 5,000 news-like articles (100 statements each): {how} at "
             f"{big.relative_to(REPO)} ({big.stat().st_size / 1e6:.0f} MB)"]
    work = root / "news-5000.sqlite"
    shutil.copyfile(big, work)
    figures = {}
    for label, path in (("10", small), ("5,000", work)):
        size, statements = index_bytes(path)
        with Workspace(path, "Bench") as ws:
            ws.unlock()
            took, imported = _timed(lambda ws=ws: ws.import_text(text, title))
            matches = ws.matches(imported.id)
            ws.suggestions(imported.id)
            shown = _best(lambda ws=ws, a=imported.id: ws.suggestions(a))
            recall = devset_recall(ws) if label == "5,000" else None
        figures[label] = took
        lines.append(
            f"import of one 100-statement article into {label} articles: {took * 1000:.0f} ms "
            f"({len(matches)} matches, {sum(m.linked for m in matches)} linked); "
            f"suggestions() {shown * 1000:.1f} ms; match index {size / statements:.0f} "
            f"bytes per statement ({size / 1e6:.1f} MB for {statements:,} statements)")
        if recall:
            lines.append(
                f"dev set imported into the 5,000-article workspace: paraphrase pairs found "
                f"{recall['suggest']}/{recall['pairs']} at SUGGEST, {recall['link']}/"
                f"{recall['pairs']} at LINK ({recall['outside']} matches with the corpus)")
    ratio = figures["5,000"] / figures["10"]
    lines.append(f"import at 5,000 / at 10 articles: {ratio:.2f}x (budget 2x)")
    return lines


def run() -> list[str]:
    os.environ.setdefault("CLAIM_LEDGER_ALLOW_FILE_KEY", "1")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    lines = []
    with tempfile.TemporaryDirectory(prefix="claimledger-bench-assist-") as folder:
        root = Path(folder)
        os.environ["XDG_CONFIG_HOME"] = str(root / "config")
        news = root / "news.txt"
        news.write_text(synthetic_news(20_000), encoding="utf-8")

        with Workspace(root / "small.sqlite", "Bench") as ws:
            ws.unlock()
            plain, report = _timed(lambda: ws.import_files([news], analyse=False))
            article = report.imported[0].id
            first, _ = _timed(lambda: ws.analyse(article))
            cached, _ = _timed(lambda: ws.analyse(article))
            shown, found = _timed(lambda: ws.suggestions(article))
        warm, parts = [], []
        for seed in (11, 12, 13):  # each alone in a workspace (these synthetic articles,
            # made from a few templates, would match each other thousands of times)
            other = root / f"news-{seed}.txt"
            other.write_text(synthetic_news(20_000, seed=seed), encoding="utf-8")
            with Workspace(root / f"warm-{seed}.sqlite", "Bench") as ws:
                ws.unlock()
                other_id = ws.import_files([other], analyse=False).imported[0].id
                with ws.db.read() as conn:
                    claims = analysis.live_claims(conn, other_id)
                compute, analyses = _timed(lambda claims=claims: analyse_claims(claims))
                index, _ = _timed(lambda c=claims, a=analyses: index_entries(c, a))
                parts.append((compute, index))
                warm.append(_timed(lambda ws=ws, other_id=other_id: ws.analyse(other_id))[0])
        compute, index = min(parts)
        lines.append(f"20 KB article ({len(found)} statements): import {plain * 1000:.0f} ms; "
                     f"analyse() beyond the import: {first * 1000:.1f} ms the first time in "
                     f"a process, {min(warm) * 1000:.1f} ms warm (best of 3 other 20 KB "
                     f"articles; suggestions + check-worthiness + figures "
                     f"{compute * 1000:.1f} ms of it, budget 100 ms; matching features "
                     f"{index * 1000:.1f} ms; the rest SQL)")
        lines.append(f"analyse() again (cached): {cached * 1000:.1f} ms; suggestions() of an "
                     f"analysed article: {shown * 1000:.1f} ms")

        with Workspace(root / "big.sqlite", "Bench") as ws:
            ws.unlock()
            synthetic = synthetic_claims(1001, seed=7)
            articles = [_article(n, claims) for n, claims in enumerate(synthetic)]
            build, _ids = _timed(lambda: _build(ws, articles[:1000]))
            lines.append(f"workspace of 1,000 synthetic articles (30 claims each) stored and "
                         f"indexed in bulk in {build:.1f} s (set-up, not the budget)")
            new = ws._store_prepared([(None, articles[1000])])[0].id
            one, _ = _timed(lambda: ws.analyse(new))
            matches = ws.matches(new)
            lines.append(f"one new article (30 claims) analysed and matched against 1,000 "
                         f"through the stored index: {one * 1000:.1f} ms (budget 2 s; "
                         f"{len(matches)} matches)")
            copy = root / "news-copy.txt"
            copy.write_text(synthetic_news(20_000, seed=2), encoding="utf-8")
            with_analysis, report = _timed(lambda: ws.import_files([copy]))
            count = len(ws.claims(report.imported[0].id))
            lines.append(f"import_files of a 20 KB article into the 1,000-article workspace: "
                         f"{with_analysis * 1000:.0f} ms with analysis ({count} statements)")
            third = root / "news-third.txt"
            third.write_text(synthetic_news(20_000, seed=3), encoding="utf-8")
            without, report = _timed(lambda: ws.import_files([third], analyse=False))
            later, _ = _timed(lambda: ws.analyse(report.imported[0].id))
            lines.append(f"import_files(analyse=False) of another: {without * 1000:.0f} ms, "
                         f"then analyse() {later * 1000:.0f} ms")
        lines += _scale(root)
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
