"""Sync at scale: export 100,000 signed events, merge them into another reviewer's
workspace (compared with bare signature verification of the same events, in the same
run), and re-sync the file once it is merged. Prints figures; asserts nothing."""

from __future__ import annotations

import random
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import keyring
from keyring.backends.null import Keyring as NullKeyring

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))

from claimledger.domain import events as ev  # noqa: E402
from claimledger.domain.ids import article_id_for, claim_id_for  # noqa: E402
from claimledger.exchange import keys  # noqa: E402
from claimledger.store import log  # noqa: E402
from claimledger.workspace import Workspace  # noqa: E402

EVENTS = 100_000
ARTICLES = 200
STATEMENTS = 100
STATUSES = ["sourced", "disputed", "unverified", "not-a-claim"]


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
    slug = name.split()[0].lower()
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
        public = ben.identity.public_key
        verify = keys.verifier(public)
        started = time.perf_counter()
        assert all(verify(e) for e in history)
        bare = time.perf_counter() - started
        ana = _reviewer(folder, "Ana Ruiz")
        ticks = []
        started = time.perf_counter()
        report = ana.sync_files([path], accept_new_reviewers=True,
                                progress=lambda d, t, label: ticks.append(d) or True)
        merged = time.perf_counter() - started
        lines.append(f"sync {report.new_events:,} new events: {merged:.2f} s; bare verification "
                     f"of the same events {bare:.2f} s; ratio {merged / bare:.2f} (budget 1.5; "
                     f"{len(ticks)} progress updates)")
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
