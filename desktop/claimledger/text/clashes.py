"""Figures that cannot both be true: the same quantity stated with different values for
the same period, a part (a state, a region) said to exceed its whole (the national
figure), parts that add up to more than their total. Every clash carries a sentence that
explains it. The figures come from text.numbers (`extract_numbers`, `group_key`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Sequence
from functools import lru_cache

from claimledger.text.numbers import (
    Clash,
    Quantity,
    format_value,
    group_key,
    singular,
    us_states,
)

_I = re.IGNORECASE


_CONTEXT_STOP = frozenset("""
    the a an of in on at to for from by with and or but than as that which who it its this
    these those was were is are be been has have had will would said says say told according
    about some more less nearly around over under up down per
""".split())


@lru_cache(maxsize=4096)
def _context(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z][a-z'’-]+", text.lower())
    return frozenset(singular(w) for w in words if w not in _CONTEXT_STOP and len(w) > 2)


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
