"""Who a statement attributes itself to, where the sentence says so plainly.

"Council member Dana Whitlock said visits had fallen" -> "Dana Whitlock";
'"We were promised 7%," said Seamus O Briain' -> "Seamus O Briain". Only a run of
capitalised words right next to a reporting verb counts: "its director said" names
nobody, and nobody is better than a guess in a published fact-check.
"""

from __future__ import annotations

import re

_NAME = r"[A-Z\u00c0-\u00de][\w'\u2019.-]*(?:\s+(?:[A-Z\u00c0-\u00de][\w'\u2019.-]*)){0,3}"
_VERB = r"(?:said|says|told|claimed|claims|stated|argued|insisted|wrote)"
_BEFORE = re.compile(rf"(?<![\w-])({_NAME})\s+{_VERB}\b")
_AFTER = re.compile(rf"\b{_VERB}\s+({_NAME})")
_NOT_NAMES = frozenset({"He", "She", "They", "It", "We", "I", "You", "The", "This", "That",
                        "A", "An", "Officials", "Police"})


def attributed_to(statement: str) -> str | None:
    """The person or body a statement quotes, or None when the sentence does not say."""
    for pattern in (_BEFORE, _AFTER):
        for match in pattern.finditer(statement):
            name = match.group(1).rstrip(".,")
            words = name.split()
            while words and words[0] in _NOT_NAMES:
                words.pop(0)
            if words:
                return " ".join(words)
    return None
