"""Inter-rater agreement between reviewers: Cohen's kappa and Krippendorff's alpha.

Both are chance-corrected: 1 is perfect agreement, 0 is what chance alone would give,
below 0 is systematic disagreement. Both return None where the statistic is undefined,
rather than a misleading number:

* fewer than 2 rated items (kappa) or fewer than 2 pairable ratings (alpha);
* no variation at all: every rating uses one and the same label. Agreement is then
  perfect but says nothing (expected agreement is 1 too, so the formula is 0/0); the
  app shows "not enough variation" instead of 1.0 or 0.0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float | None:
    """Cohen's kappa of two raters who labelled the same items, in the same order.

    kappa = (p_o - p_e) / (1 - p_e), p_o the observed share of agreement and
    p_e = sum over labels of (share of a using it) * (share of b using it).
    ValueError if the two sequences differ in length.
    """
    if len(a) != len(b):
        raise ValueError(f"the raters labelled different numbers of items ({len(a)}, {len(b)})")
    n = len(a)
    if n < 2:
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    count_a, count_b = Counter(a), Counter(b)
    expected = sum(count_a[label] * count_b[label] for label in count_a) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def krippendorff_alpha_nominal(units: Sequence[Sequence[str | None]]) -> float | None:
    """Krippendorff's alpha for nominal labels, any number of raters, missing allowed.

    Each unit is the labels it received (None entries are missing ratings and are
    skipped); units with fewer than 2 ratings are not pairable and are ignored.
    Coincidence-matrix method: a unit with m ratings adds n_c * n_k / (m - 1) to the
    coincidence of labels c and k (n_c * (n_c - 1) / (m - 1) on the diagonal), so

        alpha = 1 - (n - 1) * (sum of off-diagonal coincidences)
                            / (n^2 - sum over labels of n_c^2)

    with n_c the row totals and n the number of pairable ratings.
    """
    disagreement = 0.0  # off-diagonal coincidences, summed
    totals: Counter[str] = Counter()
    for unit in units:
        values = [value for value in unit if value is not None]
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        totals.update(counts)
        disagreement += (m * m - sum(c * c for c in counts.values())) / (m - 1)
    n = sum(totals.values())
    expected = n * n - sum(c * c for c in totals.values())
    if n < 2 or expected == 0:
        return None
    return 1.0 - (n - 1) * disagreement / expected
