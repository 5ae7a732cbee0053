"""``make train``: resources/word-rarity.tsv, how common each word stem is in English.

From wordfreq's English list (the ``train`` extra; its data is CC BY-SA 4.0, so this
derived table is too: the header says so). The matcher weighs a shared word by its
rarity (text/matching.py ``word_weight``): "year" says little, "deport" a lot.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO / "desktop") not in sys.path:
    sys.path.insert(0, str(REPO / "desktop"))

from claimledger.text.matching import RARITY_FILE, _stem  # noqa: E402

#: Words at least this common are listed; rarer ones weigh the most anyway
#: (text/matching.py word_weight is flat below 3.5).
MIN_ZIPF = 3.5
HEADER = (
    "# Zipf frequency (log10 of uses per billion words) of English word stems, derived\n"
    "# from wordfreq {version} (Robyn Speer, https://github.com/rspeer/wordfreq), whose\n"
    "# data is licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/);\n"
    "# this table is shared under the same licence. Made by tests/bench/word_rarity.py.\n"
)


def build(path: Path = REPO / "resources" / RARITY_FILE) -> int:
    from importlib.metadata import version

    import wordfreq

    stems: dict[str, float] = {}
    for word, frequency in wordfreq.get_frequency_dict("en", wordlist="best").items():
        if not word.isalpha() or not word.isascii() or len(word) < 3:
            continue
        zipf = wordfreq.zipf_frequency(word, "en") if frequency else 0.0
        if zipf < MIN_ZIPF:
            continue
        stem = _stem(word)
        stems[stem] = max(stems.get(stem, 0.0), zipf)
    lines = [f"{stem}\t{zipf:.1f}" for stem, zipf in sorted(stems.items())]
    path.write_text(HEADER.format(version=version("wordfreq")) + "\n".join(lines) + "\n",
                    encoding="utf-8")
    return len(lines)


if __name__ == "__main__":
    print(f"wrote resources/{RARITY_FILE} ({build()} stems)")
