"""Bytes -> text, with the encoding used.

Order matters: a byte-order mark is proof; then NUL bytes on one side of every byte
pair mean UTF-16 without a mark (as some Windows tools save text), which must be looked
for before UTF-8 because the NULs of UTF-16 English are valid UTF-8; then strict UTF-8 is
nearly proof (random legacy bytes almost never form valid UTF-8), and only then do we
ask charset-normalizer to guess. Anything that still looks binary is refused with a
sentence the reviewer can act on.
"""

from __future__ import annotations

import codecs
import unicodedata

from claimledger.text.errors import ArticleError

#: Bigger than any article; refusing early keeps the app responsive.
MAX_BYTES = 32 * 1024 * 1024

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: File signatures of formats people drop by mistake, with how we name them.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "it is a PNG image"),
    (b"\xff\xd8\xff", "it is a JPEG image"),
    (b"GIF87a", "it is a GIF image"),
    (b"GIF89a", "it is a GIF image"),
    (b"%PDF-", "it is a PDF document; save it as text or HTML first"),
    (b"PK\x03\x04", "it is a ZIP archive or an office document; save it as text or HTML first"),
    (b"\x1f\x8b", "it is a gzip archive"),
    (b"SQLite format 3\x00", "it is an SQLite database"),
    (b"\x7fELF", "it is a program"),
    (b"{\\rtf", "it is an RTF document; save it as text or HTML first"),
)

#: Legacy encodings that charset-normalizer cannot tell apart from cp1252 on short
#: Western text; cp1252 is by far the most common of them, so it wins a tie.
_CP1252_TIES = frozenset({"cp1250", "cp1257", "latin_1", "iso8859_15", "iso8859_2", "cp775"})
#: Unicode categories no article is made of: controls, surrogates, private use, unassigned.
_NOT_TEXT = frozenset({"Cc", "Cs", "Co", "Cn"})
_CONTROL_CODES = frozenset(set(range(0x00, 0x09)) | set(range(0x0E, 0x20)) - {0x1B} | {0x7F})


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode an article file; return ``(text, encoding)`` or raise ArticleError."""
    if len(data) > MAX_BYTES:
        size = len(data) / (1024 * 1024)
        raise ArticleError(
            f"The file is too large to be an article ({size:.0f} MB; the limit is "
            f"{MAX_BYTES // (1024 * 1024)} MB)."
        )
    if not data.strip():
        raise ArticleError("The file is empty.")
    for signature, what in SIGNATURES:
        if data.startswith(signature):
            raise ArticleError(f"This looks like a binary file, not an article ({what}).")
    text, encoding = _decode(data)
    if not text.strip():
        raise ArticleError("The file is empty.")
    sample = text[:65536]
    controls = sum(1 for char in sample if ord(char) in _CONTROL_CODES)
    if controls > max(2, len(sample) // 100):
        raise ArticleError(
            "This looks like a binary file, not an article (it contains many control characters)."
        )
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, "it starts with a byte-order mark but does not decode")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise ArticleError("This looks like a binary file, not an article (it contains NUL bytes).")
    return _detect(data)


def _strict(data: bytes, encoding: str, why: str) -> tuple[str, str]:
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        raise ArticleError(f"This looks like a binary file, not an article ({why}).") from None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text has NULs in its byte pairs: the high byte of every newline, space,
    digit and Latin letter (Chinese, Japanese or Korean text has only a few: its newlines,
    digits and some common characters such as 一). Both byte orders are tried; the one
    that reads as text wins: fewer characters no article is made of, then more of ASCII
    (the other order turns a newline into U+0A00, a space into U+2000). Binary data is
    caught by decoding it: surrogates, controls or unassigned characters."""
    if len(data) < 2 or len(data) % 2 or b"\x00" not in data:
        return None
    if data.count(0) < 0.05 * len(data) and _is_utf8(data):
        return None  # a stray NUL in UTF-8 text; UTF-16 text this sparse is rarely UTF-8
    readings = []
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:65536]
        readings.append((_odd_characters(sample), -_ascii_characters(sample), encoding, text))
    if not readings:
        return None
    odd, _ascii, encoding, text = min(readings)
    return (text, encoding) if odd <= len(text[:65536]) // 100 else None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _odd_characters(sample: str) -> int:
    """How many characters of `sample` no article is made of."""
    return sum(1 for char in sample
               if char not in "\n\r\t" and unicodedata.category(char) in _NOT_TEXT)


def _ascii_characters(sample: str) -> int:
    return sum(1 for char in sample if char < "\x7f")


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # imported late: it is slowish to import

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ArticleError(
            "This looks like a binary file, not an article (its encoding could not be recognised)."
        )
    encoding = best.encoding
    if encoding in _CP1252_TIES:
        for match in matches:
            if (
                match.encoding == "cp1252"
                and match.chaos <= best.chaos + 0.01
                and match.coherence >= best.coherence - 0.01
            ):
                encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        text, encoding = str(best), best.encoding
    return text, codecs.lookup(encoding).name
