"""Benchmark of the text pipeline: segmenter accuracy and speed, import times.

Run ``python tests/bench/bench_text.py`` (with PYTHONPATH=desktop) or call ``run()``.
Prints figures only; tests never assert timings.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GOLDEN_RULES = Path(__file__).resolve().parents[3] / "shared/bench/golden_rules_en.json"

if str(REPO / "desktop") not in sys.path:
    sys.path.insert(0, str(REPO / "desktop"))

from claimledger.text import prepare_article, segment  # noqa: E402

_PEOPLE = ["Maria Nuñez", "Tomás Reyes", "Dr. Amara Okonkwo", "Gov. Helena Brandvold",
           "Sen. Łukasz Wiśniewski", "Mr. Kofi Mensah", "Rep. Ana Ruiz", "J. R. Halvorsen"]
_PLACES = ["Port Averill", "the U.S.", "Sarvinsk", "Lowmere", "the U.K.", "St. Anne's"]
_TEMPLATES = [
    "{person} said on Tuesday that spending in {place} rose {n}.{d} percent to ${m} million.",
    "“We will not back down,” {person} said.",
    "“Is that true?” {person} asked at 9 a.m. on Jan. {day}.",
    "The report, published by Orvent Inc. and Halden Corp., covers No. {day} of the series.",
    "Officials in {place} expect about {m},{n}00 visitors, e.g. tourists and commuters.",
    "Prices fell... then rose again by {n}.{d}% in {place}.",
    "Critics, including {person}, called the plan “a tax on the east side.”",
    "The vote was 5-4. It followed {n} hours of debate in {place}!",
]


def synthetic_news(size: int, seed: int = 1) -> str:
    """About ``size`` characters of invented news paragraphs with headings and bullets."""
    rng = random.Random(seed)
    parts: list[str] = ["Council splits over bridge plan", "", "By Maria Nuñez", ""]
    length = 0
    while length < size:
        sentences = [
            rng.choice(_TEMPLATES).format(
                person=rng.choice(_PEOPLE), place=rng.choice(_PLACES), n=rng.randint(1, 99),
                d=rng.randint(0, 9), m=rng.randint(2, 900), day=rng.randint(1, 28),
            )
            for _ in range(rng.randint(2, 5))
        ]
        paragraph = " ".join(sentences)
        if rng.random() < 0.05:
            paragraph = "ADVERTISEMENT"
        elif rng.random() < 0.05:
            paragraph = "- " + sentences[0]
        parts += [paragraph, ""]
        length += len(paragraph) + 2
    return "\n".join(parts)


def golden_rules() -> list[str]:
    if not GOLDEN_RULES.exists():
        return [f"segmenter golden rules: skipped ({GOLDEN_RULES} not found)"]
    cases = json.loads(GOLDEN_RULES.read_text(encoding="utf-8"))
    failing = []
    for case in cases:
        text = case["text"]
        got = [text[start:end].strip() for start, end in segment(text)]
        if got != [sentence.strip() for sentence in case["expected"]]:
            failing.append(str(case["id"]))
    lines = [f"segmenter golden rules: {len(cases) - len(failing)}/{len(cases)}"]
    lines.append("  failing cases: " + (", ".join(failing) if failing else "none"))
    return lines


def _best_of(function, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def throughput(text: str) -> list[str]:
    megabytes = len(text.encode("utf-8")) / 1e6
    seconds = _best_of(lambda: segment(text))
    lines = [f"segmenter: {megabytes / seconds:.1f} MB/s on {megabytes:.2f} MB of news text"]
    try:
        import pysbd  # not a project dependency: shown for comparison when present
    except ImportError:
        return lines
    sample = text[:200_000]
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)
    seconds = _best_of(lambda: segmenter.segment(sample), repeat=1)
    size = len(sample.encode("utf-8")) / 1e6
    lines.append(f"pysbd (for comparison): {size / seconds:.2f} MB/s on {size:.2f} MB")
    return lines


def prepare_times() -> list[str]:
    lines = []
    prepare_article(b"Warm-up\n\nThe council met.", "warm-up.txt")
    for label, size in (("20 KB", 20_000), ("1 MB", 1_000_000)):
        data = synthetic_news(size).encode("utf-8")
        seconds = _best_of(lambda data=data: prepare_article(data, "article.txt"))
        article = prepare_article(data, "article.txt")
        lines.append(
            f"prepare_article {label} text: {seconds:.3f} s ({len(article.statements)} statements)"
        )
    return lines


def run() -> list[str]:
    lines = golden_rules()
    lines += throughput(synthetic_news(1_000_000))
    lines += prepare_times()
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
