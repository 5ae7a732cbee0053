"""Markdown files are imported as the text a reader of the rendered page sees."""

from __future__ import annotations

import builtins
import pathlib
import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.text import prepare_article
from claimledger.text.markdown import extract_markdown
from claimledger.text.normalise import normalise

ARTICLE = """\
# Council votes to close *Linden Street* library

**By Marta Okonkwo-Reyes**

![Readers at the Linden Street branch](file:///etc/passwd "the branch")

The city council voted **6-3** on Tuesday to close the [Linden Street](https://example.invalid/x)
branch library by the end of June, saving an estimated $410,000 a year.

<script>document.title = "SCRIPT-TEXT";</script>

<div class="ad">RAW-HTML-TEXT</div>

A councillor said <span>visits</span> had fallen 38 percent<script>INLINE-SCRIPT</script>
since 2019.

## What comes next

* Staff will move to the _central_ library.
* The building will be sold.

1. First step
2. Second step

---

Setext heading of a section
---------------------------

```
code stays as text
```
"""


def _statements(article) -> list[tuple[str, str, str]]:
    return [(article.text[s.start:s.end], s.role, s.kind) for s in article.statements]


@pytest.fixture
def no_passwd_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = builtins.open
    real_read = pathlib.Path.read_bytes

    def guarded_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        assert "passwd" not in str(file), "the Markdown made us read a local file"
        return real_open(file, *args, **kwargs)

    def guarded_read(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        assert "passwd" not in str(self), "the Markdown made us read a local file"
        return real_read(self, *args, **kwargs)

    def no_connect(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the Markdown made us connect")

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(pathlib.Path, "read_bytes", guarded_read)
    monkeypatch.setattr(socket.socket, "connect", no_connect)


def test_markup_is_gone_and_the_words_stay(no_passwd_no_network: None) -> None:
    article = prepare_article(ARTICLE.encode("utf-8"), "library.md")
    for markup in ("#", "**", "](", "![", "<", ">", "_central_", "---", "```", "file:"):
        assert markup not in article.text, markup
    for unwanted in ("SCRIPT-TEXT", "RAW-HTML-TEXT", "INLINE-SCRIPT", "root:", "example.invalid"):
        assert unwanted not in article.text, unwanted
    assert ("The city council voted 6-3 on Tuesday to close the Linden Street branch library "
            "by the end of June, saving an estimated $410,000 a year.") in article.text
    assert "A councillor said visits had fallen 38 percent since 2019." in article.text
    assert "code stays as text" in article.text


def test_headings_images_and_lists_get_their_roles() -> None:
    article = prepare_article(ARTICLE.encode("utf-8"), "library.MD")
    found = _statements(article)
    assert found[0] == ("Council votes to close Linden Street library", "headline", "not-a-claim")
    assert ("By Marta Okonkwo-Reyes", "byline", "not-a-claim") in found
    assert ("Readers at the Linden Street branch", "caption", "not-a-claim") in found
    assert ("What comes next", "heading", "not-a-claim") in found
    assert ("Setext heading of a section", "heading", "not-a-claim") in found
    assert ("- Staff will move to the central library.", "bullet", "claim") in found
    assert ("2. Second step", "bullet", "claim") in found
    assert article.title == "Council votes to close Linden Street library"
    assert article.byline == "Marta Okonkwo-Reyes"


def test_list_items_sit_on_consecutive_lines() -> None:
    text = extract_markdown("Intro paragraph.\n\n- one\n- two\n\nAfter.\n").text
    assert text == "Intro paragraph.\n\n- one\n- two\n\nAfter."


def test_an_image_inside_a_sentence_becomes_a_caption_below_it() -> None:
    page = extract_markdown("The chart ![Rates since 2019](c.png) shows a rise.\n")
    assert page.text == "The chart shows a rise.\n\nRates since 2019"
    assert page.roles == {len("The chart shows a rise.\n\n"): ("caption", "image description")}


def test_an_image_without_alt_text_leaves_nothing() -> None:
    assert extract_markdown("![](photo.jpg)\n\nBody text.\n").text == "Body text."


def test_front_matter_gives_the_metadata_and_is_not_text() -> None:
    source = ("---\ntitle: \"Ferry subsidy approved\"\nauthor: Priya Castellano\n"
              "date: 2026-02-17T08:00:00Z\n---\n\nThe council voted 7-2 on Monday.\n")
    article = prepare_article(source.encode(), "ferry.markdown")
    assert article.text == "The council voted 7-2 on Monday."
    assert (article.title, article.byline, article.published) == (
        "Ferry subsidy approved", "Priya Castellano", "2026-02-17")


def test_a_text_file_keeps_its_markdown_as_it_is() -> None:
    article = prepare_article(b"# Not markup here\n\nA *starred* word.\n", "notes.txt")
    assert article.text == "# Not markup here\n\nA *starred* word."


def test_markdown_of_only_html_is_refused() -> None:
    from claimledger.text import ArticleError

    with pytest.raises(ArticleError, match="No article text"):
        prepare_article(b"<script>alert(1)</script>\n\n<div>x</div>\n", "empty.md")


MARKDOWN_BITS = st.sampled_from([
    "# ", "## ", "* ", "- ", "1. ", "> ", "**", "_", "`", "![alt", "](x.png)", "[", "]",
    "(", ")", "<script>", "</script>", "<b>", "\n", "\n\n", "  \n", "\t", "---\n", "```\n",
    "|", " | ", "|---|\n", "\\", "&amp;", "&#0;", "\x00", "\u2028", "\r", "é", "e\u0301",
    "word", "Sentence one. ", "Dr. Smith said 3.5% rose.", " ",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(MARKDOWN_BITS, max_size=40).map("".join))
def test_the_extracted_text_is_normalised_and_roles_point_at_lines(source: str) -> None:
    page = extract_markdown(source)
    assert normalise(page.text) == page.text
    for offset in page.roles:
        assert offset == 0 or page.text[offset - 1] == "\n"
        assert offset < len(page.text) and page.text[offset] != "\n"


@pytest.mark.parametrize("opened, content, closed", [
    ("<script>", "document.write('HIDDEN-TEXT')", "</script>"),
    ("<STYLE type='text/css'>", "body { color: red } HIDDEN-TEXT", "</style>"),
    ("<!--", "HIDDEN-TEXT", "-->"),
    ("<template>", "<p>HIDDEN-TEXT</p>", "</template>"),
], ids=["script", "style", "comment", "template"])
def test_a_hidden_element_opened_in_a_paragraph_hides_what_follows_until_it_closes(
        opened: str, content: str, closed: str) -> None:
    source = (f"# Library closes\n\nCouncil papers show {opened}\n\n{content}\n\n"
              f"{closed}\n\nThe council voted 6-3 on Tuesday.\n")
    article = prepare_article(source.encode(), "library.md")
    assert "HIDDEN-TEXT" not in article.text and "<" not in article.text
    assert "-->" not in article.text
    assert ("The council voted 6-3 on Tuesday.", "body", "claim") in _statements(article)


def test_front_matter_fields_lose_their_markup() -> None:
    source = ('---\ntitle: "<script>alert(1)</script> **Library** _branch_ [to close](http://x)"'
              '\nauthor: Jane *Doe*\n---\n\nThe council voted 6-3 on Tuesday.\n')
    article = prepare_article(source.encode(), "library.md")
    assert (article.title, article.byline) == ("Library branch to close", "Jane Doe")


def test_a_code_block_stays_as_text_but_is_not_a_claim() -> None:
    source = "# Tools\n\nThe council voted 6-3.\n\n```\nrm -rf /tmp/cache\n```\n"
    found = _statements(prepare_article(source.encode(), "tools.md"))
    assert ("rm -rf /tmp/cache", "clutter", "not-a-claim") in found


def test_footnote_marks_go_and_the_notes_read_as_text() -> None:
    source = "# Tunnel\n\nThe toll rises to $4[^1] in April.\n\n[^1]: Set by the council.\n"
    found = [text for text, _role, _kind in _statements(prepare_article(source.encode(),
                                                                        "tunnel.md"))]
    assert found == ["Tunnel", "The toll rises to $4 in April.", "Set by the council."]


def test_toml_front_matter_gives_the_title_and_is_not_text() -> None:
    source = "+++\ntitle = 'Tunnel toll approved'\ndraft = true\n+++\n\nThe toll rises.\n"
    article = prepare_article(source.encode(), "tunnel.md")
    assert (article.title, article.text) == ("Tunnel toll approved", "The toll rises.")


@pytest.mark.parametrize("suffix", [".mdown", ".mkd", ".mkdn", ".mdwn", ".MARKDOWN"])
def test_every_usual_markdown_suffix_is_read_as_markdown(suffix: str) -> None:
    source = "# Tunnel\n\n<script>\nSCRIPT-TEXT\n</script>\n\nThe toll rises.\n"
    assert prepare_article(source.encode(), "tunnel" + suffix).text == "Tunnel\n\nThe toll rises."
