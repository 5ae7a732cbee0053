"""Benchmark of the verification PDF (prints figures; never asserted by tests).

Run:  PYTHONPATH=desktop .venv/bin/python tests/bench/bench_report.py

Each case runs in a fresh subprocess so its peak memory (ru_maxrss) is its own:
  * build_pdf for 1,000 and 10,000 statements (target: 1,000 <= 5 s);
  * a bare reportlab document with the same ledger rows (plain Paragraph cells, built-in
    Helvetica, 500-row tables, repeatRows=1) for 10,000 statements; target ratio <= 1.5;
  * peak memory of the 10,000-statement build (target <= 400 MB).
The ratio comes from ROUNDS alternated pairs of 10,000-statement builds (ratio.py): the
median of the per-pair ratios, each build timed inside its own process (imports and
start-up excluded), so a change of load between runs cannot favour one side.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 3  # each pair takes ~25-45 s
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT / "tests" / "report"),
                str(ROOT / "tests" / "bench")]

from ratio import alternate  # noqa: E402


def _ours(n: int, out: Path) -> dict:
    import report_fixtures as fixtures

    from claimledger.report import build_pdf

    report = fixtures.make_report([fixtures.big_article(n)], agreement=())
    start = time.perf_counter()
    pages = build_pdf(report, out)
    return {"seconds": time.perf_counter() - start, "pages": pages}


def _bare(n: int, out: Path) -> dict:
    from xml.sax.saxutils import escape

    import report_fixtures as fixtures
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    article = fixtures.big_article(n)
    start = time.perf_counter()
    style = getSampleStyleSheet()["BodyText"]

    def cell(text: str | None):
        return Paragraph(escape(text), style) if text else "-"

    header = [cell(h) for h in ("No.", "Statement", "Status", "Reason", "Note", "Sources",
                                "Reviewers")]
    rows = [[str(i + 1), cell(c.text), cell(c.status.style.label), cell(c.reason),
             cell(c.note), cell(" ".join(f"{s.title} {s.url}" for s in c.sources)),
             cell(", ".join(c.reviewers))] for i, c in enumerate(article.claims)]
    widths = [34, 190, 70, 90, 120, 165, 77]
    story = [Table([header] + rows[i:i + 500], colWidths=widths, repeatRows=1)
             for i in range(0, len(rows), 500)]
    doc = SimpleDocTemplate(str(out), pagesize=landscape(A4))
    doc.build(story)
    return {"seconds": time.perf_counter() - start, "pages": doc.page}


def _case(kind: str, n: int) -> dict:
    """Run one case in a subprocess; its time, pages and peak RSS in MB."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, __file__, "--case", kind, str(n), str(Path(tmp) / "r.pdf")]
        env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"))
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def run() -> list[str]:
    """Run the benchmark; returns (and prints) its report lines."""
    lines: list[str] = []

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    small = _case("ours", 1000)
    say(f"report, 1,000 statements: {small['seconds']:.2f} s, {small['pages']} pages, "
        f"peak {small['rss_mb']:.0f} MB (target <= 5 s)")
    ratio = alternate(lambda: _case("ours", 10000), lambda: _case("bare", 10000), ROUNDS,
                      seconds=lambda result: result["seconds"])
    big, bare = ratio.results_a, ratio.results_b
    say(f"report, 10,000 statements: median {ratio.median_a:.2f} s, {big[0]['pages']} pages, "
        f"peak {max(r['rss_mb'] for r in big):.0f} MB (target <= 400 MB)")
    say(f"bare reportlab, same 10,000 rows in 500-row tables: median {ratio.median_b:.2f} s, "
        f"{bare[0]['pages']} pages, peak {max(r['rss_mb'] for r in bare):.0f} MB")
    say(ratio.line("report / bare reportlab, 10,000 statements", "bare reportlab")
        + " (target <= 1.5)")
    return lines


def _main_case(kind: str, n: int, out: str) -> None:
    result = (_ours if kind == "ours" else _bare)(n, Path(out))
    result["rss_mb"] = _peak_rss_mb()
    print(json.dumps(result))


def _peak_rss_mb() -> float:
    """This process's own peak. Linux keeps ru_maxrss across fork+exec, so a child would
    report its parent's peak; VmHWM belongs to this process image alone."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--case":
        _main_case(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        run()
