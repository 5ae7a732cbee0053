"""Benchmark of assisted review below the window: analysis and incremental matching.

Run ``python tests/bench/bench_assist.py`` (with PYTHONPATH=desktop) or call ``run()``.
Reports the time ``Workspace.analyse`` takes for a 20 KB article beyond its import
(suggestions, check-worthiness, figures, index entries and matching, saved), the time
to build a workspace of 1,000 analysed synthetic articles (reported separately; built in
bulk), one new article analysed and matched against those 1,000 through the stored
index, and an import with and without the analysis.
"""

from __future__ import annotations

import os
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
from claimledger.text import PreparedArticle, Statement  # noqa: E402
from claimledger.workspace import ANALYSIS_VERSION, Workspace  # noqa: E402
from claimledger.workspace.assist import analyse_claims, index_entries  # noqa: E402


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
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
