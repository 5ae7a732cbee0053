"""Start-up figures for the shipped app: cold start to a usable window (a screenshot of a
workspace with the four samples), from the venv and from the PyInstaller bundle when
dist/ has one, and the import time of the window's modules. Figures only."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "claim-ledger" / "claim-ledger"
RUNS = 3


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), CLAIM_LEDGER_ALLOW_FILE_KEY="1",
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
               PYTHONPATH=str(ROOT / "desktop"), CLAIM_LEDGER_REVIEWER="Bench")
    env.pop("CLAIM_LEDGER_DB", None)
    return env


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
    return time.perf_counter() - started


def run() -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = _env(home)
        db = home / "ws.sqlite"
        samples = sorted(str(p) for p in (ROOT / "resources" / "samples").iterdir())
        python = [sys.executable, "-m", "claimledger", "--db", str(db)]
        subprocess.run([*python, "import", *samples], env=env, check=True,
                       capture_output=True, timeout=300)
        shot = str(home / "x.png")
        subprocess.run([*python, "--screenshot", shot], env=env, check=True,
                       capture_output=True, timeout=300)  # warm the OS file cache
        venv = [_timed([*python, "--screenshot", shot], env) for _ in range(RUNS)]
        lines.append(f"cold start to a window (venv, 4 samples): "
                     f"{statistics.median(venv):.2f} s median of {RUNS}")
        if BUNDLE.exists():
            bundle_env = dict(env)
            bundle_env.pop("PYTHONPATH")
            command = [str(BUNDLE), "--db", str(db), "--screenshot", shot]
            _timed(command, bundle_env)
            times = [_timed(command, bundle_env) for _ in range(RUNS)]
            lines.append(f"cold start to a window (bundle): {statistics.median(times):.2f} s "
                         f"median of {RUNS}")
            selftest = _timed([str(BUNDLE), "--self-test"], bundle_env)
            lines.append(f"bundle self-test: {selftest:.2f} s")
        else:
            lines.append("bundle: not built (make package)")
        code = ("import time; t = time.perf_counter(); import claimledger.ui.shell.main_window; "
                "print(time.perf_counter() - t)")
        imports = [float(subprocess.run([sys.executable, "-c", code], env=env, check=True,
                                        capture_output=True, text=True).stdout)
                   for _ in range(RUNS)]
        lines.append(f"import claimledger.ui.shell.main_window: "
                     f"{statistics.median(imports) * 1000:.0f} ms median of {RUNS}")
        hostile = ROOT / "tests" / "ship" / "hostile_driver.py"
        out = subprocess.run([sys.executable, str(hostile), tmp], env=env, check=True,
                             capture_output=True, text=True, timeout=300).stdout
        import json

        report = json.loads(out.splitlines()[-1])
        lines.append(f"hostile HTML import ({report['bytes'] / 1e6:.1f} MB, 20 MB data: URI, "
                     f"5000 nested divs): {report['seconds']:.2f} s")
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
