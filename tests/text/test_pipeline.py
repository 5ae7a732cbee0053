"""The whole pipeline: files and pasted text in, a prepared article out."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.text import ArticleError, PreparedArticle, prepare_article, prepare_text
from claimledger.text.normalise import normalise

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def assert_article_invariants(article: PreparedArticle) -> None:
    text = article.text
    covered = [False] * len(text)
    previous_end = 0
    for statement in article.statements:
        piece = text[statement.start:statement.end]
        assert piece and piece == piece.strip()
        assert statement.start >= previous_end
        previous_end = statement.end
        assert statement.kind in {"claim", "not-a-claim", "duplicate", "outside-body"}
        covered[statement.start:statement.end] = [True] * (statement.end - statement.start)
    assert all(covered[i] or c.isspace() for i, c in enumerate(text))
    assert article.title


def test_text_file_with_crlf_and_trailing_spaces() -> None:
    raw = "Bridge vote set   \r\n\r\n\r\n\r\nBy Ana Ruiz\r\n\r\nThe vote is on Tuesday.  \r\n"
    article = prepare_article(raw.encode("utf-8"), "bridge.TXT")
    assert article.text == "Bridge vote set\n\nBy Ana Ruiz\n\nThe vote is on Tuesday."
    assert article.title == "Bridge vote set"
    assert article.byline == "Ana Ruiz"
    assert article.encoding == "utf-8"
    assert_article_invariants(article)


def test_cp1252_file() -> None:
    raw = "Café owners protest\n\n“We will not back down,” said Tomás Nuñez."
    article = prepare_article(raw.encode("cp1252"), "cafe.txt")
    assert article.encoding == "cp1252"
    assert "Nuñez" in article.text and "“We" in article.text


def test_the_first_statement_is_the_title_when_there_is_no_headline() -> None:
    data = b"The council voted 5-4 on Tuesday. It meets again in May."
    article = prepare_article(data, "vote-report.txt")
    assert article.title == "The council voted 5-4 on Tuesday."


def test_a_long_first_statement_is_shortened_at_a_word_boundary() -> None:
    sentence = ("The regional transport authority confirmed on Tuesday that the overnight ferry "
                "between Port Averill and Lowmere will stop running in the winter months.")
    title = prepare_article(sentence.encode(), "ferry.txt").title
    assert title.endswith("…") and len(title) <= 91
    assert sentence.startswith(title[:-1]) and sentence[len(title) - 1] == " "


def test_the_file_name_is_the_title_only_when_the_text_has_no_words() -> None:
    assert prepare_article(b"2026 -- 42 %", "figures.txt").title == "figures"


def test_nfc_and_tabs_are_kept() -> None:
    article = prepare_text("Cafe\u0301 reopens\n\nPrices:\tup 3.5%.")
    assert article.text == "Café reopens\n\nPrices:\tup 3.5%."


def test_normalise_is_idempotent() -> None:
    text = "\n\n  A \r\n\r\n\r\n\u2028B\u00a0 \x00\n\n\n"
    assert normalise(normalise(text)) == normalise(text)
    assert normalise(text) == "  A\n\nB"


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*")))
def test_sample_articles(name: str) -> None:
    article = prepare_article((SAMPLES / name).read_bytes(), name)
    assert_article_invariants(article)
    assert sum(s.kind == "claim" for s in article.statements) >= 20
    assert any(s.role == "headline" for s in article.statements)


def test_empty_pasted_text_is_refused() -> None:
    with pytest.raises(ArticleError, match="no text"):
        prepare_text("  \n ")


def test_binary_file_is_refused() -> None:
    with pytest.raises(ArticleError, match="binary file"):
        prepare_article(b"\x89PNG\r\n\x1a\n" + bytes(100), "photo.txt")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=300))
def test_invariants_for_arbitrary_pasted_text(text: str) -> None:
    if not normalise(text):
        with pytest.raises(ArticleError):
            prepare_text(text)
        return
    assert_article_invariants(prepare_text(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([
    "Mayor cuts budget", "By Ana Ruiz", "\r\n", "\n\n", "The U.S. said no. ", "“Why?” he asked. ",
    "😀 𝔅 ", "ADVERTISEMENT", "(AP Photo/J. Roe)", "- a bullet", " ", "\t", "Dr. Lee left.",
]), min_size=1, max_size=40).map("".join))
def test_invariants_for_news_like_pasted_text(text: str) -> None:
    if normalise(text):
        assert_article_invariants(prepare_text(text))


def test_pasted_text_longer_than_any_article_is_refused_in_one_line() -> None:
    from claimledger.text.decode import MAX_BYTES

    with pytest.raises(ArticleError, match="too long to be an article") as caught:
        prepare_text("The council met. " * (MAX_BYTES // 17 + 1))
    assert "\n" not in str(caught.value)


WRAPPED = """Council passes budget
By Maria Lopez

The city council voted 7-2 on Tuesday to approve a $412 million budget
for next year, ending weeks of debate over police funding and library
hours across the city's eleven branches.

Council member Dana Ortiz said the plan keeps library hours unchanged
and adds 40 officers. The mayor's office said the budget closes a gap.
Opponents said:
- the police budget grows by 8 percent, more than any other department
  in the city;
- libraries lose two mobile units.
"""


def test_a_hard_wrapped_text_is_read_one_paragraph_a_line() -> None:
    article = prepare_text(WRAPPED)
    statements = [article.text[s.start:s.end] for s in article.statements]
    assert statements[:2] == ["Council passes budget", "By Maria Lopez"]
    assert ("The city council voted 7-2 on Tuesday to approve a $412 million budget for "
            "next year, ending weeks of debate over police funding and library hours across "
            "the city's eleven branches.") in statements
    assert ("- the police budget grows by 8 percent, more than any other department in the "
            "city;") in statements
    assert "- libraries lose two mobile units." in statements
    assert prepare_text(article.text).text == article.text  # the same article again
    assert_article_invariants(article)


def test_short_lines_of_a_text_that_is_not_wrapped_stay_apart() -> None:
    text = ("Ferry fares rise\nBy Ana Ruiz\nLowmere Courier\n\nFares rise 4% on Monday.\n"
            "Season tickets rise 6%.\nThe council meets on Friday.\n")
    assert prepare_text(text).text == text.strip()


PARAGRAPHS = [
    "The city council voted 7-2 on Tuesday to approve a $412 million budget for next year, "
    "ending weeks of debate over police funding and library hours.",
    "Council member Dana Ortiz said the plan keeps library hours unchanged and adds 40 "
    "officers to the night shift across the city's four precincts.",
    "The mayor's office said the budget closes a $12 million gap without raising property "
    "taxes for a third year in a row, a promise the mayor made in 2023.",
]


@pytest.mark.parametrize("width", [60, 72, 80])
def test_wrapped_paragraphs_with_no_blank_line_between_them_are_unwrapped(width: int) -> None:
    wrapped = "Council passes budget\n" + "\n".join(textwrap.fill(p, width) for p in PARAGRAPHS)
    article = prepare_text(wrapped)
    assert article.text == "Council passes budget\n" + "\n".join(PARAGRAPHS)
