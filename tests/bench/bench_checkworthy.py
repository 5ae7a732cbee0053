"""Check-worthiness on the CLEF CheckThat! 2019 training debates (``make checkthat``):
the lab's MAP, R-precision and P@10 of the learned ranker, cross-validated by debate
(fitted on the others, with ClaimBuster when ``make train`` chose it, ranking the one
left out), next to the former rule-based scorer and the shipped weights (fitted on
ClaimBuster and the dev set, none of the CLEF debates). One plain line when the debates
are absent or scikit-learn (the ``train`` extra) is not installed.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import checkthat  # noqa: E402


def run() -> list[str]:
    if not checkthat.TRAINING.is_dir():
        return ["CheckThat! 2019 debates absent: run `make checkthat` (or `make train`)"]
    if importlib.util.find_spec("sklearn") is None:
        return ["scikit-learn absent: `make train` installs it (the train extra)"]
    import checkworthy_train as train

    from claimledger.text.checkworthy import shipped_ranker

    debates = checkthat.read_debates(checkthat.TRAINING)
    found = [[checkthat.statement_features(s) for s in d.sentences] for d in debates]
    c, with_claimbuster = _chosen()
    also = ([], [])
    claimbuster = checkthat.read_claimbuster(debates) if with_claimbuster else None
    if claimbuster is not None:
        also = ([checkthat.statement_features(s) for s in claimbuster.sentences],
                claimbuster.labels)
    pairs = list(zip(debates, found, strict=True))
    rules = checkthat.measures([(d.labels, [checkthat.rule_score(f) for f in fs])
                                for d, fs in pairs])
    shipped = shipped_ranker()
    transfer = checkthat.measures([
        (d.labels, [checkthat.ranker_score(shipped, f) for f in fs]) for d, fs in pairs])
    return [
        f"{len(debates)} training debates, {sum(len(d.labels) for d in debates)} sentences",
        rules.line("rule-based scorer (before)"),
        train.cross_validate(debates, found, c, also).line(
            f"learned ranker, C={c}{', with ClaimBuster' if also[0] else ''}, "
            "leave-one-debate-out"),
        transfer.line("shipped weights (ClaimBuster and the dev set)"),
    ]


def _chosen() -> tuple[float, bool]:
    """The regularisation ``make train`` chose and whether with ClaimBuster, else the
    first of its grid without."""
    import checkworthy_train as train

    if checkthat.CLEF_WEIGHTS.is_file():
        data = json.loads(checkthat.CLEF_WEIGHTS.read_text(encoding="utf-8"))
        chosen = data.get("cross_validation") or {}
        return float(chosen.get("C", train.GRID[0])), bool(chosen.get("ClaimBuster"))
    return train.GRID[0], False


if __name__ == "__main__":
    print("\n".join(run()))
