"""Decoding dropped files: encodings that must work, inputs that must be refused."""

from __future__ import annotations

import codecs
import random

import pytest

from claimledger.text import ArticleError
from claimledger.text.decode import decode_bytes

SAMPLE = "Mayor Tomás Nuñez said the café would reopen. “We will not back down,” he said.\n"


def test_utf8() -> None:
    assert decode_bytes(SAMPLE.encode("utf-8")) == (SAMPLE, "utf-8")


def test_utf8_with_bom() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + SAMPLE.encode("utf-8")) == (SAMPLE, "utf-8-sig")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32(encoding: str) -> None:
    text, used = decode_bytes(SAMPLE.encode(encoding))
    assert text.lstrip("\ufeff") == SAMPLE
    assert used.startswith(encoding[:6])


def test_cp1252_with_curly_quotes_and_accents() -> None:
    text, encoding = decode_bytes(SAMPLE.encode("cp1252"))
    assert text == SAMPLE
    assert encoding == "cp1252"


def test_short_cp1252() -> None:
    assert decode_bytes("Nuñez café “quotes”".encode("cp1252")) == ("Nuñez café “quotes”", "cp1252")


@pytest.mark.parametrize("data", [b"", b"   \r\n\t\n", codecs.BOM_UTF8, "  \n".encode("utf-16")])
def test_empty_files_are_refused(data: bytes) -> None:
    with pytest.raises(ArticleError) as caught:
        decode_bytes(data)
    assert str(caught.value) == "The file is empty."


def test_png_is_refused_with_a_clear_message() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))
    with pytest.raises(ArticleError) as caught:
        decode_bytes(png)
    message = str(caught.value)
    assert message.startswith("This looks like a binary file, not an article")
    assert "PNG" in message and message.endswith(".")


def test_random_bytes_with_nuls_are_refused() -> None:
    noise = random.Random(7).randbytes(4096) + b"\x00\x00\x01"
    with pytest.raises(ArticleError, match="binary file") as caught:
        decode_bytes(noise)
    assert isinstance(caught.value, ValueError)


def test_control_characters_are_refused() -> None:
    data = b"Council\x01\x02\x03 \x04\x05 votes\x06\x07\x08 on \x0e\x0f budget" * 20
    with pytest.raises(ArticleError, match="control characters"):
        decode_bytes(data)
