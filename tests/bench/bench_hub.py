"""The desk hub at scale, on a private PostgreSQL cluster (tests/hub/pg_cluster.py):

- push of 100,000 signed events to a fresh hub, as a ratio to a bare COPY of the same
  rows into the same table (alternated pairs, ratio.py);
- pull of them into a fresh workspace, as a ratio to bare signature verification;
- a mark in one window until it shows in another (two windows in this process, each
  with its hub worker), p50 and p95 on loopback;
- the issue's desk: 20 reviewer processes x 500 marks through one hub (two of them
  also passing a ledger file), settled and compared.

Prints figures; asserts nothing. Skipped when no PostgreSQL binaries exist.
"""

from __future__ import annotations

import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
HUB_TESTS = HERE.parent / "hub"
sys.path[:0] = [str(HERE.parents[1] / "desktop"), str(HERE), str(HUB_TESTS)]

import keyring  # noqa: E402
from bench_sync import _no_real_keyring, _reviewer, _signed_history  # noqa: E402
from pg_cluster import SUPERUSER_PASSWORD, Cluster, binaries  # noqa: E402
from ratio import alternate, wall  # noqa: E402

from claimledger.exchange import keys  # noqa: E402
from claimledger.exchange.hubsecret import SERVICE  # noqa: E402
from claimledger.store import log  # noqa: E402
from claimledger.store.eventrows import payload_text  # noqa: E402
from claimledger.store.hub import parse_address  # noqa: E402

ROUNDS = 2
LATENCY_SAMPLES = 40
DESK = (20, 500)
_dbs = itertools.count(1)


class _MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


def _fresh_hub(cluster: Cluster) -> str:
    name = f"bench{next(_dbs)}"
    cluster.sql(f"CREATE DATABASE {name}")
    url = cluster.url(name)
    keyring.set_password(SERVICE, parse_address(url).keyring_name, SUPERUSER_PASSWORD)
    return url


def run() -> list[str]:
    if binaries() is None:
        return ["skipped: no PostgreSQL binaries (install the postgresql package)"]
    lines: list[str] = []
    cluster = Cluster(binaries())
    cluster.start()
    previous = keyring.get_keyring()
    try:
        with _no_real_keyring(), tempfile.TemporaryDirectory(prefix="claimledger-hub-") as tmp:
            keyring.set_keyring(_MemoryKeyring())
            folder = Path(tmp)
            lines += _push_and_pull(cluster, folder)
            lines += _window_latency(cluster, folder)
    finally:
        keyring.set_keyring(previous)
        cluster.remove()
    return lines + _desk()


def _push_and_pull(cluster: Cluster, folder: Path) -> list[str]:
    ben = _reviewer(folder, "Ben Ode")
    history = _signed_history(ben)
    with ben.db.write() as conn:
        ben._ensure_joined(conn)
        log.merge(conn, history)
    editor = _reviewer(folder, "Edith Editor")
    rows = [(e.id, e.kind, e.author, e.hlc, payload_text(e.payload), e.signature)
            for e in history]
    pulls: list[float] = []
    counter = itertools.count()

    def push_then_pull() -> tuple[float, int]:
        url = _fresh_hub(cluster)
        editor.init_hub(url)
        ben.disconnect_hub()
        ben.connect_hub(url)
        seconds, done = wall(ben.sync_hub)
        ana = _reviewer(folder, f"Ana Ruiz {next(counter)}")
        ana.connect_hub(url)
        pull_seconds, pulled = wall(lambda: ana.sync_hub(accept_new_reviewers=True))
        pulls.append(pull_seconds)
        ana.close()
        assert pulled.pulled == done.pushed
        return seconds, done.pushed

    def bare_copy() -> tuple[float, None]:
        import psycopg

        url = _fresh_hub(cluster)
        editor.init_hub(url)
        with psycopg.connect(url, password=SUPERUSER_PASSWORD) as conn:
            started = time.perf_counter()
            with conn.cursor().copy("COPY hub_event (id, kind, author, hlc, payload, signature)"
                                    " FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            conn.commit()
            return time.perf_counter() - started, None

    push = alternate(push_then_pull, bare_copy, ROUNDS, seconds=lambda r: r[0])
    pushed = push.results_a[-1][1]
    lines = [f"push {pushed:,} events to a fresh hub: median {push.median_a:.2f} s; bare COPY "
             f"of the same rows: median {push.median_b:.2f} s",
             push.line(f"push / bare COPY, {pushed:,} events", "bare COPY")]
    verify = keys.verifier(ben.identity.public_key)
    bare_verify = [wall(lambda: all(verify(e) for e in history))[0] for _ in pulls]
    ratios = [p / v for p, v in zip(pulls, bare_verify, strict=True)]
    lines.append(f"pull {len(history):,} events into a fresh workspace: median "
                 f"{statistics.median(pulls):.2f} s; bare verification: median "
                 f"{statistics.median(bare_verify):.2f} s; pull / bare verification "
                 f"{statistics.median(ratios):.2f}× (spread {min(ratios):.2f}–"
                 f"{max(ratios):.2f})")
    ben.close()
    editor.close()
    return lines


def _window_latency(cluster: Cluster, folder: Path) -> list[str]:
    from PySide6.QtWidgets import QApplication

    from claimledger.domain.status import Status
    from claimledger.resources import resource
    from claimledger.ui.shell.app import set_up_application
    from claimledger.ui.shell.main_window import MainWindow
    from claimledger.ui.views.ledger_model import REVIEWERS

    app = QApplication.instance() or QApplication([])
    set_up_application(app)
    url = _fresh_hub(cluster)
    _reviewer(folder, "Edith Editor").init_hub(url)
    sample = resource("samples", "harbour-bridge-funding.txt")
    marker, watcher = _reviewer(folder, "Mia Marker"), _reviewer(folder, "Will Watcher")
    for ws in (marker, watcher):
        ws.connect_hub(url)
        ws.import_files([sample], analyse=False)
    for ws in (marker, watcher, marker, watcher):
        ws.sync_hub(accept_new_reviewers=True)
    windows = [MainWindow(ws) for ws in (marker, watcher)]
    for window in windows:
        window.persist_settings = False
        window.show()
    article = marker.articles()[0].id
    _until(app, lambda: all(w.identity_ready for w in windows))
    for window in windows:
        window.review.open_article(article)
    _until(app, lambda: all(w.article_id == article for w in windows))
    _until(app, lambda: all(w.hub.label.text() == "Desk hub: up to date" for w in windows))
    claims = [c.id for c in windows[0].ledger_model.all_claims() if c.kind == "claim"]
    model = windows[1].ledger_model
    samples = []
    for n in range(LATENCY_SAMPLES):
        claim = claims[n % len(claims)]
        status = (Status.SOURCED, Status.DISPUTED)[(n // len(claims)) % 2]
        word = "Sourced" if status is Status.SOURCED else "Disputed"
        windows[0].review.select_claim(claim)
        started = time.perf_counter()
        windows[0].review.mark(status)

        def shown(claim=claim, word=word) -> bool:
            index = model.index(model.row_of(claim), REVIEWERS)
            from PySide6.QtCore import Qt

            return f"Mia Marker: {word}" in (model.data(index, Qt.ItemDataRole.ToolTipRole)
                                             or "")

        _until(app, shown)
        samples.append(time.perf_counter() - started)
    for window in windows:
        window.close()
    app.processEvents()
    marker.close()
    watcher.close()
    cuts = statistics.quantiles(samples, n=20)
    return [f"mark in one window until it shows in another ({len(samples)} marks, loopback): "
            f"p50 {statistics.median(samples) * 1000:.0f} ms, p95 {cuts[18] * 1000:.0f} ms "
            "(aim: p95 under 1 s)"]


def _until(app, condition, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the windows did not get there in time")
        app.processEvents()
        time.sleep(0.001)


def _desk() -> list[str]:
    reviewers, marks = DESK
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         str(HUB_TESTS / "test_hub_convergence.py")],
        capture_output=True, text=True, cwd=HERE.parents[1],
        env={**os.environ, "CLAIM_LEDGER_HUB_DESK": f"{reviewers}x{marks}"})
    outcome = "converged, verify passes everywhere, nothing lost" if done.returncode == 0 \
        else f"FAILED: {done.stdout.strip().splitlines()[-1:]}"
    return [f"desk of {reviewers} reviewer processes x {marks} marks through one hub (two "
            f"also passing a file): {outcome} in {time.perf_counter() - started:.0f} s"]


if __name__ == "__main__":
    for line in run():
        print(line)
