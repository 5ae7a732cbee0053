"""decode -> (extract HTML) -> normalise -> segment -> classify -> metadata."""

from __future__ import annotations

from pathlib import PurePath

from claimledger.text.classify import classify_article
from claimledger.text.decode import decode_bytes
from claimledger.text.errors import ArticleError
from claimledger.text.html import ExtractedHtml, extract_html, looks_like_html
from claimledger.text.metadata import text_metadata
from claimledger.text.model import PreparedArticle
from claimledger.text.normalise import normalise
from claimledger.text.segment import segment

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
UNTITLED = "Untitled article"


def prepare_article(data: bytes, filename: str) -> PreparedArticle:
    """Turn the bytes of a dropped file into an article; raise ArticleError if we cannot.

    The type comes from the suffix (.txt .md .html .htm, any case); other files are
    sniffed. Nothing the file refers to is fetched or read.
    """
    text, encoding = decode_bytes(data)
    suffix = PurePath(filename).suffix.lower()
    is_html = suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text))
    page = extract_html(text) if is_html else None
    if page is not None:
        text = page.text
    stem = PurePath(filename).stem.strip()
    return _prepare(text, encoding, page=page, fallback_title=stem or None)


def prepare_text(text: str, title: str | None = None) -> PreparedArticle:
    """Turn pasted text into an article; ``title``, when given, overrides the headline."""
    if not isinstance(text, str) or not text.strip():
        raise ArticleError("There is no text to import.")
    return _prepare(text, "utf-8", page=None, title=(title or "").strip() or None)


def _prepare(
    raw: str,
    encoding: str,
    *,
    page: ExtractedHtml | None,
    title: str | None = None,
    fallback_title: str | None = None,
) -> PreparedArticle:
    text = normalise(raw)
    if not text:
        where = "this page" if page is not None else "the file"
        raise ArticleError(f"No article text was found in {where}.")
    classified = classify_article(text, segment(text), page.captions if page else (),
                                  pasted=page is None, headline=page.title if page else None)
    statements = classified.statements
    found = text_metadata(text, statements)

    def first(*values: str | None) -> str | None:
        return next((value for value in values if value), None)

    html = page or ExtractedHtml("", None, None, None, None, None)
    return PreparedArticle(
        text=text,
        title=first(title, html.title, found.title, fallback_title) or UNTITLED,
        byline=first(html.byline, found.byline),
        outlet=first(html.outlet, found.outlet),
        published=first(html.published, found.published),
        url=html.url,
        encoding=encoding,
        statements=statements,
        tail_start=classified.tail_start,
        duplicates=classified.duplicates,
    )
