"""How consensus reads: '✓ Agree', '≠ Disagree', '· Single', '⚖ Settled: Disputed'.

A glyph and a word for every state, so colour is never the only cue; the settled status
takes its status colour. Pure functions over `Consensus`, used by the ledger's column,
the inspector's Reviewers tab and the tests.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from claimledger.workspace import Consensus

AGREE, DISAGREE, SINGLE, NONE = "agree", "disagree", "single", "none"
#: Okabe-Ito reddish purple: apart from every status colour.
DISAGREE_COLOUR = "#A8437F"
DISAGREE_TINT = "#f3dcea"
AGREE_COLOUR = "#1d6b52"
WORDS = {AGREE: "✓ Agree", DISAGREE: "≠ Disagree", SINGLE: "· Single", NONE: ""}
HEADER_TIP = ("Consensus across reviewers: ✓ all agree, ≠ they disagree, · one reviewer so "
              "far, ⚖ settled by the desk")
EXPLAINED = {
    AGREE: "Every reviewer who looked at it gave the same verdict.",
    DISAGREE: "Reviewers gave different verdicts; settle it to record the desk's verdict.",
    SINGLE: "Only one reviewer has given a verdict so far.",
    NONE: "No reviewer has given a verdict yet.",
}


def is_settled(found: Consensus | None) -> bool:
    return bool(found and found.settled_by and found.status is not None)


def open_disagreement(found: Consensus | None) -> bool:
    """Reviewers disagree and nobody settled it: what the Disagreements chip shows."""
    return bool(found and found.state == DISAGREE and not is_settled(found))


def consensus_text(found: Consensus | None, short: bool = False) -> str:
    """'⚖ Settled: Disputed' (short, for the narrow ledger column: '⚖ Disputed')."""
    if found is None:
        return ""
    if is_settled(found):
        label = found.status.style.label
        return f"⚖ {label}" if short else f"⚖ Settled: {label}"
    return WORDS.get(found.state, found.state)


def consensus_tooltip(found: Consensus | None) -> str:
    if found is None:
        return EXPLAINED[NONE]
    if is_settled(found):
        before = {DISAGREE: " after a disagreement", AGREE: "", SINGLE: ""}.get(found.state, "")
        return (f"Settled as {found.status.style.label.lower()}{before} "
                f"by {found.settled_by}.")
    line = EXPLAINED.get(found.state, "")
    if found.state == AGREE and found.status is not None:
        line += f" ({found.status.style.label})"
    return line


def consensus_colour(found: Consensus | None) -> str | None:
    if found is None:
        return None
    if is_settled(found):
        return found.status.style.colour
    return {AGREE: AGREE_COLOUR, DISAGREE: DISAGREE_COLOUR}.get(found.state)


def consensus_data(found: Consensus | None, role: int):
    """The ledger cell of the Consensus column for a Qt item role."""
    if role == Qt.ItemDataRole.DisplayRole:
        return consensus_text(found, short=True)
    if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
        if found is None or (found.state == NONE and not is_settled(found)):
            return None
        return f"{consensus_text(found)}. {consensus_tooltip(found)}"
    if role == Qt.ItemDataRole.ForegroundRole:
        colour = consensus_colour(found)
        return QBrush(QColor(colour)) if colour else None
    if role == Qt.ItemDataRole.BackgroundRole and open_disagreement(found):
        return QBrush(QColor(DISAGREE_TINT))
    if role == Qt.ItemDataRole.FontRole and (open_disagreement(found) or is_settled(found)):
        font = QFont()
        font.setBold(True)
        return font
    return None
