"""Figures in a statement: their value, unit, what they count and when; clashing figures.

``extract_numbers("Exports rose 18 percent to 4.6 million tonnes of grain in February")``
gives 18 (percent) and 4,600,000 (tonnes, counting "grain", scope "February"). Years,
dates, times of day, scores ("5-4") and ordinals
are not quantities. Number words are understood ("one million", "twenty-five",
"two-thirds"), so "one million" and "1,000,000" compare equal.

Figures that count the same thing for the same period share a `group_key`; comparing
them (`find_clashes`) lives in text.clashes.
"""

from __future__ import annotations

import re
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
    return (singular(words[-1]) if words else "") + rate


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


def singular(word: str) -> str:
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
