"""The CLEF CheckThat! 2019 task 1 debates and the lab's measures, for the
check-worthiness ranker.

The debates are third-party data, fetched by ``make checkthat`` into
tests/artifacts/corpora/clef2019/ (data/training only; never committed). Each debate is
a TSV file of ``line, speaker, sentence, label`` (1: worth checking). The measures follow
the lab's scorer (scorer/task1.py): per debate, the lines ranked by score; average
precision over the relevant lines, R-precision (precision at rank R, R the number of
relevant lines) and precision at 10; then the mean over debates.

``python tests/bench/checkthat.py DEBATES_DIR [WEIGHTS.json]`` scores a folder of
debates with a weights file (by default the ranker ``make train`` fitted on the lab's
training debates) next to the rule-based scorer the app had before.
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CLEF2019 = REPO / "tests" / "artifacts" / "corpora" / "clef2019"
TRAINING = CLEF2019 / "data" / "training"
ARTIFACTS = REPO / "tests" / "artifacts" / "checkworthy"
#: Weights fitted on the lab's training debates (research use only: not shipped).
CLEF_WEIGHTS = ARTIFACTS / "clef2019-weights.json"
#: ClaimBuster's labelled debate sentences (Arslan et al. 2020), fetched by
#: ``make checkthat`` from utaresearch/claimbuster-spotter (data/two_class/kfold_25ncs.json).
CLAIMBUSTER = REPO / "tests" / "artifacts" / "corpora" / "claimbuster" / "kfold_25ncs.json"

if str(REPO / "desktop") not in sys.path:
    sys.path.insert(0, str(REPO / "desktop"))

from claimledger.text.checkworthy import Ranker, features, load_ranker  # noqa: E402
from claimledger.text.suggest import suggest  # noqa: E402

#: The app's rule-based scorer before the learned ranker: fixed weights per signal.
RULE_WEIGHTS = {"figure": 0.4, "percent": 0.05, "comparison": 0.2, "named": 0.2,
                "causal": 0.2, "time": 0.15, "attributed": 0.2, "qualified": 0.15}


@dataclass(frozen=True)
class Debate:
    name: str
    sentences: list[str]
    labels: list[int]


@dataclass(frozen=True)
class Measures:
    map: float
    r_precision: float
    p_at_10: float

    def line(self, name: str) -> str:
        return (f"{name}: MAP {self.map:.4f}  R-precision {self.r_precision:.4f}  "
                f"P@10 {self.p_at_10:.4f}")


def read_debates(folder: Path = TRAINING) -> list[Debate]:
    """Every ``*.tsv`` debate of the folder, by name."""
    debates = []
    for path in sorted(folder.glob("*.tsv")):
        sentences, labels = [], []
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) < 4:
                    continue
                sentences.append(row[2])
                labels.append(int(row[3]))
        debates.append(Debate(path.stem, sentences, labels))
    return debates


def read_claimbuster(debates: list[Debate], path: Path = CLAIMBUSTER) -> Debate | None:
    """ClaimBuster's sentences as one more "debate" (label 1: a check-worthy factual
    statement), without any sentence that is also in ``debates``: ClaimBuster covers
    every general-election debate, so the 2016 ones are in both, and a debate left out
    must not be learned from through the other set."""
    if not path.is_file():
        return None
    seen = {_key(s) for d in debates for s in d.sentences}
    rows = [row for row in json.loads(path.read_text(encoding="utf-8"))
            if _key(row["text"]) not in seen]
    return Debate("claimbuster", [r["text"] for r in rows], [int(r["label"]) for r in rows])


def _key(sentence: str) -> str:
    return " ".join(sentence.lower().split())


def statement_features(sentence: str) -> list[str]:
    """The ranker's features for a debate sentence, as the app computes them for a claim."""
    return features(sentence, suggestion=suggest(sentence, "claim", "body"))


def rule_score(found: list[str]) -> float:
    """The app's former score from the signals a statement shows."""
    score = min(1.0, sum(RULE_WEIGHTS.get(f, 0.0) for f in found))
    if "short" in found:
        score *= 0.5
    if "silence" in found:
        score *= 0.5
    return score


def ranker_score(ranker: Ranker, found: list[str]) -> float:
    """The linear score before the logistic (ties broken as finely as possible)."""
    return ranker.linear(found)


def average_precision(labels: list[int], scores: list[float]) -> float:
    ranked = _ranked(labels, scores)
    relevant = sum(labels)
    hits, total = 0, 0.0
    for rank, label in enumerate(ranked, start=1):
        if label:
            hits += 1
            total += hits / rank
    return total / relevant if relevant else 0.0


def precision_at(labels: list[int], scores: list[float], k: int) -> float:
    """Precision at rank k; as the lab's scorer does, k counts even past the last line."""
    return sum(_ranked(labels, scores)[:k]) / k if k else 0.0


def measures(per_debate: list[tuple[list[int], list[float]]]) -> Measures:
    """The lab's means over debates of AP, R-precision and P@10."""
    return Measures(
        statistics.fmean(average_precision(y, s) for y, s in per_debate),
        statistics.fmean(precision_at(y, s, sum(y)) for y, s in per_debate),
        statistics.fmean(precision_at(y, s, 10) for y, s in per_debate),
    )


def _ranked(labels: list[int], scores: list[float]) -> list[int]:
    """Labels by descending score; ties keep the debate's order (as Python's sort)."""
    order = sorted(range(len(labels)), key=lambda i: -scores[i])
    return [labels[i] for i in order]


def score_folder(folder: Path, weights: Path) -> list[str]:
    debates = read_debates(folder)
    ranker = load_ranker(weights)
    found = [[statement_features(s) for s in d.sentences] for d in debates]
    learned = measures([(d.labels, [ranker_score(ranker, f) for f in fs])
                        for d, fs in zip(debates, found, strict=True)])
    rules = measures([(d.labels, [rule_score(f) for f in fs])
                      for d, fs in zip(debates, found, strict=True)])
    return [f"{len(debates)} debates in {folder}, weights {weights.name}",
            learned.line("learned ranker"), rules.line("rule-based scorer")]


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: checkthat.py DEBATES_DIR [WEIGHTS.json]")
    print("\n".join(score_folder(Path(sys.argv[1]),
                                 Path(sys.argv[2]) if len(sys.argv) > 2 else CLEF_WEIGHTS)))
