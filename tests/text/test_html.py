"""HTML pages: the article, its metadata, and nothing the page refers to."""

from __future__ import annotations

import builtins
import pathlib

import pytest

from claimledger.text import prepare_article
from claimledger.text.html import extract_html, looks_like_html

PAGE = """<!DOCTYPE html [<!ENTITY leak SYSTEM "file:///etc/passwd">]>
<html lang="en"><head>
<title>Kelmor ferry subsidy approved | Northgate Herald</title>
<meta property="og:title" content="Council approves $4.2 million Kelmor ferry subsidy">
<meta property="og:url" content="https://herald.example/news/ferry-subsidy">
<meta property="og:site_name" content="Northgate Herald">
<meta name="author" content="Priya Castellano">
<meta property="article:published_time" content="2026-02-17T08:00:00Z">
<link rel="stylesheet" href="file:///etc/passwd">
<script>window.secretTracker = "TRACKING-SCRIPT-TEXT";</script>
<style>body { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Council approves $4.2 million Kelmor ferry subsidy</h1>
<p class="byline">By Priya Castellano</p>
<img src="file:///etc/passwd" alt="">
<iframe src="file:///etc/passwd"></iframe>
<p>NORTHGATE — The town council voted 7-2 on Monday to spend $4.2 million over three years
subsidising the Kelmor Island ferry, the island's only year-round link to the mainland.&leak;</p>
<p>Council member Ruth Adeyemi said fares would fall by 30 percent from April. “This is a
lifeline, not a luxury,” she said.</p>
<p>The operator, Kelmor Sound Ferries Ltd., carried 212,000 passengers last year, according
to its annual report. Dr. Owen Tamaki, who chairs the island trust, said the figure was 8.5
percent higher than in 2024.</p>
</article>
<footer>Copyright 2026 Northgate Herald. All rights reserved.
<script>console.log("FOOTER-SCRIPT")</script></footer>
</body></html>
"""


@pytest.fixture
def no_passwd(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if anything tries to open /etc/passwd."""
    real_open, real_read = builtins.open, pathlib.Path.read_bytes

    def guarded_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        assert "passwd" not in str(file), "the page made us read a local file"
        return real_open(file, *args, **kwargs)

    def guarded_read(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        assert "passwd" not in str(self), "the page made us read a local file"
        return real_read(self, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(pathlib.Path, "read_bytes", guarded_read)


def test_news_page_metadata_and_text(no_passwd: None) -> None:
    article = prepare_article(PAGE.encode("utf-8"), "ferry.HTML")
    assert article.title == "Council approves $4.2 million Kelmor ferry subsidy"
    assert article.byline == "Priya Castellano"
    assert article.published == "2026-02-17"
    assert article.outlet == "Northgate Herald"
    assert article.url == "https://herald.example/news/ferry-subsidy"
    headline = "Council approves $4.2 million Kelmor ferry subsidy"
    assert article.text.startswith(headline + "\n\nNORTHGATE")
    assert "voted 7-2 on Monday" in article.text
    assert "Dr. Owen Tamaki" in article.text


def test_scripts_navigation_and_local_files_are_absent(no_passwd: None) -> None:
    article = prepare_article(PAGE.encode("utf-8"), "ferry.html")
    for unwanted in ("TRACKING", "FOOTER-SCRIPT", "color: red", "root:", "Sport", "/bin/"):
        assert unwanted not in article.text


def test_headline_is_a_statement_of_its_own(no_passwd: None) -> None:
    article = prepare_article(PAGE.encode("utf-8"), "ferry.htm")
    first = article.statements[0]
    assert (first.role, first.kind) == ("headline", "not-a-claim")
    claims = [article.text[s.start:s.end] for s in article.statements if s.kind == "claim"]
    assert "Council member Ruth Adeyemi said fares would fall by 30 percent from April." in claims


def test_canonical_link_wins_over_og_url() -> None:
    page = PAGE.replace("<title>", '<link rel="canonical" href="https://herald.example/c"><title>')
    assert extract_html(page).url == "https://herald.example/c"


def test_tiny_page_falls_back_to_plain_text() -> None:
    page = "<html><body><h1>Pier closed</h1><p>The pier closed on Friday.</p></body></html>"
    article = prepare_article(page.encode(), "pier.html")
    assert article.title == "Pier closed"
    assert "The pier closed on Friday." in article.text


def test_html_is_sniffed_without_a_suffix() -> None:
    assert looks_like_html("<!doctype html><html><body><p>x</p></body></html>")
    assert not looks_like_html("Council approves budget\n\nThe council voted 5-4.")
    article = prepare_article(PAGE.encode("utf-8"), "download")
    assert article.byline == "Priya Castellano"


def test_page_without_text_is_refused() -> None:
    from claimledger.text import ArticleError

    with pytest.raises(ArticleError, match="No article text"):
        prepare_article(b"<html><head><script>x()</script></head><body></body></html>", "e.html")


@pytest.mark.parametrize("body_size", ["page", "tiny"])
def test_template_content_is_dropped(body_size: str) -> None:
    """<template> holds inert markup a browser never shows (trafilatura and the plain
    fallback both see it as ordinary paragraphs unless it is removed first)."""
    template = ("<template><p>TEMPLATE-TEXT the reader never sees on the page, for a "
                "comment form.</p><template><p>NESTED-TEMPLATE</p></template></template>")
    page = (PAGE.replace("<p>Council member", template + "<p>Council member")
            if body_size == "page" else
            f"<html><body><h1>Pier closed</h1>{template}<p>The pier closed.</p></body></html>")
    article = prepare_article(page.encode("utf-8"), "page.html")
    assert "TEMPLATE" not in article.text
    assert ("Ruth Adeyemi" if body_size == "page" else "The pier closed.") in article.text
