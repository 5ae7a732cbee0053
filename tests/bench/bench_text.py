"""Benchmark of the text pipeline: segmenter accuracy and speed, import times.

Run ``python tests/bench/bench_text.py`` (with PYTHONPATH=desktop) or call ``run()``.
Prints figures only; tests never assert timings.

pySBD (the ``bench`` extra) is the yardstick: both segmenters are scored on pySBD's own
Golden Rules (../shared/bench/), and the speed ratio comes from alternated runs on the
same text in this process (ratio.py). Without pySBD a line says so.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GOLDEN_RULES = Path(__file__).resolve().parents[3] / "shared/bench/golden_rules_en.json"
PYSBD_SAMPLE = 200_000  # characters; pySBD runs at ~0.15 MB/s
PYSBD_ROUNDS = 5

for _path in (REPO / "desktop", Path(__file__).resolve().parent):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from ratio import alternate, wall  # noqa: E402

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


def _pysbd():
    """pySBD's English segmenter (the bench extra), or None when it is not installed."""
    try:
        import pysbd
    except ImportError:
        return None
    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def _ours(text: str) -> list[str]:
    return [text[start:end] for start, end in segment(text)]


def _golden_score(split, cases: list[dict]) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    """(cases passed, ids failing): exact match of the stripped sentence lists."""
    failing = [str(case["id"]) for case in cases
               if [s.strip() for s in split(case["text"]) if s.strip()]
               != [s.strip() for s in case["expected"]]]
    return len(cases) - len(failing), failing


def golden_rules(pysbd_segmenter) -> list[str]:  # type: ignore[no-untyped-def]
    if not GOLDEN_RULES.exists():
        return [f"segmenter golden rules: not scored ({GOLDEN_RULES} not found)"]
    cases = json.loads(GOLDEN_RULES.read_text(encoding="utf-8"))
    scorers = [("ours", _ours)]
    if pysbd_segmenter is not None:
        scorers.append((f"pySBD {_pysbd_version()}", pysbd_segmenter.segment))
    lines = []
    for name, split in scorers:
        passed, failing = _golden_score(split, cases)
        lines.append(f"golden rules (pySBD's {len(cases)} English cases), {name}: "
                     f"{passed}/{len(cases)}; failing: {', '.join(failing) or 'none'}")
    return lines


def _pysbd_version() -> str:
    from importlib.metadata import version

    return version("pysbd")


def _median_of(function, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    return statistics.median(wall(function)[0] for _ in range(repeat))


def throughput(text: str, pysbd_segmenter) -> list[str]:  # type: ignore[no-untyped-def]
    megabytes = len(text.encode("utf-8")) / 1e6
    seconds = _median_of(lambda: segment(text))
    lines = [f"segmenter: {megabytes / seconds:.1f} MB/s on {megabytes:.2f} MB of news text "
             f"(median of 3)"]
    if pysbd_segmenter is None:
        return lines
    sample = text[:PYSBD_SAMPLE]
    ratio = alternate(lambda: pysbd_segmenter.segment(sample), lambda: segment(sample),
                      PYSBD_ROUNDS, warmup=1)
    size = len(sample.encode("utf-8")) / 1e6
    lines.append(f"pySBD on {size:.2f} MB of the same text: {size / ratio.median_a:.2f} MB/s, "
                 f"ours {size / ratio.median_b:.1f} MB/s")
    lines.append(ratio.line("segmenter speed (pySBD's time / ours)", "pySBD's speed"))
    return lines


def prepare_times() -> list[str]:
    lines = []
    prepare_article(b"Warm-up\n\nThe council met.", "warm-up.txt")
    for label, size in (("20 KB", 20_000), ("1 MB", 1_000_000)):
        data = synthetic_news(size).encode("utf-8")
        seconds = _median_of(lambda data=data: prepare_article(data, "article.txt"))
        article = prepare_article(data, "article.txt")
        lines.append(f"prepare_article {label} text: {seconds:.3f} s median of 3 "
                     f"({len(article.statements)} statements)")
    markdown = "\n\n".join(f"## Part {n}\n\n![Photo {n}](p{n}.jpg)\n\n{paragraph}"
                           for n, paragraph in enumerate(synthetic_news(1_000_000)
                                                         .split("\n\n"))).encode()
    size = f"{len(markdown) / 1e6:.1f} MB Markdown (headings, images, paragraphs)"
    for label, data, name in ((size, markdown, "article.md"), *HOSTILE):
        seconds = _median_of(lambda data=data, name=name: prepare_article(data, name))
        lines.append(f"prepare_article {label}: {seconds:.3f} s median of 3")
    return lines


#: Lines that made a regular expression or a parser scan to the end of the line from
#: every position (quadratic); each must stay a matter of seconds at most.
HOSTILE = (
    ("hostile 0.5 MB '![a](' repeated, as text", b"![a](" * 100_000, "hostile.txt"),
    ("hostile 0.5 MB '![a](' repeated, as Markdown", b"![a](" * 100_000, "hostile.md"),
    ("hostile 50,000-row Markdown table", b"|a|b|\n|-|-|\n" + b"|x|y|\n" * 50_000,
     "table.md"),
)


def run() -> list[str]:
    pysbd_segmenter = _pysbd()
    lines = [] if pysbd_segmenter else [
        "pySBD: not installed, so no comparison (make bench installs it: pip install "
        "-e '.[test,bench]')"]
    lines += golden_rules(pysbd_segmenter)
    lines += throughput(synthetic_news(1_000_000), pysbd_segmenter)
    lines += prepare_times()
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
