"""What a web page says about itself before it is flattened to text.

A page's own structure beats guessing from its text: JSON-LD ``NewsArticle``/``Article``
(headline, authors, datePublished, publisher), the ``<h1>``, ``<time datetime>``,
``og:site_name``, and ``<figure>``/``<figcaption>`` with its credit. Titles lose the site
name and section ("Opinion | ...", "... – TechCrunch"); an author is a person or agency,
never a URL, and loses trailing dates and job titles.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field

import lxml.html

from claimledger.text import rules

_SPACES = re.compile(r"\s+")
_ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
    "scholarlyarticle", "techarticle", "report", "webpage", "socialmediaposting",
})
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|·|•|«|»)\s+|\s*\|\s*")
#: Section labels that sit before or after a headline in a page title.
_SECTIONS = frozenset("""
    opinion opinions news analysis comment commentary editorial editorials sport sports
    business politics world us uk local tech technology science health culture arts
    entertainment lifestyle travel money markets economy video live blog blogs review
    reviews features feature breaking latest national international europe asia africa
    americas columns column letters environment climate update updated watch exclusive
    explainer podcast photos gallery interview archive archives
""".split())
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|org|net|co\.uk)/\S*", re.IGNORECASE)
_MANGLED_URL = re.compile(r"^https?|\b(?:com|de|net|org|co|uk|fr|it|es)$|facebook|twitter",
                          re.IGNORECASE)
_AUTHOR_TAIL = re.compile(
    r"\s*(?:[,|·–—-]\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d.*|"
    r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*.*|\d{4}-\d{2}.*|"
    r"(?:is|was)\s+(?:an?|the)\s.*|"
    r"(?:(?:senior|chief|staff|political|health|business|foreign|science|tech(?:nology)?|"
    r"news|sports?|special|investigative|national|local|white house|education|climate|"
    r"economics|digital|breaking news|associate|deputy|managing|contributing)\s+)*"
    r"(?:reporter|correspondent|writer|editor|columnist|contributor|journalist|producer|"
    r"photographer|analyst|critic|staff)s?\b.*|for\s+[A-Z].*|@\w+.*)$",
    re.IGNORECASE,
)
#: ", Has Worked As A Developer Since" (a bio), " says" (a comment's author line).
_AUTHOR_CLAUSE = re.compile(r"(?:\A|\s*,\s*)(?:has|have|had|works?|worked|lives?|writes|covers|"
                            r"joined)\s.*$|\s+(?:says|said|writes|wrote|posted)\s*:?$",
                            re.IGNORECASE)
#: What a CMS writes where it has no author's name.
_NO_AUTHOR = re.compile(r"(?:no author|unknown|anonymous|admin(?:istrator)?|user|guest|"
                        r"article by|posted by|by|author|none|null|n/?a)\.?", re.IGNORECASE)
#: "... Edited by Adrian Parr": the name after the last "by".
_LAST_BY = re.compile(r".*\bby\s+(?=[A-ZÀ-Þ])")
#: "Glen Owen And Brendan Carlin": two names, not one.
_NAME_AND = re.compile(r"(?<=[a-zà-ÿ])\s+(?:and|And|AND)\s+(?=[A-ZÀ-Þ])")
_CREDIT_CLASSES = re.compile(r"credit|copyright|byline|source|attribution|photographer",
                             re.IGNORECASE)


@dataclass(frozen=True)
class PageStructure:
    headline: str | None = None
    h1: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    publisher: str | None = None
    site_name: str | None = None
    #: (caption text, credit text or None) for each <figure>/<figcaption>.
    captions: tuple[tuple[str, str | None], ...] = field(default_factory=tuple)


def read_structure(root: lxml.html.HtmlElement) -> PageStructure:
    """The page's JSON-LD, <h1>, <time>, og:site_name and figure captions."""
    article = _json_ld_article(root)
    return PageStructure(
        headline=_clean(_text_of(article.get("headline") or article.get("name"))),
        h1=_first_h1(root),
        authors=tuple(_json_ld_authors(article.get("author"))),
        published=_iso(_text_of(article.get("datePublished"))) or _time_datetime(root),
        publisher=clean_site(_name_of(article.get("publisher"))),
        site_name=clean_site(_meta(root, "og:site_name")),
        captions=tuple(_figure_captions(root)),
    )


# --- JSON-LD --------------------------------------------------------------------------------


def _json_ld_article(root: lxml.html.HtmlElement) -> dict:
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        for node in _nodes(data):
            types = node.get("@type")
            names = [types] if isinstance(types, str) else types if isinstance(types, list) else []
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in names) and (
                node.get("headline") or node.get("author") or node.get("datePublished")
            ):
                return node
    return {}


def _nodes(data: object, depth: int = 0):  # type: ignore[no-untyped-def]
    """Every JSON object in a JSON-LD block (lists and "@graph" included)."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if key in data:
                yield from _nodes(data[key], depth + 1)


def _json_ld_authors(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    found = []
    for item in items:
        name = clean_author(_name_of(item))
        if name and name not in found:
            found.append(name)
    return found


def _name_of(value: object) -> str | None:
    if isinstance(value, dict):
        return _text_of(value.get("name"))
    if isinstance(value, list) and value:
        return _name_of(value[0])
    return _text_of(value)


def _text_of(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and isinstance(value[0], str):
        return value[0]
    return None


# --- elements -------------------------------------------------------------------------------


def _first_h1(root: lxml.html.HtmlElement) -> str | None:
    """The article's <h1>: the first in an <article> or <main> (else on the page) that
    agrees with the page title when there is one; never a bare label ("Read also:")."""
    title = _meta(root, "og:title") or _clean(root.findtext(".//title"))
    found = []
    for scope in (*root.iter("article", "main"), root):
        for h1 in scope.iter("h1"):
            text = _clean(h1.text_content())
            if text and len(text.split()) >= 2 and not text.endswith(":") and text not in found \
                    and not _is_page_label(text):
                found.append(text)
    agreeing = [text for text in found if title and _overlap(text, title) >= 0.5]
    return (agreeing or found or [None])[0]


def _is_page_label(text: str) -> bool:
    """"Related Articles", "Articoli correlati": a box's heading, not the article's."""
    return (rules.first_rule(rules.TAIL_RULES, text) is not None
            or rules.first_rule(rules.CLUTTER_RULES, text) == "related links")


def _overlap(first: str, second: str) -> float:
    a, b = set(_key(first).split()), set(_key(second).split())
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _time_datetime(root: lxml.html.HtmlElement) -> str | None:
    for time in root.iter("time"):
        found = _iso(time.get("datetime"))
        if found:
            return found
    return None


def _meta(root: lxml.html.HtmlElement, key: str) -> str | None:
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == key:
            return _clean(meta.get("content"))
    return None


def _figure_captions(root: lxml.html.HtmlElement) -> list[tuple[str, str | None]]:
    found = []
    for caption in root.iter("figcaption"):
        credit = None
        for child in caption.iter():
            if child is not caption and _CREDIT_CLASSES.search(child.get("class") or ""):
                credit = _clean(child.text_content())
                break
        text = _clean(caption.text_content())
        if text:
            found.append((text, credit))
    return found[:200]


# --- cleaning -------------------------------------------------------------------------------


def clean_title(title: str | None, site_names: list[str | None]) -> str | None:
    """"Opinion | The vote was a mistake – Lowmere Courier" -> "The vote was a mistake".

    Parts at either end that are the site's name or a section label go; so does a short
    brand-like last part ("... – TechWire") when the site's name is unknown. What is left
    is kept as written, separators inside it included ("Brexit - what happens next").
    """
    title = _clean(title)
    if not title:
        return None
    sites = {_key(name) for name in site_names if name}
    sites |= {_key(name.split(".")[0]) for name in site_names  # "sheego.de" -> "sheego"
              if name and "." in name and " " not in name}
    parts = _parts(title)
    while len(parts) > 1 and _is_site_or_section(parts[0][0], sites):
        parts = parts[1:]
    while len(parts) > 1 and (_is_site_or_section(parts[-1][0], sites)
                              or (not sites and _brand_like(parts[-1][0]))):
        parts = parts[:-1]
    kept = title[parts[0][1]:parts[-1][2]].strip()
    return _strip_site_prefix(kept, sites) or title


def _parts(title: str) -> list[tuple[str, int, int]]:
    """(text, start, end) of the parts of a title between separators."""
    found, start = [], 0
    for separator in _TITLE_SEPARATORS.finditer(title):
        found.append((title[start:separator.start()], start, separator.start()))
        start = separator.end()
    found.append((title[start:], start, len(title)))
    return [part for part in found if part[0].strip()]


def _brand_like(part: str) -> bool:
    words = part.split()
    return 0 < len(words) <= 3 and all(word[:1].isupper() or word[:1].isdigit() for word in words)


def _strip_site_prefix(title: str, sites: set[str]) -> str:
    """"Lowmere Courier: The vote ..." or "VIDEO: The vote ..." -> "The vote ..."."""
    head, colon, rest = title.partition(": ")
    if colon and rest and (_key(head) in sites or _key(head).replace(" ", "") in _SECTIONS):
        return rest.strip()
    return title


def _is_site_or_section(part: str, sites: set[str]) -> bool:
    key = _key(part)
    if not key:
        return True
    squashed = key.replace(" ", "")  # "La Stampa" is the site of lastampa.it
    if key in sites or any(key in site or site in key or squashed == site.replace(" ", "")
                           for site in sites if len(site) > 3):
        return len(part.split()) <= 6
    return key.replace(" ", "") in _SECTIONS or (
        len(part.split()) <= 3 and all(word.lower() in _SECTIONS for word in part.split())
    )


def _key(text: str | None) -> str:
    return re.sub(r"[^\w ]+", "", (text or "").lower()).replace("the ", "").strip()


def clean_site(value: str | None) -> str | None:
    """A site's name, never a URL ("https://www.facebook.com/courier")."""
    value = _clean(value)
    if not value or _URL.search(value) or value.lower().startswith(("http", "www.")):
        return None
    return value.rstrip("/") or None


def clean_author(value: str | None) -> str | None:
    """A person or agency name: no URL, "By", trailing date or job title."""
    value = _clean(value)
    if not value or _URL.search(value) or "@" in value and " " not in value:
        return None
    if _MANGLED_URL.search(value):
        return None  # "Facebook Com", "Httpstwittercom…": an address turned into words
    value = re.sub(r"^(?:by|written by|words by|von|par|por|door|auteur|autor|"
                   r"autorin|author)\s*:?\s+", "", value, flags=re.IGNORECASE)
    value = _AUTHOR_CLAUSE.sub("", _LAST_BY.sub("", value))
    value = _AUTHOR_TAIL.sub("", value).strip(" ,;|·-–—")
    if not value or len(value) > 80 or not any(c.isalpha() for c in value) \
            or _NO_AUTHOR.fullmatch(value):
        return None
    return _NAME_AND.sub(", ", value).replace(";", ",")


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", html.unescape(value)).strip()
    return value or None


def _iso(value: str | None) -> str | None:
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value or "")
    return "-".join(match.groups()) if match else None
