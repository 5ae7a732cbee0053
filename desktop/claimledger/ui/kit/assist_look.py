"""How assisted review reads on screen: the Worth column, the suggestion hint in the
Status column, and the words for suggestions, figures and clashes.

Plain functions over `ClaimAssist`, so the ledger model, the inspector's panels and the
compare dialog say things the same way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from claimledger.domain.records import ClaimAssist
from claimledger.domain.status import Status

#: A score at or above this is "check-worthy" (the chip and the bar's colour).
CHECK_WORTHY_AT = 0.5
HINT_COLOUR = "#8a8f96"
WORTH_TIP = ("How much the statement is worth checking (0–100): figures, named "
             "people or organisations, comparisons, attributions. Click to sort.")


def suggested_status(assist: ClaimAssist | None) -> Status | None:
    """The status a live (not dismissed) suggestion offers, if any."""
    if assist is None or assist.dismissed or not assist.has_suggestion:
        return None
    try:
        return Status.parse(assist.suggestion["status"])
    except ValueError:
        return None


def score_of(assist: ClaimAssist | None) -> float | None:
    if assist is None:
        return None
    score = assist.checkworthiness.get("score")
    return float(score) if score is not None else None


def worth_of(assist: ClaimAssist | None) -> float:
    """A sort key: the score, and -1 while it is unknown (sorts below 0)."""
    score = score_of(assist)
    return -1.0 if score is None else score


def is_check_worthy(assist: ClaimAssist | None) -> bool:
    score = score_of(assist)
    return score is not None and score >= CHECK_WORTHY_AT and assist.kind == "claim"


def worth_text(assist: ClaimAssist | None) -> str:
    score = score_of(assist)
    return "" if score is None else str(round(score * 100))


def worth_header(role: int):
    if role == Qt.ItemDataRole.ToolTipRole:
        return WORTH_TIP
    if role == Qt.ItemDataRole.InitialSortOrderRole:
        return Qt.SortOrder.DescendingOrder  # the first click puts the most worth on top
    return None


def worth_reasons(assist: ClaimAssist | None) -> list[str]:
    return list(assist.checkworthiness.get("reasons") or []) if assist else []


def worth_data(assist: ClaimAssist | None, role: int):
    if role == Qt.ItemDataRole.DisplayRole:
        return worth_text(assist)
    if role == Qt.ItemDataRole.ToolTipRole and assist is not None:
        reasons = worth_reasons(assist)
        head = f"Worth checking: {worth_text(assist)} of 100"
        return head + ("\n" + "\n".join(f"• {r}" for r in reasons) if reasons else "")
    if role == Qt.ItemDataRole.AccessibleTextRole and assist is not None:
        return f"Worth checking {worth_text(assist)} of 100"
    return None


def hint_text(status: Status) -> str:
    """'→ U suggested': the letter of the suggested status, never colour alone."""
    return f"→ {status.style.letter} suggested"


def hint_data(assist: ClaimAssist | None, role: int):
    """The Status cell of an unreviewed row with a live suggestion (None: as usual)."""
    status = suggested_status(assist)
    if status is None or status is Status.UNREVIEWED:
        return None
    if role == Qt.ItemDataRole.DisplayRole:
        return hint_text(status)
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(QColor(HINT_COLOUR))
    if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
        reason = assist.suggestion.get("reason")
        words = f"{status.style.label}" + (f" · {reason}" if reason else "")
        return f"Unreviewed; suggested: {words} (A accepts)"
    return None


def suggestion_line(assist: ClaimAssist) -> str:
    """'Unverified · Claimed without evidence'."""
    status = Status.parse(assist.suggestion["status"])
    reason = assist.suggestion.get("reason")
    return status.style.label + (f" · {reason}" if reason else "")


def because_line(assist: ClaimAssist) -> str:
    because = (assist.suggestion.get("because") or "").strip()
    return because[:1].upper() + because[1:] if because else ""


def hint_line(assist: ClaimAssist) -> str:
    """Whom to check with (a speaker, a body that declined to comment) or what to look
    up (the data, records or report the article cites)."""
    hint = (assist.suggestion.get("source_hint") or "").strip()
    if not hint:
        return ""
    return f"Look up: {hint}" if assist.suggestion.get("basis") == "cited" \
        else f"Check with: {hint}"


def figure_value(number: dict) -> str:
    """'1,240' or '4.5' as the figure reads."""
    value = number.get("value")
    if value is None:
        return number.get("text") or ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.10g}"


def figure_row(number: dict) -> tuple[str, str, str]:
    """(value, unit, what it counts) for the figures table."""
    counts = number.get("counts") or ""
    scope = number.get("scope")
    if scope:
        counts = f"{counts} ({scope})" if counts else scope
    return figure_value(number), number.get("unit") or "", counts or "—"


def short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def clash_text(explanation: str, other_id: str, other_text: str | None,
               other_title: str | None) -> str:
    """The workspace's explanation with the other claim's id replaced by its words."""
    where = f"“{short(other_text, 60)}”" if other_text else "another statement"
    if other_title:
        where += f" ({other_title})"
    words = explanation.replace(other_id, where) if other_id in explanation \
        else f"{explanation} — {where}"
    return f"Number clash: {words}"
