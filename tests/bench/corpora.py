"""Score the text pipeline on public corpora fetched by ``make eval-corpus``.

The corpora are third-party data: they are fetched at dev time into
tests/artifacts/corpora/ (ignored by git) and never committed. Scored here:

- pySBD's wider English tests (nipunsadvilkar/pySBD, ``tests/lang/test_english_clean.py``
  and ``tests/regression/test_issues.py``): exact match of the stripped sentence list.
  The test files are read with ``ast`` (literals only); nothing of them is imported.
- trafilatura's evaluation pages (adbar/trafilatura, ``tests/eval/`` with
  ``tests/evaldata.json``): each page lists strings that must and must not be in the
  extracted text. Body precision/recall/F1 counts those strings in the stored article
  text (as trafilatura's own evaluation does); "non-body marked claim" is the share of
  statements holding a must-not string that came out as ``claim``.

Run ``python tests/bench/corpora.py`` for the figures and the failing cases;
bench_corpora.py prints the same figures under ``make bench``.
"""

from __future__ import annotations

import ast
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO / "tests" / "artifacts" / "corpora"
PYSBD = CORPORA / "pysbd"
TRAFILATURA = CORPORA / "trafilatura"
PYSBD_FILES = {
    "english": ("tests/lang/test_english_clean.py", ("TESTS_WITH_CLEAN", "TESTS_WO_CLEAN")),
    "issues": ("tests/regression/test_issues.py",
               ("TEST_ISSUE_DATA", "TEST_ISSUE_DATA_CHAR_SPANS")),
}
TRAFILATURA_INDEX = "tests/evaldata.json"
TRAFILATURA_PAGES = "tests/eval"

if str(REPO / "desktop") not in sys.path:
    sys.path.insert(0, str(REPO / "desktop"))


@dataclass
class Score:
    name: str
    passed: int = 0
    total: int = 0
    failing: list[str] = field(default_factory=list)

    def line(self) -> str:
        return f"{self.name}: {self.passed}/{self.total}"


# --- pySBD's tests ------------------------------------------------------------------------


def _literal_cases(path: Path, names: tuple[str, ...]) -> dict[str, list[tuple[str, list[str]]]]:
    """The (text, expected sentences) lists assigned to ``names`` in a pytest file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: dict[str, list[tuple[str, list[str]]]] = {}
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)):
            continue
        if node.targets[0].id not in names or not isinstance(node.value, ast.List):
            continue
        cases = []
        for element in node.value.elts:
            if isinstance(element, ast.Call):  # pytest.param(..., marks=...)
                element = ast.Tuple(elts=element.args, ctx=ast.Load())
            values = ast.literal_eval(element)
            if len(values) == 3:  # (issue number, text, expected)
                values = values[1:]
            text, expected = values
            cases.append((text, [_sentence(item) for item in expected]))
        found[node.targets[0].id] = cases
    return found


def _sentence(item: object) -> str:
    """An expected sentence, or the text of a (text, start, end) span."""
    return (item[0] if isinstance(item, tuple) else str(item)).strip()


def _first_difference(expected: list[str], got: list[str]) -> str:
    index = next((i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b),
                 min(len(expected), len(got)))
    return (f"sentence {index}: want {expected[index:index + 2]!r}"
            f"\n      got  {got[index:index + 2]!r}")


def pysbd_scores(split=None) -> list[Score] | None:  # type: ignore[no-untyped-def]
    """Scores per pySBD test list, or None when the corpus is absent."""
    if split is None:
        from claimledger.text import segment

        def split(text: str) -> list[str]:
            return [text[start:end] for start, end in segment(text)]

    scores = []
    for relative, names in PYSBD_FILES.values():
        path = PYSBD / relative
        if not path.exists():
            return None
        for name, cases in _literal_cases(path, names).items():
            score = Score(f"pySBD {PurePosixPath(relative).name} {name}")
            for index, (text, expected) in enumerate(cases):
                got = [piece.strip() for piece in split(text) if piece.strip()]
                score.total += 1
                if got == expected:
                    score.passed += 1
                else:
                    score.failing.append(f"{name}[{index}]: {_first_difference(expected, got)}")
            scores.append(score)
    return scores


# --- trafilatura's evaluation pages ----------------------------------------------------------


@dataclass
class ExtractionScore:
    pages: int = 0
    failed: int = 0
    true_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0
    false_positive: int = 0
    nonbody_statements: int = 0
    nonbody_claims: int = 0
    body_statements: int = 0
    body_not_claims: int = 0
    seconds: float = 0.0
    nonbody_examples: list[str] = field(default_factory=list)
    body_examples: list[str] = field(default_factory=list)
    missed_examples: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def lines(self) -> list[str]:
        share = self.nonbody_claims / self.nonbody_statements if self.nonbody_statements else 0
        lost = self.body_not_claims / self.body_statements if self.body_statements else 0
        return [
            f"trafilatura eval: {self.pages} pages ({self.failed} refused), "
            f"{self.seconds:.0f} s",
            f"  body strings: precision {self.precision:.3f}, recall {self.recall:.3f}, "
            f"F1 {self.f1:.3f}",
            f"  non-body statements marked claim: {self.nonbody_claims}/"
            f"{self.nonbody_statements} ({share:.0%})",
            f"  body statements (holding a must-have string) not marked claim: "
            f"{self.body_not_claims}/{self.body_statements} ({lost:.0%})",
        ]


def _squash(text: str) -> str:
    return " ".join(text.split())


def trafilatura_score(limit: int | None = None) -> ExtractionScore | None:
    """Score prepare_article on trafilatura's pages, or None when the corpus is absent."""
    index = TRAFILATURA / TRAFILATURA_INDEX
    if not index.exists():
        return None
    from claimledger.text import ArticleError, prepare_article

    entries = json.loads(index.read_text(encoding="utf-8"))
    score = ExtractionScore()
    started = time.perf_counter()
    for url, entry in list(entries.items())[:limit]:
        path = TRAFILATURA / TRAFILATURA_PAGES / entry["file"]
        if not path.exists():
            continue
        score.pages += 1
        try:
            article = prepare_article(path.read_bytes(), path.name)
        except ArticleError:
            score.failed += 1
            article = None
        _score_page(score, url, article, entry)
    score.seconds = time.perf_counter() - started
    return score


def _score_page(score: ExtractionScore, url: str, article, entry: dict) -> None:  # type: ignore[no-untyped-def]
    text = _squash(article.text) if article is not None else ""
    statements = [] if article is None else [
        (_squash(article.text[s.start:s.end]), s) for s in article.statements]
    for wanted in entry.get("with", []):
        needle = _squash(wanted)
        if needle in text:
            score.true_positive += 1
            _score_body(score, url, needle, statements)
        else:
            score.false_negative += 1
            if len(score.missed_examples) < 400:
                score.missed_examples.append(f"{url}: {wanted[:100]!r}")
    for unwanted in entry.get("without", []):
        needle = _squash(unwanted)
        if needle not in text:
            score.true_negative += 1
            continue
        score.false_positive += 1
        for words, statement in statements:
            if needle in words:
                score.nonbody_statements += 1
                if statement.kind == "claim":
                    score.nonbody_claims += 1
                    if len(score.nonbody_examples) < 400:
                        score.nonbody_examples.append(
                            f"{url}: {statement.role}: {words[:120]!r}")


def _pysbd_reference() -> dict[str, str]:
    """pySBD's own scores on the same lists when it is installed (the bench extra)."""
    try:
        import pysbd
    except ImportError:
        return {}
    segmenter = pysbd.Segmenter(language="en", clean=False)
    return {score.name: f"{score.passed}/{score.total}"
            for score in pysbd_scores(segmenter.segment) or []}


def _score_body(score: ExtractionScore, url: str, needle: str, statements: list) -> None:  # type: ignore[type-arg]
    """Statements holding a must-have string should be claims (headlines apart)."""
    for words, statement in statements:
        if needle in words and statement.role not in {"headline", "heading", "kicker"}:
            score.body_statements += 1
            if statement.kind != "claim":
                score.body_not_claims += 1
                if len(score.body_examples) < 400:
                    score.body_examples.append(
                        f"{url}: {statement.role}: {getattr(statement, 'reason', '')}: "
                        f"{words[:120]!r}")


# --- report -------------------------------------------------------------------------------------


def report(verbose: bool = False, limit: int | None = None) -> list[str]:
    """The figures for every corpus present, and a plain line for each absent one."""
    lines: list[str] = []
    scores = pysbd_scores()
    if scores is None:
        lines.append(f"pySBD tests: absent (not in {PYSBD}; run make eval-corpus)")
    else:
        reference = _pysbd_reference()
        for score in scores:
            theirs = reference.get(score.name)
            lines.append(score.line() + (f" (pySBD itself: {theirs})" if theirs else ""))
            if verbose:
                lines += [f"  {failing}" for failing in score.failing]
    extraction = trafilatura_score(limit)
    if extraction is None:
        lines.append(f"trafilatura eval pages: absent (not in {TRAFILATURA}; "
                     f"run make eval-corpus)")
    else:
        lines += extraction.lines()
        if verbose:
            lines += ["  non-body claim: " + example for example in extraction.nonbody_examples]
            lines += ["  missed: " + example for example in extraction.missed_examples]
            lines += ["  body not claim: " + example for example in extraction.body_examples]
    return lines


if __name__ == "__main__":
    arguments = sys.argv[1:]
    count = next((int(a) for a in arguments if a.isdigit()), None)
    print("\n".join(report(verbose="-v" in arguments, limit=count)))
