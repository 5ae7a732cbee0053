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
        utf16 = _utf16_without_bom(data, nul_seen=False)
        if utf16 is not None:
            return utf16
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


def _utf16_without_bom(data: bytes, *, nul_seen: bool = True) -> tuple[str, str] | None:
    """UTF-16 text has NULs in its byte pairs: the high byte of every newline, space,
    digit and Latin letter (Chinese, Japanese or Korean text has only a few: its newlines,
    digits and some common characters such as 一). Both byte orders are tried; the one
    that reads as text wins: fewer characters no article is made of, then fewer scripts
    (the wrong order scatters letters over many), then more ASCII (it turns a newline
    into U+0A00). Binary data is caught by decoding it: surrogates, controls or
    unassigned characters. `nul_seen` False: a text without NULs (one Russian word, a
    Thai line) that read as UTF-8 only as control characters. A stray last byte of an
    odd-length file is left out."""
    body = data[:-1] if len(data) % 2 else data
    if len(body) < 2 or (nul_seen and b"\x00" not in body):
        return None
    if nul_seen and body.count(0) < 0.05 * len(body) and _is_utf8(data):
        return None  # a stray NUL in UTF-8 text; UTF-16 text this sparse is rarely UTF-8
    even_nuls, odd_nuls = body[0::2].count(0), body[1::2].count(0)
    readings = []
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:65536]
        high_bytes_null = odd_nuls if encoding == "utf-16-le" else even_nuls
        readings.append((_odd_characters(sample), _scripts(sample[:4096]),
                         -_ascii_characters(sample), -high_bytes_null, encoding, text))
    if not readings:
        return None
    odd, scripts, *_order, encoding, text = min(readings)
    if not nul_seen and scripts > _FEW_SCRIPTS:
        return None  # control characters read as letters of every script: not text
    return (text, encoding) if odd <= len(text[:65536]) // 100 else None


#: A text without a single NUL in UTF-16 (no space, digit or newline) is a word or a
#: line of one script, with its marks and punctuation.
_FEW_SCRIPTS = 3


def _scripts(sample: str) -> int:
    """How many scripts (and kinds of mark) the letters of `sample` come from."""
    kinds = set()
    for char in set(sample):
        category = unicodedata.category(char)
        if category.startswith("L"):
            kinds.add(unicodedata.name(char, "?").split(" ", 1)[0])
        else:
            kinds.add(category[0])
    return len(kinds)


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


#: What Windows-1252 puts at 0x80-0x9F that text is full of: quotes, dashes, the euro.
_CP1252_MARKS = frozenset(b"\x80\x82\x84\x85\x91\x92\x93\x94\x96\x97")


def _cp1252_punctuation(data: bytes) -> bool:
    """Western text saved by Windows: its bytes 0x80-0x9F are mostly typographic quotes,
    dashes and euro signs, and the whole decodes as cp1252. Other legacy code pages put
    letters there (cp775's Ć, ō), which short text cannot tell apart by frequency."""
    high = [byte for byte in data if 0x80 <= byte <= 0x9F]
    if not high or sum(byte in _CP1252_MARKS for byte in high) * 2 < len(high):
        return False
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # imported late: it is slowish to import

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ArticleError(
            "This looks like a binary file, not an article (its encoding could not be recognised)."
        )
    encoding = best.encoding
    if encoding != "cp1252" and _cp1252_punctuation(data):
        encoding = "cp1252"
    elif encoding in _CP1252_TIES:
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
