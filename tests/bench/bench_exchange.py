"""Benchmark of ledger-file exchange (prints figures; never asserted by tests).

Run:  PYTHONPATH=desktop .venv/bin/python tests/bench/bench_exchange.py [events]

  * signing 100,000 events (Ed25519 over canonical JSON);
  * a bare verify loop: 100,000 `public_key.verify(signature, message)` calls on
    bytes prepared beforehand (the floor for any checker);
  * check_events on a read file of 100,000 events, and its ratio to the bare loop
    (target <= 1.5), from ROUNDS alternated pairs of runs in this process (ratio.py);
  * write_ledger_file and read_ledger_file of 100,000 events (seconds, MB).
"""

from __future__ import annotations

import base64
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT / "tests" / "bench")]

from ratio import alternate  # noqa: E402

from claimledger.domain import events as ev  # noqa: E402
from claimledger.domain.clock import format_stamp  # noqa: E402
from claimledger.domain.events import Event  # noqa: E402
from claimledger.exchange import keys  # noqa: E402
from claimledger.exchange.ledgerfile import (  # noqa: E402
    ReviewerCard,
    read_ledger_file,
    write_ledger_file,
)
from claimledger.exchange.trust import check_events  # noqa: E402

N = 100_000
ROUNDS = 3  # alternated pairs of check_events and the bare loop, ~30 s a pair
REVIEWERS = ("Ann Ode", "Ben Ode", "Cat Ode")


def _unsigned(n: int, authors: list[str]) -> list[Event]:
    return [
        Event.new(ev.VERDICT_SET, authors[i % len(authors)],
                  format_stamp(1_700_000_000_000 + i, 0),
                  {"claim": uuid.uuid4().hex[:24], "status": "disputed",
                   "reason": "Claimed without evidence", "note": f"row {i}, see “source”"})
        for i in range(n)
    ]


def _timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def run(n: int = N) -> list[str]:
    """Run the benchmark; returns (and prints) its report lines."""
    lines: list[str] = []

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    privates = [keys.generate_private_key() for _ in REVIEWERS]
    cards = [ReviewerCard(str(uuid.uuid4()), name, keys.public_key_b64(p))
             for name, p in zip(REVIEWERS, privates, strict=True)]
    by_author = {card.id: p for card, p in zip(cards, privates, strict=True)}
    unsigned = _unsigned(n, [card.id for card in cards])

    signed, seconds = _timed(lambda: [keys.sign_event(e, by_author[e.author])
                                      for e in unsigned])
    say(f"sign {n:,} events: {seconds:.2f} s ({seconds / n * 1e6:.1f} µs each)")

    signed += [keys.sign_event(Event.new(ev.REVIEWER_JOINED, card.id, format_stamp(
        1_600_000_000_000, 0), {"name": card.name, "public_key": card.public_key}),
        by_author[card.id]) for card in cards]  # each author introduces their key
    publics = {card.id: keys.public_key_from_b64(card.public_key) for card in cards}
    prepared = [(publics[e.author], base64.b64decode(e.signature), e.canonical_bytes())
                for e in signed]

    def bare() -> None:
        for public, signature, message in prepared:
            public.verify(signature, message)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.cledger"
        _, seconds = _timed(lambda: write_ledger_file(path, events=signed, reviewers=cards,
                                                      exporter_name="Ann Ode"))
        megabytes = path.stat().st_size / 2**20
        say(f"write_ledger_file, {n:,} events: {seconds:.2f} s, {megabytes:.1f} MB")
        ledger, seconds = _timed(lambda: read_ledger_file(path))
        say(f"read_ledger_file, {n:,} events: {seconds:.2f} s "
            f"({megabytes / seconds:.0f} MB/s)")

    def check() -> None:
        assert len(check_events(ledger, pinned={}).events) == n + len(cards)

    ratio = alternate(check, bare, ROUNDS)
    say(f"bare verify loop, {n:,} signatures: median {ratio.median_b:.2f} s "
        f"({ratio.median_b / n * 1e6:.1f} µs each)")
    say(f"check_events, {n:,} events: median {ratio.median_a:.2f} s")
    say(ratio.line(f"check_events / bare verify loop, {n:,} events", "the bare loop")
        + " (target <= 1.5)")
    return lines


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else N)
