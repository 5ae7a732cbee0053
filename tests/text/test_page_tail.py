"""Page tails ("Related Articles" and the stories under it) and duplicate lines."""

from __future__ import annotations

from claimledger.text import prepare_text

BODY = """Port reopens after strike

By Ana Ruiz

The port of Sarvinsk reopened on Monday after a six-week strike by dock pilots ended.
Shipments of grain resumed within hours, the port authority said in a statement.
Traders said about 40 ships were still waiting to load at the end of the day.
"""

TAIL = """
Related Articles
Dock pilots end six-week strike
2 hours ago
Grain exports jump 18% as port clears backlog
"""


def _by_text(article) -> dict:  # type: ignore[no-untyped-def]
    return {article.text[s.start:s.end]: s for s in article.statements}


def test_tail_is_outside_the_body() -> None:
    article = prepare_text(BODY + TAIL)
    assert article.tail_start == article.text.index("Related Articles")
    kinds = _by_text(article)
    assert kinds["Related Articles"].kind == "outside-body"
    assert kinds["Grain exports jump 18% as port clears backlog"].kind == "outside-body"
    assert kinds["Traders said about 40 ships were still waiting to load at the end of the "
                 "day."].kind == "claim"
    assert all(s.kind == "outside-body" for s in article.statements
               if s.start >= article.tail_start)


def test_no_tail_when_the_article_goes_on() -> None:
    text = BODY + "\nMore from the port\n\n" + (
        "The port authority said it expected traffic to return to normal by the end of the "
        "month, although several shipping lines had already moved their vessels to other "
        "ports in the region during the strike and might not come back before the spring, "
        "when the new berths open.\n"
    )
    article = prepare_text(text)
    assert article.tail_start is None
    assert all(s.kind != "outside-body" for s in article.statements)


def test_no_tail_without_a_body_before_it() -> None:
    article = prepare_text("Related Articles\nDock pilots end strike\nPort reopens")
    assert article.tail_start is None


def test_alt_text_and_caption_duplicate() -> None:
    text = BODY + (
        "\nFirefighters spray water on the burning warehouse on Friday.\n"
        "Firefighters spray water on the burning warehouse on Friday.\n"
        "Radosław Wójcik/REUTERS\n"
    )
    article = prepare_text(text)
    first, copy = [i for i, s in enumerate(article.statements)
                   if article.text[s.start:s.end].startswith("Firefighters")]
    assert article.statements[first].role == "caption"
    assert article.statements[first].kind == "not-a-claim"
    assert article.statements[copy].kind == "duplicate"
    assert article.duplicates == {copy: first}


def test_markdown_image_then_caption_with_credit() -> None:
    text = BODY + (
        "\n![A child receives a vaccination](https://example.invalid/a.jpg)\n\n"
        "A child receives a vaccination. (Photo: Kofi Mensah/Northgate Press)\n"
    )
    article = prepare_text(text)
    by_text = _by_text(article)
    assert by_text["A child receives a vaccination."].kind == "duplicate"
    assert by_text["(Photo: Kofi Mensah/Northgate Press)"].kind == "not-a-claim"


def test_furniture_promos_and_opinion() -> None:
    text = BODY + (
        "\nNo comments yet. Be the first to share what you think.\n"
        "Get breaking news alerts on the Meridian Wire app. Download it free today.\n"
        "Sign up for the Courier's health newsletter and get our weekly briefing straight to "
        "your inbox.\n"
        "In my view, the council should have acted years ago.\n"
        "This toll is a betrayal of the people who keep this city running.\n"
        "I believe the council made 3 mistakes, the report said.\n"
        "*The views expressed are the author's own.*\n"
    )
    by_text = _by_text(prepare_text(text))
    for line in ["No comments yet.", "Be the first to share what you think.",
                 "Get breaking news alerts on the Meridian Wire app.",
                 "Download it free today.",
                 "In my view, the council should have acted years ago.",
                 "This toll is a betrayal of the people who keep this city running."]:
        assert by_text[line].kind == "not-a-claim", line
    assert by_text["In my view, the council should have acted years ago."].role == "opinion"
    # an opinion opener with something to check in it stays a claim
    assert by_text["I believe the council made 3 mistakes, the report said."].kind == "claim"
