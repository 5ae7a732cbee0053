"""Extract the article from an HTML page: main text, title, byline, date, URL, outlet.

Only the given string is parsed. Nothing the page refers to (images, stylesheets,
frames, entities declared in a DOCTYPE) is fetched or read: trafilatura works on the
parsed tree, and our own lxml parser is built with ``no_network=True`` and never loads
a DTD. A DOCTYPE internal subset is dropped before parsing, so an entity such as
``<!ENTITY x SYSTEM "file:///etc/passwd">`` is never even declared.
"""

from __future__ import annotations

import copy
import logging
import re

import lxml.html
from lxml import etree

from claimledger.text.model import ExtractedPage
from claimledger.text.page_structure import (
    PageStructure,
    clean_author,
    clean_site,
    clean_title,
    read_structure,
)

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
    """Extract the article; fall back to plain lxml text if trafilatura finds nothing.

    The page's own structure (JSON-LD, <h1>, <time>, og:site_name, figures) comes first
    for the title, authors, date and outlet; trafilatura's guesses and the meta tags fill
    the gaps.
    """
    html = _DOCTYPE_SUBSET.sub("<!DOCTYPE html>", html)
    root = _parse(html)
    head = _head_metadata(root)
    structure = read_structure(root) if root is not None else PageStructure()
    document, extracted = _trafilatura(html)
    body = _join_broken_lines(_text_lines(extracted))
    if not body:
        body = _fallback_lines(root)

    def pick(attribute: str, key: str) -> str | None:
        value = getattr(document, attribute, None) if document is not None else None
        return _clean(value) or head.get(key)

    outlet = structure.site_name or structure.publisher or clean_site(pick("sitename", "outlet"))
    title = _title(structure, pick("title", "title"), head.get("title"),
                   [structure.site_name, structure.publisher, outlet, head.get("outlet"),
                    _host(head.get("url") or _clean(getattr(document, "url", None)))])
    text = _assemble(title, body)
    return ExtractedPage(
        text=text,
        title=title,
        byline=_without_outlet(_byline(structure, document, head),
                               [structure.site_name, structure.publisher, outlet]),
        published=structure.published or _iso_date(pick("date", "published")),
        url=head.get("url") or _clean(getattr(document, "url", None)),
        outlet=outlet,
        captions=structure.captions,
    )


def _title(
    structure: PageStructure, guessed: str | None, meta: str | None, sites: list[str | None]
) -> str | None:
    """JSON-LD headline, else the <h1> (unless it is only the site's name), else the page
    title; without site name or section either way."""
    if structure.headline:
        return clean_title(structure.headline, sites)
    page_title = clean_title(meta or guessed, sites)
    h1 = clean_title(structure.h1, sites)
    site_keys = {(site or "").strip().lower() for site in sites}
    if h1 and h1.lower() not in site_keys:
        if not _h1_is_not_the_headline(h1, meta or guessed, sites):
            return h1
        page_title = clean_title(meta or guessed, [*sites, h1])
    return page_title or clean_title(guessed, sites)


_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")
_TITLE_PARTS = re.compile(r"\s+[|»·–—-]\s+|\s*[|»]\s*")
#: A site's or section's name in an <h1> is this short ("Topnews - Primo Piano").
SECTION_WORDS = 4


def _h1_is_not_the_headline(h1: str, page_title: str | None, sites: list[str | None]) -> bool:
    """Whether the page's <h1> is its site's name or a section's rather than the headline
    the page title carries: the site's name in other words beside another part of the
    title ("Four Years Remaining" on fouryears.eu), or no word of a title of several
    words ("Topnews - Primo Piano" over "Perturbazione polare al Centro ... - La Stampa")."""
    if not page_title:
        return False
    parts = [part.strip() for part in _TITLE_PARTS.split(page_title) if part.strip()]
    squashed = re.sub(r"\W+", "", h1.lower())
    labels = {re.sub(r"\W+", "", (site or "").lower().removeprefix("www.").split(".")[0])
              for site in sites}
    if len(parts) > 1 and h1.lower() in {part.lower() for part in parts} and any(
            len(label) >= 5 and (label in squashed or squashed in label) for label in labels):
        return True
    title_words = {w.lower() for w in _TITLE_WORD.findall(page_title)}
    short_label = len(re.findall(r"\w+", h1)) <= SECTION_WORDS
    return short_label and len(page_title.split()) >= 5 and not title_words & {
        w.lower() for w in _TITLE_WORD.findall(h1)}


def _byline(structure: PageStructure, document: object, head: dict[str, str]) -> str | None:
    """Authors from JSON-LD, else trafilatura's, else the meta tag; never a URL."""
    if structure.authors:
        return ", ".join(structure.authors)
    for value in (getattr(document, "author", None), head.get("author")):
        names = [clean_author(part) for part in re.split(r"[;|]", value or "")]
        found = [name for name in names if name]
        if found:
            return ", ".join(dict.fromkeys(found))
    return None


def _host(url: str | None) -> str | None:
    """"https://www.fouryears.eu/2019/..." -> "fouryears.eu"."""
    match = re.match(r"https?://(?:www\.)?([^/:?#]+)", url or "")
    return match.group(1) if match else None


def _without_outlet(byline: str | None, outlets: list[str | None]) -> str | None:
    """The byline without the outlet's own name beside the authors' ("Rob Picheta, CNN",
    "Adam Aaronson PhillyVoice"); the outlet alone stays, as an agency byline does."""
    names = {name.strip().lower() for name in outlets if name and name.strip()}
    if not byline or not names:
        return byline
    kept = []
    for author in byline.split(", "):
        low = author.lower()
        suffix = next((n for n in names if low.endswith(" " + n)), None)
        rest = author[:len(author) - len(suffix)].rstrip(" ,|-–—") if suffix else ""
        if len(rest.split()) >= 2:  # "Redakcja Forsal.pl" is the outlet's newsroom: kept
            author = rest
        if author.lower() not in names:
            kept.append(author)
    people = [author for author in kept if len(author.split()) >= 2]
    return ", ".join(kept) if people else byline


#: A precise extraction that keeps at least this share of the words of a looser one
#: is taken; otherwise the looser one (it lost most of the article).
KEEP_SHARE = 0.7


def _trafilatura(html: str) -> tuple[object | None, str]:
    """(trafilatura's document with its metadata, the article text).

    A precise pass first; when it keeps under KEEP_SHARE of the words of the default
    pass, the default pass, and the same again against a recall pass. On trafilatura's
    own evaluation pages this cascade scores F1 0.925 against 0.918 for the recall pass
    alone (tests/bench/corpora.py); a readability-lxml second opinion on truncated
    results added less than 0.001 and is not used.
    """
    import trafilatura  # imported late: it is heavy, and text files do not need it

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    precise = _extract(trafilatura, html, favor_precision=True, with_metadata=True)
    text = getattr(precise, "text", None) or ""
    default = _extract(trafilatura, html)
    looser = getattr(default, "text", None) or ""
    if _words(text) < KEEP_SHARE * _words(looser):
        text = looser
        recall = _extract(trafilatura, html, favor_recall=True)
        loosest = getattr(recall, "text", None) or ""
        if _words(text) < KEEP_SHARE * _words(loosest):
            text = loosest
    return precise if precise is not None else default, text


def _extract(trafilatura, html: str, **options) -> object | None:  # type: ignore[no-untyped-def]
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)  # trafilatura's own parse, so it reads the page as ever
        if tree is None:
            return None
        for hidden in list(tree.iter("template")):  # inert markup a browser never shows
            hidden.drop_tree()
        return trafilatura.bare_extraction(
            tree,
            include_comments=False,
            include_images=False,
            include_formatting=False,
            include_links=False,
            include_tables=True,
            **{"with_metadata": False, **options},
        )
    except Exception:  # noqa: BLE001 - a parser failure means "use the fallback"
        return None


_OPEN_END = re.compile(r"[^.!?:;…\"'”’»)\]|]\Z")


def _join_broken_lines(lines: list[str]) -> list[str]:
    """Join a line that goes on in lower case to the line before it: a sentence that an
    inline element (a link, a styled word) broke in two on the page."""
    joined: list[str] = []
    for line in lines:
        if joined and line[:1].islower() and _OPEN_END.search(joined[-1]) \
                and not joined[-1].startswith("- "):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _words(text: str) -> int:
    return len(text.split())


def _text_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _parse(html: str) -> lxml.html.HtmlElement | None:
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(html, parser=parser)
    except (ValueError, etree.ParserError):
        return None


def _head_metadata(root: lxml.html.HtmlElement | None) -> dict[str, str]:
    """<title>, canonical URL and the usual meta tags, read from the parsed tree only."""
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


def _fallback_lines(root: lxml.html.HtmlElement | None) -> list[str]:
    """Block texts of the page (its skipped parts removed): a copy of the tree is cut."""
    if root is None:
        return []
    root = copy.deepcopy(root)
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


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    return "-".join(match.groups()) if match else None
