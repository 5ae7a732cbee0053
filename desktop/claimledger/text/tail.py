"""Find where a pasted page tail begins by a change of story.

A reader who copies a whole web page gets the article and, under it, other stories: a
wire story from another city, a court case abroad, a promo line. There may be no
"Related" heading at all. What gives them away is that they are about other people,
places and things: a headline-like line (or a new dateline) followed by a lede whose
names and words do not continue the article. A promo box in the middle of an article
("DON'T MISS ...") is followed by more of the same story, so the article's names come
back after it: that is never a tail.
"""

from __future__ import annotations

import re

from claimledger.text import rules

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: A capitalised word after a word or a comma (so not the first word of a sentence).
_NAME = re.compile(r"(?<=[\w,;)] )[A-Z][\w'’-]*")
_TERMINAL_END = re.compile(r"[.!?…:;,][\"'”’»)\]*_]*\Z")
#: Capitalised words that are not names (sentence starters, titles, months, days).
_COMMON = frozenset("""
    the a an this that these those there their they them he she it its we our us i you your
    his her my in on at as after before since although though however meanwhile but and or
    if when where while what who why how many most some several one two three four five
    mr mrs ms dr prof sen rep gov gen st officials police authorities monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july
    august september october november december today yesterday tomorrow also still then now
    for from with by of to not no yes more less new said says according photo image
""".split())
_STOP = frozenset("""
    about above after again against almost along already although always among another
    around because been before being below between both could didn't doesn't during each
    either enough every first from further having here however into itself just later
    least less made make many might more most much must never next often only other others
    over perhaps rather really said same says several should since some still such than
    that their them then there these they thing things this those though three through
    today under until very were what when where whether which while whom whose will with
    within without would years year people percent million billion week weeks month months
""".split())
#: At most this share of the new story's names and words may come from the article.
MAX_NAME_OVERLAP = 0.2
MAX_WORD_OVERLAP = 0.3
#: A story that shares almost none of the article's words may share more of its names:
#: a local paper's other stories are about the same town and its streets.
LOW_WORD_OVERLAP = 0.15
MAX_NAME_OVERLAP_OTHER_WORDS = 0.4
#: Words of the article (before) and of the new lede that make the comparison fair.
MIN_ARTICLE_WORDS = 80
LEDE_WORDS = 120
#: The article's most frequent words, of which a new story brings back at most one.
KEYWORDS = 8
MAX_KEYWORDS_BACK = 1
#: A later paragraph with this share of the article's names means the article is back.
RETURN_NAME_OVERLAP = 0.5


def story_change(
    text: str,
    lines: list[tuple[int, int]],
    start: int | None,
    roles: list[str | None] | None = None,
) -> int | None:
    """The index of the line where other stories begin, or None.

    With ``start`` (the line after a "Related" heading), only that line is tested;
    otherwise every headline-like line or new dateline after the article's opening.
    """
    words = [text[a:b] for a, b in lines]
    if not _english(words):
        return None  # names and common words below are English ones
    before = _Before(words)
    if start is not None:
        return start if _is_new_story(words, start, before.upto(start - 1)) else None
    seen_words = 0
    for index, line in enumerate(words):
        seen_words += len(line.split())
        if index < 3 or seen_words - len(line.split()) < MIN_ARTICLE_WORDS:
            continue
        role = roles[index] if roles is not None else None
        if role not in (None, "heading", "headline") or index + 1 >= len(words):
            continue
        if _headline_like(line) and _is_new_story(words, index + 1, before.upto(index)):
            return index
        if rules.dateline(line.strip()) is not None and _is_new_story(words, index,
                                                                      before.upto(index)):
            return index
    return None


class _Before:
    """The article before a line: its names, content words and word counts, kept up to
    date line by line as the candidates move down (reading the whole article again for
    each candidate took minutes on a long file with many headings). Each is what the
    text of those lines joined by spaces gives."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.end = 0
        self.words = 0
        self.names: set[str] = set()
        self.name_lines: dict[str, int] = {}  # in how many lines each name stands
        self.content: set[str] = set()
        self.counts: dict[str, int] = {}
        self.line_names: dict[int, set[str]] = {}  # each line's own, for _article_returns
        self.line_words: dict[int, set[str]] = {}

    def upto(self, end: int) -> _Before:
        """Take in the lines before `end` (which never moves back)."""
        for index in range(self.end, max(end, self.end)):
            line = self.lines[index]
            joint = self.lines[index - 1][-1:] + " " if index else ""
            self.words += len(line.split())
            line_names = _names(joint + line, skip=len(joint))
            self.names |= line_names
            for name in line_names:
                self.name_lines[name] = self.name_lines.get(name, 0) + 1
            self.content |= _content_words(line)
            for word in _WORD.findall(line):
                lower = _bare(word)
                if len(lower) >= 4 and lower not in _STOP and lower not in _COMMON:
                    self.counts[lower] = self.counts.get(lower, 0) + 1
        self.end = max(end, self.end)
        return self

    def keywords(self) -> set[str]:
        """The article's subject: its most frequent words ("tunnel", "toll", "harbour")."""
        ranked = sorted((count, word) for word, count in self.counts.items() if count >= 2)
        return {word for _count, word in ranked[-KEYWORDS:]}

    def name_overlap(self, names: set[str]) -> float:
        """The share of ``names`` the article has; a name it gives only once (a nearby
        town, a passing mention) counts half, as a new local story often has one."""
        shared = names & self.names
        weight = sum(1.0 if self.name_lines[name] >= 2 else 0.5 for name in shared)
        return weight / len(names) if names else 0.0

    def words_of(self, index: int) -> set[str]:
        if index not in self.line_words:
            self.line_words[index] = _bare_words(self.lines[index])
        return self.line_words[index]

    def names_of(self, index: int) -> set[str]:
        if index not in self.line_names:
            self.line_names[index] = _names(self.lines[index])
        return self.line_names[index]


_FUNCTION_WORDS = frozenset("the and of to in a is that for on was with as said by at".split())


def _english(lines: list[str]) -> bool:
    """Whether the text reads as English (a German text capitalises every noun)."""
    words = [word.lower() for line in lines[:40] for word in line.split()]
    return bool(words) and sum(word in _FUNCTION_WORDS for word in words) / len(words) >= 0.12


def article_returns(text: str, lines: list[tuple[int, int]], heading: int) -> bool:
    """Whether the article comes back after line ``heading``: a long paragraph about its
    people and places, or prose (not teaser headlines) that brings back its subject words
    ("DON'T MISS", three teasers, then the tabloid's short paragraphs go on)."""
    words = [text[a:b] for a, b in lines]
    if _article_returns(words[heading + 1:], _names(" ".join(words[:heading]))):
        return True
    prose = " ".join(line for line in words[heading + 1:] if _is_prose(line))
    return _keywords_back(_Before(words).upto(heading), prose) > MAX_KEYWORDS_BACK


def _is_prose(line: str) -> bool:
    """A sentence of running text, as a teaser headline or a time stamp is not."""
    return len(line.split()) >= 6 and _TERMINAL_END.search(line.strip()) is not None


def _keywords_back(article: _Before, text: str) -> int:
    """How many of the article's subject words come back in the first words of ``text``."""
    return len(article.keywords() & _bare_words(" ".join(text.split()[:LEDE_WORDS])))


def _bare(word: str) -> str:
    """A word in lower case without its possessive ("Hospice's" -> "hospice")."""
    return word.lower().removesuffix("'s").removesuffix("’s")


#: A question headline ("Is it safe to travel to ...?") is at most this long.
QUESTION_HEADLINE_WORDS = 16


def _headline_like(line: str) -> bool:
    stripped = line.strip().strip("*_#").strip()
    count = len(stripped.split())
    if not (2 <= count <= 24 and stripped[:1].isupper()):
        return False
    question = stripped.endswith("?") and count <= QUESTION_HEADLINE_WORDS \
        and not rules.SENTENCE_BREAK.search(stripped) and stripped[:1] not in "\"“'‘"
    return question or not _TERMINAL_END.search(stripped)


def _is_new_story(lines: list[str], start: int, article: _Before) -> bool:
    """The text from ``start`` is about other names and words, to its very end."""
    if article.words < MIN_ARTICLE_WORDS:
        return False
    lede = _lede(lines, start)
    names, content = _names(lede), _content_words(lede)
    if len(names) < 3 or len(lede.split()) < 25 or not content:
        return False
    word_overlap = _share(content, article.content)
    if word_overlap > MAX_WORD_OVERLAP:
        return False
    if article.name_overlap(names) > (MAX_NAME_OVERLAP if word_overlap > LOW_WORD_OVERLAP
                                      else MAX_NAME_OVERLAP_OTHER_WORDS):
        return False
    if _keywords_back(article, lede) > MAX_KEYWORDS_BACK:
        return False  # a new section of the same story: its subject words come back
    keywords = article.keywords()
    return not any(_is_prose_of(lines[index], len(article.names_of(index)))
                   and article.name_overlap(article.names_of(index)) >= RETURN_NAME_OVERLAP
                   or _is_prose(lines[index]) and len(keywords & article.words_of(index)) > 1
                   for index in range(start, len(lines)))


def _bare_words(text: str) -> set[str]:
    return {_bare(word) for word in _WORD.findall(text)}


def _lede(lines: list[str], start: int) -> str:
    taken: list[str] = []
    count = 0
    for line in lines[start:]:
        taken.append(line)
        count += len(line.split())
        if count >= LEDE_WORDS:
            break
    return " ".join(taken)


def _article_returns(rest: list[str], article_names: set[str]) -> bool:
    """A long paragraph further down that is about the article's people again."""
    return any(_is_about(_names(line), line, article_names) for line in rest)


def _is_about(names: set[str], line: str, article_names: set[str]) -> bool:
    return _is_prose_of(line, len(names)) and _share(names, article_names) >= RETURN_NAME_OVERLAP


def _is_prose_of(line: str, names: int) -> bool:
    """A long paragraph with names enough to say whose story it tells."""
    return len(line.split()) >= 15 and _TERMINAL_END.search(line.strip()) is not None \
        and names >= 2


def _names(text: str, skip: int = 0) -> set[str]:
    """Capitalised words inside sentences (not their first word): people and places;
    those from `skip` on (the text before it only shows what precedes the first)."""
    return {
        match.group().removesuffix("'s").removesuffix("’s").lower()
        for match in _NAME.finditer(text, skip)
        if len(match.group()) >= 3 and match.group().lower() not in _COMMON
    }


def _content_words(text: str) -> set[str]:
    return {
        word.lower() for word in _WORD.findall(text)
        if word[0].islower() and len(word) >= 5 and word.lower() not in _STOP
    }


def _share(found: set[str], known: set[str]) -> float:
    return len(found & known) / len(found) if found else 0.0
