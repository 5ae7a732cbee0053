"""A fast rule-based sentence segmenter for news text.

``segment(text)`` returns ``(start, end)`` code-point spans. Every line break ends a
statement (headlines, bylines, bullets and credits sit on lines of their own), so the
text is cut into lines first and each line into sentences.

Inside a line, a *candidate* boundary is a run of terminal punctuation (``.?!…``, also a
spaced ellipsis ". . .") plus any closing quotes or brackets, followed by whitespace.
Each candidate is accepted or refused by looking at the word before it and the word
after it; the rules below are written as small tables so they can be read and tuned.
The design follows the cases of pySBD's "Golden Rules" but shares no code with it
(pySBD is about 15 times slower, which matters when a reviewer drops in a 1 MB file).
"""

from __future__ import annotations

import re

from claimledger.text.rules import DATE_HEADER as _DATE_HEADER

# --- tables -----------------------------------------------------------------------

#: Titles and other abbreviations that always introduce the next word ("Dr. Okafor").
PREPOSITIVE = frozenset("""
    mr mrs ms mx dr prof gov sen rep reps sens gen lt col maj capt cmdr adm sgt cpl pvt
    rev fr hon pres supt det insp atty mt ft st messrs mme mlle mssrs amb ald cllr
    vs v cf viz
""".split())

#: Abbreviations that introduce a number ("No. 3", "p. 55", "Vol. 2").
NUMBER_ABBR = frozenset("""
    no nos nr n° p pp vol vols art arts fig figs ch sec para tel ex rs op ca orig ed eds pg
    pt pts ref refs tab eq
""".split())

#: Abbreviations that may end a sentence; they end it when a capital follows
#: ("... & Co. It closed" but "... & Co. at noon").
POSTPOSITIVE = frozenset("""
    inc corp ltd co jr sr bros llc plc etc al dept univ assn est approx ave blvd rd hwy
    cie sa ag nv bv pty
""".split())

#: Abbreviated US states and Canadian provinces, as a dateline gives them before the
#: outlet ("BROKEN ARROW, Okla. (KTUL) —", "SALEM, Ore. —"): they do not end it there.
STATE_ABBR = frozenset("""
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex vt va wash wis wyo alta sask man ont que
""".split())

#: Words after a company abbreviation that continue its sentence: a legal form
#: ("GmbH & Co. KG") or a title ("CBS Inc. President Jane Roe").
COMPANY_FOLLOWERS = frozenset("""
    kg ag gmbh llc llp lp plc nv bv sa spa oy ab as asa kgaa
    president chairman chairwoman chair chief ceo cfo coo cto executive spokesman spokeswoman
    spokesperson founder director head vice board shareholders unit subsidiary
""".split())

#: Names that end in "!" without ending the sentence ("Yahoo! Research").
EXCLAMATION_NAMES = frozenset({"yahoo", "jeopardy", "yum", "wham", "oklahoma"})

#: Month and weekday abbreviations: they end a sentence only before a sentence starter.
CALENDAR = frozenset("""
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
""".split())

#: Multi-period abbreviations that never end a sentence.
NEVER_FINAL = frozenset({"e.g", "i.e", "cf", "viz", "vs"})

#: Times: "at 5 p.m. Tuesday" continues, "at 6 P.M. Mr. Smith then ..." starts anew.
TIME_ABBR = frozenset({"a.m", "p.m"})
TIME_FOLLOWERS = frozenset("""
    monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow yesterday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    et est edt ct cst cdt mt mst mdt pt pst pdt gmt bst utc cet cest local
""".split())
#: "1:30 p.m. Chicago time": a place and then one of these continue the sentence.
TIME_ZONE_WORDS = frozenset({"time", "local"})
LEADING_TIME_PREPOSITIONS = frozenset(
    "at by from until till after before around about since".split()
)

#: Words that commonly begin an English sentence. After an ambiguous abbreviation
#: ("U.S.", an initial such as "I.", "Jan.") a boundary is accepted only before these.
STARTERS = frozenset("""
    a an the this that these those there their they them he she it its we our us i you your
    his her my me how what why when where who whom whose which while but and or nor so yet
    if in on at as after before since although though however meanwhile still also then now
    many most some several both each every all any no not none one two three four five
    did do does is are was were has have had can could will would should may might must
    to for from with without by of about under over during despite instead only even
    officials police authorities critics analysts residents others another such here
    last next earlier later once because unless until
    more less fewer few millions thousands hundreds billions dozens nearly almost roughly
    just being among between across according
""".split())

#: Speech verbs: "“Is it true?” Nuñez asked." is one sentence.
SPEECH_VERBS = frozenset("""
    said says asked asks added adds replied replies wrote writes told tells shouted
    recalled explained insisted argued noted warned continued answered demanded wondered
""".split())

_OPENERS = "\"'“‘«‹([{¿¡*_"
_CLOSERS = "\"'”’»›)]}"
_TRAILING = ",;:.!?\"'”’»›)]}…"

# --- patterns -----------------------------------------------------------------------

#: A line: any run of characters without a line break (str.splitlines' breaks).
LINE_PATTERN = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
_TERMINAL = re.compile(r"[.?!…‽。．！？]")
_LIST_HINT = re.compile(r"(?<!\S)\(?(?:\d{1,2}|[a-z])(?:\.\)|\)|\.)\s")

#: A candidate boundary: the word it ends (``pre``), the punctuation run (``run``,
#: including a spaced ellipsis ". . ."), closing quotes/brackets (``close``), a
#: footnote mark ("martyr.[1] The", "consultation.11 12 Take"), then whitespace.
_CANDIDATE = re.compile(
    r"(?<!\S)(?P<pre>\S*?)"
    r"(?P<run>[.?!…‽]+(?:[ ]\.(?=[\s\"'”’»›)\]}]|\Z))*|(?:--|—|–)(?=[\"'”’]))"
    r"(?P<close>[\"'”’»›)\]}]*)"
    r"(?P<note>(?:\[\d{1,3}\])+"
    r"|(?:(?<=[^\W\d_][.])|(?<=\)[.]))\d{1,3}(?:[ ]\d{1,3})*(?=[ ]+[A-Z]))?"
    r"(?=\s|\Z)"
)
#: Full-width terminals end a sentence with no space after them.
_WIDE_STOP = re.compile(r"[。．！？]+[”’」』)）]*(?=\S)")
#: Sentences glued together when a page lost a break: "world.Today is", "said.Mr. Lee";
#: not "information.As", "Jane.Doe@example.com", "www.Example.org".
_GLUED = re.compile(
    r"(?<=[a-z\d][a-z\d][.?!])(?=[A-Z][a-z]{2,}\b(?![.@/:][\w])|(?:Mr|Mrs|Ms|Dr)\.\s)"
)
_WIDE_HINT = re.compile(r"[。．！？]")
_GLUED_HINT = re.compile(r"[a-z\d][.?!][A-Z]")
_URL_OR_ADDRESS = re.compile(r"\S*(?:://|www\.|@)\S*$")
_NEXT = re.compile(r"\s*(\S+)(?:\s+(\S+))?(?:\s+(\S+))?(?:\s+(\S+))?")
_ALPHA_PREFIX = re.compile(r"[^\W\d_]+")
_ALNUM = re.compile(r"[^\W_]")
_MULTI_PERIOD = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_LIST_MARKER = re.compile(r"[•⁃▪◦‣·*\-–]?\s*\(?(?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,5}|N°)[.)]+")
_BULLET_CHARS = "•⁃▪◦‣"
_DASHES = frozenset({"-", "--", "—", "–", "---"})

#: Quotations and brackets closed on the same line: a sentence end inside one (other
#: than just before its closing mark) does not end the sentence around it, as in
#: "(Name/U.S. Agency via Getty Images)" or "“Oh dear! I shall be late!” it said."
_REGIONS = (
    ("“", re.compile(r"“[^“”\n]{1,1000}”")),
    ("«", re.compile(r"«[^«»\n]{1,1000}»")),
    ("‘", re.compile(r"(?<![^\s(\[])‘(?:[^’\n]|’(?=[^\W\d_])){1,1000}’")),
    ("'", re.compile(r"(?<!\S)'(?:[^'\n]|'(?=[^\W\d_])){1,1000}'(?![^\W\d_])")),
    ("(", re.compile(r"\([^()\n]{1,400}\)")),
    ("[", re.compile(r"\[[^\[\]\n]{1,400}\]")),
)
_STRAIGHT_QUOTES = re.compile(r'"[^"\n]{1,1000}"')
_REGION_CHARS = re.compile(r"[“«‘'(\[\"]")


def segment(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)``.

    Spans are sorted, do not overlap, hold no leading or trailing whitespace, and
    together cover every non-whitespace character of ``text``.
    """
    spans: list[tuple[int, int]] = []
    for line in LINE_PATTERN.finditer(text):
        start, end = line.span()
        if not _TERMINAL.search(text, start, end) and not _LIST_HINT.search(text, start, end) \
                and not _starts_with_bullet(text, start, end) \
                and not _DATE_HEADER.match(text, start):
            _add_trimmed(text, start, end, spans)
            continue
        regions = _regions(text, start, end)
        parts = _list_parts(text, start, end) if _LIST_HINT.search(text, start, end) \
            or _starts_with_bullet(text, start, end) else [(start, end)]
        for part_start, part_end in parts:
            for piece_start, piece_end in _wide_stops(text, part_start, part_end):
                _segment_part(text, piece_start, piece_end, regions, spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.lstrip()
    if not stripped:
        return
    first = start + len(piece) - len(stripped)
    spans.append((first, first + len(stripped.rstrip())))


def _regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(opening mark, closing mark) offsets of the quotations and brackets of a line."""
    if not _REGION_CHARS.search(text, start, end):
        return []
    found = [m.span() for mark, pattern in _REGIONS if text.find(mark, start, end) >= 0
             for m in pattern.finditer(text, start, end)]
    if text.count('"', start, end) % 2 == 0:  # an odd count: inch marks, a stray quote
        found += [m.span() for m in _STRAIGHT_QUOTES.finditer(text, start, end)]
    return [(a, b - 1) for a, b in found]


def _protected(match: re.Match[str], regions: list[tuple[int, int]]) -> bool:
    """Whether a candidate lies inside a quotation or bracket that goes on after it."""
    run, after = match.start("run"), match.end("close")
    return any(opening < run and after <= closing for opening, closing in regions)


def _wide_stops(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut after full-width terminals ("period．Does"), which need no space after them,
    between sentences glued together ("world.Today"), and after an inline date header
    ("date 2019-11-04 The council ...")."""
    cuts = [m.end() for m in _WIDE_STOP.finditer(text, start, end)] \
        if _WIDE_HINT.search(text, start, end) else []
    header = _DATE_HEADER.match(text, start + len(text[start:end]) - len(text[start:end].lstrip()))
    if header is not None and header.end() < end:
        cuts.append(header.end())
    glued_here = _GLUED_HINT.search(text, start, end) is not None
    for glued in _GLUED.finditer(text, start, end) if glued_here else ():
        word_start = text.rfind(" ", start, glued.start()) + 1
        if not _URL_OR_ADDRESS.match(text, word_start, glued.start()):
            cuts.append(glued.start())
    return _parts(start, end, sorted(cuts))


def _segment_part(
    text: str, start: int, end: int, regions: list[tuple[int, int]],
    spans: list[tuple[int, int]],
) -> None:
    """Sentences of one line (or one list item of a run-in list)."""
    sentence_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        if match.start("run") < sentence_start or _protected(match, regions):
            continue
        for cut in _decide(text, match, sentence_start, end, regions):
            _add_trimmed(text, sentence_start, cut, spans)
            sentence_start = cut
    _add_trimmed(text, sentence_start, end, spans)


# --- run-in lists ("1.) The first item 2.) The second item", "(a) ... (b) ...") -------------

#: A list marker: "1.", "2.)", "3)", "a.", "(b)".
_MARKER = re.compile(
    r"(?<!\S)(?P<bullet>[•⁃▪◦‣]\s?)?(?P<open>\(?)(?P<label>\d{1,2}|[a-z])"
    r"(?P<style>\.\)|\)|\.)(?=\s)"
)
_SENTENCE_END_BEFORE = re.compile(r"(?:^|[.?!:;…][\"'”’)\]]*)\s*\Z")


def _starts_with_bullet(text: str, start: int, end: int) -> bool:
    head = text[start:min(end, start + 16)].lstrip()
    return bool(head) and head[0] in _BULLET_CHARS


def _list_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a line before each item of a run-in list ("•", "1. … 2. …", "(a) … (b) …")."""
    line = text[start:end]
    stripped = line.lstrip()
    if not stripped:
        return [(start, end)]
    offset = start + len(line) - len(stripped)
    if stripped[0] in _BULLET_CHARS:
        marker = stripped[0]
        cuts = [m.start() + offset for m in re.finditer(r"(?<=\s)" + re.escape(marker), stripped)]
        return _parts(start, end, cuts)
    return _parts(start, end, _chain_cuts(text, start, end))


def _chain_cuts(text: str, start: int, end: int) -> list[int]:
    """Starts of list items: two or more markers counting up in one style (1. 2. 3. or
    a) b) c)). A chain of "1." or "a." markers must begin a sentence ("for 1. above")."""
    markers = list(_MARKER.finditer(text, start, end))
    cuts: list[int] = []
    index, list_ended_at = 0, -1
    while index < len(markers):
        chain = [markers[index]]
        for later in markers[index + 1:]:
            if _follows(chain[-1], later):
                chain.append(later)
        first = chain[0]
        starts_sentence = (
            first["style"] != "."
            or first["bullet"]
            or (index == list_ended_at and first["label"] in {"1", "a"})
            or _SENTENCE_END_BEFORE.search(text[max(start, first.start() - 8):first.start()])
            is not None
        )
        if len(chain) >= 2 and starts_sentence:
            cuts += [m.start() for m in chain if m.start() > start]
            index = list_ended_at = markers.index(chain[-1]) + 1
        else:
            index += 1
    return sorted(set(cuts))


def _follows(previous: re.Match[str], later: re.Match[str]) -> bool:
    if (later["open"], later["style"]) != (previous["open"], previous["style"]):
        return False
    a, b = previous["label"], later["label"]
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    return a.isalpha() and b.isalpha() and ord(b) == ord(a) + 1


def _parts(start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    bounds = [start, *cuts, end]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b]


# --- the decision -------------------------------------------------------------------------


def _decide(
    text: str, match: re.Match[str], sentence_start: int, end: int,
    regions: list[tuple[int, int]],
) -> tuple[int, ...]:
    """Where the sentence ends for this candidate (one or two cuts), or () to keep going."""
    after = _NEXT.match(text, match.end(), end)
    if after is None:
        return _bare_dots(text, match, sentence_start) or (match.end(),)
    following = [w for w in after.groups() if w]
    if not _ALNUM.search(text, match.end(), end):
        return ()  # "! ! !", "Fig. ??": nothing but punctuation follows
    first = following[0].lstrip(_OPENERS)
    if not first:
        return (match.end(),)
    initial = first[0]
    run, pre = match.group("run"), match.group("pre")
    if initial.islower():
        return ()
    if match.group("note"):
        return (match.end(),)
    if run[0] in "-—–":  # an interrupted quotation: "If you please, sir--" The Rabbit ...
        return () if _is_attribution(match.group("close"), following) else (match.end(),)
    if following[0] in _DASHES and len(following) > 1 and following[1][:1].islower():
        return ()  # "and -- voila! -- you have cake"
    if "?" in run or "!" in run or "‽" in run:
        return () if _continues_after_mark(text, match, pre, following, regions) \
            else (match.end(),)
    so_far = text[sentence_start:match.end()].strip()
    if _LIST_MARKER.fullmatch(so_far):
        return ()
    if run == ".":
        word = pre.lstrip(_OPENERS).rsplit("/", 1)[-1]
        return (match.end(),) if _period_ends(word, following, so_far) else ()
    return _bare_dots(text, match, sentence_start) or _ellipsis_cut(match, first)


def _continues_after_mark(
    text: str, match: re.Match[str], pre: str, following: list[str],
    regions: list[tuple[int, int]],
) -> bool:
    """After "?" or "!": "“Is it true?” Nuñez asked.", "Yahoo! Research", "think!' (aside)"."""
    close = match.group("close")
    if following[0][:1] in "\"“«‘" or (following[0][:1] == "'" and close):
        return False  # a new quotation begins
    if _bare(pre.lstrip(_OPENERS)) in EXCLAMATION_NAMES and "!" in match.group("run"):
        return True
    if close and following[0].startswith("(") and not _quote_after_aside(text, match, regions):
        return True
    return _is_attribution(close, following)


def _quote_after_aside(text: str, match: re.Match[str], regions: list[tuple[int, int]]) -> bool:
    """'…think!" (Dinah was the cat.) "I hope…': the aside stands between two quotations."""
    opening = text.find("(", match.end())
    for start, closing in regions:
        if start == opening:
            rest = text[closing + 1:closing + 3].lstrip()
            return bool(rest) and rest[0] in "\"“‘'"
    return False


def _bare_dots(text: str, match: re.Match[str], sentence_start: int) -> tuple[int, ...]:
    """A run of dots standing alone: "reste .. Logiquement" -> "reste ." | "." | "Logi…"."""
    run = match.group("run")
    if match.group("pre") or match.group("close") or set(run) != {"."} or len(run) == 3:
        return ()
    after = _NEXT.match(text, match.end())
    next_word = after.group(1).lstrip(_OPENERS) if after else ""
    ends = not next_word or next_word[:1].isupper()
    if len(run) == 1 or not ends:
        return ()
    starts_sentence = not text[sentence_start:match.start()].strip()
    if starts_sentence:
        return (match.end(),)
    return (match.start("run") + 1, match.end())


def _is_attribution(close: str, following: list[str]) -> bool:
    """“Is it true?” Nuñez asked. -- a quotation followed by who said it."""
    if not any(q in close for q in "\"'”’»›"):
        return False
    for word in following[1:]:
        bare = word.strip(_TRAILING).lower()
        if bare in SPEECH_VERBS:
            return True
        if not word[:1].isupper():
            return False
    return False


def _ellipsis_cut(match: re.Match[str], first: str) -> tuple[int, ...]:
    """Ellipses: ". . ." mid-sentence stays; "word. . . ." ends after the first period."""
    run, pre = match.group("run"), match.group("pre")
    dots = run.count(".") + 3 * run.count("…")
    if pre.endswith("["):
        return ()  # "[...]": an elision inside a quotation
    if not pre:
        if dots == 3 and not run.startswith(". ."):
            return (match.end(),)  # "reste ... Logiquement"
        return (match.end(),) if dots >= 4 else ()
    if run.startswith(". ."):
        return (match.start("run") + 1,)
    return (match.end(),)


def _period_ends(word: str, following: list[str], so_far: str) -> bool:
    """Whether a single period after ``word`` ends the sentence before ``following``.

    ``following[0]`` starts with a capital, a digit or another non-lowercase character.
    """
    lower = word.lower()
    next_word = following[0]
    if lower in PREPOSITIVE:
        return False
    if next_word[0].isdigit():
        return not (lower in NUMBER_ABBR or _is_abbreviation(word))
    if lower in STATE_ABBR and (next_word.startswith("(") or next_word in _DASHES) \
            and so_far.partition(",")[0].isupper():
        return False  # a dateline: "BROKEN ARROW, Okla. (KTUL) — Police ..."
    if lower in NEVER_FINAL or _bare(next_word) in POSTPOSITIVE:
        return False  # "e.g. Reuters"; "Steel Co. Ltd."
    starter = _starter(next_word)
    if lower in TIME_ABBR:
        return _time_ends(so_far, following)
    if lower in POSTPOSITIVE:
        return not (next_word.startswith("(") or _bare(next_word) in COMPANY_FOLLOWERS)
    if len(word) == 1 and word.isalpha():
        return word == "I" and starter  # "you and I. Did" but "in X. If X", "Albert I. Jones"
    if _MULTI_PERIOD.fullmatch(word):
        return starter  # "the U.S. How ..." vs "the U.S. Government"
    if lower in CALENDAR:
        return starter
    return True


def _is_abbreviation(word: str) -> bool:
    lower = word.lower()
    return (
        len(word) == 1
        or lower in POSTPOSITIVE
        or lower in CALENDAR
        or bool(_MULTI_PERIOD.fullmatch(word))
    )


def _bare(word: str) -> str:
    return word.strip(_OPENERS).rstrip(_TRAILING).lower()


def _starter(word: str) -> bool:
    prefix = _ALPHA_PREFIX.match(word.lstrip(_OPENERS))
    return prefix is not None and prefix.group().lower() in STARTERS


def _time_ends(so_far: str, following: list[str]) -> bool:
    """"At 5 a.m. Mr. Smith went ..." goes on; "... at 6 P.M. Mr. Smith then ..." ends;
    "1:30 p.m. Chicago time" goes on."""
    prefix = _ALPHA_PREFIX.match(following[0])
    if prefix is not None and prefix.group().lower() in TIME_FOLLOWERS:
        return False
    if len(following) > 1 and _bare(following[1]) in TIME_ZONE_WORDS:
        return False
    words = so_far.split()
    leading = len(words) <= 4 and words[0].lower().strip(_OPENERS) in LEADING_TIME_PREPOSITIONS
    return not leading
