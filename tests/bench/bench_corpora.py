"""Figures on the public corpora that ``make eval-corpus`` fetches (see corpora.py).

Prints the scores for every corpus present under tests/artifacts/corpora/ and one
plain line for each corpus that is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import corpora  # noqa: E402


def run() -> list[str]:
    return corpora.report()


if __name__ == "__main__":
    print("\n".join(run()))
