"""Run every benchmark in this folder: ``python tests/bench/run.py``.

Each ``bench_*.py`` module (in name order) is loaded from its file and its ``run()`` is
called; the lines it returns are printed under a header (what it prints by itself while
running is held back, so figures are not shown twice, and shown only if it fails). A
module that fails prints its error and the next one still runs. Figures only: the exit
status is always 0. This folder is on sys.path, so modules share ``ratio`` (alternated
timings) and ``big_workspace`` (cached large workspaces).
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
DESKTOP = HERE.parents[1] / "desktop"


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(f"claimledger_bench_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def run_all(folder: Path = HERE) -> int:
    for path in (DESKTOP, folder):
        if str(path) not in sys.path:
            sys.path.insert(0, str(path))
    for path in sorted(folder.glob("bench_*.py")):
        print(f"== {path.stem} ==", flush=True)
        started = time.perf_counter()
        chatter = io.StringIO()
        try:
            with contextlib.redirect_stdout(chatter):
                lines = _load(path).run()
            for line in lines:
                print(line, flush=True)
        except (Exception, SystemExit) as error:  # report it and go on to the next one
            print(chatter.getvalue(), end="")
            print(f"error: {type(error).__name__}: {error}", flush=True)
            traceback.print_exc(limit=3, file=sys.stdout)
        print(f"({time.perf_counter() - started:.1f} s)\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(run_all())
