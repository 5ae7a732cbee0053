"""Plain-text articles as fact-checkers paste them: tails of other stories, captions and
credits in every layout, page clutter, kickers and inline date headers.

The fixtures are written for these tests in the style of real news pages.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.text import prepare_text

ARTICLE = """\
Harbour council approves $212 million bridge replacement

By Maria Nuñez

PORT AVERILL (Meridian Wire) — The Port Averill city council voted 5-4 on Tuesday to \
replace the 94-year-old Harbour Street Bridge, ending a decade of argument over the \
crossing that carries 31,000 vehicles a day.

Mayor Helena Brandvold said the council had "run out of road" on repairs. The bridge \
was closed twice last winter after inspectors found corrosion in two of its piers.

Council member Ana Ruiz, who voted against, said the Harbour Street plan would push \
traffic onto the Old Quay crossing for three years. Brandvold said a temporary span \
would open before demolition starts.

Construction is due to begin in March, and the new Harbour Street Bridge should open \
in 2029, according to the council's engineering office.
"""

TAIL = """\
Wildfire forces evacuations in the Sarvinsk hills

SARVINSK (Northgate Press) — Firefighters in the Sarvinsk hills ordered some 4,000 \
residents of Kettle Rock and Dunmore to leave their homes on Wednesday as a wildfire \
spread across dry pasture, regional fire chief Oskar Lindqvist told reporters.

Court in Veldra jails former minister for fraud

A court in Veldra sentenced former transport minister Idris Kaya to six years in \
prison on Thursday for taking bribes from construction firms, judge Petra Halloran \
said, in a case that has gripped the country since 2023.

Discover what our AI newsroom assistant can do for you.
"""


def _kinds(article) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {article.text[s.start:s.end]: (s.kind, s.role) for s in article.statements}


def test_a_pasted_tail_without_a_related_heading_is_found() -> None:
    article = prepare_text(ARTICLE + "\n" + TAIL)
    assert article.tail_start == article.text.index("Wildfire forces evacuations")
    for statement in article.statements:
        inside = statement.start < article.tail_start
        assert (statement.kind != "outside-body") == inside, statement.text_in(article.text)
    tail = [s for s in article.statements if s.kind == "outside-body"]
    assert all(s.role == "page-tail" and s.reason for s in tail)


def test_a_related_heading_then_other_stories_is_a_tail() -> None:
    article = prepare_text(ARTICLE + "\nRelated Coverage\n\n" + TAIL)
    assert article.tail_start == article.text.index("Related Coverage")


def test_a_promo_box_that_the_article_continues_after_is_not_a_tail() -> None:
    text = ARTICLE.replace(
        "Construction is due",
        "DON'T MISS\n\nFerry fares rise for the first time in six years\n\n"
        "Ruiz said she would ask the council to publish the Harbour Street Bridge cost "
        "estimates, and Brandvold agreed that the Harbour Street figures should be public "
        "before the Old Quay detour begins in Port Averill.\n\nConstruction is due")
    article = prepare_text(text)
    assert article.tail_start is None
    kinds = _kinds(article)
    assert kinds["Construction is due to begin in March, and the new Harbour Street Bridge "
                 "should open in 2029, according to the council's engineering office."][0] \
        == "claim"


@pytest.mark.parametrize(
    ("layout", "caption", "credit"),
    [
        ("Officials inspect the pier on Monday. (Lena Virtanen/U.S. Coast Guard via Getty "
         "Images)", "Officials inspect the pier on Monday.",
         "(Lena Virtanen/U.S. Coast Guard via Getty Images)"),
        ("Officials inspect the pier on Monday.\nAP Photo/J. Scott Halvorsen",
         "Officials inspect the pier on Monday.", "AP Photo/J. Scott Halvorsen"),
        ("Officials inspect the pier on Monday. (Photo: Kofi Mensah)",
         "Officials inspect the pier on Monday.", "(Photo: Kofi Mensah)"),
    ],
)
def test_caption_and_credit_in_every_layout(layout: str, caption: str, credit: str) -> None:
    text = ARTICLE.replace("Mayor Helena", layout + "\n\nMayor Helena")
    kinds = _kinds(prepare_text(text))
    assert kinds[caption] == ("not-a-claim", "caption")
    assert kinds[credit] == ("not-a-claim", "credit")


def test_a_caption_that_places_people_in_the_photo() -> None:
    text = ARTICLE.replace(
        "Mayor Helena",
        "Mayor Helena Brandvold (left) looks on as engineer Kofi Mensah points at a pier. "
        "The bridge was closed twice last winter.\n\nMayor Helena")
    kinds = _kinds(prepare_text(text))
    assert kinds["Mayor Helena Brandvold (left) looks on as engineer Kofi Mensah points at a "
                 "pier."] == ("not-a-claim", "caption")


def test_captions_without_a_credit_beside_them() -> None:
    text = ARTICLE.replace(
        "Mayor Helena",
        "Workers inspect a corroded pier\n"
        "Workers inspect a corroded pier under the bridge. (Meridian Wire/Oskar Lindqvist)\n\n"
        "Residents cross the bridge on foot.\n\nMayor Helena")
    kinds = _kinds(prepare_text(text))
    assert kinds["Workers inspect a corroded pier"][1] == "caption"
    assert kinds["Residents cross the bridge on foot."] == ("not-a-claim", "caption")


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Thanks for signing up!", "clutter"),
        ("Sign up for the free daily newsletter.", "clutter"),
        ("https://www.lowmere-courier.example/bridge-vote", "clutter"),
        ("newsdesk@lowmere-courier.example", "clutter"),
        ("Follow Maria Nuñez on Twitter: @marianunez", "clutter"),
        ("(Reporting by Maria Nuñez; editing by Tom Reyes)", "credit"),
        ("Kofi Mensah contributed reporting from Sarvinsk.", "credit"),
        ("© 2026 Lowmere Courier. All rights reserved.", "clutter"),
        ("This material may not be published, broadcast, rewritten or redistributed.",
         "clutter"),
        ("Published 3:04 PM ET Nov 4, 2026", "timestamp"),
        ("UPDATED: 10:22 EST, 4 November 2026", "timestamp"),
        ("[Related: Council delays ferry vote]", "related-links"),
        ("Also on Lowmere Courier", "related-links"),
        ("Click to share on Twitter (Opens in new window)", "clutter"),
        ("[caption id=\"attachment_4411\" align=\"alignleft\"]", "clutter"),
        ("— Lowmere Courier (@lowmerecourier) November 4, 2026", "clutter"),
        ("1of/8", "clutter"),
        ("Never miss a local story: sign up for the Courier morning briefing.", "clutter"),
        ("To read the full story, please subscribe to the Lowmere Courier.", "clutter"),
        ("This article contains affiliate links; we may earn a commission.", "clutter"),
        ("For breaking news updates, download the Courier app for iOS and Android.",
         "clutter"),
        ("We want to hear what you think about this article.", "clutter"),
        ("Share: Facebook Twitter WhatsApp Email", "clutter"),
        ("Release Date:", "clutter"),
        ("Lesen Sie auch: Brücke wird ersetzt", "related-links"),
        ("Aktualisiert am 17.01.2026.", "timestamp"),
        ("Source: Port Averill engineering office", "credit"),
    ],
)
def test_page_clutter_is_not_a_claim(line: str, role: str) -> None:
    text = ARTICLE.replace("Council member Ana", line + "\n\nCouncil member Ana")
    article = prepare_text(text)
    start = article.text.index(line)
    found = [s for s in article.statements if start <= s.start < start + len(line)]
    assert found
    assert all((s.kind, s.role) == ("not-a-claim", role) and s.reason for s in found), found


def test_clutter_run_into_a_paragraph_is_cut_out() -> None:
    text = ARTICLE.replace(
        "Construction is due to begin in March,",
        "Thanks for signing up! Construction is due to begin in March,")
    kinds = _kinds(prepare_text(text))
    assert kinds["Thanks for signing up!"][0] == "not-a-claim"


@pytest.mark.parametrize("kicker", ["POLITICS", "Exclusive", "BUILD BACK SAFER"])
def test_a_kicker_above_the_headline_is_not_the_title(kicker: str) -> None:
    article = prepare_text(f"{kicker}\n\n{ARTICLE}")
    assert article.title == "Harbour council approves $212 million bridge replacement"
    kinds = _kinds(article)
    assert kinds[kicker] == ("not-a-claim", "kicker")
    assert kinds[article.title] == ("not-a-claim", "headline")


def test_an_inline_date_header_is_the_published_date() -> None:
    article = prepare_text("date 2026-11-04 " + ARTICLE)
    assert article.published == "2026-11-04"
    first = article.statements[0]
    assert first.text_in(article.text) == "date 2026-11-04"
    assert first.kind == "not-a-claim"
    assert article.title == "Harbour council approves $212 million bridge replacement"


def test_a_date_header_line_above_the_headline() -> None:
    article = prepare_text("date 2026-11-04\n\n" + ARTICLE)
    assert article.published == "2026-11-04"
    assert article.title == "Harbour council approves $212 million bridge replacement"


def test_an_article_that_starts_with_body_text_gets_its_first_sentence_as_title() -> None:
    body = ARTICLE.split("\n\n", 2)[2]
    article = prepare_text(body)
    assert article.title.startswith("PORT AVERILL (Meridian Wire) — The Port Averill city")
    assert article.title.endswith("…")


def test_every_statement_has_a_reason() -> None:
    article = prepare_text(ARTICLE + "\n" + TAIL)
    assert all(statement.reason for statement in article.statements)


def test_a_standfirst_below_the_headline_is_kept_as_a_claim() -> None:
    text = ARTICLE.replace(
        "By Maria Nuñez",
        "The 94-year-old crossing will be replaced by 2029 after a 5-4 vote.\n\nBy Maria Nuñez")
    kinds = _kinds(prepare_text(text))
    assert kinds["The 94-year-old crossing will be replaced by 2029 after a 5-4 vote."] == (
        "claim", "standfirst")


def test_gallery_text_is_not_claimed() -> None:
    gallery = ("1of/8\n\nCrews lower a new steel beam onto the Harbour Street Bridge piers.\n\n"
               "... more\n\nPhoto: Oskar Lindqvist\n\n")
    text = ARTICLE.replace("Council member Ana", gallery + "Council member Ana")
    text = text.replace("Construction is due",
                        "Crews lower a new steel beam onto the Harbour Street Bridge piers.\n\n"
                        "Construction is due")
    article = prepare_text(text)
    kinds = [(s.text_in(article.text), s.kind) for s in article.statements]
    beams = [kind for words, kind in kinds if words.startswith("Crews lower")]
    assert beams[-1] == "duplicate"
    assert dict(kinds)["1of/8"] == "not-a-claim"
    assert dict(kinds)["... more"] == "not-a-claim"


@pytest.mark.parametrize("header", ["Reuters", "Associated Press"])
def test_an_agency_byline(header: str) -> None:
    text = ARTICLE.replace("By Maria Nuñez", header)
    assert prepare_text(text).byline == header


def test_the_agency_of_the_dateline_signs_a_story_with_no_byline() -> None:
    text = ARTICLE.replace("By Maria Nuñez\n\n", "").replace("(Meridian Wire)", "(Reuters)")
    assert prepare_text(text).byline == "Reuters"


def test_a_data_table_row_is_a_claim_and_a_layout_row_is_not() -> None:
    text = ARTICLE.replace(
        "Council member Ana",
        "| Crossing | Vehicles a day |\n| Harbour Street Bridge | 31,000 |\n\n"
        "| | | Subscribe to the Courier | | |\n\nCouncil member Ana")
    kinds = _kinds(prepare_text(text))
    assert kinds["| Harbour Street Bridge | 31,000 |"][0] == "claim"
    assert kinds["| | | Subscribe to the Courier | | |"][0] == "not-a-claim"


_PIECES = st.sampled_from([
    "Harbour council approves bridge", "date 2026-11-04 ", "By Maria Nuñez", "\n", "\n\n",
    "The council voted 5-4. ", "“Is it over?” “No,” she said. ", "(AP Photo/J. Scott Roe)",
    "Related Articles", "Thanks for signing up! ", "| a | b |", "DON'T MISS", "1of/8",
    "The VW ID. SPACE VIZZION", "(a) one (b) two ", "U.S. More ", "...", " ",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=40).map("".join))
def test_statements_never_cross_a_line_break_and_keep_their_offsets(text: str) -> None:
    if not text.strip():
        return
    article = prepare_text(text)
    previous_end = 0
    for statement in article.statements:
        words = article.text[statement.start:statement.end]
        assert words and words == words.strip() and "\n" not in words
        assert statement.start >= previous_end and statement.reason
        previous_end = statement.end
