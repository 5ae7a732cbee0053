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


ARTICLE = (
    "Council votes 6-3 to close Linden Street library\r\n\r\n"
    "The council voted on Tuesday; Mayor Tomás Nuñez said the café would reopen. "
    "“We will not back down,” he said.\r\n"
)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("bom", [True, False], ids=["with BOM", "without BOM"])
def test_utf16_in_either_byte_order_with_or_without_a_mark(encoding: str, bom: bool) -> None:
    data = ("\ufeff" if bom else "").encode(encoding) + ARTICLE.encode(encoding)
    text, used = decode_bytes(data)
    assert text.lstrip("\ufeff") == ARTICLE
    assert used == ("utf-16" if bom else encoding)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_of_mostly_non_latin_text(encoding: str) -> None:
    """Cyrillic has no NUL bytes of its own: only spaces, digits and punctuation give them."""
    article = "Совет проголосовал 6 против 3 за закрытие библиотеки на улице Линден.\n" * 3
    assert decode_bytes(article.encode(encoding)) == (article, encoding)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("article", [
    "市议会以六比三票通过关闭林登街图书馆分馆\n\n记者：王小明\n\n"
    "市议会周二以六比三的投票结果决定在六月底前关闭分馆，每年预计节省四十一万美元。\n",
    "市議会は火曜日、図書館の分館を六月末に閉鎖することを六対三で可決した。\n"
    "年間四十一万ドルの節約になるという。\n",
    "시의회는 화요일 도서관 분관을 폐쇄하기로 6대 3으로 의결했다.\n",
    "市议会以六比三票通过关闭林登街图书馆分馆",
], ids=["chinese", "japanese", "korean", "chinese-one-line"])
def test_utf16_without_a_mark_of_east_asian_text(encoding: str, article: str) -> None:
    """Few NULs, some on the 'wrong' side (一 is U+4E00, 대 U+B300): the byte order
    that reads as text wins."""
    assert decode_bytes(article.encode(encoding)) == (article, encoding)


def test_short_utf16_without_a_mark() -> None:
    assert decode_bytes("Fire at the port".encode("utf-16-le")) == ("Fire at the port",
                                                                   "utf-16-le")


@pytest.mark.parametrize("data", [
    # little-endian 16-bit counters: NULs in every other byte, but no text
    b"".join(n.to_bytes(2, "little") for n in range(1, 200)) * 10,
    # big-endian ones
    b"".join(n.to_bytes(2, "big") for n in range(1, 200)) * 10,
    # random bytes with a NUL in every odd position
    bytes(b for pair in zip(random.Random(3).randbytes(2048), bytes(2048), strict=True)
          for b in pair),
], ids=["int16-le", "int16-be", "random-le"])
def test_binary_data_shaped_like_utf16_is_still_refused_in_one_line(data: bytes) -> None:
    with pytest.raises(ArticleError) as caught:
        decode_bytes(data)
    message = str(caught.value)
    assert message.startswith("This looks like a binary file, not an article")
    assert "\n" not in message and message.endswith(".")


def test_utf8_with_a_stray_nul_is_not_taken_for_utf16() -> None:
    data = SAMPLE.encode("utf-8") * 4 + b"\x00"
    text, encoding = decode_bytes(data + b"\n")
    assert encoding == "utf-8" and text.startswith(SAMPLE)


def test_an_oversized_file_is_refused_before_it_is_scanned() -> None:
    from claimledger.text.decode import MAX_BYTES

    with pytest.raises(ArticleError, match="too large"):
        decode_bytes(b" " * (MAX_BYTES + 1))


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("article", [
    "😀😃😄😁😆😅🤣😂",  # surrogate pairs: NULs on the "wrong" side
    "Привет",  # no NUL at all: as UTF-8 it is all control characters
    "สภาเมืองลงมติปิดห้องสมุดสาขาในวันอังคาร",
], ids=["emoji", "one-russian-word", "thai-line"])
def test_utf16_without_a_mark_and_few_or_no_nuls(encoding: str, article: str) -> None:
    assert decode_bytes(article.encode(encoding)) == (article, encoding)


def test_utf16_with_a_stray_last_byte_is_read_without_it() -> None:
    article = "The council voted 6-3 on Tuesday.\n"
    assert decode_bytes(article.encode("utf-16-le") + b"A") == (article, "utf-16-le")


def test_windows_1252_punctuation_is_not_taken_for_another_code_page() -> None:
    article = "The mayor said “we will close it” — costs €410,000.\n"
    assert decode_bytes(article.encode("cp1252")) == (article, "cp1252")
