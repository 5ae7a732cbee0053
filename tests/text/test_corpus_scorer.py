"""The corpus scorer (tests/bench/corpora.py) on tiny corpora written here: it reads
pySBD-style test lists without importing them, scores trafilatura-style pages, and says
plainly when a corpus is absent."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCORER = Path(__file__).resolve().parents[1] / "bench" / "corpora.py"


@pytest.fixture
def corpora(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("corpora_under_test", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpora_under_test"] = module
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "PYSBD", tmp_path / "pysbd")
    monkeypatch.setattr(module, "TRAFILATURA", tmp_path / "trafilatura")
    return module


def test_absent_corpora_are_named(corpora) -> None:  # type: ignore[no-untyped-def]
    lines = corpora.report()
    assert any(line.startswith("pySBD tests: absent") for line in lines)
    assert any(line.startswith("trafilatura eval pages: absent") for line in lines)


def test_pysbd_lists_are_read_as_literals_and_scored(corpora, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    english = tmp_path / "pysbd" / "tests" / "lang" / "test_english_clean.py"
    issues = tmp_path / "pysbd" / "tests" / "regression" / "test_issues.py"
    english.parent.mkdir(parents=True)
    issues.parent.mkdir(parents=True)
    english.write_text(
        "import this_module_does_not_exist\n"
        "TESTS_WITH_CLEAN = [('The vote passed. It was close.', "
        "['The vote passed.', 'It was close.'])]\n"
        "TESTS_WO_CLEAN = [('Dr. Okafor left.', ['Dr.', 'Okafor left.'])]\n")
    issues.write_text(
        "TEST_ISSUE_DATA = [('#1', 'One. Two.', ['One.', 'Two.'])]\n"
        "TEST_ISSUE_DATA_CHAR_SPANS = [pytest.param('#2', 'It rained. We left.', "
        "[('It rained. ', 0, 11), ('We left.', 11, 19)], marks=pytest.mark.xfail)]\n")
    scores = {score.name: (score.passed, score.total) for score in corpora.pysbd_scores()}
    assert scores == {
        "pySBD test_english_clean.py TESTS_WITH_CLEAN": (1, 1),
        "pySBD test_english_clean.py TESTS_WO_CLEAN": (0, 1),
        "pySBD test_issues.py TEST_ISSUE_DATA": (1, 1),
        "pySBD test_issues.py TEST_ISSUE_DATA_CHAR_SPANS": (1, 1),
    }


def test_extraction_pages_are_scored(corpora, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pages = tmp_path / "trafilatura" / "tests" / "eval"
    pages.mkdir(parents=True)
    (pages / "bridge.html").write_text(
        "<html><head><title>Bridge vote</title></head><body><article><h1>Bridge vote "
        "passes</h1><p>The council voted 5-4 on Tuesday to replace the Harbour Street "
        "Bridge, which carries 31,000 vehicles a day, after a decade of argument.</p>"
        "<p>Sign up for our free daily newsletter to get the morning briefing.</p>"
        "</article></body></html>", encoding="utf-8")
    (tmp_path / "trafilatura" / "tests" / "evaldata.json").write_text(json.dumps({
        "https://courier.example/bridge": {
            "file": "bridge.html",
            "with": ["voted 5-4 on Tuesday"],
            "without": ["Sign up for our free daily newsletter", "Most read"]}}))
    score = corpora.trafilatura_score()
    assert (score.pages, score.true_positive, score.false_negative) == (1, 1, 0)
    assert score.nonbody_claims == 0
    assert score.lines()[0].startswith("trafilatura eval: 1 pages")
