"""Roles and kinds: what is a claim and what is page clutter."""

from __future__ import annotations

import pytest

from claimledger.text import prepare_text
from claimledger.text.clutter import clutter_role

ARTICLE = """Harbour council backs $212 million bridge plan

By Maria Nuñez and Tom Reyes, Reuters

PORT AVERILL, June 8 (Reuters) - The city council voted 5-4 on Tuesday to replace \
the 94-year-old Harbour Street Bridge. The vote followed four hours of public comment.

Demonstrators gather outside the council chamber on Tuesday. (AP Photo/Lena Virtanen)

Who pays

The plan is funded as follows:
- $96 million from a state grant
* $66 million in municipal bonds

ADVERTISEMENT

Will the toll survive the next election? Council member Ana Ruiz thinks not.

Ana Ruiz/REUTERS
Kofi Mensah/Northgate Press via Getty Images
Photo: Lena Virtanen
Share this
Sign up for our newsletter to get the morning briefing
42 minutes ago
Updated 3 hours ago
The bridge carries 31,000 vehicles a day.
The bridge carries 31,000 vehicles a day.
Related Articles
"""


@pytest.fixture(scope="module")
def roles() -> dict[str, tuple[str, str]]:
    article = prepare_text(ARTICLE)
    found: dict[str, tuple[str, str]] = {}
    for statement in article.statements:
        found.setdefault(article.text[statement.start:statement.end],
                         (statement.role, statement.kind))
    return found


@pytest.mark.parametrize(
    ("statement", "role", "kind"),
    [
        ("Harbour council backs $212 million bridge plan", "headline", "not-a-claim"),
        ("By Maria Nuñez and Tom Reyes, Reuters", "byline", "not-a-claim"),
        ("The vote followed four hours of public comment.", "body", "claim"),
        ("Demonstrators gather outside the council chamber on Tuesday.", "caption", "not-a-claim"),
        ("(AP Photo/Lena Virtanen)", "credit", "not-a-claim"),
        ("Who pays", "heading", "not-a-claim"),
        ("The plan is funded as follows:", "body", "claim"),
        ("- $96 million from a state grant", "bullet", "claim"),
        ("* $66 million in municipal bonds", "bullet", "claim"),
        ("ADVERTISEMENT", "advertisement", "not-a-claim"),
        ("Will the toll survive the next election?", "question", "not-a-claim"),
        ("Council member Ana Ruiz thinks not.", "body", "claim"),
        ("Ana Ruiz/REUTERS", "credit", "not-a-claim"),
        ("Kofi Mensah/Northgate Press via Getty Images", "credit", "not-a-claim"),
        ("Photo: Lena Virtanen", "credit", "not-a-claim"),
        ("Share this", "clutter", "not-a-claim"),
        ("Related Articles", "related-links", "not-a-claim"),
        ("Sign up for our newsletter to get the morning briefing", "clutter", "not-a-claim"),
        ("42 minutes ago", "timestamp", "not-a-claim"),
        ("Updated 3 hours ago", "timestamp", "not-a-claim"),
    ],
)
def test_roles(roles: dict[str, tuple[str, str]], statement: str, role: str, kind: str) -> None:
    assert roles[statement] == (role, kind)


def test_dateline_paragraph_is_a_claim(roles: dict[str, tuple[str, str]]) -> None:
    first = next(text for text in roles if text.startswith("PORT AVERILL, June 8"))
    assert roles[first] == ("body", "claim")


def test_adjacent_duplicate_line_is_marked() -> None:
    article = prepare_text(ARTICLE)
    last_two = article.statements[-3:-1]
    assert [s.kind for s in last_two] == ["claim", "duplicate"]
    assert article.text[last_two[0].start:last_two[0].end] == \
        article.text[last_two[1].start:last_two[1].end]
    assert article.duplicates == {len(article.statements) - 2: len(article.statements) - 3}
    assert article.tail_start is None  # a "Related Articles" line with nothing under it


@pytest.mark.parametrize(
    "line",
    ["Advertisement", "Sponsored", "Photograph: Lena Virtanen/Meridian Wire",
     "Credit: Oskar Lindqvist", "(Reuters Photo/Jane Roe, File)", "Read more", "Comments",
     "LISBON (AP) —", "Published March 14, 2026"],
)
def test_lines_that_are_not_claims(line: str) -> None:
    text = f"Port reopens\n\nThe port reopened on Monday.\n\n{line}\n\nIt had been shut."
    article = prepare_text(text)
    by_text = {article.text[s.start:s.end]: s for s in article.statements}
    assert by_text[line].kind == "not-a-claim"
    assert by_text["The port reopened on Monday."].kind == "claim"


@pytest.mark.parametrize("line, role, reason", [
    ("Tips about the harbour can be sent to harbour.desk@example.org or by post.",
     "clutter", "contact address"),
    ("Mehr dazu unter www.hafen-beispiel.de.", "clutter", "web address"),
    ("Harbour at dusk | © Beispiel Verlag", "credit", "copyright or credit line"),
    ("kol/DPA", "credit", "agency credit"),
    ("By PORT AUTHORITY STAFF", "byline", "byline in capitals"),
    ("Port reopens | Business | Harbour Daily | 14.03.2026", "clutter",
     "title or menu between bars"),
])
def test_clutter_known_by_its_marks_in_any_language(line: str, role: str, reason: str) -> None:
    text = f"Port reopens\n\nThe port reopened on Monday.\n\n{line}\n\nIt had been shut."
    assert clutter_role(line) == (role, reason)
    article = prepare_text(text)  # where a rule of the article's layout may come first
    by_text = {article.text[s.start:s.end]: s for s in article.statements}
    assert by_text[line].kind == "not-a-claim"
    assert by_text["It had been shut."].kind == "claim"


def test_long_first_sentence_is_not_a_headline() -> None:
    article = prepare_text(
        "The council voted 5-4 on Tuesday to replace the bridge. It will cost $212 million."
    )
    assert [s.role for s in article.statements] == ["body", "body"]
    assert article.title == "The council voted 5-4 on Tuesday to replace the bridge."


@pytest.mark.parametrize("line, role, reason", [
    ("Our reporting is free to read, supported by readers like you.", "clutter",
     "support appeal"),
    ("Check out what else is on our YouTube channel!", "clutter", "outlet promotion"),
    ("¡Mira lo que tiene nuestro canal de YouTube!", "clutter", "outlet promotion"),
    ("Correction: An earlier version of this story gave the wrong date for the vote.",
     "clutter", "editor's note"),
    ("An earlier version of this story gave the wrong date for the vote.", "clutter",
     "correction notice"),
    ("Read the original article on Harbour Voices.", "credit", "republication credit"),
    ("This article was originally published on Harbour Voices.", "credit",
     "republication credit"),
    ("A version of this story first appeared in the Harbour Daily.", "credit",
     "republication credit"),
    ("Email us or call the newsroom on 555-0142.", "clutter", "reader prompt"),
    ("*Fares are correct at the time of publication and may change.", "clutter", "footnote"),
    ("Your browser does not support the video tag.", "clutter", "browser notice"),
    ("This video is not available in your country.", "clutter", "browser notice"),
    ("We use cookies to give you the best experience on our website.", "clutter",
     "cookie notice"),
    ("You have reached your limit of free articles this month.", "clutter",
     "paywall prompt"),
    ("Tap here to add the Harbour Daily to your home screen.", "clutter", "app promotion"),
    ("Support local journalism by subscribing today.", "clutter", "support appeal"),
    ("Watch the full interview above.", "clutter", "media pointer"),
    ("You are not logged in.", "clutter", "login notice"),
    ("Sie sind aktuell nicht eingeloggt.", "clutter", "login notice"),
    ("Find out more about the harbour fees here.", "clutter", "link teaser"),
    ("Alles über die Hafengebühren finden Sie hier.", "clutter", "link teaser"),
    ('... weiter zu "Die Fähren"', "clutter", "navigation"),
    ("Back to top", "clutter", "navigation"),
    ("#HARBOURLIFE COMMUNITY:", "clutter", "label"),
    ("-Ferry strike ends after union accepts a 4% pay offer for the winter", "heading",
     "heading"),
])
def test_outlet_and_site_notices_are_not_claims(line: str, role: str, reason: str) -> None:
    text = f"Port reopens\n\nThe port reopened on Monday.\n\n{line}\n\nIt had been shut."
    article = prepare_text(text)
    statement = next(s for s in article.statements if article.text[s.start:s.end] == line)
    assert (statement.role, statement.reason, statement.kind) == (role, reason,
                                                                 "not-a-claim")


@pytest.mark.parametrize("line", [
    '"They never call us back," she said.',
    "Our reporting found that the agency paid $4 million to consultants funded by the state.",
    '"We posted the video on our YouTube channel," the organiser said.',
    "Update: The council has since reversed its decision on the harbour fees.",
    "The report was first published in 2019 and showed a fall in ridership.",
    '"You have reached the limit," the harbour master said.',
    "The video is not available because the police deleted it.",
    "The company said its privacy policy had changed in May.",
    "Back to the 1990s, the harbour was busier.",
    '"You can find the money here," the harbour master said.',
    "You are not alone in paying more.",
])
def test_the_same_words_in_the_article_stay_claims(line: str) -> None:
    article = prepare_text(f"Port reopens\n\nThe port reopened on Monday.\n\n{line}\n\n"
                           "It had been shut.")
    statement = next(s for s in article.statements if article.text[s.start:s.end] == line)
    assert statement.kind == "claim"


def test_a_long_line_without_a_full_stop_is_a_heading_not_a_claim() -> None:
    teaser = ("Hackers offer the finance ministry a 35% discount and promise to leave the "
              "private sector alone")
    article = prepare_text(f"Port reopens\n\nThe port reopened on Monday.\n\n{teaser}\n\n"
                           f"{teaser}, the ministry said.\n\nIt had been shut.")
    by_text = {article.text[s.start:s.end]: s for s in article.statements}
    assert (by_text[teaser].role, by_text[teaser].kind) == ("heading", "not-a-claim")
    assert by_text[f"{teaser}, the ministry said."].kind == "claim"


@pytest.mark.parametrize("line", [
    "A new ferry would cost about $30 million, less than the board spends on repairs.",
    "The union says the strike works because passengers have no other way across.",
    "Fares rise 6% from April, more than the board promised when protests began.",
])
def test_a_one_sentence_paragraph_with_a_word_of_a_caption_stays_a_claim(line: str) -> None:
    article = prepare_text(f"Port reopens\n\nThe port reopened on Monday after a week of "
                           f"repairs, the harbour board said.\n\n{line}\n\nThe board meets "
                           "again in May.")
    statement = next(s for s in article.statements if article.text[s.start:s.end] == line)
    assert statement.kind == "claim"


def test_a_photo_description_alone_between_paragraphs_is_a_caption() -> None:
    line = "Officials speak at a briefing in Lowmere on Monday."
    article = prepare_text(f"Port reopens\n\nThe port reopened on Monday after a week of "
                           f"repairs, the harbour board said.\n\n{line}\n\nThe board meets "
                           "again in May.")
    statement = next(s for s in article.statements if article.text[s.start:s.end] == line)
    assert (statement.role, statement.kind) == ("caption", "not-a-claim")
