"""Sync at scale: export 100,000 signed events, merge them into another reviewer's
workspace, and re-sync the file once it is merged. Prints figures; asserts nothing.

The merge is compared with bare signature verification of the same events (one
verifier call per event, nothing else) over ROUNDS alternated pairs in this process
(ratio.py); each merge goes into a fresh workspace, made before its clock starts.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import keyring
from keyring.backends.null import Keyring as NullKeyring

sys.path[:0] = [str(Path(__file__).resolve().parents[2] / "desktop"),
                str(Path(__file__).resolve().parent)]

from ratio import alternate, wall  # noqa: E402

from claimledger.domain import events as ev  # noqa: E402
from claimledger.domain.ids import article_id_for, claim_id_for  # noqa: E402
from claimledger.exchange import keys  # noqa: E402
from claimledger.store import log  # noqa: E402
from claimledger.workspace import Workspace  # noqa: E402

EVENTS = 100_000
ARTICLES = 200
STATEMENTS = 100
STATUSES = ["sourced", "disputed", "unverified", "not-a-claim"]
ROUNDS = 3  # alternated pairs of a merge and the bare verification, ~30 s a pair


def _article(n: int) -> tuple[str, list[list]]:
    sentences = [f"Statement {i} of article {n} says the council spent {i * 7} million."
                 for i in range(STATEMENTS)]
    text = f"Bench article {n}\n\n" + " ".join(sentences)
    spans, start = [[0, len(f"Bench article {n}"), "not-a-claim", "headline"]], \
        len(f"Bench article {n}") + 2
    for sentence in sentences:
        spans.append([start, start + len(sentence), "claim", "body"])
        start += len(sentence) + 1
    return text, spans


def _signed_history(ws: Workspace) -> list:
    """One reviewer's history of EVENTS signed events: imports, then verdicts."""
    ws.unlock()
    rng = random.Random(5)
    out, claims = [], []
    for n in range(ARTICLES):
        text, spans = _article(n)
        article = article_id_for(text)
        out.append(ws._event(ev.ARTICLE_IMPORTED, {
            "article": article, "title": f"Bench article {n}", "outlet": None, "author": None,
            "url": None, "published": None, "retrieved": "2026-11-21T00:00:00Z",
            "filename": None, "encoding": "utf-8", "text": text, "statements": spans}))
        claims += [claim_id_for(article, s, e) for s, e, _, _ in spans]
    while len(out) < EVENTS:
        out.append(ws._event(ev.VERDICT_SET, {"claim": rng.choice(claims),
                                              "status": rng.choice(STATUSES),
                                              "reason": None, "note": None}))
    return [keys.sign_event(e, ws._private_key) for e in out]


@contextmanager
def _no_real_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(NullKeyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def _reviewer(folder: Path, name: str) -> Workspace:
    slug = "-".join(name.split()).lower()
    return Workspace(folder / f"{slug}.sqlite", name, config_dir=folder / f"config-{slug}",
                     allow_file_key=True)


def run() -> list[str]:
    lines = []
    with _no_real_keyring(), tempfile.TemporaryDirectory(prefix="claimledger-sync-") as tmp:
        folder = Path(tmp)
        ben = _reviewer(folder, "Ben Ode")
        history = _signed_history(ben)
        with ben.db.write() as conn:
            ben._ensure_joined(conn)
            log.merge(conn, history)
        path = folder / "ben.cledger"
        started = time.perf_counter()
        exported = ben.export_ledger(path)
        lines.append(f"export {exported.events:,} events: {time.perf_counter() - started:.2f} s "
                     f"({path.stat().st_size / 2**20:.0f} MB; budget 10 s)")
        verify = keys.verifier(ben.identity.public_key)
        merges = iter(range(ROUNDS))

        def merge() -> tuple[float, tuple]:
            ana = _reviewer(folder, f"Ana Ruiz {next(merges)}")
            ticks: list[int] = []

            def sync():
                return ana.sync_files([path], accept_new_reviewers=True,
                                      progress=lambda d, t, label: ticks.append(d) or True)

            try:
                seconds, report = wall(sync)
            finally:
                ana.close()
            return seconds, (report, len(ticks))

        def bare() -> tuple[float, None]:
            seconds, ok = wall(lambda: all(verify(e) for e in history))
            assert ok
            return seconds, None

        ratio = alternate(merge, bare, ROUNDS, seconds=lambda result: result[0])
        report, ticks = ratio.results_a[-1][1]
        lines.append(f"sync {report.new_events:,} new events into a fresh workspace: median "
                     f"{ratio.median_a:.2f} s ({ticks} progress updates); bare "
                     f"verification of the same events: median {ratio.median_b:.2f} s")
        lines.append(ratio.line(f"sync / bare verification, {report.new_events:,} events",
                                "bare verification") + " (budget 1.5)")
        ana = _reviewer(folder, f"Ana Ruiz {ROUNDS - 1}")
        started = time.perf_counter()
        again = ana.sync_files([path])
        lines.append(f"re-sync of the merged file: {time.perf_counter() - started:.2f} s, "
                     f"{again.new_events} new events (budget 3 s)")
        ana.close()
        ben.close()
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
