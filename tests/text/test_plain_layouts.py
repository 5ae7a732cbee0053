"""Plain-text pages in the layouts of real outlets: a tabloid's "DON'T MISS" box inside
the article, a local paper's tail of stories from nearby towns, captions and credits as
UK, US and Australian sites print them, date lines and bylines of the header.

The fixtures are written for these tests in the style of real news pages.
"""

from __future__ import annotations

import pytest

from claimledger.text import prepare_text

TABLOID = """\
Grandfather, 79, rows the length of Loch Varra to raise £12,000 for stroke unit
By Kirsty Danvers For Northgate Online
Alasdair Munro, from Invermallie, rowed the 24-mile length of Loch Varra in nine hours on \
Sunday, raising more than £12,000 for the stroke unit at Invermallie General.

His wife, Fiona, was treated on the unit after a stroke in 2023 and has since recovered.

Mr Munro, a retired ferryman, trained for a year on the loch near his home.

DON'T MISS
Pensioner, 94, completes skydive for charity
Woman runs 50 marathons in 50 days
The stroke unit's lead nurse, Claire Dobie, said the money would buy two new monitors.

'Alasdair is a legend on the ward,' she said.

Mrs Munro said she had watched her husband from the Invermallie jetty.

'I knew he would make it,' she said. 'He is the most stubborn man on Loch Varra.'
"""


def _by_text(article):  # type: ignore[no-untyped-def]
    return {article.text[s.start:s.end]: s for s in article.statements}


def test_a_promo_box_inside_a_tabloid_story_is_links_and_the_story_goes_on() -> None:
    article = prepare_text(TABLOID)
    assert article.tail_start is None
    by_text = _by_text(article)
    for line in ("DON'T MISS", "Pensioner, 94, completes skydive for charity",
                 "Woman runs 50 marathons in 50 days"):
        assert (by_text[line].kind, by_text[line].role) == ("not-a-claim", "related-links")
    after = "The stroke unit's lead nurse, Claire Dobie, said the money would buy two new " \
        "monitors."
    assert by_text[after].kind == "claim"
    assert by_text["Mrs Munro said she had watched her husband from the Invermallie jetty."] \
        .kind == "claim"


def test_a_bare_read_more_label_and_its_headline_are_links() -> None:
    text = TABLOID.replace("DON'T MISS\nPensioner, 94, completes skydive for charity\n"
                           "Woman runs 50 marathons in 50 days\n",
                           "READ MORE\nFerry fares rise for the first time in six years\n")
    by_text = _by_text(prepare_text(text))
    assert by_text["Ferry fares rise for the first time in six years"].role == "related-links"
    assert by_text["'Alasdair is a legend on the ward,' she said."].kind == "claim"


def test_a_caption_naming_who_is_pictured_is_not_a_claim() -> None:
    text = TABLOID.replace("Mrs Munro said she had",
                           "Mr Munro, pictured with his grandchildren, said he had 'no plans "
                           "to stop'\nMrs Munro said she had")
    statement = _by_text(prepare_text(text))[
        "Mr Munro, pictured with his grandchildren, said he had 'no plans to stop'"]
    assert (statement.kind, statement.role) == ("not-a-claim", "caption")


LOCAL = """\
Ashford Valley council votes to keep library open on Sundays

By Jenna Voss

The Ashford Valley town council voted 6-1 on Monday to keep the Main Street library open \
on Sundays, reversing a plan to close it at weekends to save $85,000 a year.

Library director Helen Okoro said Sunday visits had doubled since 2022, and that the \
branch was often the only warm place open in town on winter weekends.

Council member Greg Tillman, the only vote against, said the town would need to find the \
money elsewhere in the budget. He said neighbouring Pine Valley and Clearwater had both cut \
their library hours last year.

Okoro said the library would start a volunteer program to cover some of the Sunday shifts.

Pine Valley woman wins state spelling bee for second year
A Pine Valley eighth grader won the state spelling bee for the second straight year on \
Saturday, correctly spelling "eudaemonic" in the 14th round. Priya Ramaswamy, 13, will \
represent the state at the national bee in Maryland in May, organizers said.
Barn fire on Route 9 outside Clearwater destroys 800 bales of hay
Firefighters from four departments battled a blaze that destroyed a hay barn on Route 9 \
east of Clearwater early Sunday, Fire Chief Dale Kowalski said. No people or animals were \
hurt in the fire, which started in a tractor shed, he said.
"""


def test_a_tail_story_from_a_town_the_article_mentioned_once_is_in_the_tail() -> None:
    article = prepare_text(LOCAL)
    assert article.tail_start == article.text.index("Pine Valley woman wins")
    by_text = _by_text(article)
    assert by_text["Okoro said the library would start a volunteer program to cover some of "
                   "the Sunday shifts."].kind == "claim"


WIRE = """\
Dock pilots end six-week strike at the port of Sarvinsk

By Ana Ruiz

SARVINSK (Northgate Press) — Dock pilots at the port of Sarvinsk returned to work on \
Monday after accepting a 7% pay rise, ending a six-week strike that left about 40 grain \
ships waiting at anchor.

The port authority said shipments of grain resumed within hours of the vote.

Union leader Tomas Berg said members had voted 212-31 for the deal.

Traders said the backlog would take at least two weeks to clear.
"""


@pytest.mark.parametrize(
    ("layout", "caption", "credit"),
    [
        ("Photo: Pilots leave the union hall after the vote on Monday. "
         "(Northgate Press: Kofi Mensah)",
         "Photo: Pilots leave the union hall after the vote on Monday.",
         "(Northgate Press: Kofi Mensah)"),
        ("Photo: Union leader Tomas Berg says the deal is fair. (Supplied)",
         "Photo: Union leader Tomas Berg says the deal is fair.", "(Supplied)"),
        ("Grain ships wait at anchor off the port.\n"
         "(Photo courtesy of the Sarvinsk Port Authority)",
         "Grain ships wait at anchor off the port.",
         "(Photo courtesy of the Sarvinsk Port Authority)"),
        ("Grain ships wait at anchor off the port.\nImage courtesy: Sarvinsk Port Authority",
         "Grain ships wait at anchor off the port.", "Image courtesy: Sarvinsk Port Authority"),
        ("A pilot boat leaves the harbour, 1998. (Courtesy of the U.S. National Archives)",
         "A pilot boat leaves the harbour, 1998.",
         "(Courtesy of the U.S. National Archives)"),
        ("Pilots leave the union hall after the vote.\nKofi Mensah | Northgate Press",
         "Pilots leave the union hall after the vote.", "Kofi Mensah | Northgate Press"),
        ("Pilots leave the union hall after the vote. Kofi Mensah for The Northgate Times",
         "Pilots leave the union hall after the vote.", "Kofi Mensah for The Northgate Times"),
        ("Pilots leave the union hall after the vote.\nGetty Images/iStockphoto",
         "Pilots leave the union hall after the vote.", "Getty Images/iStockphoto"),
        ("Pilots leave the union hall after the vote. © Kofi Mensah",
         "Pilots leave the union hall after the vote.", "© Kofi Mensah"),
    ],
)
def test_captions_and_credits_in_more_layouts(layout: str, caption: str, credit: str) -> None:
    article = prepare_text(WIRE.replace("Union leader", layout + "\n\nUnion leader"))
    by_text = _by_text(article)
    assert (by_text[caption].kind, by_text[caption].role) == ("not-a-claim", "caption")
    assert (by_text[credit].kind, by_text[credit].role) == ("not-a-claim", "credit")
    assert by_text["The port authority said shipments of grain resumed within hours of the "
                   "vote."].kind == "claim"


def test_a_quote_above_a_labelled_caption_stays_a_claim() -> None:
    text = WIRE.replace("Union leader",
                        "\"We held out for six weeks and it was worth it,\" Berg said.\n"
                        "Photo: Tomas Berg says the pilots will not strike again this year. "
                        "(Supplied)\n\nUnion leader")
    by_text = _by_text(prepare_text(text))
    quote = by_text["\"We held out for six weeks and it was worth it,\" Berg said."]
    assert quote.kind == "claim"


def test_alt_text_a_blank_line_above_its_caption_is_a_caption() -> None:
    text = WIRE.replace(
        "Union leader",
        "The Sarvinsk Pilot Station, seen from the breakwater.\n\n"
        "The Sarvinsk Pilot Station has guided ships into the port since 1911. "
        "(Courtesy of the Sarvinsk Maritime Museum)\n\nUnion leader")
    by_text = _by_text(prepare_text(text))
    alt = by_text["The Sarvinsk Pilot Station, seen from the breakwater."]
    assert (alt.kind, alt.role) == ("not-a-claim", "caption")


def test_a_dateline_with_an_abbreviated_state_is_one_statement() -> None:
    text = WIRE.replace("SARVINSK (Northgate Press) —", "BROKEN ARROW, Okla. (KTUL) —")
    by_text = _by_text(prepare_text(text))
    assert any(words.startswith("BROKEN ARROW, Okla. (KTUL) — Dock pilots")
               for words in by_text)


def test_the_second_line_of_a_newsletter_box_is_not_a_claim() -> None:
    text = WIRE.replace("Union leader", "SIGN UP FOR OUR DAILY BRIEFING\nGet the day's top "
                        "stories in your inbox every morning.\n\nUnion leader")
    statement = _by_text(prepare_text(text))["Get the day's top stories in your inbox every "
                                              "morning."]
    assert statement.kind == "not-a-claim"


HEADLINE = "Dock pilots end six-week strike at the port of Sarvinsk"


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("Mon 10 Mar 2025 17.42 GMT", "2025-03-10"),
        ("March 11, 2025 4:12 PM GMT Updated 2 hours ago", "2025-03-11"),
        ("Posted: Mar 5, 2025 / 06:12 PM CST", "2025-03-05"),
        ("Published: 10:22 EST, 9 March 2025 | Updated: 11:05 EST, 9 March 2025",
         "2025-03-09"),
    ],
)
def test_date_lines_of_the_header_give_the_published_date(header: str, published: str) -> None:
    article = prepare_text(WIRE.replace("By Ana Ruiz", f"By Ana Ruiz\n{header}"))
    assert article.published == published
    statement = _by_text(article)[header]
    assert (statement.kind, statement.role) == ("not-a-claim", "timestamp")


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Ana Ruiz Transport correspondent", "Ana Ruiz"),
        ("Ana Ruiz, Health Reporter", "Ana Ruiz"),
        ("by: Ana Ruiz", "Ana Ruiz"),
        ("By ANA RUIZ and TOMAS BERG Associated Press", "ANA RUIZ and TOMAS BERG"),
        ("Words by Ana Ruiz | Photographs by Kofi Mensah", "Ana Ruiz"),
        ("By Ana Ruiz For Northgate Online", "Ana Ruiz"),
        ("By Ana Ruiz | Northgate Gazette", "Ana Ruiz"),
    ],
)
def test_bylines_in_more_layouts(byline: str, author: str) -> None:
    article = prepare_text(WIRE.replace("By Ana Ruiz", byline))
    assert article.byline == author
    assert (_by_text(article)[byline].kind, _by_text(article)[byline].role) == (
        "not-a-claim", "byline")


def test_summary_points_between_the_headline_and_the_byline_are_claims() -> None:
    text = WIRE.replace("\n\nBy Ana Ruiz", "\nPilots accepted a 7% pay rise after six weeks\n"
                        "About 40 grain ships had been waiting at anchor\n"
                        "Traders expect the backlog to clear within two weeks\nBy Ana Ruiz")
    article = prepare_text(text)
    by_text = _by_text(article)
    for point in ("Pilots accepted a 7% pay rise after six weeks",
                  "About 40 grain ships had been waiting at anchor",
                  "Traders expect the backlog to clear within two weeks"):
        assert (by_text[point].kind, by_text[point].role) == ("claim", "standfirst")
    assert article.title == HEADLINE


def test_key_points_under_their_label_are_claims() -> None:
    text = WIRE.replace("By Ana Ruiz\n", "By Ana Ruiz\nKey points:\n"
                        "Pilots accepted a 7% pay rise after six weeks\n"
                        "About 40 grain ships had been waiting at anchor\n")
    by_text = _by_text(prepare_text(text))
    for point in ("Pilots accepted a 7% pay rise after six weeks",
                  "About 40 grain ships had been waiting at anchor"):
        assert (by_text[point].kind, by_text[point].role) == ("claim", "bullet")


def test_a_standfirst_below_a_kicker_and_headline() -> None:
    text = "Business\n" + WIRE.replace(
        "\n\nBy Ana Ruiz",
        "\nThe deal ends a dispute that left about 40 grain ships at anchor\nBy Ana Ruiz")
    article = prepare_text(text)
    statement = _by_text(article)["The deal ends a dispute that left about 40 grain ships at "
                                  "anchor"]
    assert (statement.kind, statement.role) == ("claim", "standfirst")
    assert article.title == HEADLINE


SAME_TOWN = """\
Harlow Bay council approves $18 million library expansion
By Leon Marchetti
Harlow Bay city council voted 7-2 on Monday night to expand the Central Library on Dock \
Street, adding a children's wing, a makerspace and 120 study seats by 2027.

The $18 million project will be paid for with a bond approved by Harlow Bay voters in 2023 \
and a $4 million state grant, city finance director Amal Haddad said.

Library director Ruth Engstrom said visits had risen 30% since 2019 and the building, opened \
in 1964, regularly ran out of seats during exam season.

Engstrom said construction would start next spring and the library would stay open.

Harlow Bay police arrest teen after Dock Street stabbing
Harlow Bay police arrested a 17-year-old on Sunday after a man was stabbed outside a bar on \
Dock Street, Sgt. Maria Olsen said. The victim, a 34-year-old from Millpond, was taken to \
St Mary's hospital with injuries that are not life-threatening.
Harlow Bay High wins state robotics title
A team of six students from Harlow Bay High School won the state robotics championship in \
Springfield on Saturday, beating 48 other schools. Coach Dana Whitfield said the team would \
compete at the national finals in Houston in April.
"""


def test_a_tail_of_stories_from_the_same_town_is_found() -> None:
    article = prepare_text(SAME_TOWN)
    assert article.tail_start == article.text.index("Harlow Bay police arrest teen")
    assert _by_text(article)["Engstrom said construction would start next spring and the "
                             "library would stay open."].kind == "claim"


OPINION = """\
Opinion
Why our town needs its night buses back
date 2025-05-06
By Priyanka Shah
When the council cut the last night bus from Fenwick Road to the hospital in January, it \
saved £210,000 a year. It also left hundreds of shift workers with no way home.

A night bus waits at Fenwick Road depot | Photo: Tom Hale/Fenwick Herald

The council says only 60 people a night used the route.

Priyanka Shah is a nurse at St Agnes hospital and a member of its staff union.
"""


def test_an_opinion_piece_header_caption_and_author_note() -> None:
    article = prepare_text(OPINION)
    assert (article.title, article.published, article.byline) == (
        "Why our town needs its night buses back", "2025-05-06", "Priyanka Shah")
    assert article.outlet is None  # the photo credit's outlet is not the article's
    by_text = _by_text(article)
    note = by_text["Priyanka Shah is a nurse at St Agnes hospital and a member of its staff "
                   "union."]
    assert note.kind == "not-a-claim"
    assert by_text["The council says only 60 people a night used the route."].kind == "claim"


@pytest.mark.parametrize(
    "above",
    ["The Northgate Herald\nNews › Local › Ports", "Home / Business / Shipping",
     "The Northgate Herald"],
)
def test_the_site_name_and_section_path_above_the_headline_are_not_the_title(
        above: str) -> None:
    article = prepare_text(f"{above}\n{WIRE}")
    assert article.title == HEADLINE
    by_text = _by_text(article)
    assert by_text[HEADLINE].role == "headline"
    for line in above.split("\n"):
        assert by_text[line].kind == "not-a-claim"
        assert by_text[line].role in {"kicker", "byline"}


def test_a_date_header_with_a_time_zone_is_one_statement() -> None:
    article = prepare_text(WIRE.replace("By Ana Ruiz", "Published 2025-02-27 09:14 CET\n"
                                        "By Ana Ruiz"))
    assert article.published == "2025-02-27"
    statement = _by_text(article)["Published 2025-02-27 09:14 CET"]
    assert (statement.kind, statement.role) == ("not-a-claim", "timestamp")


def test_a_video_length_under_a_watch_link_is_not_a_claim() -> None:
    text = WIRE.replace("Union leader", "WATCH: Pilots vote to end the strike\n1:24\n\n"
                        "Union leader")
    assert _by_text(prepare_text(text))["1:24"].kind == "not-a-claim"


def test_a_name_alone_by_the_date_is_the_byline() -> None:
    text = WIRE.replace("By Ana Ruiz", "Ana Ruiz\nWed 12 Feb 2025 06.00 GMT")
    article = prepare_text(text)
    assert article.byline == "Ana Ruiz"
    assert (_by_text(article)["Ana Ruiz"].kind, _by_text(article)["Ana Ruiz"].role) == (
        "not-a-claim", "byline")


def test_a_newsletter_box_down_to_its_end_mark_is_not_a_claim() -> None:
    box = ("Sign up to Harbour Weekly\nFree weekly newsletter\n"
           "The port's most important stories, every Friday.\n"
           "Privacy Notice: Newsletters may contain info about charities and online ads. "
           "For more information see our Privacy Policy.\nafter newsletter promotion\n")
    article = prepare_text(WIRE.replace("Union leader", box + "Union leader"))
    inside = article.text.index("Sign up to Harbour")
    after = article.text.index("after newsletter promotion") + len("after newsletter promotion")
    box_statements = [s for s in article.statements if inside <= s.start < after]
    assert len(box_statements) >= 5
    assert all(s.kind == "not-a-claim" for s in box_statements)
    assert _by_text(article)["Union leader Tomas Berg said members had voted 212-31 for the "
                             "deal."].kind == "claim"


def test_image_controls_around_a_caption_are_not_claims() -> None:
    text = WIRE.replace("Union leader", "Enlarge this image\nPilots leave the union hall.\n"
                        "Kofi Mensah/Northgate Press\nhide caption\ntoggle caption\n"
                        "Kofi Mensah/Northgate Press\n\nUnion leader")
    by_text = _by_text(prepare_text(text))
    for line in ("Enlarge this image", "hide caption", "toggle caption",
                 "Pilots leave the union hall."):
        assert by_text[line].kind == "not-a-claim", line


@pytest.mark.parametrize("label", ["BREAKING", "LOCAL NEWS", "Politics"])
def test_a_section_label_over_body_text_is_no_title(label: str) -> None:
    body = WIRE.split("\n\n", 2)[2]
    article = prepare_text(f"{label}\n\n{body}")
    assert article.title.startswith("SARVINSK (Northgate Press) — Dock pilots")
    statement = _by_text(article)[label]
    assert (statement.kind, statement.role) == ("not-a-claim", "kicker")


CANAL = """\
Drought forces Panama Canal to cut daily ship crossings again
By LUIS ARAUZ Associated Press
PANAMA CITY (AP) — The Panama Canal Authority said Tuesday it would cut the number of ships \
allowed to cross each day from 32 to 27 starting next week, as a drought keeps the level of \
the lake that feeds the waterway near record lows.

Canal administrator Ricaurte Vásquez said Gatun Lake stood at 24.9 meters, about 1.5 meters \
below its average for this time of year.

FILE - A cargo ship crosses the Agua Clara Locks of the Panama Canal in Colon, Panama, Aug. \
11, 2024. (AP Photo/Arnulfo Franco, File)

Shipping companies have been paying up to $4 million in auctions to jump the queue, Vásquez \
said, and some have rerouted vessels around South America or through the Suez Canal.

The canal handles about 5% of global maritime trade.

___

The Associated Press receives support from the Walton Family Foundation for coverage of \
water and environmental policy. The AP is solely responsible for all content.

What does the Fed's rate decision mean for your mortgage?
WASHINGTON (AP) — The Federal Reserve left its key interest rate unchanged Wednesday, but \
signaled it could cut rates twice later this year. Here is what that could mean for \
homeowners, buyers and people with credit card debt, economists say.
Is it safe to travel to Mexico's beach resorts this spring?
The State Department updated its travel advisory for several Mexican states on Monday, \
citing crime, though the resort areas of Cancun and Los Cabos remain at the lowest risk \
levels for American tourists, officials said.
"""


def test_a_file_photo_caption_is_no_tail_and_a_question_headline_starts_one() -> None:
    article = prepare_text(CANAL)
    assert article.tail_start == article.text.index("What does the Fed's")
    by_text = _by_text(article)
    assert by_text["The canal handles about 5% of global maritime trade."].kind == "claim"
    assert by_text["(AP Photo/Arnulfo Franco, File)"].role == "credit"
    for line in ("_", "The Associated Press receives support from the Walton Family "
                 "Foundation for coverage of water and environmental policy.",
                 "The AP is solely responsible for all content."):
        found = [s for words, s in by_text.items() if words.strip("_") == line.strip("_")]
        assert found and all(s.kind == "not-a-claim" for s in found), line


def test_the_label_above_the_first_story_of_a_tail_is_in_the_tail() -> None:
    article = prepare_text(LOCAL.replace("Pine Valley woman wins", "EDUCATION\nPine Valley "
                                         "woman wins"))
    assert article.tail_start == article.text.index("EDUCATION")


@pytest.mark.parametrize("layout", [
    "Pilots leave the union hall after the vote [Photo: Kofi Mensah]",
    "Pilots leave the union hall after the vote – Photo: Kofi Mensah",
    "Pilots leave the union hall after the vote | Photo: Kofi Mensah/Northgate Press",
])
def test_a_caption_with_its_labelled_credit_on_one_line(layout: str) -> None:
    article = prepare_text(WIRE.replace("Union leader", layout + "\n\nUnion leader"))
    statement = _by_text(article)[layout]
    assert (statement.kind, statement.role) == ("not-a-claim", "caption")


def test_a_title_case_headline_with_a_newspaper_word_stays_the_headline() -> None:
    text = ("Daily Mail Owner Sells Stake To Gulf Investors\n"
            "The deal values the group at 800 million pounds, people familiar said\n"
            "By Ana Ruiz\n" + WIRE.split("\n\n", 2)[2])
    assert prepare_text(text).title == "Daily Mail Owner Sells Stake To Gulf Investors"


def test_a_correction_note_under_the_article_is_not_a_claim() -> None:
    text = WIRE + ("\nCorrection: An earlier version of this article gave the wrong vote "
                   "count. Members voted 212-31.\n")
    by_text = _by_text(prepare_text(text))
    assert by_text["Correction: An earlier version of this article gave the wrong vote "
                   "count."].kind == "not-a-claim"
    assert by_text["Traders said the backlog would take at least two weeks to clear."] \
        .kind == "claim"


def test_a_bbc_style_header_and_media_caption() -> None:
    text = WIRE.replace("By Ana Ruiz", "Image source, Northgate Press\nImage caption, Pilots "
                        "leave the union hall\nBy Ana Ruiz\nNorthgate News, Sarvinsk")
    text = text.replace("Union leader", "Media caption, Pilots explain why they went back to "
                        "work\n\nUnion leader").replace(" (Northgate Press)", "")
    article = prepare_text(text)
    assert article.outlet == "Northgate News"
    by_text = _by_text(article)
    assert by_text["Media caption, Pilots explain why they went back to work"].role == "caption"
    assert by_text["Image caption, Pilots leave the union hall"].role == "caption"


@pytest.mark.parametrize("line", [
    "Discover what our AI newsroom assistant can do for you.",
    "Try our AI-powered news summaries — stay informed in half the time.",
    "Gift this article",
    "Save this story for later.",
    "This article was originally published by Northgate Press.",
    "Read the original article here.",
])
def test_promotions_and_notes_under_the_article_are_not_claims(line: str) -> None:
    article = prepare_text(f"{WIRE}\n{line}\n")
    assert _by_text(article)[line].kind == "not-a-claim"


@pytest.mark.parametrize("heading", ["In other news", "Popular on Northgate Online",
                                     "You may have missed", "Further reading"])
def test_more_headings_over_a_pasted_tail(heading: str) -> None:
    tail = ("\n" + heading + "\nFerry fares rise for the first time in six years\n"
            "Court jails former minister for fraud\n")
    article = prepare_text(WIRE + tail)
    assert article.tail_start == article.text.index(heading)
