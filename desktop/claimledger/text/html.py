"""Extract the article from an HTML page: main text, title, byline, date, URL, outlet.

Only the given string is parsed. Nothing the page refers to (images, stylesheets,
frames, entities declared in a DOCTYPE) is fetched or read: trafilatura works on the
parsed tree, and our own lxml parser is built with ``no_network=True`` and never loads
a DTD. A DOCTYPE internal subset is dropped before parsing, so an entity such as
``<!ENTITY x SYSTEM "file:///etc/passwd">`` is never even declared.
"""

from __future__ import annotations

import logging
import re

import lxml.html
from lxml import etree

from claimledger.text.model import ExtractedPage

_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_HTML_HINT = re.compile(
    r"<(?:!doctype\s+html|html|head|body|title|meta|article|p|div|h1)[\s>/]", re.IGNORECASE
)
_SPACES = re.compile(r"\s+")
_SKIPPED_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "select", "object", "embed",
)
_BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "figcaption", "pre")


def looks_like_html(text: str) -> bool:
    """Sniff the start of a file of unknown type."""
    return bool(_HTML_HINT.search(text[:2048]))


def extract_html(html: str) -> ExtractedPage:
    """Extract the article; fall back to plain lxml text if trafilatura finds nothing."""
    html = _DOCTYPE_SUBSET.sub("<!DOCTYPE html>", html)
    head = _head_metadata(html)
    document = _trafilatura(html)
    body = _document_lines(document) if document is not None else []
    if not body:
        body = _fallback_lines(html)

    def pick(attribute: str, key: str) -> str | None:
        value = getattr(document, attribute, None) if document is not None else None
        return _clean(value) or head.get(key)

    title = pick("title", "title")
    text = _assemble(title, body)
    return ExtractedPage(
        text=text,
        title=title,
        byline=_clean_byline(pick("author", "author")),
        published=_iso_date(pick("date", "published")),
        url=head.get("url") or _clean(getattr(document, "url", None)),
        outlet=pick("sitename", "outlet"),
    )


def _trafilatura(html: str) -> object | None:
    import trafilatura  # imported late: it is heavy, and text files do not need it
    from trafilatura.utils import load_html

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        tree = load_html(html)  # trafilatura's own parse, so it reads the page as ever
        if tree is None:
            return None
        for hidden in list(tree.iter("template")):  # inert markup a browser never shows
            hidden.drop_tree()
        return trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_formatting=False,
            include_links=False,
            include_tables=True,
            favor_recall=True,
        )
    except Exception:  # noqa: BLE001 - a parser failure means "use the fallback"
        return None


def _document_lines(document: object) -> list[str]:
    text = getattr(document, "text", None) or ""
    return [line.strip() for line in text.split("\n") if line.strip()]


def _parse(html: str) -> lxml.html.HtmlElement | None:
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(html, parser=parser)
    except (ValueError, etree.ParserError):
        return None


def _head_metadata(html: str) -> dict[str, str]:
    """<title>, canonical URL and the usual meta tags, read from the parsed tree only."""
    root = _parse(html)
    if root is None:
        return {}
    found: dict[str, str] = {}
    names = {
        "og:title": "title", "twitter:title": "title",
        "og:url": "url",
        "og:site_name": "outlet", "application-name": "outlet",
        "author": "author", "article:author": "author", "byl": "author",
        "article:published_time": "published", "datepublished": "published",
        "date": "published", "pubdate": "published", "dc.date": "published",
    }
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = _clean(meta.get("content"))
        if key in names and value and names[key] not in found:
            found[names[key]] = value
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and _clean(link.get("href")):
            found["url"] = _clean(link.get("href")) or ""
    if "title" not in found:
        title = root.find(".//title")
        if title is not None and _clean(title.text_content()):
            found["title"] = _clean(title.text_content()) or ""
    if "url" in found and not found["url"].lower().startswith(("http://", "https://")):
        del found["url"]  # a relative or file: URL is not a public address
    return found


def _fallback_lines(html: str) -> list[str]:
    root = _parse(html)
    if root is None:
        return []
    for element in list(root.iter(*_SKIPPED_TAGS)):
        element.drop_tree()
    lines = []
    for element in root.iter(*_BLOCK_TAGS):
        if any(child.tag in _BLOCK_TAGS for child in element.iterdescendants()):
            continue
        line = _clean(element.text_content())
        if line:
            lines.append(f"- {line}" if element.tag == "li" else line)
    if not lines:
        body = root.find("body")
        text = body.text_content() if body is not None else root.text_content()
        lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines


def _assemble(title: str | None, lines: list[str]) -> str:
    """Headline, a blank line, then paragraphs separated by blank lines (list items kept
    together)."""
    if title and (not lines or _SPACES.sub(" ", lines[0]) != title):
        lines = [title, *lines]
    out: list[str] = []
    for index, line in enumerate(lines):
        if index:
            together = line.startswith("- ") and lines[index - 1].startswith("- ")
            out.append("\n" if together else "\n\n")
        out.append(line)
    return "".join(out)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None


def _clean_byline(value: str | None) -> str | None:
    if not value:
        return None
    value = re.sub(r"^by\s+", "", value, flags=re.IGNORECASE).strip()
    return value.replace(";", ",") or None


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    return "-".join(match.groups()) if match else None
