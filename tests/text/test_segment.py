"""Sentence segmentation: news cases and the invariants over arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.text import segment


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in segment(text)]


def assert_invariants(text: str, spans: list[tuple[int, int]]) -> None:
    covered = [False] * len(text)
    previous_end = 0
    for start, end in spans:
        piece = text[start:end]
        assert piece, (start, end)
        assert piece == piece.strip(), repr(piece)
        assert start >= previous_end, "sorted and non-overlapping"
        previous_end = end
        for index in range(start, end):
            covered[index] = True
    for index, char in enumerate(text):
        assert covered[index] or char.isspace(), f"uncovered {char!r} at {index}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Senate voted 52-48 on Tuesday. Sen. Ana Ruiz voted no.",
         ["The U.S. Senate voted 52-48 on Tuesday.", "Sen. Ana Ruiz voted no."]),
        ("The firm moved to the U.K. The move surprised analysts.",
         ["The firm moved to the U.K.", "The move surprised analysts."]),
        ("Gov. Helena Brandvold met Rep. Tom Reyes and Dr. Okafor on Tuesday.",
         ["Gov. Helena Brandvold met Rep. Tom Reyes and Dr. Okafor on Tuesday."]),
        ("Mr. Lee, Mrs. Park and Ms. Diaz live on St. Anne's Road.",
         ["Mr. Lee, Mrs. Park and Ms. Diaz live on St. Anne's Road."]),
        ("The law takes effect Jan. 1 and ends Dec. 31. Officials expect delays.",
         ["The law takes effect Jan. 1 and ends Dec. 31.", "Officials expect delays."]),
        ("Ward No. 3 closed at 9 a.m. on Monday. It reopened at 4 p.m. The police left.",
         ["Ward No. 3 closed at 9 a.m. on Monday.", "It reopened at 4 p.m.",
          "The police left."]),
        ("The meeting starts at 5 p.m. Tuesday in Room 4.",
         ["The meeting starts at 5 p.m. Tuesday in Room 4."]),
        ("Costs rose, e.g. for fuel, and fell, i.e. slightly, for rent, etc. in March.",
         ["Costs rose, e.g. for fuel, and fell, i.e. slightly, for rent, etc. in March."]),
        ("Orvent Inc. said profit rose. Halden Corp. and Brisk Ltd. declined to comment.",
         ["Orvent Inc. said profit rose.", "Halden Corp. and Brisk Ltd. declined to comment."]),
        ("The contract went to Averill Span & Steel Co. It starts in May.",
         ["The contract went to Averill Span & Steel Co.", "It starts in May."]),
        ("Inflation was 3.5 percent in March. Rents rose 4.25 percent.",
         ["Inflation was 3.5 percent in March.", "Rents rose 4.25 percent."]),
        ("J. R. R. Tolkien wrote it. Harriet K. Osei read it.",
         ["J. R. R. Tolkien wrote it.", "Harriet K. Osei read it."]),
        ("“We will not back down,” she said. “Is it true?” he asked.",
         ["“We will not back down,” she said.", "“Is it true?” he asked."]),
        ("“Why now?” Nuñez asked reporters. Nobody answered.",
         ["“Why now?” Nuñez asked reporters.", "Nobody answered."]),
        ("The minister called it “deeply flawed.” Her office declined to comment.",
         ["The minister called it “deeply flawed.”", "Her office declined to comment."]),
        ("He paused ... then went on. The vote was close.",
         ["He paused ... then went on.", "The vote was close."]),
        ("Details are at https://council.example/budget.v2.html. Email press@council.example.",
         ["Details are at https://council.example/budget.v2.html.",
          "Email press@council.example."]),
        ("The bill passed (it now goes to the Senate.) Critics objected.",
         ["The bill passed (it now goes to the Senate.)", "Critics objected."]),
        ("Wait!! Really?! Yes.", ["Wait!!", "Really?!", "Yes."]),
    ],
)
def test_news_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Orvane Holdings Co. (Brookfield, N.J.) said sales fell. Analysts shrugged.",
         ["Orvane Holdings Co. (Brookfield, N.J.) said sales fell.", "Analysts shrugged."]),
        ("Halvorsen Inc. President Jane Roe resigned. Shares fell 4 percent.",
         ["Halvorsen Inc. President Jane Roe resigned.", "Shares fell 4 percent."]),
        ("The Lindqvist GmbH & Co. KG owns the yard.",
         ["The Lindqvist GmbH & Co. KG owns the yard."]),
        ("Trading closed at 1:30 p.m. Chicago time on Friday. Volume was light.",
         ["Trading closed at 1:30 p.m. Chicago time on Friday.", "Volume was light."]),
        ("Prices rose fastest in the U.S. More than three in five adults said so.",
         ["Prices rose fastest in the U.S.", "More than three in five adults said so."]),
        ("He hesitated . . . and then signed. Nobody clapped.",
         ["He hesitated . . . and then signed.", "Nobody clapped."]),
        ("She played Op. 27 in a hall built ca. 1890 by Lund (b. 1851) and paid Rs. 500 for it.",
         ["She played Op. 27 in a hall built ca. 1890 by Lund (b. 1851) and paid Rs. 500 for it."]),
        ("“Is it over?” “No,” she said. “Not yet.”",
         ["“Is it over?”", "“No,” she said.", "“Not yet.”"]),
        ("The rules require (a) a permit, (b) a fee and (c) a hearing. Few apply.",
         ["The rules require", "(a) a permit,", "(b) a fee and", "(c) a hearing.", "Few apply."]),
        ("Divers search the bay. (Maria Lund/U.S. Coast Guard via Getty Images)",
         ["Divers search the bay.", "(Maria Lund/U.S. Coast Guard via Getty Images)"]),
        ("Senators arrive for the vote. AP Photo/J. Scott Applewhite",
         ["Senators arrive for the vote.", "AP Photo/J. Scott Applewhite"]),
        ("“We have the votes. We will win,” Ruiz said. Few agreed.",
         ["“We have the votes. We will win,” Ruiz said.", "Few agreed."]),
        ("The mayor resigned.[3] Her deputy took over.",
         ["The mayor resigned.[3]", "Her deputy took over."]),
        ("The deal closed.Read more at the council site.",
         ["The deal closed.", "Read more at the council site."]),
        ("Write to Jane.Doe@example.com today.", ["Write to Jane.Doe@example.com today."]),
        ("He shouted “Stop--” Nobody listened.", ["He shouted “Stop--”", "Nobody listened."]),
        ("It fell -- wow! -- in a day.", ["It fell -- wow! -- in a day."]),
        ("It was posted on Yahoo! News last week.", ["It was posted on Yahoo! News last week."]),
    ],
)
def test_real_news_classes(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_line_break_always_ends_a_statement() -> None:
    text = "Mayor cuts bus budget by 40%\nBy Maria Nuñez\nThe council met on the U.S.\nborder"
    assert sentences(text) == [
        "Mayor cuts bus budget by 40%", "By Maria Nuñez", "The council met on the U.S.", "border",
    ]


def test_bullets_credits_and_ads_are_their_own_statements() -> None:
    text = (
        "The plan is funded as follows:\n"
        "* $96 million from a state grant\n"
        "- $66 million in bonds\n"
        "• $50 million from tolls\n"
        "(AP Photo/Jane Roe)\n"
        "ADVERTISEMENT\n"
    )
    assert sentences(text) == [
        "The plan is funded as follows:", "* $96 million from a state grant",
        "- $66 million in bonds", "• $50 million from tolls", "(AP Photo/Jane Roe)",
        "ADVERTISEMENT",
    ]


def test_offsets_are_code_points_with_emoji_and_astral_characters() -> None:
    text = "🚧 The bridge 𝔅 closed. 😀 It reopened in 2026. Done"
    spans = segment(text)
    assert [text[a:b] for a, b in spans] == [
        "🚧 The bridge 𝔅 closed.", "😀 It reopened in 2026.", "Done",
    ]
    assert_invariants(text, spans)


def test_crlf_and_blank_lines() -> None:
    text = "  First line.  \r\n\r\n\r\nSecond one. Third!\r\n   \n"
    assert sentences(text) == ["First line.", "Second one.", "Third!"]


def test_empty_and_whitespace_text() -> None:
    assert segment("") == []
    assert segment(" \n\t\u00a0\u3000\n") == []


_ALPHABET = st.sampled_from(
    list("abcXYZ019 .?!…,;:\"'“”‘’()[]\n\r\t-*•/@")
    + ["\u00a0", "\u2028", "😀", "𝔘", "é", "e\u0301", "U.S.", "Dr.", " . . . ", "...", "\r\n"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_invariants_hold_for_arbitrary_news_like_text(text: str) -> None:
    assert_invariants(text, segment(text))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_invariants_hold_for_any_text(text: str) -> None:
    assert_invariants(text, segment(text))
