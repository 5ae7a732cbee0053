"""How the ledger's Reviewers column says what each reviewer decided: initials and the
status letter per reviewer ("AR S  BO D"), the words in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt

from claimledger.ui.kit.labels import plain_tip

ReviewerVerdicts = list  # of workspace.ReviewerVerdict, reviewed ones shown


def initials(name: str) -> str:
    """'Ana Ruiz' -> 'AR', 'bob' -> 'B'; at most three letters."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    return "".join(w[0].upper() for w in words[:3]) or "?"


def shown(verdicts: ReviewerVerdicts) -> list:
    return [v for v in verdicts if v.status.is_reviewed]


def reviewers_text(verdicts: ReviewerVerdicts) -> str:
    return "  ".join(f"{initials(v.reviewer)} {v.status.style.letter}" for v in shown(verdicts))


def reviewers_sentence(verdicts: ReviewerVerdicts) -> str:
    parts = []
    for v in shown(verdicts):
        words = f"{v.reviewer}: {v.status.style.label}"
        parts.append(f"{words} ({v.reason})" if v.reason else words)
    return "; ".join(parts) or "No reviewer has a verdict on this statement yet."


def reviewers_data(verdicts: ReviewerVerdicts, role: int):
    """The ledger cell of the Reviewers column for a Qt item role."""
    if role == Qt.ItemDataRole.DisplayRole:
        return reviewers_text(verdicts)
    if role == Qt.ItemDataRole.ToolTipRole:
        return plain_tip(reviewers_sentence(verdicts))
    if role == Qt.ItemDataRole.AccessibleTextRole:
        return reviewers_sentence(verdicts)
    return None
