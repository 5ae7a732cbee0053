"""Page clutter: prompts, addresses, notices and controls that stand as statements.

``clutter_role(statement)`` gives (role, reason) for a statement that is clutter wherever
it stands (a web page often runs a prompt into the paragraph next to it), or None. The
rule tables are in rules.py; a cheap word test comes first, since most statements of an
article are nothing of the kind.
"""

from __future__ import annotations

import re

from claimledger.text import rules

#: The role of a statement that a clutter rule recognised, by the rule's name.
RULE_ROLES = {
    "related links": "related-links", "read more link": "related-links",
    "timestamp": "timestamp",
}
#: Rules whose statements are credits rather than clutter.
CREDIT_RULES = frozenset({"reporting credit", "source line", "republication credit"})
#: Names of sharing buttons: three or more in a short statement are a row of buttons.
_NETWORKS = re.compile(r"\b(?:facebook|twitter|whatsapp|linkedin|pinterest|telegram|reddit|"
                       r"xing|tumblr|e-?mail|print|drucken|messenger|bluesky|threads)\b",
                       re.IGNORECASE)


#: Words and marks without which no clutter rule matches a statement of more than a few
#: words: a cheap test before the rules (statements of SHORT words or fewer always go on).
SHORT = 6
_CLUTTER_TRIGGERS = frozenset("""
    inbox ios share tweet pin email e-mail click opens app apps alert alerts notification
    notifications download install thank thanks you're youre twitter facebook whatsapp
    linkedin pinterest telegram instagram reprint reprints copyright copyrighted newsletter
    newsletters subscribe subscribed subscriber subscribers subscribing subscription
    columnist correspondent freelance reporter writer editor donate lesen mehr weitere czytaj
    vea lee leia voir lire leggi zie läs jour aktualisiert veröffentlicht publicado
    actualizado publié opublikowano aggiornato pubblicato quelle fuente fonte źródło
""".split())
_CLUTTER_MARKS = (
    "@", "http", "www.", "©", "(c)", "|", "{", "pic.", "sign up", "signing up", "sign-up",
    "never miss", "already a", "read more", "see also", "also on", "also read", "read also",
    "more:", "watch:", "listen:", "related:", "[related", "keep reading", "continue reading",
    "to read", "to view", "to continue", "by signing", "by clicking", "by subscribing",
    "us at", "us on", "what you think", "hear from", "share your", "letter to the editor",
    "rights reserved", "trust principles", "our standards", "property of", "permission",
    "may not be", "window.", "document.", "function(", "earn a", "receive a", "commission",
    "paid partnership", "affiliate link", "advertis", "contributed reporting",
    "contributed research", "contributed to th", "reporting by", "writing by", "editing by",
    "compiled by", "produced by", "graphics by", "graphic by", "fact-checking by",
    "research by", "this story", "this article", "this report", "this post", "this page",
    "support our", "support independent", "enjoyed this", "liked this", "views expressed",
    "author of", "author's own", "valid e", "source:", "sources:", "interes", "aussi",
    "(left)", "(right)",
)
_CLUTTER_SHAPE = re.compile(
    r".*:\s*\Z|.*\d\s*(?:of|/)|[\[—–-]|(?:first |last )?(?:published|posted|updated|"
    r"modified|last modified|date|dated)\b", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def _may_be_clutter(piece: str) -> bool:
    if len(piece.split()) <= SHORT:
        return True
    low = piece.lower()
    if any(mark in low for mark in _CLUTTER_MARKS) or _CLUTTER_SHAPE.match(piece):
        return True
    return not _CLUTTER_TRIGGERS.isdisjoint(_WORDS.findall(low))


def clutter_role(piece: str) -> tuple[str, str] | None:
    """(role, reason) for a statement that is page clutter wherever it stands."""
    words = len(piece.split())
    if words > 80:
        return None
    if piece.startswith("|"):
        return layout_row(piece)
    if not _may_be_clutter(piece):
        return _furniture(piece) if words <= 8 else None
    if words <= 30 and len(_NETWORKS.findall(piece)) >= 3:
        return "clutter", "sharing buttons"
    name = rules.first_rule(rules.CLUTTER_RULES, piece)
    if name is None and words <= 45:
        name = rules.first_rule(rules.PROMO_RULES, piece)
    if name is None:
        return _marked(piece.strip(), words) or (_furniture(piece) if words <= 8 else None)
    if name in CREDIT_RULES:
        return "credit", name
    return RULE_ROLES.get(name, "clutter"), name


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
#: "aja/PAP", "(dpa/AFP)": the initials of the editors and the agency, as a credit.
_AGENCY_INITIALS = re.compile(r"\(?[a-z]{2,4}(?:/[a-z]{2,4})*/[A-Z][A-Za-z]{1,7}\)?")
_CAPITALS_BYLINE = re.compile(r"By\s+[A-Z][A-Z.&'’ -]{3,}")


def _marked(piece: str, words: int) -> tuple[str, str] | None:
    """Clutter known by a mark rather than by its words, in any language: an e-mail
    address, a bare web address, a © line, an agency's initials, a byline in capitals,
    a title or menu of parts between bars."""
    if words <= 40 and _EMAIL.search(piece):
        return "clutter", "contact address"
    if words <= 12 and _WEB_ADDRESS.search(piece):
        return "clutter", "web address"
    if words <= 25 and "©" in piece:
        return "credit", "copyright or credit line"
    if _AGENCY_INITIALS.fullmatch(piece):
        return "credit", "agency credit"
    if _CAPITALS_BYLINE.fullmatch(piece):
        return "byline", "byline in capitals"
    if words <= 25 and piece.count(" | ") >= 2 and not piece.endswith((".", "?", "!", "”")):
        return "clutter", "title or menu between bars"
    return None


def layout_row(piece: str) -> tuple[str, str] | None:
    """A table row of a page's layout (mostly empty cells) is clutter; a data table's
    row ("| Diesel | 32.2 Mt | 0.1 % |") holds claims."""
    cells = [cell.strip() for cell in piece.strip().strip("|").split("|")]
    empty = sum(not cell for cell in cells)
    return ("clutter", "layout table row") if empty >= 3 and len(cells) - empty <= 1 else None


def _furniture(piece: str) -> tuple[str, str] | None:
    name = rules.first_rule(rules.FURNITURE_RULES, piece.rstrip(".!:"))
    return (RULE_ROLES.get(name, "clutter"), name) if name else None
