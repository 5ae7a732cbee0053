"""``make train``: fit the check-worthiness ranker, cross-validate it by debate, export it.

A logistic regression (scikit-learn, the ``train`` extra) over the app's own features
(text/checkworthy.py: the signals and the words and word pairs), exported to JSON as a
bias and one weight per feature, which the app reads with pure Python.

1. On the CLEF CheckThat! 2019 training debates (``make checkthat``): leave one debate
   out, fit on the others, rank the one left out; the lab's MAP, R-precision and P@10,
   next to the rule-based scorer. The regularisation is chosen by that same
   cross-validation.
2. With ClaimBuster's labelled debate sentences (when ``make checkthat`` fetched them):
   ClaimBuster alone, ranking every CLEF debate it never saw; and ClaimBuster plus the
   other CLEF debates in each fold of the same cross-validation. The research weights
   are those of the better cross-validated choice, fitted on everything, written to
   tests/artifacts/checkworthy/clef2019-weights.json: the CLEF data is "free for general
   research use", which does not grant shipping what is derived from it.
3. The shipped weights (resources/checkworthy-weights.json): ClaimBuster, whose authors
   publish it under CC BY 4.0 (Zenodo, doi:10.5281/zenodo.3609356; the credit goes with
   the weights), and the labelled dev set (tests/data/devset, written for this project,
   MIT), scored on the CLEF training debates, none of which they saw.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path

from checkthat import (
    CLEF_WEIGHTS,
    REPO,
    TRAINING,
    Debate,
    measures,
    ranker_score,
    read_claimbuster,
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
GRID = (0.1, 0.3, 1.0, 3.0)
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


def cross_validate(debates, found, c: float, also: tuple[list, list] = ([], [])):
    """Leave one debate out: the lab's measures of the rankings of the debates left out.
    ``also`` (rows, labels) is in every fold's training data."""
    per_debate = []
    for held in range(len(debates)):
        rows = also[0] + [f for i, fs in enumerate(found) if i != held for f in fs]
        labels = also[1] + [y for i, d in enumerate(debates) if i != held for y in d.labels]
        ranker = fit(rows, labels, c)
        per_debate.append((debates[held].labels,
                           [ranker_score(ranker, f) for f in found[held]]))
    return measures(per_debate)


def transfer(ranker: Ranker, debates, found):
    """The lab's measures of a ranker fitted elsewhere, on every debate."""
    return measures([(d.labels, [ranker_score(ranker, f) for f in fs])
                     for d, fs in zip(debates, found, strict=True)])


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
    choices = {(c, False): cross_validate(debates, found, c) for c in GRID}
    for c in GRID:
        print(choices[c, False].line(f"learned ranker, C={c}, leave-one-debate-out"))
    extra = _claimbuster(debates, found)
    if extra[0]:
        for c in GRID:
            choices[c, True] = cross_validate(debates, found, c, extra)
            print(choices[c, True].line(f"with ClaimBuster, C={c}, leave-one-debate-out"))
    best_c, with_claimbuster = max(choices, key=lambda key: choices[key].map)
    best = choices[best_c, with_claimbuster]
    cv = {"C": best_c, "ClaimBuster": with_claimbuster, "MAP": round(best.map, 4),
          "R-precision": round(best.r_precision, 4), "P@10": round(best.p_at_10, 4),
          "folds": "leave one debate out"}
    also = extra if with_claimbuster else ([], [])
    clef = fit(also[0] + [f for fs in found for f in fs],
               also[1] + [y for d in debates for y in d.labels], best_c)
    sources = "CLEF CheckThat! 2019 task 1 data/training (research use only)"
    if with_claimbuster:
        sources += " and ClaimBuster kfold_25ncs (GPL-3.0 copy)"
    export(clef, CLEF_WEIGHTS, sources, cv)
    print(f"wrote {CLEF_WEIGHTS.relative_to(REPO)} ({len(clef.weights)} weights; "
          f"C={best_c}, {'with' if with_claimbuster else 'without'} ClaimBuster)")
    ship(extra, debates, found)
    return 0


#: ClaimBuster is 8,800 sentences against CLEF's 16,000: it takes less regularisation.
CLAIMBUSTER_C = 10.0
#: The attribution its licence asks for, kept with the weights derived from it.
CLAIMBUSTER_CREDIT = ("ClaimBuster: A Benchmark Dataset of Check-worthy Factual Claims, "
                      "Arslan, Hassan, Li and Tremayne, 2020, CC BY 4.0, "
                      "doi:10.5281/zenodo.3609356 (the kfold_25ncs sentences)")


def ship(extra: tuple[list[list[str]], list[int]], debates, found) -> None:
    """Fit and write the shipped weights on ClaimBuster (``extra``) and the dev set."""
    if not extra[0]:
        print(f"{SHIPPED.relative_to(REPO)} left as it is: it is fitted with ClaimBuster")
        return
    rows, ys = devset_rows()
    shipped = calibrated(fit(extra[0] + rows, extra[1] + ys, CLAIMBUSTER_C), *extra)
    seen_nowhere = transfer(shipped, debates, found)
    print(seen_nowhere.line("shipped ranker (ClaimBuster and the dev set) on the CLEF "
                            "training debates"))
    export(shipped, SHIPPED,
           f"{CLAIMBUSTER_CREDIT}: {len(extra[0])} sentences; and tests/data/devset "
           f"({len(rows)} claims, this project's own)",
           {"CLEF 2019 training debates, never seen": {
               "MAP": round(seen_nowhere.map, 4),
               "R-precision": round(seen_nowhere.r_precision, 4),
               "P@10": round(seen_nowhere.p_at_10, 4)}})
    print(f"wrote {SHIPPED.relative_to(REPO)} ({len(shipped.weights)} weights)")


#: Folds for the calibration's out-of-fold scores.
CALIBRATION_FOLDS = 5


def calibrated(ranker: Ranker, rows: list[list[str]], labels: list[int]) -> Ranker:
    """The ranker with its score scaled to a probability (Platt scaling): a logistic fit
    of the labels on out-of-fold linear scores of ``rows``. Balanced classes and little
    regularisation rank well but push most claims to 99 or 100, which tells a reviewer
    nothing; the scaling keeps the order and spreads the scores."""
    scores = [0.0] * len(rows)
    for fold in range(CALIBRATION_FOLDS):
        train = [i for i in range(len(rows)) if i % CALIBRATION_FOLDS != fold]
        model = fit([rows[i] for i in train], [labels[i] for i in train], CLAIMBUSTER_C)
        for i in range(fold, len(rows), CALIBRATION_FOLDS):
            scores[i] = model.linear(rows[i])
    platt = LogisticRegression(C=1e6).fit([[score] for score in scores], labels)
    a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
    return Ranker(round(a * ranker.bias + b, 4),
                  {f: round(a * w, 4) for f, w in ranker.weights.items()},
                  normalised=ranker.normalised)


def _claimbuster(debates: list[Debate], found) -> tuple[list[list[str]], list[int]]:
    """ClaimBuster's rows and labels (empty when absent), after printing how ClaimBuster
    alone ranks the CLEF debates."""
    claimbuster = read_claimbuster(debates)
    if claimbuster is None:
        print("ClaimBuster absent (`make checkthat` fetches it): CLEF debates only")
        return [], []
    rows = [statement_features(s) for s in claimbuster.sentences]
    alone = transfer(fit(rows, claimbuster.labels, CLAIMBUSTER_C), debates, found)
    print(f"ClaimBuster: {len(rows)} sentences not in the CLEF debates, "
          f"{sum(claimbuster.labels)} worth checking")
    print(alone.line(f"ClaimBuster alone, C={CLAIMBUSTER_C}, on the CLEF debates it never saw"))
    return rows, claimbuster.labels


if __name__ == "__main__":
    sys.exit(main())
