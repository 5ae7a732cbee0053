"""The same claim in several articles: lexical paraphrase matching, incremental.

Pure Python and no model (wordfreq's English word frequencies are its one data). A claim
is normalised (lowercase, numbers
written one way: "one million" = "1,000,000" = "1000000", "3.5%" = "3.5 percent"),
reduced to content tokens with a light stemmer and one word for each predicate said in
other words (SYNONYMS: goal/target, deport/remove), and compared with two measures:

* a weighted token Dice score (figures count double: they carry the claim; a word weighs
  by its rarity in English, from wordfreq's English list), and
* a character-trigram Dice score on the normalised text (catches "flooded"/"flooding").

What a fact-checker looks at then moves the score: the same figure of the same counted
thing (numbers.py's families: "1 million deportations a year" = "remove one million
people each year") said with the same predicate (PREDICATES) is very likely one claim,
whoever says it; two claims that state different figures are not the same claim
("31,000 vehicles" vs "13,000 vehicles"), nor the same figure per another period, nor
two claims about different states, so these cap the score below the link threshold,
though it may still be *suggested* (and then checked for a clash of numbers). ``explain``
says why two claims match. Two thresholds, as Meedan Check uses them: at or above ``LINK`` two
claims are linked, at or above ``SUGGEST`` the link is offered to the reviewer.

``MatchIndex`` keeps an inverted index from tokens to claims. Adding an article looks
up only its claims' rarer tokens (and figures), so an import compares the new article
with a few candidates, never with every stored claim. The limits are fixed, not a share
of the index: a token in more than DF_CUTOFF articles is not looked up, and at most
POSTING_CAP postings (the newest) are read per token, so what an import reads does not
grow with the workspace.
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TypeVar

from claimledger.text.numbers import (
    NUMBER,
    Quantity,
    extract_numbers,
    group_key,
    is_not_a_quantity,
    number_value,
    us_states,
)
from claimledger.text.rules import dateline

#: Link two claims at or above this similarity.
LINK = 0.72
#: Offer a link to the reviewer at or above this similarity.
SUGGEST = 0.5
#: Highest similarity two claims with clashing figures can reach (suggest, never link).
NUMBER_CLASH_CAP = 0.64

STOPWORDS = frozenset("""
    a an the of in on at to for from by with and or but than as that which who whom whose
    it its this these those there their they them he she his her we our us you your i me my
    was were is are be been being has have had do does did will would could should may might
    must can shall not no nor so if then also just only very such into onto over under about
    after before since until while during between through per each every some any all both
    more most less least other another own same up down out off again further once here
    when where why how what said says say told according percent
""".split())

_YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")
_APOSTROPHE = re.compile(r"['’]s\b")
_NON_WORD = re.compile(r"[^\w\s.]|_")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")
_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly")


def _number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.6g}"


_ATTRIBUTION_TAIL = re.compile(
    r",?\s+(?:according to [^,;]{2,80}|(?:the |a |an )?[^,;\"“”]{2,60}? (?:said|says|say|"
    r"show|shows|showed|found|estimate|estimates|reported)(?: on \w+| in a statement| last "
    r"\w+)?)\s*[.!]?[\"”’]?\Z")
_ATTRIBUTION_HEAD = re.compile(r"\A(?:according to [^,;]{2,80}|[^,;\"“”]{2,60}? "
                               r"(?:said|says|told \w+)(?: on \w+)?(?: that)?),?\s+")


def claim_core(text: str) -> str:
    """The claim without its dateline and its attribution: what two outlets share.

    "PORT AVERILL, June 8 (Wire) - The toll ..., the council said." -> "The toll ...".
    """
    head = dateline(text)
    if head is not None:
        text = text[head.end():].lstrip()
    core = _ATTRIBUTION_TAIL.sub("", text)
    core = _ATTRIBUTION_HEAD.sub("", core)
    return core if len(core.split()) >= 4 else text


def normalise_for_matching(text: str) -> str:
    """Lowercase words and numbers written one way; punctuation removed.

    "One million people", "1,000,000 people" -> "1000000 people"; "3.5%" -> "3.5 percent".
    """
    out: list[str] = []
    position = 0
    for match in NUMBER.finditer(text):
        if match["frac"] is None and match["digits"] is None and match["words"] is None:
            continue
        value, _step = number_value(match) if not is_not_a_quantity(text, match) else (None, 0.0)
        if value is None:
            continue  # a year, a date, a time: kept as written
        start = next(match.start(g) for g in ("cur", "frac", "digits", "words") if match[g])
        out.append(text[position:start])
        piece = _number_text(value)
        if match["cur"]:
            piece = "usd " + piece if "$" in match["cur"] else "currency " + piece
        pct = (match["pct"] or "").strip().lower()
        if pct in {"%", "percent", "per cent"}:
            piece += " percent"
        elif pct:
            piece += " " + pct
        out.append(f" {piece} ")
        position = match.end()
    out.append(text[position:])
    joined = _APOSTROPHE.sub("", "".join(out).lower())
    joined = _NON_WORD.sub(" ", joined)
    joined = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", joined)
    return " ".join(joined.split())


def _stem(word: str) -> str:
    if word[0].isdigit():
        return word
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True, slots=True)
class _Features:
    weights: dict[str, float]
    total: float
    grams: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]
    #: The whole statement, whose figures (``_figures``) are read only for a pair that
    #: shares a number.
    text: str = ""
    #: The US states it names: claims about different states are not one claim.
    places: frozenset[str] = frozenset()


_NAME = re.compile(r"(?<![.!?:\"“‘] )(?<!\A)\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\b")
_NAME_STOP = frozenset("""
    the a an it in on at he she they we his her their this that these those but and or
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december mr mrs ms dr gov sen rep
""".split())


def _names(text: str) -> frozenset[str]:
    """Capitalised words inside a sentence (people, places, bodies), lowercased."""
    out = set()
    for match in _NAME.finditer(text):
        if match.start() == 0 or text[:match.start()].rstrip()[-1:] in {".", "!", "?"}:
            continue
        word = match.group().lower()
        if word not in _NAME_STOP:
            out.add(_stem(_APOSTROPHE.sub("", word)))
    return frozenset(out)


#: The same predicate in other words: stems that say one thing, by the one kept.
SYNONYMS = {
    "goal": "target", "aim": "target", "objective": "target", "quota": "target",
    "deport": "remov", "deportee": "remov", "removal": "remov", "remove": "remov",
    "expel": "remov", "expell": "remov", "expulsion": "remov",
    "annual": "year", "yearly": "year",
    "pledg": "promis", "promise": "promis", "vow": "promis",
    "rais": "increas", "boost": "increas", "hik": "increas",
    "reduc": "cut", "slash": "cut", "lower": "cut",
    "kill": "death", "dead": "death", "die": "death", "fatalitie": "death",
    "job": "employ", "employment": "employ",
    "lawmaker": "legislator", "congressman": "legislator",
    "report": "record", "count": "record", "regist": "record",
    "burn": "destroy", "burnt": "destroy", "gutt": "destroy",
}
#: What a claim says of its figure (after SYNONYMS): two claims giving the same figure
#: of the same counted thing with the same one of these are very likely one claim.
PREDICATES = frozenset("""
    target promis increas cut estimat forecast budget cost spend record ban plan
    propos require pay paid owe fine destroy
""".split())
#: Words at least this common (Zipf scale: log10 of uses per billion words, 7 for "the")
#: are weighed by how common they are; rarer ones all weigh the most.
COMMON_ZIPF = 3.5
#: Zipf frequency of words rarer than that.
RARE_ZIPF = 2.5


@cache
def _zipf() -> dict[str, float]:
    """Stem -> Zipf frequency, from wordfreq's English list (read once, about 0.3 s, on
    the worker that first matches). Without wordfreq's data every word weighs alike."""
    try:
        import wordfreq

        found = wordfreq.get_frequency_dict("en", wordlist="best")
    except Exception:  # noqa: BLE001 - a build without wordfreq's data still matches
        return {}
    least = 10 ** (COMMON_ZIPF - 9)
    out: dict[str, float] = {}
    for word, frequency in found.items():
        if frequency < least or len(word) < 3 or not word.isalpha() or not word.isascii():
            continue
        zipf = wordfreq.zipf_frequency(word, "en")
        if zipf >= COMMON_ZIPF:
            stem = _stem(word)
            out[stem] = max(out.get(stem, 0.0), round(zipf, 1))
    return out


def word_weight(stem: str) -> float:
    """A word's weight by its rarity in English: 0.4 for "year", 1.0 for "target",
    1.4 for "deport" and anything rarer."""
    zipf = _zipf().get(stem, RARE_ZIPF)
    return round(min(1.4, max(0.4, (7.0 - zipf) / 2.5)), 2)


def _features(text: str) -> _Features:
    whole, text = text, claim_core(text)
    normal = normalise_for_matching(text)
    names = _names(text)
    weights: dict[str, float] = {}
    numbers: set[str] = set()
    for token in _TOKEN.findall(normal):
        if token in STOPWORDS or (len(token) < 3 and not token[0].isdigit()):
            continue
        if _YEAR.fullmatch(token):
            weights[token] = 1.0  # a year dates the claim; it is not its figure
        elif token[0].isdigit():
            numbers.add(token)
            weights[token] = 2.0
        else:
            stem = _stem(token)
            stem = SYNONYMS.get(stem, stem)
            weights.setdefault(stem, 1.5 if stem in names else word_weight(stem))
    squeezed = " ".join(t for t in normal.split() if t not in STOPWORDS)
    grams = frozenset(squeezed[i:i + 3] for i in range(max(0, len(squeezed) - 2)))
    return _Features(weights, sum(weights.values()), grams, frozenset(numbers), names,
                     whole, us_states(whole))


@lru_cache(maxsize=8192)
def _figures(text: str) -> frozenset[str]:
    """"1000000 removal per year": each figure with the family of what it counts (of the
    whole statement, whose figures the analysis has read already)."""
    return frozenset(f"{_number_text(q.value)} {q.family}" for q in extract_numbers(text)
                     if q.family)


def _similarity(a: _Features, b: _Features, floor: float = 0.0) -> float:
    """Similarity of two claims; 0.0 early when it cannot reach ``floor``."""
    if not a.total or not b.total:
        return 0.0
    small, large = (a.weights, b.weights) if len(a.weights) <= len(b.weights) else \
        (b.weights, a.weights)
    shared = sum(weight for token, weight in small.items() if token in large)
    dice = 2 * shared / (a.total + b.total)
    containment = shared / min(a.total, b.total)
    words = 0.35 * dice + 0.3 * containment
    if floor and words + 0.35 < floor:
        return 0.0  # cannot reach the floor even with every trigram shared
    grams = (2 * len(a.grams & b.grams) / (len(a.grams) + len(b.grams))
             if a.grams and b.grams else 0.0)
    score = words + 0.35 * grams
    same_numbers = bool(a.numbers & b.numbers)
    same_figures = same_numbers and bool(_figures(a.text) & _figures(b.text))
    said_alike = same_figures and bool(_predicates(a) & _predicates(b))
    if said_alike:  # the same figure of the same thing, said the same way, by whoever
        score += 0.6 * (1 - score)
    elif a.numbers and (a.numbers <= b.numbers or b.numbers <= a.numbers) and \
            containment >= 0.5:
        score += 0.25 * (1 - score)  # the same figures, said of mostly the same words
    if a.numbers and b.numbers and not (a.numbers <= b.numbers or b.numbers <= a.numbers):
        # different figures: perhaps the same claim with a clashing number, never a link
        score = min(score, NUMBER_CLASH_CAP if a.numbers & b.numbers else NUMBER_CLASH_CAP - 0.05)
    if same_numbers and not same_figures and _other_rate(_figures(a.text), _figures(b.text)):
        score = min(score, NUMBER_CLASH_CAP)  # the same figure a year and a month
    if a.places and b.places and not a.places & b.places:
        score = min(score, NUMBER_CLASH_CAP)  # about different places
    if a.names and b.names and not a.names & b.names and not said_alike:
        score = min(score, NUMBER_CLASH_CAP)  # about different people or places
    return round(min(1.0, score), 4)


def _other_rate(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether a figure of one claim is in the other per another period."""
    rates_a = {f.partition(" per ")[0]: f for f in a if " per " in f}
    return any(f.partition(" per ")[0] in rates_a for f in b if " per " in f)


def _predicates(features: _Features) -> set[str]:
    return PREDICATES.intersection(features.weights)


def explain(a: str, b: str) -> str:
    """Why two claims match, in a fact-checker's terms: the same figure of the same
    counted thing, the same predicate in other words, the same names, the rarest words
    both use ("the same figure (1,000,000 removals per year); the same predicate
    (target/goal); shared words: deport")."""
    fa, fb = _features(a), _features(b)
    parts = []
    figures = sorted(_figures(a) & _figures(b))
    if figures:
        parts.append("the same figure (" + ", ".join(_figure_words(f) for f in figures) + ")")
    predicates = sorted(_predicates(fa) & _predicates(fb))
    if predicates:
        parts.append("the same predicate (" + ", ".join(_PREDICATE_WORDS.get(p, p)
                                                        for p in predicates) + ")")
    names = sorted(fa.names & fb.names)
    if names:
        written = _surface(a)
        parts.append("the same names (" + ", ".join(written.get(n, n) for n in names) + ")")
    said = set(predicates) | set(names)
    said.update(t for t in fa.numbers if any(f.startswith(t + " ") for f in figures))
    words = sorted((t for t in fa.weights if t in fb.weights and t not in said),
                   key=lambda t: (-fa.weights[t], t))[:4]
    if words:
        written = _surface(a)
        parts.append("shared words: " + ", ".join(written.get(t, t) for t in words))
    return "; ".join(parts) or "similar wording"


def _surface(text: str) -> dict[str, str]:
    """Each token of a claim (a stem, a figure) as the claim writes it."""
    out: dict[str, str] = {}
    for match in NUMBER.finditer(text):
        if match["digits"] or match["words"]:
            value, _step = number_value(match)
            if value is not None:
                out.setdefault(_number_text(value), match.group().strip())
    for word in re.findall(r"[^\W\d_]+", _APOSTROPHE.sub("", claim_core(text))):
        stem = _stem(word.lower())
        out.setdefault(SYNONYMS.get(stem, stem), word)
    return out


_PREDICATE_WORDS = {"target": "target/goal", "promis": "promise/pledge",
                    "increas": "increase/raise", "cut": "cut/reduce", "record": "recorded/reported",
                    "destroy": "destroyed/burned", "paid": "paid", "estimat": "estimate"}


def _figure_words(figure: str) -> str:
    value, _space, family = figure.partition(" ")
    number = float(value)
    written = f"{number:,.0f}" if number == int(number) else f"{number:,}"
    return f"{written} {family.replace('removal', 'removals')}".strip()


def similarity(a: str, b: str) -> float:
    """How alike two claims are, from 0 (nothing shared) to 1 (the same words)."""
    return _similarity(_features(a), _features(b))


# --- for an index kept elsewhere (the workspace keeps its postings in SQLite) -----------

#: What ``claim_features`` returns: opaque, compared with ``score``.
Features = _Features
#: Tokens looked up per claim (its rarest ones, plus every figure).
RARE_TOKENS = 6
#: Candidates scored per claim, those sharing most weight first.
MAX_CANDIDATES = 16
#: Weight of looked-up tokens a candidate must share (a figure counts 2, a word 1).
MIN_SHARED = 2.0

_K = TypeVar("_K")


def claim_features(text: str) -> Features:
    """A claim's matching features: its weighted tokens (``features.weights``), figures,
    names and trigrams. Compute once per claim, compare many times with ``score``."""
    return _features(text)


def score(a: Features, b: Features, floor: float = 0.0) -> float:
    """``similarity`` of two claims' features; 0.0 early when it cannot reach ``floor``."""
    return _similarity(a, b, floor)


#: A token found in more articles than this is too common to point at a paraphrase.
DF_CUTOFF = 250
#: Postings read per looked-up token, newest first.
POSTING_CAP = 250
#: Claims of other articles read per group of figures when looking for clashes.
CLASH_CAP = 16


def token_key(token: str) -> int:
    """A token as the stored index keeps it: a signed 32-bit CRC (four bytes, not a
    string). Two tokens that collide only share a posting; candidates are then scored on
    their own text, so a collision can add a candidate but never a match."""
    key = zlib.crc32(token.encode("utf-8"))
    return key - (1 << 32) if key >= 1 << 31 else key


def lookup_tokens(features: Features, posting_sizes: Mapping[str, int],
                  limit: int | None = DF_CUTOFF) -> list[str]:
    """The tokens of a claim worth looking up in an inverted index.

    ``posting_sizes`` says how many indexed articles (or claims) carry each token (a
    token missing or at 0 is in no posting). The claim's figures and its rarest words
    are chosen, then those more common than ``limit`` are dropped.
    """
    ranked = sorted(
        (token for token in features.weights if posting_sizes.get(token, 0) > 0),
        key=lambda token: (not token[0].isdigit(), posting_sizes[token]),
    )
    lookup = [t for t in ranked if t[0].isdigit()][:RARE_TOKENS]
    lookup += [t for t in ranked if not t[0].isdigit()][:RARE_TOKENS]
    if limit is None:
        return lookup
    return [t for t in lookup if posting_sizes[t] <= limit]


def best_candidates(shared: Mapping[_K, float]) -> list[_K]:
    """The candidates worth scoring, given the looked-up weight each one shares: at most
    MAX_CANDIDATES, most shared first, none sharing less than MIN_SHARED."""
    ranked = Counter(shared).most_common(MAX_CANDIDATES)
    return [key for key, weight in ranked if weight >= MIN_SHARED]


def clash_keys(quantities: Iterable[Quantity]) -> frozenset[str]:
    """Keys of the groups ``find_clashes`` compares figures in (the family of what they
    count and their period), as strings starting with "#", so an index can find every
    stored claim whose figures could clash with these."""
    keys = set()
    for quantity in quantities:
        key = group_key(quantity)
        if key is not None:
            keys.add(f"#{key[0]}|{key[1]}")
    return frozenset(keys)


@dataclass(frozen=True)
class Match:
    claim_id: str
    other_article_id: str
    other_claim_id: str
    similarity: float
    linked: bool


@dataclass(slots=True)
class _Claim:
    article_id: str
    claim_id: str
    features: _Features


class MatchIndex:
    """Claims of many articles, with the matches between articles kept up to date.

    ``add`` compares the new article's claims with candidates found through the inverted
    index (claims that share one of its rarer tokens or a figure) and records matches
    both ways; ``remove`` forgets an article and its matches.
    """

    RARE_TOKENS = RARE_TOKENS
    MAX_CANDIDATES = MAX_CANDIDATES
    MIN_SHARED = MIN_SHARED

    def __init__(self) -> None:
        self._claims: dict[str, list[_Claim]] = {}
        self._postings: dict[str, set[int]] = defaultdict(set)
        self._store: dict[int, _Claim] = {}
        self._next = 0
        self._keys: dict[str, list[int]] = {}
        self._matches: dict[str, dict[tuple[str, str, str], Match]] = defaultdict(dict)

    def __len__(self) -> int:
        return len(self._claims)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._claims

    def add(self, article_id: str, claims: Sequence[tuple[str, str]]) -> list[Match]:
        """Index an article's (claim_id, text) claims; return its matches (replaces any)."""
        if article_id in self._claims:
            self.remove(article_id)
        entries = [_Claim(article_id, claim_id, _features(text)) for claim_id, text in claims]
        for entry in entries:
            for score, other in self._candidates_for(entry):
                self._record(entry, other, score)
        keys: list[int] = []
        for entry in entries:
            key = self._next
            self._next += 1
            self._store[key] = entry
            keys.append(key)
            for token in entry.features.weights:
                self._postings[token].add(key)
        self._keys[article_id] = keys
        self._claims[article_id] = entries
        return self.matches_for(article_id)

    def remove(self, article_id: str) -> None:
        """Forget an article: its claims, postings and every match that involves it."""
        for key in self._keys.pop(article_id, []):
            entry = self._store.pop(key)
            for token in entry.features.weights:
                posting = self._postings.get(token)
                if posting is not None:
                    posting.discard(key)
                    if not posting:
                        del self._postings[token]
        self._claims.pop(article_id, None)
        mine = self._matches.pop(article_id, {})
        for match in mine.values():
            theirs = self._matches.get(match.other_article_id)
            if theirs is None:
                continue
            for key in [k for k, m in theirs.items() if m.other_article_id == article_id]:
                del theirs[key]

    def matches_for(self, article_id: str) -> list[Match]:
        """Matches of the article's claims in other articles, best first."""
        found = self._matches.get(article_id, {})
        return sorted(found.values(), key=lambda m: (-m.similarity, m.claim_id,
                                                     m.other_article_id, m.other_claim_id))

    def query(self, text: str) -> list[tuple[str, str, float]]:
        """(article_id, claim_id, similarity) of stored claims alike ``text``, best first."""
        entry = _Claim("", "", _features(text))
        found = [(other.article_id, other.claim_id, score)
                 for score, other in self._candidates_for(entry)]
        return sorted(found, key=lambda item: -item[2])

    # --- internals ---------------------------------------------------------------

    def _candidates_for(self, entry: _Claim) -> Iterable[tuple[float, _Claim]]:
        weights = entry.features.weights
        if not weights:
            return []
        sizes = {token: len(self._postings[token]) for token in weights
                 if token in self._postings}
        shared: Counter[int] = Counter()
        for token in lookup_tokens(entry.features, sizes, DF_CUTOFF):
            weight = weights[token]
            for key in heapq.nlargest(POSTING_CAP, self._postings[token]):
                shared[key] += weight
        out: list[tuple[float, _Claim]] = []
        # a paraphrase shares a figure or two of the rarer words
        for key in best_candidates(shared):
            other = self._store[key]
            if other.article_id == entry.article_id and entry.article_id:
                continue
            score = _similarity(entry.features, other.features, SUGGEST)
            if score >= SUGGEST:
                out.append((score, other))
        return out

    def _record(self, entry: _Claim, other: _Claim, score: float) -> None:
        linked = score >= LINK
        mine = Match(entry.claim_id, other.article_id, other.claim_id, score, linked)
        theirs = Match(other.claim_id, entry.article_id, entry.claim_id, score, linked)
        self._matches[entry.article_id][(mine.claim_id, mine.other_article_id,
                                         mine.other_claim_id)] = mine
        self._matches[other.article_id][(theirs.claim_id, theirs.other_article_id,
                                         theirs.other_claim_id)] = theirs
