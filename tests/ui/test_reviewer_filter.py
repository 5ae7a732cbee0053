"""The reviewer chip: once a colleague's verdicts are here, the ledger can show one
reviewer's work, what they marked or what is left to them."""

from __future__ import annotations

from exchange_helpers import ana_and_ben, real_claims, shot
from test_ledger_exchange import import_and_trust
from window_helpers import settle, shown

from claimledger.domain.status import Status


def pick(window, text: str) -> None:
    """Choose a line of the reviewer chip's menu, as a click on it does."""
    menu = window.review.filter_bar.reviewer_chip.menu()
    menu.aboutToShow.emit()
    action = next(a for a in menu.actions() if a.text() == text)
    action.trigger()
    menu.aboutToHide.emit()


def shown_ids(window) -> set[str]:
    model = window.ledger_model
    model.ensure_loaded(model.total_rows())
    return {model.claim_at(r).id for r in range(model.total_rows())}


def test_the_reviewer_chip_shows_one_reviewers_work(qtbot, window, tmp_path, monkeypatch,
                                                    artifacts):
    ben, (first, second), path = ana_and_ben(qtbot, window, tmp_path)
    chip = window.review.filter_bar.reviewer_chip
    assert chip.isHidden()  # one reviewer: nothing to pick

    third = real_claims(window, 3)[2]
    window.review.select_claim(third)
    window.review.mark(Status.DISPUTED)
    settle(qtbot, window)
    import_and_trust(qtbot, window, monkeypatch, path)
    shown(qtbot, window)
    everything = shown_ids(window)
    assert chip.isVisible() and chip.text() == "Reviewer ▾"

    menu = chip.menu()
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions() if a.text()] == [
        "Anyone", "Marked by Ana Ruiz (you) (3)", "Not yet marked by Ana Ruiz (you)",
        "Marked by Ben Ode (2)", "Not yet marked by Ben Ode"]

    pick(window, "Marked by Ben Ode (2)")
    assert shown_ids(window) == {first, second}
    assert chip.isChecked() and chip.text() == "Marked by Ben Ode ▾"
    shot(window, artifacts / "reviewer_chip_marked_by_ben.png")

    pick(window, "Not yet marked by Ben Ode")
    assert shown_ids(window) == everything - {first, second}
    assert third in shown_ids(window)

    pick(window, "Marked by Ana Ruiz (you) (3)")
    assert shown_ids(window) == {first, second, third}

    window.review.filter_bar.clear()
    assert shown_ids(window) == everything
    assert not chip.isChecked() and chip.text() == "Reviewer ▾"
    ben.close()
