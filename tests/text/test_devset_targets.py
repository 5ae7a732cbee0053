"""The quality targets of the suggestions on the labelled dev set (tests/data/devset).

Quality, not timing: tests/bench/bench_suggest.py prints the timings.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_suggest.py"


@pytest.fixture(scope="module")
def evaluation():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_suggest", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_suggest"] = module
    spec.loader.exec_module(module)
    return module.evaluate()


def test_devset_size(evaluation) -> None:  # type: ignore[no-untyped-def]
    assert evaluation.articles >= 8
    assert evaluation.statements >= 300
    assert evaluation.unmatched_labels == []


def test_not_a_claim(evaluation) -> None:  # type: ignore[no-untyped-def]
    score = evaluation.scores["not-a-claim"]
    assert score.precision >= 0.95 and score.recall >= 0.9, score.errors


def test_page_tail_and_duplicates(evaluation) -> None:  # type: ignore[no-untyped-def]
    for name in ("outside-body", "duplicate"):
        score = evaluation.scores[name]
        assert score.precision >= 0.95 and score.recall >= 0.9, score.errors


def test_markers_and_attributions(evaluation) -> None:  # type: ignore[no-untyped-def]
    for name in ("unverified markers", "cited sources", "attributions"):
        score = evaluation.scores[name]
        assert score.precision >= 0.9 and score.recall >= 0.85, (name, score.errors)


def test_metadata(evaluation) -> None:  # type: ignore[no-untyped-def]
    assert evaluation.metadata_correct == evaluation.metadata_total


def test_every_paraphrase_found_and_no_false_link(evaluation) -> None:  # type: ignore[no-untyped-def]
    assert evaluation.scores["paraphrase found (>=SUGGEST)"].recall == 1.0
    assert evaluation.false_links == []
    assert evaluation.near_miss_links == []


def test_clashes(evaluation) -> None:  # type: ignore[no-untyped-def]
    score = evaluation.scores["clashes"]
    assert score.recall == 1.0 and score.precision == 1.0, score.errors
