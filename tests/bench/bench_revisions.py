"""Benchmark of re-anchoring: 1,000 claims of a 1 MB article placed on its revision.

Run ``python tests/bench/bench_revisions.py`` (with PYTHONPATH=desktop) or call ``run()``.
Prints figures only; tests never assert timings.

The revision edits 10% of the claimed sentences, moves 5% elsewhere, removes 5% and
adds new ones. The baseline is the least any re-anchoring must do: find each claim's
own words in the new text with one str.find; the ratio is place_claims (exact search,
context and position scoring, approximate search for the changed ones, order check)
over that, from alternated runs (ratio.py). How many claims came back as exact, moved,
changed and orphaned is printed against what the revision did.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

for _path in (Path(__file__).resolve().parents[2] / "desktop", Path(__file__).resolve().parent):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from ratio import alternate, wall  # noqa: E402

from claimledger.text import segment  # noqa: E402
from claimledger.text.revisions import place_claims  # noqa: E402

SIZE = 1_000_000
CLAIMS = 1_000
ROUNDS = 5

_WHO = ["The council", "Mayor Ana Ruiz", "The port authority", "Dr. Amara Okonkwo 🩺",
        "The ministry", "Two traders", "The union", "Gov. Helena Brandvold", "The auditors",
        "Sen. Łukasz Wiśniewski", "The school board", "Residents of Lowmere"]
_DID = ["said spending on", "reported that demand for", "disputed claims that costs of",
        "confirmed that the price of", "warned that delays to", "estimated that use of"]
_WHAT = ["bus services", "the harbour tunnel", "grain exports 🌾", "school meals",
         "flood defences", "night clinics", "the new bridge", "rental housing",
         "ferry crossings", "water pipes", "street lighting", "library branches"]
_HOW = ["rose {n}.{d} percent", "fell by {m},{n}00 a month", "doubled to ${m} million",
        "reached {m} tonnes", "dropped {n} percent 📉", "grew to {m},{d}00 users"]
_WHEN = ["in {month} {year}", "since {month}", "over the {n} months to {month}",
         "last year", "during the strike", "after the {month} {year} review"]
_MONTHS = ["January", "March", "May", "July", "September", "November"]


def varied_news(size: int, seed: int = 3) -> str:
    """About ``size`` characters of invented news whose sentences are almost all
    different, as an article's are (a repeated sentence makes any anchoring guess)."""
    rng = random.Random(seed)
    parts, length = ["Budget 2026: where the money went", "", "By Maria Nuñez", ""], 0
    while length < size:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            fill = dict(n=rng.randint(1, 99), d=rng.randint(0, 9), m=rng.randint(2, 900),
                        month=rng.choice(_MONTHS), year=rng.randint(2015, 2026))
            sentences.append(" ".join((rng.choice(_WHO), rng.choice(_DID), rng.choice(_WHAT),
                                       rng.choice(_HOW).format(**fill),
                                       rng.choice(_WHEN).format(**fill))) + ".")
        paragraph = " ".join(sentences)
        parts += [paragraph, ""]
        length += len(paragraph) + 2
    return "\n".join(parts)


def revised(text: str, spans: list[tuple[int, int]], rng: random.Random
            ) -> tuple[str, dict[str, set[int]]]:
    """The text with some of the claimed sentences edited, moved and removed, and new
    ones added; which claims (by index) were treated how."""
    order = list(range(len(spans)))
    rng.shuffle(order)
    tenth, twentieth = len(spans) // 10, len(spans) // 20
    done = {"changed": set(order[:tenth]), "moved": set(order[tenth:tenth + twentieth]),
            "orphaned": set(order[tenth + twentieth:tenth + 2 * twentieth])}
    pieces, cursor, moved = [], 0, []
    for index, (start, end) in enumerate(spans):
        pieces.append(text[cursor:start])
        words = text[start:end]
        if index in done["changed"]:
            pieces.append(words.replace(" ", " really ", 1).replace("e", "é", 1))
        elif index in done["moved"]:
            moved.append(words)
        elif index in done["orphaned"]:
            pieces.append("A new sentence 🆕 stands here instead of the old one.")
        else:
            pieces.append(words)
        cursor = end
    pieces.append(text[cursor:])
    body = "".join(pieces)
    return body + "\n\n" + " ".join(moved) + "\n", done


def run() -> list[str]:
    lines: list[str] = []
    rng = random.Random(7)
    old = varied_news(SIZE)
    sentences = [(s, e) for s, e in segment(old) if e - s > 40]
    spans = sorted(rng.sample(sentences, CLAIMS))
    claims = [(str(i), s, e) for i, (s, e) in enumerate(spans)]
    new, done = revised(old, spans, rng)
    statements = list(segment(new))
    quotes = [old[s:e] for _, s, e in claims]

    def anchor():
        return place_claims(old, claims, new, statements)

    def bare():
        return [new.find(q) for q in quotes]

    ratio = alternate(anchor, bare, ROUNDS)
    placements = ratio.results_a[0]
    found = {kind: {int(p.claim_id) for p in placements if p.anchoring == kind}
             for kind in ("exact", "moved", "changed", "orphaned")}
    lines.append(f"article {len(old) / 1e6:.2f} MB, revision {len(new) / 1e6:.2f} MB, "
                 f"{CLAIMS:,} claims: place_claims median {ratio.median_a:.2f} s, "
                 f"bare str.find median {ratio.median_b:.3f} s")
    lines.append(ratio.line("re-anchoring / one str.find per claim", "the bare finds"))
    for kind in ("changed", "moved", "orphaned"):
        wanted = done[kind]
        lines.append(f"{kind}: {len(found[kind] & wanted)} of {len(wanted)} found as "
                     f"{kind}; {len(found[kind] - wanted)} others called {kind}")
    untouched = set(range(CLAIMS)) - set().union(*done.values())
    lines.append(f"unchanged: {len(found['exact'] & untouched)} of {len(untouched)} exact")
    seconds, _ = wall(anchor)
    lines.append(f"one more run: {seconds:.2f} s ({seconds / CLAIMS * 1e3:.2f} ms per claim)")
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
