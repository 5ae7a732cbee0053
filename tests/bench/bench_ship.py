"""Start-up figures for the shipped app: start to a usable window (a screenshot of a
workspace with the four samples), from the venv and from the PyInstaller bundle when
dist/ has one, and the import time of the window's modules. Figures only.

A start is called "cold" only when the page cache was dropped before each run: with
``/proc/sys/vm/drop_caches`` (root, writable /proc/sys), else with
posix_fadvise(DONTNEED) over the interpreter's, the venv's, the code's and the
workspace's files, checked with mincore afterwards. When neither works the figure is
labelled warm and says why.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import mmap
import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "claim-ledger" / "claim-ledger"
RUNS = 3
RESIDENT_AT_MOST = 0.05  # of the pages of the files, for a posix_fadvise drop to count


def _files(roots: list[Path]) -> list[Path]:
    found = []
    for root in roots:
        if root.is_file():
            found.append(root)
        for folder, _dirs, names in os.walk(root):
            found += [Path(folder, name) for name in names]
    return [path for path in found if path.is_file() and not path.is_symlink()]


def _drop_caches() -> bool:
    os.sync()
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


_LIBC = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
_LIBC.mmap.restype = ctypes.c_void_p
_LIBC.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,
                       ctypes.c_int, ctypes.c_long]
_LIBC.munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
_LIBC.mincore.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p]


def _pages(path: Path) -> tuple[int, int]:
    """(resident pages, pages) of a file: mincore over a fresh read-only mapping (mapping
    reads nothing in)."""
    size = path.stat().st_size
    count = (size + mmap.PAGESIZE - 1) // mmap.PAGESIZE
    if not count:
        return 0, 0
    fd = os.open(path, os.O_RDONLY)
    try:
        address = _LIBC.mmap(None, size, mmap.PROT_READ, mmap.MAP_SHARED, fd, 0)
    finally:
        os.close(fd)
    if address in (None, ctypes.c_void_p(-1).value):
        return 0, 0
    vector = (ctypes.c_ubyte * count)()
    try:
        if _LIBC.mincore(address, size, vector) != 0:
            return 0, 0
    finally:
        _LIBC.munmap(address, size)
    return sum(byte & 1 for byte in vector), count


def _fadvise_out(files: list[Path]) -> float:
    """Ask the kernel to drop these files' pages; the fraction still resident after."""
    os.sync()
    resident = total = 0
    for path in files:
        try:
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
            found, pages = _pages(path)
        except OSError:
            continue
        resident, total = resident + found, total + pages
    return resident / total if total else 1.0


def _cache_roots(extra: list[Path]) -> list[Path]:
    """What a start reads: the interpreter, its standard library, the venv, the code."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    return [Path(sys.executable).resolve(), stdlib, Path(sys.prefix), ROOT / "desktop", *extra]


def drop_page_cache(files: list[Path]) -> str | None:
    """Drop the page cache; how it was done, or None when it could not be."""
    if _drop_caches():
        return "page cache dropped before each run (/proc/sys/vm/drop_caches)"
    left = _fadvise_out(files)
    if left <= RESIDENT_AT_MOST:
        return (f"page cache dropped before each run (posix_fadvise over {len(files):,} "
                f"files, {left:.0%} of their pages still resident)")
    return None


def _start_times(command: list[str], env: dict[str, str], files: list[Path]
                 ) -> tuple[list[float], str | None]:
    """RUNS cold starts (the cache dropped before each) if the cache can be dropped."""
    times, how = [], None
    for _ in range(RUNS):
        how = drop_page_cache(files)
        if how is None:
            return [], None
        times.append(_timed(command, env))
    return times, how


def _start_lines(label: str, command: list[str], env: dict[str, str], files: list[Path]
                 ) -> list[str]:
    _timed(command, env)
    warm = statistics.median(_timed(command, env) for _ in range(RUNS))
    cold, how = _start_times(command, env, files)
    if not cold:
        return [f"warm (page cache could not be dropped) start to a window ({label}): "
                f"{warm:.2f} s median of {RUNS}"]
    return [f"cold start to a window ({label}): {statistics.median(cold):.2f} s median of "
            f"{RUNS}; {how}",
            f"warm start to a window ({label}, files cached): {warm:.2f} s median of {RUNS}"]


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
        files = _files(_cache_roots([home]))
        lines += _start_lines("venv, 4 samples", [*python, "--screenshot", shot], env, files)
        if BUNDLE.exists():
            bundle_env = dict(env)
            bundle_env.pop("PYTHONPATH")
            command = [str(BUNDLE), "--db", str(db), "--screenshot", shot]
            lines += _start_lines("bundle", command, bundle_env,
                                  _files([BUNDLE.parent, home]))
            selftest = _timed([str(BUNDLE), "--self-test"], bundle_env)
            lines.append(f"bundle self-test: {selftest:.2f} s")
        else:
            lines.append("bundle: not built (make package)")
        code = ("import time; t = time.perf_counter(); import claimledger.ui.shell.main_window; "
                "print(time.perf_counter() - t)")
        imports = [float(subprocess.run([sys.executable, "-c", code], env=env, check=True,
                                        capture_output=True, text=True).stdout)
                   for _ in range(RUNS)]
        lines.append(f"import claimledger.ui.shell.main_window (warm): "
                     f"{statistics.median(imports) * 1000:.0f} ms median of {RUNS}")
        hostile = ROOT / "tests" / "ship" / "hostile_driver.py"
        out = subprocess.run([sys.executable, str(hostile), tmp], env=env, check=True,
                             capture_output=True, text=True, timeout=300).stdout
        report = json.loads(out.splitlines()[-1])
        lines.append(f"hostile HTML import ({report['bytes'] / 1e6:.1f} MB, 20 MB data: URI, "
                     f"5000 nested divs): {report['seconds']:.2f} s")
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
