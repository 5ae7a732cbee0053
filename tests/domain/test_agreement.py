"""Chance-corrected agreement between reviewers, against examples worked by hand."""

from __future__ import annotations

import pytest

from claimledger.domain.agreement import cohen_kappa, krippendorff_alpha_nominal

S, D, U = "sourced", "disputed", "unverified"


def test_kappa_of_the_classic_two_by_two_table():
    # 50 items: both yes 20, a yes / b no 5, a no / b yes 10, both no 15.
    # p_o = 35/50 = 0.7; a says yes 25/50, b says yes 30/50;
    # p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
    a = ["y"] * 20 + ["y"] * 5 + ["n"] * 10 + ["n"] * 15
    b = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)


def test_kappa_with_three_statuses():
    # a: S S S D D U ; b: S S D D U U  -> agree on items 1, 2, 4, 6: p_o = 4/6.
    # a counts S3 D2 U1, b counts S2 D2 U2:
    # p_e = (3*2 + 2*2 + 1*2) / 36 = 12/36 = 1/3.
    # kappa = (2/3 - 1/3) / (1 - 1/3) = (1/3) / (2/3) = 0.5.
    assert cohen_kappa([S, S, S, D, D, U], [S, S, D, D, U, U]) == pytest.approx(0.5)


def test_kappa_of_perfect_and_of_opposite_agreement():
    assert cohen_kappa([S, D, S, D], [S, D, S, D]) == pytest.approx(1.0)
    # a: S D S D, b: D S D S -> p_o = 0, p_e = 0.5*0.5 + 0.5*0.5 = 0.5, kappa = -1.
    assert cohen_kappa([S, D, S, D], [D, S, D, S]) == pytest.approx(-1.0)


def test_kappa_is_undefined_without_items_or_variation():
    assert cohen_kappa([], []) is None
    assert cohen_kappa([S], [S]) is None
    assert cohen_kappa([S, S, S], [S, S, S]) is None  # "not enough variation"
    # One rater constant, the other not: p_e = 1*(2/3) = 2/3 < 1, so defined:
    # p_o = 2/3, kappa = 0.
    assert cohen_kappa([S, S, S], [S, S, D]) == pytest.approx(0.0)


def test_kappa_needs_the_same_items():
    with pytest.raises(ValueError):
        cohen_kappa([S, D], [S])


def test_alpha_of_krippendorffs_four_coder_example():
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers,
    # 12 units, values 1-5, missing ratings; unit 12 has one rating and is dropped.
    # Disagreeing units: 2 (2,2,3,2: (16 - 9 - 1) / 3 = 2), 6 (1,2,3,4: (16 - 4) / 3 = 4)
    # and 8 (1,1,2,1: 2), so the off-diagonal coincidences sum to 8.  n = 40 pairable
    # values, n_c = 9, 13, 10, 5, 3: n^2 - sum n_c^2 = 1600 - 384 = 1216.
    # alpha = 1 - 39 * 8 / 1216 = 0.7434, the paper's 0.743.
    a = ["1", "2", "3", "3", "2", "1", "4", "1", "2", None, None, None]
    b = ["1", "2", "3", "3", "2", "2", "4", "1", "2", "5", None, "3"]
    c = [None, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", None]
    d = ["1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", None]
    units = list(zip(a, b, c, d, strict=True))
    assert krippendorff_alpha_nominal(units) == pytest.approx(0.743, abs=0.0005)


def test_alpha_of_a_small_example_by_hand():
    # Units: (S,S) (S,D) (D,D) (U,U).  n = 8 values: S3 D3 U2.
    # Off-diagonal coincidences: only unit 2, m = 2: o(S,D) = o(D,S) = 1/(2-1) = 1 each,
    # so the sum is 2.  sum_{c!=k} n_c n_k = n^2 - sum n_c^2 = 64 - (9 + 9 + 4) = 42.
    # alpha = 1 - (n - 1) * 2 / 42 = 1 - 14/42 = 2/3.
    units = [(S, S), (S, D), (D, D), (U, U)]
    assert krippendorff_alpha_nominal(units) == pytest.approx(2 / 3)


def test_alpha_with_three_raters_in_a_unit():
    # Units: (S,S,D) and (D,D).  Unit 1, m = 3, counts S2 D1:
    # off-diagonal = (m^2 - (4 + 1)) / (m - 1) = (9 - 5) / 2 = 2.  Unit 2 adds 0.
    # Values: S2 D3, n = 5; n^2 - sum n_c^2 = 25 - (4 + 9) = 12.
    # alpha = 1 - (5 - 1) * 2 / 12 = 1 - 8/12 = 1/3.
    assert krippendorff_alpha_nominal([(S, S, D), (D, D)]) == pytest.approx(1 / 3)


def test_alpha_equals_perfect_agreement_and_ignores_single_ratings():
    assert krippendorff_alpha_nominal([(S, S), (D, D), (U,), (S, S, S)]) == pytest.approx(1.0)


def test_alpha_is_undefined_without_pairable_values_or_variation():
    assert krippendorff_alpha_nominal([]) is None
    assert krippendorff_alpha_nominal([(S,), (D,), (None, U)]) is None
    assert krippendorff_alpha_nominal([(S, S), (S, S, S)]) is None  # one value only
