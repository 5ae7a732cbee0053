"""Read a Markdown file as the text a reader of the rendered page sees.

markdown-it-py (CommonMark) parses it; we walk its tokens and keep the words: headings
become headline and heading lines, an image becomes a caption line with its alt text,
a link keeps its text, emphasis loses its ``*`` and ``_``, list items read "- item"
(or "1. item") as on an HTML page. Raw HTML is dropped, and a ``<script>``, ``<style>``
or comment goes with its content even when it opens in one paragraph and closes in a
later one. Code blocks stay as text that is not a claim; fences' markers, rules and link
targets go. Nothing a file refers to is fetched: a URL is never even kept.

The markup tells us what each line is, so the lines it names carry their role to the
classifier (``ExtractedPage.roles``) instead of leaving it to guess from the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from claimledger.text.model import ExtractedPage
from claimledger.text.normalise import normalise

#: Front matter as static site generators write it: YAML between "---" lines (Jekyll,
#: Hugo) or TOML between "+++" lines (Hugo, Zola).
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?)\n(?:\1|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_FIELD = re.compile(r"([A-Za-z_]+)[ \t]*[:=][ \t]*(.*)")
_SPACES = re.compile(r"[^\S\n]+")
#: Where content a reader never sees starts: a hidden element's tag, or a comment.
_HIDDEN_START = re.compile(
    r"<(script|style|template|noscript|textarea|title|iframe|object|svg|math)\b[^>]*?(/?)>|"
    r"<!--", re.IGNORECASE)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

HEADLINE = ("headline", "headline")
HEADING = ("heading", "heading")
CAPTION = ("caption", "image description")
CODE = ("clutter", "code block")


@dataclass
class _Block:
    text: str
    role: tuple[str, str] | None = None
    in_list: bool = False  # list items sit together, one per line


def extract_markdown(source: str) -> ExtractedPage:
    """The article text of a Markdown file, its title and the roles its markup gives."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    fields, source = _front_matter(source)
    blocks = _blocks(_parser().parse(source))
    _mark_headline(blocks)
    text, roles = _assemble(blocks)
    headline = next((b.text for b in blocks if b.role == HEADLINE), None)
    return ExtractedPage(
        text=text,
        title=_words(fields.get("title")) or headline,
        byline=_words(fields.get("author") or fields.get("authors")),
        published=_iso_date(fields.get("date")),
        url=None,
        outlet=None,
        roles=roles,
    )


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    parser.use(footnote_plugin)  # "[^1]" marks go; the notes read as paragraphs
    # Every link and image is kept as a token (its URL is dropped, never opened), so a
    # file: or javascript: target does not leave its markup behind as text.
    parser.validateLink = lambda url: True
    return parser


def _words(markup: str | None) -> str | None:
    """A front-matter field as words: Markdown and HTML in it read as in the body."""
    if not markup:
        return None
    inline = _parser().parseInline(markup)
    words = _inline_text(inline[0], [], _Hidden()) if inline else ""
    return normalise(_SPACES.sub(" ", words)).strip() or None


def _front_matter(source: str) -> tuple[dict[str, str], str]:
    """Front matter: a few fields, then cut."""
    match = _FRONT_MATTER.match(source)
    if match is None:
        return {}, source
    fields = {}
    for line in match.group(2).splitlines():
        found = _FRONT_FIELD.fullmatch(line.strip())
        if found and found.group(2).strip(" \"'"):
            fields.setdefault(found.group(1).lower(), found.group(2).strip(" \"'"))
    return fields, source[match.end():]


class _Hidden:
    """Whether the walk is inside content a reader never sees, and what ends it: a
    ``<script>`` opened in one paragraph hides everything up to its ``</script>``."""

    def __init__(self) -> None:
        self.until: str | None = None  # "</script", "-->" ...

    def visible(self, content: str) -> str:
        """The parts of `content` outside hidden elements and comments (the state carries
        on to the next piece of content)."""
        out: list[str] = []
        at = 0
        lowered = content.lower()
        while at < len(content):
            if self.until is not None:
                end = lowered.find(self.until, at)
                if end < 0:
                    return "".join(out)
                close = content.find(">", end) if self.until != "-->" else end + 2
                at = len(content) if close < 0 else close + 1
                self.until = None
                continue
            found = _HIDDEN_START.search(content, at)
            if found is None:
                out.append(content[at:])
                break
            out.append(content[at:found.start()])
            at = found.end()
            if found.group(0) == "<!--":
                self.until = "-->"
            elif not found.group(2):  # <script/> hides nothing
                self.until = "</" + found.group(1).lower()
        return "".join(out)


def _blocks(tokens: list[Token]) -> list[_Block]:
    blocks: list[_Block] = []
    markers: list[str] = []  # the marker of each open list item, innermost last
    ordered: list[bool] = []  # each open list, innermost last
    hidden = _Hidden()
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            ordered.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            ordered.pop()
        elif kind == "list_item_open":  # an ordered item's info is its number
            markers.append(f"{token.info or 1}. " if ordered[-1] else "- ")
        elif kind == "list_item_close":
            markers.pop()
        elif kind == "inline" and index and tokens[index - 1].type == "heading_open":
            _add(blocks, _inline_text(token, [], hidden), HEADING)
        elif kind == "inline" and index and tokens[index - 1].type == "paragraph_open":
            marker = markers[-1] if markers else ""
            if markers:
                markers[-1] = ""  # a second paragraph of the item goes unmarked
            _add_paragraph(blocks, token, marker, hidden)
        elif kind == "tr_open":
            _add(blocks, _table_row(tokens, index, hidden), None)
        elif kind == "html_block":  # dropped, but it may open or close a hidden element
            hidden.visible(token.content)
        elif kind in ("fence", "code_block") and hidden.until is None:
            _add(blocks, token.content, CODE)
    return blocks


def _add_paragraph(blocks: list[_Block], token: Token, marker: str, hidden: _Hidden) -> None:
    """A paragraph's words, with the captions of the images it holds above or below."""
    images: list[tuple[str, bool]] = []
    words = _inline_text(token, images, hidden)
    for alt in (alt for alt, leading in images if leading):
        _add(blocks, alt, CAPTION)
    _add(blocks, marker + words if words.strip() else "", None, bool(marker))
    for alt in (alt for alt, leading in images if not leading):
        _add(blocks, alt, CAPTION)


def _add(blocks: list[_Block], text: str, role: tuple[str, str] | None,
         in_list: bool = False) -> None:
    """Add a block, normalised line by line exactly as the whole text will be."""
    lines = [normalise(_SPACES.sub(" ", line)).strip() for line in text.split("\n")]
    text = "\n".join(line for line in lines if line)
    if text:
        blocks.append(_Block(text, role, in_list))


def _inline_text(token: Token, images: list[tuple[str, bool]], hidden: _Hidden) -> str:
    """The words of a paragraph or heading. Images' alt texts are collected apart, each
    with whether it comes before the words (its caption goes above the paragraph) or
    not (below it), so a sentence is never cut in two."""
    out: list[str] = []
    for child in token.children or []:
        kind = child.type
        if kind == "html_inline":
            _inline_html(child.content, hidden, out)
        elif hidden.until is not None and kind not in ("text", "code_inline"):
            continue
        elif kind in ("text", "code_inline"):
            out.append(hidden.visible(child.content))
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("\n")
        elif kind == "image" and child.content.strip():
            images.append((child.content, not "".join(out).strip()))
    return "".join(out)


def _inline_html(tag: str, hidden: _Hidden, out: list[str]) -> None:
    """An inline tag is dropped; it may open or close a hidden element, or break a line."""
    if hidden.until is not None or _HIDDEN_START.match(tag):
        hidden.visible(tag)
    elif tag.lower().startswith("<br"):
        out.append("\n")


def _table_row(tokens: list[Token], start: int, hidden: _Hidden) -> str:
    """"| cell | cell |", as tables read on an HTML page."""
    cells = []
    for index in range(start + 1, len(tokens)):  # no copy of the tokens after the row
        token = tokens[index]
        if token.type == "tr_close":
            break
        if token.type == "inline":
            cells.append(_SPACES.sub(" ", _inline_text(token, [], hidden)).strip())
    return "| " + " | ".join(cells) + " |" if any(cells) else ""


def _mark_headline(blocks: list[_Block]) -> None:
    """The first heading above the body (images may come before it) is the headline."""
    for block in blocks:
        if block.role == HEADING:
            block.role = HEADLINE
            return
        if block.role is None:
            return


def _assemble(blocks: list[_Block]) -> tuple[str, dict[int, tuple[str, str]]]:
    """Blocks separated by blank lines (list items by one line break); the role of each
    line that has one, keyed by the line's offset in the text."""
    parts: list[str] = []
    roles: dict[int, tuple[str, str]] = {}
    offset = 0
    for index, block in enumerate(blocks):
        if index:
            gap = "\n" if block.in_list and blocks[index - 1].in_list else "\n\n"
            parts.append(gap)
            offset += len(gap)
        if block.role is not None:
            line_start = offset
            for line in block.text.split("\n"):
                roles[line_start] = block.role
                line_start += len(line) + 1
        parts.append(block.text)
        offset += len(block.text)
    return "".join(parts), roles


def _iso_date(value: str | None) -> str | None:
    match = _DATE.match(value or "")
    return "-".join(match.groups()) if match else None
