"""``make train``: fit the check-worthiness ranker, cross-validate it by debate, export it.

A logistic regression (scikit-learn, the ``train`` extra) over the app's own features
(text/checkworthy.py: the signals and the words and word pairs), exported to JSON as a
bias and one weight per feature, which the app reads with pure Python.

1. On the CLEF CheckThat! 2019 training debates (``make checkthat``): leave one debate
   out, fit on the others, rank the one left out; the lab's MAP, R-precision and P@10,
   next to the rule-based scorer. The regularisation is chosen by that same
   cross-validation. The model fitted on every training debate is written to
   tests/artifacts/checkworthy/clef2019-weights.json: the data is "free for general
   research use", which does not grant shipping what is derived from it, so it stays
   out of the repository.
2. On the labelled dev set (tests/data/devset, written for this project, MIT): the
   weights shipped in resources/checkworthy-weights.json, scored on the CLEF training
   debates it never saw.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path

from checkthat import (
    ARTIFACTS,
    CLEF_WEIGHTS,
    REPO,
    TRAINING,
    measures,
    ranker_score,
    read_debates,
    rule_score,
    statement_features,
)
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from claimledger.text.checkworthy import SIGNALS, WEIGHTS_FILE, Ranker, features

SHIPPED = REPO / "resources" / WEIGHTS_FILE
DEVSET = REPO / "tests" / "data" / "devset"
#: Word features kept in an exported model (the strongest by weight); signals always.
KEEP_WORDS = 3000
#: A word feature must be in this many training sentences to be learned.
MIN_COUNT = 3
GRID = (0.1, 0.3, 1.0)
#: The dev set is small (about 200 claims): scikit-learn's default regularisation.
DEVSET_C = 1.0


def fit(rows: list[list[str]], labels: list[int], c: float) -> Ranker:
    """A logistic regression on the features' presence (each 1/sqrt(number of the
    statement's features), as Ranker reads them), pruned to KEEP_WORDS words."""
    counts = Counter(f for row in rows for f in set(row))
    kept = [{f: 1 / math.sqrt(len(row)) for f in row if f in SIGNALS or counts[f] >= MIN_COUNT}
            for row in rows]
    vectors = DictVectorizer()
    matrix = vectors.fit_transform(kept)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000,
                               solver="lbfgs")
    model.fit(matrix, labels)
    weights = dict(zip(vectors.get_feature_names_out(), model.coef_[0], strict=True))
    words = sorted((f for f in weights if f not in SIGNALS), key=lambda f: -abs(weights[f]))
    keep = set(words[:KEEP_WORDS]) | {f for f in weights if f in SIGNALS}
    return Ranker(float(model.intercept_[0]),
                  {f: round(float(w), 4) for f, w in weights.items() if f in keep and w},
                  normalised=True)


def cross_validate(debates, found, c: float):
    """Leave one debate out: the lab's measures of the rankings of the debates left out."""
    per_debate = []
    for held in range(len(debates)):
        rows = [f for i, fs in enumerate(found) if i != held for f in fs]
        labels = [y for i, d in enumerate(debates) if i != held for y in d.labels]
        ranker = fit(rows, labels, c)
        per_debate.append((debates[held].labels,
                           [ranker_score(ranker, f) for f in found[held]]))
    return measures(per_debate)


def devset_rows() -> tuple[list[list[str]], list[int]]:
    """The dev set's claims as the app prepares them, with their check-worthy labels."""
    from claimledger.text.pipeline import prepare_article
    from claimledger.text.suggest import suggest_all

    labels = json.loads((DEVSET / "labels.json").read_text(encoding="utf-8"))
    rows, ys = [], []
    for name, entry in labels["articles"].items():
        article = prepare_article((DEVSET / name).read_bytes(), name)
        texts = [article.text[s.start:s.end] for s in article.statements]
        found = suggest_all([(t, s.kind, s.role) for t, s in
                             zip(texts, article.statements, strict=True)])
        by_text = {t: (s, f) for t, s, f in zip(texts, article.statements, found, strict=True)}
        for label in entry["statements"]:
            statement, suggestion = by_text.get(label["text"], (None, None))
            if statement is None or statement.kind != "claim":
                continue
            rows.append(features(label["text"], suggestion=suggestion))
            ys.append(int(label["checkworthy"]))
    return rows, ys


def export(ranker: Ranker, path: Path, trained_on: str, cv: dict | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"trained_on": trained_on, "cross_validation": cv, "bias": round(ranker.bias, 4),
            "normalised": ranker.normalised, "weights": dict(sorted(ranker.weights.items()))}
    path.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> int:
    if not TRAINING.is_dir():
        sys.exit("The CheckThat! 2019 training debates are missing: run `make checkthat`.")
    debates = read_debates(TRAINING)
    found = [[statement_features(s) for s in d.sentences] for d in debates]
    print(f"{len(debates)} training debates, {sum(len(d.labels) for d in debates)} "
          f"sentences, {sum(sum(d.labels) for d in debates)} worth checking")
    rules = measures([(d.labels, [rule_score(f) for f in fs])
                      for d, fs in zip(debates, found, strict=True)])
    print(rules.line("rule-based scorer (no training)"))
    results = {}
    for c in GRID:
        results[c] = cross_validate(debates, found, c)
        print(results[c].line(f"learned ranker, C={c}, leave-one-debate-out"))
    best = max(GRID, key=lambda c: results[c].map)
    cv = {"C": best, "MAP": round(results[best].map, 4),
          "R-precision": round(results[best].r_precision, 4),
          "P@10": round(results[best].p_at_10, 4), "folds": "leave one debate out"}
    clef = fit([f for fs in found for f in fs], [y for d in debates for y in d.labels], best)
    export(clef, CLEF_WEIGHTS, "CLEF CheckThat! 2019 task 1 data/training (research use only)",
           cv)
    print(f"wrote {CLEF_WEIGHTS.relative_to(REPO)} ({len(clef.weights)} weights)")
    rows, ys = devset_rows()
    shipped = fit(rows, ys, DEVSET_C)
    transfer = measures([(d.labels, [ranker_score(shipped, f) for f in fs])
                         for d, fs in zip(debates, found, strict=True)])
    print(transfer.line("shipped ranker (dev set only) on the CLEF training debates"))
    export(shipped, SHIPPED, f"tests/data/devset ({len(rows)} claims, this project's own)",
           {"CLEF 2019 training debates, never seen": {
               "MAP": round(transfer.map, 4), "R-precision": round(transfer.r_precision, 4),
               "P@10": round(transfer.p_at_10, 4)}})
    print(f"wrote {SHIPPED.relative_to(REPO)} ({len(shipped.weights)} weights)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
