"""The matcher on CLEF CheckThat! 2020 task 2: tweets and the verified claims they restate.

Fetched by ``make checkthat`` into tests/artifacts/corpora/clef2020-task2/ (third-party
data, "free for general research use"; never committed). Every verified claim is
indexed as an article of one claim in a ``MatchIndex``, as the workspace indexes
articles; each tweet (its link and signature removed) is then looked up as a claim.
Each tweet restates one verified claim: MAP@5 is the lab's measure (1/rank of that
claim when it is in the first five, else 0); "suggested" and "linked" are the share of
tweets whose best match at or above SUGGEST / LINK is the right claim (precision) and
the share of tweets whose right claim is offered at all (recall).

``python tests/bench/claim_pairs.py`` prints the figures for the train and dev tweets.
"""

from __future__ import annotations

import csv
import re
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CLEF2020 = REPO / "tests" / "artifacts" / "corpora" / "clef2020-task2" / "v3.0"

if str(REPO / "desktop") not in sys.path:
    sys.path.insert(0, str(REPO / "desktop"))

from claimledger.text.matching import LINK, MatchIndex  # noqa: E402

_URL = re.compile(r"https?://\S+|pic\.twitter\.com/\S+")
_SIGNATURE = re.compile(r"\s+\u2014 [^\u2014]*\(@\w+\)[^\u2014]*\Z")


def _rows(path: Path) -> list[list[str]]:
    csv.field_size_limit(1 << 24)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t"))


def tweet_text(tweet: str) -> str:
    """The tweet as a claim: without its links and its "— Name (@handle) date" tail."""
    return _URL.sub(" ", _SIGNATURE.sub("", tweet)).replace("#", " ").strip()


def evaluate(split: str, index: MatchIndex) -> dict[str, float]:
    tweets = {row[0]: row[1] for row in _rows(CLEF2020 / split / "tweets.queries.tsv")[1:]}
    gold = {row[0]: row[2] for row in _rows(CLEF2020 / split / "tweet-vclaim-pairs.qrels")}
    reciprocal, suggested, linked, offered = [], [], [], []
    for tweet_id, claim_id in gold.items():
        found = index.query(tweet_text(tweets.get(tweet_id, "")))
        ranked = [other for other, _claim, _score in found]
        rank = ranked.index(claim_id) + 1 if claim_id in ranked else 0
        reciprocal.append(1 / rank if 0 < rank <= 5 else 0.0)
        offered.append(rank > 0)
        if found:
            suggested.append(ranked[0] == claim_id)
        links = [other for other, _claim, score in found if score >= LINK]
        if links:
            linked.append(links[0] == claim_id)
    return {
        "tweets": len(gold), "MAP@5": statistics.fmean(reciprocal),
        "suggested precision": statistics.fmean(suggested) if suggested else 0.0,
        "suggested recall": statistics.fmean(offered),
        "linked precision": statistics.fmean(linked) if linked else 0.0,
        "linked recall": sum(linked) / len(gold),
    }


def build_index() -> MatchIndex:
    index = MatchIndex()
    for row in _rows(CLEF2020 / "verified_claims.docs.tsv")[1:]:
        if len(row) >= 2 and row[1].strip():
            index.add(row[0], [(row[0], row[1])])
    return index


def report() -> list[str]:
    if not CLEF2020.is_dir():
        return ["CheckThat! 2020 task 2 absent: run `make checkthat`"]
    index = build_index()
    lines = [f"{len(index)} verified claims indexed"]
    for split in ("train", "dev"):
        found = evaluate(split, index)
        lines.append(f"{split} ({found['tweets']} tweets): MAP@5 {found['MAP@5']:.3f}  "
                     f"suggested P {found['suggested precision']:.2f} "
                     f"R {found['suggested recall']:.2f}  linked P "
                     f"{found['linked precision']:.2f} R {found['linked recall']:.2f}")
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
