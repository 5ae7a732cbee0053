"""decode -> (extract HTML or Markdown) -> normalise -> segment -> classify -> metadata."""

from __future__ import annotations

import re
from pathlib import PurePath

from claimledger.text.classify import classify_article
from claimledger.text.decode import MAX_BYTES, decode_bytes
from claimledger.text.errors import ArticleError
from claimledger.text.html import extract_html, looks_like_html
from claimledger.text.markdown import extract_markdown
from claimledger.text.metadata import text_metadata
from claimledger.text.model import ExtractedPage, PreparedArticle
from claimledger.text.normalise import normalise, unwrap_hard_wrapped
from claimledger.text.segment import segment

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn",
                               ".mdtxt", ".mdtext"})
TEXT_SUFFIXES = frozenset({".txt", ".text", *MARKDOWN_SUFFIXES})
UNTITLED = "Untitled article"


#: The start of a ledger file, whatever its name: the header's format field.
_LEDGER_FILE = re.compile(r'\ufeff?\s*\{\s*"format"\s*:\s*"claim-ledger/')


def prepare_article(data: bytes, filename: str) -> PreparedArticle:
    """Turn the bytes of a dropped file into an article; raise ArticleError if we cannot.

    The type comes from the suffix (.txt .md .html .htm, any case); other files are
    sniffed. Nothing the file refers to is fetched or read.
    """
    text, encoding = decode_bytes(data)
    if _LEDGER_FILE.match(text[:4096]):
        raise ArticleError("This is a Claim Ledger ledger file (reviewers' signed verdicts), "
                           "not an article: import it as a ledger file (Import Ledger, or "
                           "the sync command).")
    suffix = PurePath(filename).suffix.lower()
    page = None
    if suffix in MARKDOWN_SUFFIXES:
        page = extract_markdown(text)
    elif suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text)):
        page = extract_html(text)
    if page is not None:
        text = page.text
    stem = PurePath(filename).stem.strip()
    web_page = page is not None and suffix not in MARKDOWN_SUFFIXES
    return _prepare(text, encoding, page=page, fallback_title=stem or None,
                    where="this page" if web_page else "the file", web_page=web_page)


def prepare_text(text: str, title: str | None = None) -> PreparedArticle:
    """Turn pasted text into an article; ``title``, when given, overrides the headline."""
    if not isinstance(text, str) or not text.strip():
        raise ArticleError("There is no text to import.")
    if len(text) > MAX_BYTES:  # characters: no file's size limit stands in the way here
        raise ArticleError(f"The text is too long to be an article ({len(text) // 1_000_000} "
                           f"million characters; the limit is {MAX_BYTES // 1_000_000}).")
    return _prepare(text, "utf-8", page=None, title=(title or "").strip() or None)


def _prepare(
    raw: str,
    encoding: str,
    *,
    page: ExtractedPage | None,
    title: str | None = None,
    fallback_title: str | None = None,
    where: str = "the file",
    web_page: bool = False,
) -> PreparedArticle:
    """`web_page`: text extracted from HTML, where other stories come under a heading if
    at all (a pasted text or a Markdown file may end in them without one)."""
    text = normalise(raw)
    if page is None:  # plain text: perhaps broken at a fixed width by a mail program
        text = unwrap_hard_wrapped(text)
    if not text:
        raise ArticleError(f"No article text was found in {where}.")
    # the markup's roles point at lines of the extracted text, which normalise keeps as is
    roles = page.roles if page is not None and text == raw else {}
    classified = classify_article(text, segment(text), roles,
                                  page.captions if page else (), pasted=not web_page,
                                  headline=page.title if page else None)
    statements = classified.statements
    found = text_metadata(text, statements)

    def first(*values: str | None) -> str | None:
        return next((value for value in values if value), None)

    html = page or ExtractedPage("", None, None, None, None, None)
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
