"""Web pages: the page's own structure before its flattened text (JSON-LD, <h1>,
<time>, og:site_name, figures), titles without site names, authors that are names.

The pages are written for these tests in the style of real news sites.
"""

from __future__ import annotations

import json

import pytest

from claimledger.text import prepare_article
from claimledger.text.page_structure import clean_author, clean_title

BODY = """
<p>PORT AVERILL — The city council voted 5-4 on Tuesday to replace the 94-year-old Harbour
Street Bridge, ending a decade of argument over the crossing, which carries 31,000
vehicles a day and was closed twice last winter.</p>
<p>Mayor Helena Brandvold said the council had run out of road on repairs. Inspectors
found corrosion in two of the bridge's five piers in January, the city's engineering
office said in a report published on Monday.</p>
<p>Council member Ana Ruiz, who voted against the plan, said it would push traffic onto
the Old Quay crossing for three years. Brandvold said a temporary span would open before
demolition starts in March.</p>
"""


def _page(head: str = "", body: str = BODY, before: str = "") -> bytes:
    return (f"<!DOCTYPE html><html><head>{head}</head><body><article>{before}{body}"
            f"</article></body></html>").encode()


def _ld(**fields) -> str:  # type: ignore[no-untyped-def]
    return f'<script type="application/ld+json">{json.dumps(fields)}</script>'


def test_json_ld_beats_the_meta_tags() -> None:
    head = (
        '<title>Bridge vote | Lowmere Courier</title>'
        '<meta property="og:title" content="Bridge vote - Lowmere Courier">'
        '<meta property="article:author" content="https://www.facebook.com/lowmerecourier">'
        '<meta property="article:published_time" content="2026-03-01T08:00:00Z">'
        + _ld(**{"@context": "https://schema.org", "@type": "NewsArticle",
                 "headline": "Harbour council approves $212 million bridge replacement",
                 "author": [{"@type": "Person", "name": "Maria Nuñez"},
                            {"@type": "Person", "name": "Tom Reyes"}],
                 "datePublished": "2026-03-10T18:04:00-05:00",
                 "publisher": {"@type": "Organization", "name": "Lowmere Courier"}}))
    article = prepare_article(_page(head), "page.html")
    assert article.title == "Harbour council approves $212 million bridge replacement"
    assert article.byline == "Maria Nuñez, Tom Reyes"
    assert article.published == "2026-03-10"
    assert article.outlet == "Lowmere Courier"


def test_json_ld_in_a_graph() -> None:
    head = _ld(**{"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Lowmere Courier"},
        {"@type": ["NewsArticle"], "headline": "Ferry fares rise for the first time in years",
         "author": {"@type": "Organization", "name": "Reuters"}}]})
    article = prepare_article(_page(head), "page.html")
    assert article.title == "Ferry fares rise for the first time in years"
    assert article.byline == "Reuters"


def test_the_h1_beats_a_page_title_with_site_and_section() -> None:
    head = ('<title>Opinion | The bridge vote was a mistake – Lowmere Courier</title>'
            '<meta property="og:site_name" content="Lowmere Courier">')
    article = prepare_article(_page(head, before="<h1>The bridge vote was a mistake</h1>"),
                              "page.html")
    assert article.title == "The bridge vote was a mistake"
    assert article.outlet == "Lowmere Courier"


def test_time_datetime_gives_the_date() -> None:
    before = '<h1>Bridge vote passes</h1><time datetime="2026-03-10T18:04:00Z">March 10</time>'
    assert prepare_article(_page(before=before), "page.html").published == "2026-03-10"


def test_a_meta_author_that_is_a_url_is_no_author() -> None:
    head = '<meta name="author" content="https://www.facebook.com/lowmerecourier">'
    assert prepare_article(_page(head), "page.html").byline is None


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("Opinion | The bridge vote was a mistake", ["Lowmere Courier"],
         "The bridge vote was a mistake"),
        ("Ferry operator raises prices again – TechWire", ["TechWire"],
         "Ferry operator raises prices again"),
        ("Lowmere Courier | Local news that matters: Ferry fares rise", ["Lowmere Courier"],
         "Local news that matters: Ferry fares rise"),
        ("Lowmere Courier: Ferry fares rise in March", ["Lowmere Courier"],
         "Ferry fares rise in March"),
        ("The VW ID. SPACE VIZZION concept is here", [None],
         "The VW ID. SPACE VIZZION concept is here"),
        ("Ferry fares rise for the first time in years - Lowmere Courier", [None],
         "Ferry fares rise for the first time in years"),
        ("Brexit - what happens next for the ferry ports", [None],
         "Brexit - what happens next for the ferry ports"),
    ],
)
def test_titles_lose_site_names_and_sections(title: str, sites: list, expected: str) -> None:
    assert clean_title(title, sites) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://www.facebook.com/lowmerecourier", None),
        ("By Maria Nuñez", "Maria Nuñez"),
        ("Maria Nuñez Monday, November", "Maria Nuñez"),
        ("Maria Nuñez News reporter", "Maria Nuñez"),
        ("Maria Nuñez is a reporter for the Courier", "Maria Nuñez"),
        ("Associated Press", "Associated Press"),
        ("No Author", None),
        ("Unknown", None),
        ("Article by", None),
        ("Has Worked As A Harbour Pilot Since", None),
        ("Maria Nuñez, Has Covered The Port For The Courier Since", "Maria Nuñez"),
        ("Tomasz Wrona says", "Tomasz Wrona"),
        ("Revised Edition Edited by Ana Ruiz", "Ana Ruiz"),
        ("Maria Nuñez And Tomasz Wrona", "Maria Nuñez, Tomasz Wrona"),
        ("Simon & Schuster", "Simon & Schuster"),
    ],
)
def test_authors_are_names(value: str, expected: str | None) -> None:
    assert clean_author(value) == expected


@pytest.mark.parametrize(("author", "expected"), [
    ("Maria Nuñez, Lowmere Courier", "Maria Nuñez"),
    ("Maria Nuñez Lowmere Courier", "Maria Nuñez"),
    ("Lowmere Courier", "Lowmere Courier"),
])
def test_the_outlet_is_not_one_of_the_authors(author: str, expected: str) -> None:
    head = ('<meta property="og:site_name" content="Lowmere Courier">'
            f'<meta name="author" content="{author}">')
    article = prepare_article(_page(head=head), "page.html")
    assert article.byline == expected


def test_figure_captions_and_credits_are_not_claims() -> None:
    figure = ('<figure><img src="pier.jpg" alt="A corroded pier">'
              '<figcaption>Workers inspect a corroded pier under the Harbour Street Bridge on '
              'Monday. <span class="credit">Oskar Lindqvist/Meridian Wire</span></figcaption>'
              '</figure>')
    body = BODY.replace("<p>Mayor Helena", figure + "<p>Mayor Helena")
    article = prepare_article(_page(body=body), "page.html")
    statements = {article.text[s.start:s.end]: s for s in article.statements}
    caption = [s for text, s in statements.items() if text.startswith("Workers inspect")]
    for statement in caption:
        assert statement.kind == "not-a-claim"
        assert statement.role in {"caption", "credit"}
    body_sentence = statements["Brandvold said a temporary span would open before demolition "
                               "starts in March."]
    assert body_sentence.kind == "claim"


def test_the_headline_is_one_statement_despite_an_inner_period() -> None:
    before = "<h1>The VW ID. SPACE VIZZION concept arrives in Port Averill</h1>"
    article = prepare_article(_page(before=before), "page.html")
    first = article.statements[0]
    assert article.text[first.start:first.end] == article.title
    assert first.role == "headline" and first.kind == "not-a-claim"


def test_a_sentence_broken_by_an_inline_element_is_one_line() -> None:
    body = BODY.replace("ending a decade of argument over the crossing,",
                        "ending a decade of argument</p><p>over the crossing,")
    article = prepare_article(_page(body=body), "page.html")
    texts = [article.text[s.start:s.end] for s in article.statements]
    assert any(text.startswith("PORT AVERILL") and "over the crossing" in text for text in texts)
    assert not any(text.startswith("over the crossing") for text in texts)


NEWS_PAGE = """<!DOCTYPE html><html><head>
<title>Bridge vote passes | Local | Lowmere Courier</title>
<meta property="og:site_name" content="Lowmere Courier">
<meta property="article:author" content="https://www.facebook.com/lowmerecourier">
</head><body><article>
<h1>Harbour council approves $212 million bridge replacement</h1>
<p>By Maria Nuñez</p>
<p>PORT AVERILL — The city council voted 5-4 on Tuesday to replace the 94-year-old Harbour
Street Bridge, ending a decade of argument over the crossing, which carries 31,000
vehicles a day and was closed twice last winter.</p>
<p>Thanks for signing up!</p>
<p>Sign up for the free daily newsletter.</p>
<p>Mayor Helena Brandvold said the council had run out of road on repairs. Inspectors
found corrosion in two of the bridge's five piers in January, the city's engineering
office said in a report published on Monday.</p>
<h3>READ MORE</h3>
<p>Ferry fares rise for the first time in six years</p>
<p>Council member Ana Ruiz, who voted against the Harbour Street plan, said it would
push traffic onto the Old Quay crossing for three years. Brandvold said a temporary span
at Harbour Street would open before demolition starts in March.</p>
<p>— Lowmere Courier (@lowmerecourier) March 10, 2026</p>
<p>(Reporting by Maria Nuñez; editing by Tom Reyes)</p>
<h3>Related</h3>
<p>Ferry operator raises prices again</p>
<p>Council delays vote on Old Quay repairs</p>
</article></body></html>"""


def test_a_news_page_opens_clean() -> None:
    article = prepare_article(NEWS_PAGE.encode(), "bridge.html")
    assert article.title == "Harbour council approves $212 million bridge replacement"
    assert article.byline in (None, "Maria Nuñez")
    statements = {article.text[s.start:s.end]: s for s in article.statements}
    claims = [text for text, s in statements.items() if s.kind == "claim"]
    for clutter in ("Thanks for signing up!", "Sign up for the free daily newsletter.",
                    "— Lowmere Courier (@lowmerecourier) March 10, 2026",
                    "(Reporting by Maria Nuñez; editing by Tom Reyes)"):
        if clutter in statements:
            assert clutter not in claims
    assert "Brandvold said a temporary span at Harbour Street would open before demolition " \
        "starts in March." in claims
    assert article.tail_start is not None
    assert article.text[article.tail_start:].startswith("Related")


def test_a_page_headline_that_ends_with_a_period_is_still_the_headline() -> None:
    before = "<h1>Harbour council approves bridge. Critics object.</h1>"
    article = prepare_article(_page(before=before), "page.html")
    first = article.statements[0]
    assert article.text[first.start:first.end] == "Harbour council approves bridge. Critics object."
    assert (first.role, first.kind) == ("headline", "not-a-claim")


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("Harbour cleaning tips | courier ♥ Magazin", ["courier.example"], "Harbour cleaning tips"),
        ("Caisse de solidarité - Info&#039;Com-CGT", ["Info'Com-CGT"], "Caisse de solidarité"),
        ("VIDEO: Voting on the ferry's future", [None], "Voting on the ferry's future"),
        ("Update | Crash victims identified", [None], "Crash victims identified"),
    ],
)
def test_more_site_and_section_parts(title: str, sites: list, expected: str) -> None:
    assert clean_title(title, sites) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Facebook Com", None), ("Par Stefan Häne", "Stefan Häne"),
     ("Von Anna Kubišta", "Anna Kubišta"), ("Httpstwittercomlitradionet", None)],
)
def test_more_authors(value: str, expected: str | None) -> None:
    assert clean_author(value) == expected


def test_an_outlet_is_never_a_url() -> None:
    head = '<meta property="og:site_name" content="https://www.facebook.com/lowmerecourier">'
    assert prepare_article(_page(head), "page.html").outlet is None


@pytest.mark.parametrize("label", ["Read also:", "Related Articles", "Articoli correlati"])
def test_a_label_h1_is_not_the_title(label: str) -> None:
    head = "<title>Ferry fares rise for the first time in years</title>"
    before = f"<h1>{label}</h1><h1>Ferry fares rise for the first time in years</h1>"
    assert prepare_article(_page(head, before=before), "page.html").title == \
        "Ferry fares rise for the first time in years"


@pytest.mark.parametrize(("h1", "title", "url"), [
    # the site's name in the <h1>, the headline in the page title
    ("Harbour Notes", "Harbour Notes » Blog Archive » Ferry fares rise for the first time",
     "https://harbournotes.example/2026/03/ferry-fares"),
    # a section's label in the <h1>, sharing no word with the headline
    ("Topnews - Primo Piano", "Ferry fares rise for the first time - Lowmere Courier",
     "https://www.lowmerecourier.example/news/ferry-fares"),
    ("Log In", "Ferry fares rise for the first time | Lowmere Courier",
     "https://www.lowmerecourier.example/news/ferry-fares"),
])
def test_an_h1_that_names_the_site_or_a_section_is_not_the_title(h1: str, title: str,
                                                                 url: str) -> None:
    head = f'<title>{title}</title><link rel="canonical" href="{url}">'
    article = prepare_article(_page(head, before=f"<h1>{h1}</h1>"), "page.html")
    assert article.title == "Ferry fares rise for the first time"


def test_an_h1_headline_beside_the_site_name_stays_the_title() -> None:
    head = ('<title>Ferry fares rise for the first time - Harbour Notes</title>'
            '<link rel="canonical" href="https://harbournotes.example/ferry-fares">')
    before = "<h1>Ferry fares rise for the first time</h1>"
    assert prepare_article(_page(head, before=before), "page.html").title == \
        "Ferry fares rise for the first time"
