"""Benchmark of the suggestions on the labelled dev set, and their speed.

Run ``python tests/bench/bench_suggest.py`` (with PYTHONPATH=desktop) or call ``run()``.
Prints precision and recall per point of the issue (not-a-claim, page tail, duplicates,
metadata, evidence markers, attributions, check-worthiness, paraphrase links, number
clashes), false links above the link threshold, the time the suggestions take for a
20 KB article beyond segmentation, and MatchIndex times for 1,000 articles.
tests/text/test_devset_targets.py asserts the quality targets with ``evaluate()``.
"""

from __future__ import annotations

import json
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEVSET = REPO / "tests" / "data" / "devset"

if str(REPO / "desktop") not in sys.path:
    sys.path.insert(0, str(REPO / "desktop"))

from claimledger.text import prepare_article  # noqa: E402
from claimledger.text.checkworthy import checkworthiness  # noqa: E402
from claimledger.text.clashes import find_clashes  # noqa: E402
from claimledger.text.matching import LINK, SUGGEST, MatchIndex  # noqa: E402
from claimledger.text.numbers import (  # noqa: E402
    extract_numbers,
    forget_cached_figures,
)
from claimledger.text.suggest import suggest_all  # noqa: E402


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, predicted: bool, gold: bool, what: str = "") -> None:
        if predicted and gold:
            self.tp += 1
        elif predicted:
            self.fp += 1
            self.errors.append(f"FP {what}")
        elif gold:
            self.fn += 1
            self.errors.append(f"FN {what}")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def line(self, name: str) -> str:
        return (f"{name:<28} precision {self.precision:.3f}  recall {self.recall:.3f}  "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn})")


@dataclass
class Evaluation:
    scores: dict[str, Score]
    statements: int
    articles: int
    unmatched_labels: list[str]
    false_links: list[str]
    near_miss_links: list[str]
    hint_correct: int
    hint_total: int
    metadata_correct: int
    metadata_total: int


def _same_hint(predicted: str | None, gold: str | None) -> bool:
    if gold is None:
        return True
    if predicted is None:
        return False
    a, b = predicted.lower().strip(" .,"), gold.lower().strip(" .,")
    return a in b or b in a


def load_labels() -> dict:
    return json.loads((DEVSET / "labels.json").read_text(encoding="utf-8"))


def evaluate() -> Evaluation:
    labels = load_labels()
    names = ["not-a-claim", "outside-body", "duplicate", "unverified markers",
             "cited sources", "attributions", "check-worthiness@0.5",
             "paraphrase found (>=SUGGEST)", "paraphrase linked (>=LINK)", "clashes"]
    scores = {name: Score() for name in names}
    unmatched: list[str] = []
    hint_correct = hint_total = 0
    meta_correct = meta_total = 0
    claims: dict[str, list[tuple[str, str]]] = {}
    where: dict[tuple[str, str], str] = {}
    total = 0
    for name, entry in labels["articles"].items():
        article = prepare_article((DEVSET / name).read_bytes(), name)
        texts = [article.text[s.start:s.end] for s in article.statements]
        suggestions = suggest_all([(t, s.kind, s.role)
                                   for t, s in zip(texts, article.statements, strict=True)])
        used: set[int] = set()
        for label in entry["statements"]:
            index = next((i for i, t in enumerate(texts)
                          if t == label["text"] and i not in used), None)
            if index is None:
                unmatched.append(f"{name}: {label['text']!r}")
                continue
            used.add(index)
            total += 1
            statement, found = article.statements[index], suggestions[index]
            what = f"{name}: {label['text'][:80]!r}"
            scores["not-a-claim"].add(statement.kind == "not-a-claim",
                                      label["kind"] == "not-a-claim", what)
            scores["outside-body"].add(statement.kind == "outside-body",
                                       label["kind"] == "outside-body", what)
            scores["duplicate"].add(statement.kind == "duplicate",
                                    label["kind"] == "duplicate", what)
            predicted = "attributed" if found.basis == "attributed" else found.status
            for score_name, gold in (("unverified markers", "unverified"),
                                     ("cited sources", "sourced"),
                                     ("attributions", "attributed")):
                scores[score_name].add(predicted == gold, label["suggest"] == gold, what)
            if predicted == label["suggest"] and label["source_hint"]:
                hint_total += 1
                if _same_hint(found.source_hint, label["source_hint"]):
                    hint_correct += 1
                else:
                    scores["attributions"].errors.append(
                        f"HINT {found.source_hint!r} != {label['source_hint']!r} in {what}")
            worth = checkworthiness(texts[index], statement.kind, statement.role,
                                    suggestion=found)
            scores["check-worthiness@0.5"].add(worth.score >= 0.5, label["checkworthy"],
                                               f"{worth.score} {what}")
            if statement.kind == "claim":
                claim_id = f"{name}#{index}"
                claims.setdefault(name, []).append((claim_id, texts[index]))
                where[(name, texts[index])] = claim_id
        for key, gold in entry.get("metadata", {}).items():
            meta_total += 1
            meta_correct += getattr(article, key) == gold
    # --- paraphrases ---
    index = MatchIndex()
    for name, items in claims.items():
        index.add(name, items)
    found_pairs: dict[frozenset[str], float] = {}
    for name in claims:
        for match in index.matches_for(name):
            found_pairs[frozenset((match.claim_id, match.other_claim_id))] = match.similarity
    gold_pairs = set()
    for fa, ta, fb, tb in labels["paraphrases"]:
        pair = frozenset((where.get((fa, ta), f"?{fa}:{ta}"), where.get((fb, tb), f"?{fb}:{tb}")))
        gold_pairs.add(pair)
        similarity = found_pairs.get(pair, 0.0)
        scores["paraphrase found (>=SUGGEST)"].add(similarity >= SUGGEST, True,
                                                   f"{similarity} {ta[:60]!r} ~ {tb[:60]!r}")
        scores["paraphrase linked (>=LINK)"].add(similarity >= LINK, True,
                                                 f"{similarity} {ta[:60]!r} ~ {tb[:60]!r}")
    texts_by_id = {cid: text for items in claims.values() for cid, text in items}
    false_links = []
    for pair, similarity in found_pairs.items():
        if pair in gold_pairs:
            continue
        a, b = sorted(pair)
        line = f"{similarity} {texts_by_id[a][:70]!r} ~ {texts_by_id[b][:70]!r}"
        if similarity >= LINK:
            false_links.append(line)
            scores["paraphrase linked (>=LINK)"].add(True, False, line)
        else:
            scores["paraphrase found (>=SUGGEST)"].add(True, False, line)
    near = []
    for fa, ta, fb, tb in labels.get("near_misses", []):
        pair = frozenset((where.get((fa, ta), ""), where.get((fb, tb), "")))
        if found_pairs.get(pair, 0.0) >= LINK:
            near.append(f"{found_pairs[pair]} {ta[:60]!r} ~ {tb[:60]!r}")
    # --- clashes: every claim of the workspace at once (within and across articles) ---
    clashes = find_clashes([(cid, text, extract_numbers(text))
                            for cid, text in texts_by_id.items()])
    predicted = {frozenset((c.claim_id, c.other_claim_id)) for c in clashes}
    gold_clashes = {frozenset((where.get((fa, ta), ta), where.get((fb, tb), tb)))
                    for fa, ta, fb, tb in labels["clashes"]}
    for pair in predicted | gold_clashes:
        a, b = sorted(pair)
        scores["clashes"].add(pair in predicted, pair in gold_clashes,
                              f"{texts_by_id.get(a, a)[:60]!r} vs {texts_by_id.get(b, b)[:60]!r}")
    return Evaluation(scores, total, len(labels["articles"]), unmatched, false_links, near,
                      hint_correct, hint_total, meta_correct, meta_total)


# --- timings ------------------------------------------------------------------------------


def _suggestion_time() -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_text import synthetic_news  # type: ignore[import-not-found]

    data = synthetic_news(20_000).encode("utf-8")
    article = prepare_article(data, "article.txt")
    items = [(article.text[s.start:s.end], s.kind, s.role) for s in article.statements]

    def work() -> None:
        forget_cached_figures()  # timed as a first reading, as an import reads them
        suggestions = suggest_all(items)
        for (text, kind, role), found in zip(items, suggestions, strict=True):
            quantities = extract_numbers(text)
            checkworthiness(text, kind, role, suggestion=found, quantities=quantities)

    work()
    best = min(_timed(work) for _ in range(5))
    return (f"suggestions + check-worthiness + figures, 20 KB article ({len(items)} statements):"
            f" {best * 1000:.1f} ms beyond segmentation")


def _timed(function) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def synthetic_claims(count: int, seed: int) -> list[list[tuple[str, str]]]:
    """``count`` invented articles of 30 claims each, from a 6,000-word vocabulary."""
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mer", "vin", "sta", "dor", "el", "ris", "tan", "bu", "quo", "zel"]
    vocab = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
                    for _ in range(8000)})[:6000]
    names = [w.capitalize() for w in vocab[:600]]
    verbs = ["said", "reported", "recorded", "approved", "rejected", "counted", "paid"]
    articles = []
    for a in range(count):
        claims = []
        for c in range(30):
            words = rng.sample(vocab, 8)
            claims.append((f"a{a}c{c}", (
                f"{rng.choice(names)} {rng.choice(verbs)} {rng.randint(2, 90_000):,} "
                f"{words[0]} {words[1]} in {rng.choice(names)} {words[2]} {words[3]}, "
                f"the {words[4]} {words[5]} of {rng.choice(names)} said on {words[6]}."
            )))
        articles.append(claims)
    return articles


def _index_times() -> list[str]:
    articles = synthetic_claims(1001, seed=7)
    index = MatchIndex()
    start = time.perf_counter()
    for number, claims in enumerate(articles[:1000]):
        index.add(f"article-{number}", claims)
    build = time.perf_counter() - start
    start = time.perf_counter()
    index.add("new-article", articles[1000])
    matches = index.matches_for("new-article")
    one = time.perf_counter() - start
    return [
        f"MatchIndex: 1,000 articles (30,000 claims) added incrementally in {build:.2f} s "
        f"({build:.2f} ms per article on average)",
        f"MatchIndex: one new article (30 claims) matched against 1,000 in {one * 1000:.1f} ms "
        f"({len(matches)} matches)",
    ]


def run() -> list[str]:
    result = evaluate()
    lines = [f"dev set: {result.articles} articles, {result.statements} labelled statements "
             f"(thresholds LINK {LINK}, SUGGEST {SUGGEST})"]
    lines += [score.line(name) for name, score in result.scores.items()]
    lines.append(f"source hints right: {result.hint_correct}/{result.hint_total}")
    lines.append(f"metadata fields right: {result.metadata_correct}/{result.metadata_total}")
    lines.append(f"false links above LINK: {len(result.false_links)}"
                 + "".join(f"\n    {line}" for line in result.false_links))
    lines.append(f"near misses linked: {len(result.near_miss_links)}")
    if result.unmatched_labels:
        lines.append(f"labels whose text matches no statement: {len(result.unmatched_labels)}")
        lines += [f"    {label}" for label in result.unmatched_labels]
    lines.append(_suggestion_time())
    lines += _index_times()
    return lines


def errors() -> list[str]:
    """Every miss, for tuning: FP/FN per point."""
    result = evaluate()
    out = []
    for name, score in result.scores.items():
        out += [f"[{name}] {error}" for error in score.errors]
    return out


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    print("\n".join(run()))
    if "--errors" in sys.argv:
        print("\n".join(errors()))
