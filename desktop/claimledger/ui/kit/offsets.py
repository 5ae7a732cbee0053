"""Code points <-> UTF-16 code units.

The workspace counts Python code points; QTextDocument and QTextCursor count UTF-16
code units, where every character outside the Basic Multilingual Plane (most emoji)
takes two. Mixing them shifts every highlight after the first emoji, so all conversions
go through `TextOffsets`.
"""

from __future__ import annotations

from bisect import bisect_left


class TextOffsets:
    """Maps positions in one text between code points and UTF-16 code units.

    Text without astral characters (the common case) maps one to one at no cost;
    otherwise two sorted arrays of astral positions make each lookup O(log n).
    """

    __slots__ = ("_astral", "_astral_utf16", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] \
            if not text.isascii() else []
        self._astral_utf16 = [cp + n for n, cp in enumerate(self._astral)]
        self.length = len(text)
        self.utf16_length = len(text) + len(self._astral)

    @property
    def is_identity(self) -> bool:
        return not self._astral

    def to_utf16(self, code_point: int) -> int:
        """The UTF-16 position of code point index `code_point` (0..len(text))."""
        if not self._astral:
            return code_point
        return code_point + bisect_left(self._astral, code_point)

    def to_code_point(self, utf16: int) -> int:
        """The code point index at UTF-16 position `utf16`.

        A position inside a surrogate pair rounds down to the start of its character.
        """
        if not self._astral:
            return utf16
        return utf16 - bisect_left(self._astral_utf16, utf16)

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_code_points(self, start: int, end: int) -> tuple[int, int]:
        return self.to_code_point(start), self.to_code_point(end)
