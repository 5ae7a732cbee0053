"""The matcher on CLEF CheckThat! 2020 task 2 (``make checkthat``; see claim_pairs.py):
MAP@5 and the precision and recall of what it suggests and links. One plain line when
the data is absent."""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import claim_pairs  # noqa: E402


def run() -> list[str]:
    return claim_pairs.report()


if __name__ == "__main__":
    print("\n".join(run()))
