"""Figures in a statement: their value, unit, what they count and when; clashing figures.

``extract_numbers("Exports rose 18 percent to 4.6 million tonnes of grain in February")``
gives 18 (percent) and 4,600,000 (tonnes, counting "grain", scope "February"). Years,
dates, times of day, scores ("5-4") and ordinals
are not quantities. Number words are understood ("one million", "twenty-five",
"two-thirds"), so "one million" and "1,000,000" compare equal.

``find_clashes`` compares figures that count the same thing for the same period: the
same quantity stated with different values, or a part (a state, a region) said to exceed
its whole (the national figure). Every clash carries a sentence that explains it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

_I = re.IGNORECASE

# --- number words ---------------------------------------------------------------------

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000,
    "dozen": 12,
}
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
             "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}

_WORD = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_BIG = r"hundred|thousand|million|billion|trillion"
_WORD_NUMBER = (
    rf"(?:(?:{_WORD})(?:[- ](?:{_WORD}))?|a|an)"
    rf"(?:[ -](?:{_BIG}))+"
    rf"(?:(?: and)? (?:{_WORD})(?:[- ](?:{_WORD}))?)?"
    rf"|(?:{_WORD})(?:-(?:{_WORD}))?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_CURRENCY = r"US\$|C\$|A\$|\$|€|£|¥"
_FRACTION = r"(?:one|a|two|three|four|nine)[- ](?:half|halves|thirds?|quarters?|fifths?|tenths?)"

NUMBER = re.compile(
    rf"(?<![\w.,/:-])(?P<approx>(?:about|around|roughly|nearly|almost|approximately|some|"
    rf"more than|less than|fewer than|over|under|at least|up to|an estimated|close to) )?"
    rf"(?P<cur>{_CURRENCY})?\s?"
    rf"(?:(?P<frac>{_FRACTION})|(?P<digits>{_DIGITS})|(?P<words>{_WORD_NUMBER}))"
    rf"(?:[ -]?(?P<scale>{_BIG}|bn|m|k)\b)?"
    rf"(?P<pct>\s?%| percent\b| per cent\b| percentage points?\b| points?\b)?",
    _I,
)

_CURRENCY_CODES = {"$": "USD", "us$": "USD", "c$": "CAD", "a$": "AUD", "€": "EUR",
                   "£": "GBP", "¥": "JPY"}
_CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
                   "pounds": "GBP", "yen": "JPY"}

#: Words after a figure that name its unit.
UNIT_WORDS = {
    "tonnes": "tonnes", "tonne": "tonnes", "tons": "tonnes", "ton": "tonnes",
    "kilograms": "kg", "kg": "kg", "kilometres": "km", "kilometers": "km", "km": "km",
    "miles": "miles", "mile": "miles", "metres": "m", "meters": "m",
    "hectares": "hectares", "acres": "acres", "litres": "litres", "liters": "litres",
    "barrels": "barrels", "megawatts": "MW", "mw": "MW", "gigawatts": "GW",
    "hours": "hours", "hour": "hours", "minutes": "minutes", "minute": "minutes",
    "days": "days", "day": "days", "weeks": "weeks", "week": "weeks",
    "months": "months", "month": "months", "years": "years", "year": "years",
    "people": "people", "persons": "people", "residents": "people", "patients": "people",
    "workers": "people", "voters": "people", "students": "people", "children": "people",
    "adults": "people", "visitors": "people", "members": "people", "households": "households",
}
_COUNT_STOP = frozenset("""
    a an the of in on at to for from by with and or but than as that which who this these
    those its their his her our was were is are be been has have had will would could
    should may might said says say after before since until during over under about up
    down per each every last next this year's rose fell rising falling compared against
    while when where if so not no more less fewer higher lower across among there here
    nationwide nationally statewide now then also already still yet ago too
""".split()) - {"a"}
_RATE = re.compile(r"\s+(?:a|per|each|every)\s+(day|week|month|year|hour|night|tonne)\b|"
                   r"\s+(daily|weekly|monthly|annually|a year)\b", _I)
_WORD_AFTER = re.compile(r"[ \-]*([A-Za-z][A-Za-z'’\-]*)")

_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_MONTH = re.compile(
    r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|"
    r"Oct|Nov|Dec)\.?(?:'s)?(?:\s+(\d{1,2})(?!\d)(?:st|nd|rd|th)?)?(?:,?\s+(\d{4}))?"
)
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
_QUARTER = re.compile(r"\b(first|second|third|fourth|final|last) (?:three months|quarter)\b"
                      r"(?: of (\d{4}|last year|the year))?", _I)

NATIONAL = re.compile(r"\b(?:national(?:ly)?|nationwide|countrywide|country-wide|"
                      r"across the country|in the whole country|federal|the country(?:'s)?)\b", _I)
#: The US states, as a place a figure can be counted in (a part of the nation).
US_STATES = frozenset(name.replace("_", " ") for name in """
    Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida
    Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
    Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada
    New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma
    Oregon Pennsylvania Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah
    Vermont Virginia West_Virginia Wisconsin Wyoming
""".split())
PART = re.compile(r"\b(?:state|states|province|provincial|region|regional|county|"
                  r"district|city|municipal|city's|state's|region's|county's)\b", _I)
_CAPITALISED_PAIR = re.compile(r"(?=\b([A-Z][a-z]+)(?: ([A-Z][a-z]+))?)")


def us_states(text: str) -> frozenset[str]:
    """The US states ``text`` names ("Texas", "New York"); a set lookup per capitalised
    word, not one long alternation."""
    found = set()
    for match in _CAPITALISED_PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        if second and f"{first} {second}" in US_STATES:
            found.add(f"{first} {second}")
        elif first in US_STATES:
            found.add(first)
    return frozenset(found)


@dataclass(frozen=True)
class Quantity:
    """A figure in a statement; ``start``/``end`` are offsets within the statement text."""

    value: float
    unit: str | None
    counts: str | None
    scope: str | None
    start: int
    end: int
    text: str
    #: "national", "part" (a state, region, county, city) or None.
    level: str | None = None
    #: Half the rounding step of the written figure plus any "about" margin.
    tolerance: float = 0.0
    #: What it counts, as a family of nouns ("removal" for removals, deportations and
    #: people ordered removed), with its rate ("removal a year"); None when unknown.
    family: str | None = None


@dataclass(frozen=True)
class Clash:
    claim_id: str
    other_claim_id: str
    explanation: str


# --- extraction ---------------------------------------------------------------------------


def word_number(words: str) -> float | None:
    """"one million" -> 1e6; "twenty-five" -> 25; "two hundred and five" -> 205."""
    total, current = 0, 0
    seen = False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in {"and", ""}:
            continue
        if word in {"a", "an"}:
            current, seen = 1, True
        elif word in UNITS_WORDS:
            current += UNITS_WORDS[word]
            seen = True
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
    return float(total + current) if seen else None


def _fraction(words: str) -> float:
    head, tail = re.split(r"[- ]", words.lower(), maxsplit=1)
    numerator = 1 if head in {"a", "one"} else UNITS_WORDS[head]
    return numerator / FRACTIONS[tail]


_YEAR_DIGITS = re.compile(r"1[89]\d\d|2[01]\d\d")
_AFTER_NOT_QUANTITY = re.compile(r"(?:st|nd|rd|th)\b|:\d|-\d| ?[ap]\.m\.|/\d", _I)
_BEFORE_NOT_QUANTITY = re.compile(
    r"(?:\b(?:no|nos|p|pp|vol|art|ch|sec|fig|page|chapter|article|section|route|rule|number|"
    r"item)\.? ?|\b(?:" + "|".join(m[:3] for m in _MONTHS) + r")[a-z]*\.? |[:/])\Z", _I)
_ONE_NOT = re.compile(r"\s+(?:of|another|or|and|thing|way|time|side|hand|point|reason|more|"
                      r"less|last|such|who|that|which|is|was|could|would|will|can)\b|['’]s\b|"
                      r"\s*[,.;:!?]|\Z", _I)
_VERB_LIKE = frozenset("""
    lost left took made went came fell rose grew paid met saw won got kept ran spent sold
    bought held built cost hit put set cut led began died lay sent
""".split())
_OF = re.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?")
_OF_ONLY = re.compile(r"\s+of\s+")


def is_not_a_quantity(text: str, match: re.Match[str]) -> bool:
    """Years, days of a month, times, scores, ordinals, "No. 3"."""
    start, end = match.start(), match.end()
    digits = match["digits"]
    if digits:
        plain = not match["scale"] and not match["pct"] and not match["cur"]
        if plain and _YEAR_DIGITS.fullmatch(digits):
            return True  # a year
        if _AFTER_NOT_QUANTITY.match(text, end):
            return True  # ordinal, time, score, fraction-like date
        if _BEFORE_NOT_QUANTITY.search(text[max(0, start - 12):start]):
            return True  # "No. 3", "March 14", "8:15"
    words = match["words"]
    if words and not match["scale"] and not match["pct"] and not match["cur"]:
        lower = words.lower()
        if lower in {"a", "an"}:
            return True
        if lower == "one" and _ONE_NOT.match(text, end):
            return True  # "one of the nurses", "one another", "no one."
    return False


def extract_numbers(text: str) -> list[Quantity]:
    """The figures in ``text`` with their unit, what they count and their period."""
    return list(_extract_numbers(text))


def forget_cached_figures() -> None:
    """Read every statement afresh (for benchmarks that time a first reading)."""
    _extract_numbers.cache_clear()


@lru_cache(maxsize=8192)
def _extract_numbers(text: str) -> tuple[Quantity, ...]:
    """Cached: an analysis reads a statement's figures for its suggestions and again for
    its matching features."""
    out: list[Quantity] = []
    times = _time_mentions(text)
    level = _level(text)
    for match in NUMBER.finditer(text):
        if match["frac"] is None and match["digits"] is None and match["words"] is None:
            continue
        if is_not_a_quantity(text, match):
            continue
        value, step = number_value(match)
        if value is None:
            continue
        unit, counts, end = _unit_and_counts(text, match)
        if match["frac"] and unit is None:
            unit = "fraction"
        approx = (match["approx"] or "").strip().lower()
        tolerance = step / 2
        if approx:
            tolerance = max(tolerance, abs(value) * 0.1)
        start = next(match.start(g) for g in ("approx", "cur", "frac", "digits", "words")
                     if match[g])
        scope = _nearest(times, start, end)
        out.append(Quantity(
            value=value, unit=unit, counts=counts, scope=scope, start=start, end=end,
            text=text[start:end], level=level, tolerance=tolerance,
            family=family_of(text, start, end, unit, counts),
        ))
    return tuple(out)


def number_value(match: re.Match[str]) -> tuple[float | None, float]:
    """The value and its rounding step ("4.6 million" -> 4.6e6, 1e5)."""
    scale_word = (match["scale"] or "").lower()
    scale = SCALES.get(scale_word, 1)
    if match["frac"]:
        return _fraction(match["frac"]), 0.0
    if match["digits"]:
        digits = match["digits"].replace(",", "")
        value = float(digits)
        decimals = len(digits.partition(".")[2])
        step = 10.0 ** -decimals * scale
        if not decimals and scale == 1:
            stripped = digits.rstrip("0")
            trailing = len(digits) - len(stripped)
            step = 10.0 ** trailing if trailing >= 3 else 1.0
        return value * scale, step
    value = word_number(match["words"])
    if value is None:
        return None, 0.0
    return value * scale, scale if scale > 1 else 1.0


def _unit_and_counts(text: str, match: re.Match[str]) -> tuple[str | None, str | None, int]:
    end = match.end()
    unit: str | None = None
    if match["cur"]:
        unit = _CURRENCY_CODES.get(match["cur"].lower(), "currency")
    pct = (match["pct"] or "").strip().lower()
    if pct in {"%", "percent", "per cent"}:
        unit = "percent"
    elif pct.startswith("percentage point"):
        unit = "percentage points"
    elif pct.startswith("point"):
        unit = "points"
    words: list[str] = []
    position = end
    if unit in {"percent", "percentage points"}:
        of = _OF.match(text, position)
        if of is None:
            return unit, None, end
        position = of.end()
    while len(words) < 3:
        found = _WORD_AFTER.match(text, position)
        if found is None:
            break
        word = found.group(1).lower().strip("'’-")
        if word in _COUNT_STOP or (word == "a" and words):
            break
        if not words and unit is None and word in _CURRENCY_WORDS:
            unit = _CURRENCY_WORDS[word]
            end = position = found.end()
            continue
        if not words and unit is None and word in UNIT_WORDS:
            unit = UNIT_WORDS[word]
            end = position = found.end()
            if unit != "people":
                of = _OF_ONLY.match(text, position)
                if of is None:
                    break
                position = of.end()
                continue
            words.append(word)
            continue
        if not re.fullmatch(r"[a-z][a-z'’\-]*", word) or word == "a" or word in _VERB_LIKE or (
            words and len(word) > 4 and word.endswith("ed")
        ):
            break
        words.append(word)
        position = found.end()
        end = position
        if _RATE.match(text, position):
            break
    rate = _RATE.match(text, position)
    if rate and (words or unit):
        words.append(rate.group().strip().lower())
        end = rate.end()
    counts = " ".join(words) or None
    return unit, counts, end


def _time_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, period) of each month, quarter or year named in ``text``.

    A dateline's date ("VELDRA, May 6 (Wire) -") is when the story was filed, not the
    period of its figures, so it is left out.
    """
    from claimledger.text.rules import dateline

    head = dateline(text)
    skip = head.end() if head is not None else 0
    found: list[tuple[int, int, str]] = []
    for quarter in _QUARTER.finditer(text, skip):
        found.append((quarter.start(), quarter.end(), quarter.group().lower()))
    for month in _MONTH.finditer(text, skip):
        name = month.group(1)
        if name == "May" and not month.group(2) and not month.group(3):
            prefix = text[max(0, month.start() - 5):month.start()].lower()
            if not re.search(r"\b(?:in|of|for|since|until|by)\s+\Z", prefix):
                continue  # "may" the verb at a sentence start
        full = next((m.capitalize() for m in _MONTHS if m.startswith(name.lower()[:3])), name)
        period = f"{full} {month.group(3)}" if month.group(3) else full
        found.append((month.start(), month.end(), period))
    if not found:
        for year in _YEAR.finditer(text, skip):
            found.append((year.start(), year.end(), year.group()))
    return found


def _nearest(times: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The period named closest to a figure (after it counts a little closer)."""
    best: tuple[float, str] | None = None
    for t_start, t_end, period in times:
        distance = t_start - end if t_start >= end else (start - t_end) * 1.5
        if best is None or distance < best[0]:
            best = (distance, period)
    return best[1] if best else None


def _level(text: str) -> str | None:
    if NATIONAL.search(text):
        return "national"
    if PART.search(text) or us_states(text):
        return "part"
    return None


# --- clashes ------------------------------------------------------------------------------


def counts_key(counts: str | None) -> str | None:
    """What is counted, by its head noun: "measles cases" and "cases" -> "case"."""
    if not counts:
        return None
    head, rate = counts.lower(), ""
    found = _RATE.search(" " + head)
    if found:
        head, rate = (" " + head)[:found.start()].strip(), " " + found.group().strip()
    words = head.split()
    return (_singular(words[-1]) if words else "") + rate


#: Families of counted things: the words (around a figure) that count the same thing.
FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("removal", re.compile(
        r"\b(?:removals?|deportations?|deportees?|expulsions?|returns? of migrants|"
        r"(?:ordered|were|was|been|being) (?:removed|deported|expelled)|"
        r"(?:removed|deported|expelled) (?:from|to|by|in|during|last|this|so far|\Z))", _I)),
)
_COUNTED_VERB_BEFORE = {
    "removal": re.compile(r"\b(?:removed|deported|expelled|remove|deport|expel)\s+"
                          r"(?:(?:an? |the )?(?:estimated|total of|record)\s+)?\Z", _I),
}
_PERIOD_WORDS = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
                 "a year": "year"}
_CLAUSE_END = re.compile(r"[,;:.!?()\u2014]")


def family_of(text: str, start: int, end: int, unit: str | None,
              counts: str | None) -> str | None:
    """What a figure counts, by family: the words after it up to the end of its clause
    ("15,000 people ordered removed in March"), or the verb just before it ("deported
    15,000 people"); else the head noun of what it counts (``counts_key``). Money is
    counted by its currency and head noun ("USD:claim"); a percentage by what it is a
    percentage of."""
    stop = _CLAUSE_END.search(text, end)
    after = text[end:stop.start() if stop else len(text)]
    rate = _RATE.search(" " + (counts or "")) or _RATE.match(text, end) or _RATE.search(after)
    per = f" per {_PERIOD_WORDS.get(rate.group(2) or '', rate.group(1) or 'year')}" \
        if rate else ""
    for name, pattern in FAMILIES:
        if pattern.search((counts or "") + after + "\n") or \
                _COUNTED_VERB_BEFORE[name].search(text[max(0, start - 40):start]):
            return name + per
    key = counts_key(counts)
    if key is None:
        return None
    if unit == "percent":
        return "percent of " + key
    if unit and unit not in {"people", "households"}:
        return f"{unit}:{key}"
    return key


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def format_value(value: float, unit: str | None) -> str:
    if unit == "percent":
        return f"{value:g}%"
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
    if unit in {"USD", "CAD", "AUD"}:
        return "$" + text
    if unit == "EUR":
        return "€" + text
    if unit == "GBP":
        return "£" + text
    return text


_CONTEXT_STOP = frozenset("""
    the a an of in on at to for from by with and or but than as that which who it its this
    these those was were is are be been has have had will would said says say told according
    about some more less nearly around over under up down per
""".split())


@lru_cache(maxsize=4096)
def _context(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z][a-z'’-]+", text.lower())
    return frozenset(_singular(w) for w in words if w not in _CONTEXT_STOP and len(w) > 2)


def _same_subject(a: str, b: str) -> bool:
    """Whether two statements talk about the same thing (shared content words)."""
    wa, wb = _context(a), _context(b)
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    return shared >= 3 and shared / min(len(wa), len(wb)) >= 0.4


def find_clashes(items: Sequence[tuple[str, str, list[Quantity]]],
                 focus: Collection[str] | None = None) -> list[Clash]:
    """Pairs of claims whose figures for the same count and period cannot both be right.

    ``items`` are (claim_id, statement text, quantities). Figures are grouped by what they
    count, their unit and their period, so only figures in one group are compared. With
    ``focus`` (claim ids), only pairs that involve one of them are compared: one article's
    clashes then cost what its own figures and the others given cost, however many
    pairs the others would make among themselves.
    """
    groups: dict[tuple[str, str], list[tuple[int, Quantity]]] = defaultdict(list)
    for index, (_claim_id, _text, quantities) in enumerate(items):
        for quantity in quantities:
            key = group_key(quantity)
            if key is not None:
                groups[key].append((index, quantity))
    found: dict[tuple[int, int], Clash] = {}
    focused = None if focus is None else {i for i, item in enumerate(items) if item[0] in focus}
    out = [clash for index, item in enumerate(items)
           if focused is None or index in focused for clash in _sum_clashes(*item)]
    for (_key, scope), members in groups.items():
        for i, (index_a, qa) in enumerate(members):
            for index_b, qb in members[i + 1:]:
                if index_a == index_b or (min(index_a, index_b), max(index_a, index_b)) in found:
                    continue
                if focused is not None and index_a not in focused and index_b not in focused:
                    continue
                explanation = _clash(items[index_a][1], qa, items[index_b][1], qb,
                                     scope, items[index_b][0])
                if explanation is None:
                    continue
                id_a, id_b = items[index_a][0], items[index_b][0]
                if id_a == id_b:
                    continue
                found[(min(index_a, index_b), max(index_a, index_b))] = Clash(
                    id_a, id_b, explanation
                )
        _parts_above_whole(items, members, scope, focused, found)
    return out + list(found.values())


def _parts_above_whole(items: Sequence[tuple[str, str, list[Quantity]]],
                       members: list[tuple[int, Quantity]], scope: str,
                       focused: set[int] | None, found: dict[tuple[int, int], Clash]) -> None:
    """Figures of different places (one per place) that add up to more than the national
    figure for the same count and period: each part and the whole are flagged."""
    places: dict[str, tuple[int, Quantity]] = {}
    for index, quantity in members:
        if quantity.level == "part" and quantity.unit != "percent":
            place = _place(items[index][1], quantity)
            if place:
                places.setdefault(place, (index, quantity))
    if len(places) < 2:
        return
    for index, whole in members:
        if whole.level != "national" or whole.unit == "percent":
            continue
        parts = [(place, i, q) for place, (i, q) in sorted(places.items()) if i != index]
        if len(parts) < 2 or (focused is not None and index not in focused
                              and not any(i in focused for _p, i, _q in parts)):
            continue
        added = sum(q.value for _p, _i, q in parts)
        margin = whole.tolerance + sum(q.tolerance for _p, _i, q in parts)
        if added <= whole.value + margin:
            continue
        written = " + ".join(f"{place} {format_value(q.value, q.unit)}" for place, _i, q in parts)
        explanation = (f"the parts add up to more than the whole: {written} = "
                       f"{format_value(added, whole.unit)}, above the national "
                       f"{_figure(whole)} for {scope}")
        for _place_name, part_index, _q in parts:
            pair = (min(index, part_index), max(index, part_index))
            if pair not in found and items[index][0] != items[part_index][0]:
                found[pair] = Clash(items[index][0], items[part_index][0], explanation)


def _place(text: str, quantity: Quantity) -> str | None:
    """The place a part's figure is counted in: a US state, else the name in its clause."""
    states = us_states(text)
    if len(states) == 1:
        return next(iter(states))
    names = sorted(_subject_names(text, quantity))
    return names[0] if len(names) == 1 else None


def group_key(quantity: Quantity) -> tuple[str, str] | None:
    """The group a figure is compared in: its family and its period (None: not compared).

    Figures stored before families were kept fall back on the head noun of what they
    count."""
    family = quantity.family
    if family is None and quantity.unit != "percent":
        family = counts_key(quantity.counts)
    if family is None or quantity.scope is None:
        return None
    return family, quantity.scope


def _clash(
    text_a: str, qa: Quantity, text_b: str, qb: Quantity, scope: str, other_id: str,
) -> str | None:
    if qa.unit != qb.unit and not (qa.family or "").startswith("removal"):
        return None  # tonnes and kilometres of one thing are not one figure
    unit = qa.unit
    differ = abs(qa.value - qb.value) > qa.tolerance + qb.tolerance
    what = f"{scope} {qa.counts or qa.family}"
    levels = {qa.level, qb.level}
    if levels == {"national", "part"} and qa.unit != "percent":
        part, whole = (qa, qb) if qa.level == "part" else (qb, qa)
        if part.value > whole.value + part.tolerance + whole.tolerance:
            return (f"a part exceeds the whole: {_figure(part)} in one place exceeds the "
                    f"national {_figure(whole)} for {scope}{_same_family(part, whole)}")
        return None
    if not differ or "national" in levels and len(levels) > 1:
        return None  # a national figure and one of unknown reach are not comparable
    names_a, names_b = _subject_names(text_a, qa), _subject_names(text_b, qb)
    if names_a and names_b:
        if not names_a & names_b:
            return None
    elif not _same_subject(_mask(text_a, qa), _mask(text_b, qb)):
        return None
    return (f"{what}: {format_value(qa.value, unit)} here vs "
            f"{format_value(qb.value, unit)} in {other_id}")


_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w-]*")
_NOT_NAMES = frozenset("""
    The A An In On At By It He She They This That These Those But And Or As After Before
    Since Under Over About Some Most Many More Nationally Officials Police Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December State National
""".split())


@lru_cache(maxsize=4096)
def _subject_names(text: str, quantity: Quantity) -> frozenset[str]:
    """Names in the clause of the figure ("Elsmere"), else the sentence's first name."""
    left = max(text.rfind(",", 0, quantity.start), text.rfind(";", 0, quantity.start))
    right = min((i for i in (text.find(",", quantity.end), text.find(";", quantity.end))
                 if i >= 0), default=len(text))
    clause = text[left + 1:right]
    names = frozenset(_name_key(m) for m in _CAPITALISED.findall(clause)) - {""}
    if names:
        return names
    first = next((_name_key(m) for m in _CAPITALISED.findall(text) if _name_key(m)), "")
    return frozenset({first}) if first else frozenset()


def _name_key(word: str) -> str:
    word = re.sub(r"['’]s\Z", "", word)
    return "" if word in _NOT_NAMES else word


def _mask(text: str, quantity: Quantity) -> str:
    return text[:quantity.start] + " " + text[quantity.end:]


def _figure(quantity: Quantity) -> str:
    return " ".join(filter(None, (format_value(quantity.value, quantity.unit),
                                  quantity.counts)))


def _same_family(a: Quantity, b: Quantity) -> str:
    """" (both count removals)" when the two figures name what they count differently."""
    if a.counts == b.counts or not a.family:
        return ""
    return f" (both count {a.family.split(' ')[0]}s)"


# --- a total and its parts ------------------------------------------------------------

_TOTAL_BEFORE = re.compile(r"\b(?:[Oo]f (?:the |those |these |its |their |all )?|"
                           r"[Oo]ut of (?:the )?)\Z")
_TOTAL_AFTER = re.compile(r"\s*(?:[,:]|\u2014)?\s*(?:of (?:which|whom|them)|including)\b",
                          _I)
_RANGE = re.compile(r"\s*(?:to|-|\u2013|or)\s*\$?\d")  # "5 to 10 percent": a range, no part
_REST = re.compile(r"\b(?:the rest|the remaining|the remainder|the others|all others|"
                   r"the other \w+)\b", _I)


def _sum_clashes(claim_id: str, text: str, quantities: list[Quantity]) -> list[Clash]:
    """A total and its parts in one statement that do not add up.

    "Of the 1,200 removals, 700 were ... and 600 ..." (parts above their total) and a
    breakdown that names the rest ("..., the rest ...") summing to another figure."""
    for index, total in enumerate(quantities):
        before = text[max(0, total.start - 20):total.start]
        introduced = _TOTAL_BEFORE.search(before)
        including = _TOTAL_AFTER.match(text, total.end)
        if not (introduced or including) or total.unit == "percent":
            continue
        stop = text.find(".", total.end)
        parts = [q for q in quantities[index + 1:] if q.unit == total.unit
                 and (stop < 0 or q.start < stop) and not _RANGE.match(text, q.end)]
        if len(parts) < 2:
            continue
        added = sum(q.value for q in parts)
        margin = total.tolerance + sum(q.tolerance for q in parts)
        written = " + ".join(format_value(q.value, q.unit) for q in parts)
        if added > total.value + margin:
            return [Clash(claim_id, claim_id,
                          f"the parts add up to more than their total: {written} = "
                          f"{format_value(added, total.unit)}, above the "
                          f"{format_value(total.value, total.unit)} they are part of")]
        exhaustive = introduced and _REST.search(text, parts[0].start)
        if exhaustive and abs(added - total.value) > margin:
            return [Clash(claim_id, claim_id,
                          f"the total differs from the sum of its parts: {written} = "
                          f"{format_value(added, total.unit)}, not "
                          f"{format_value(total.value, total.unit)}")]
    return []
