"""P(win-back) by empirical Bayes: shrinkage on hand-made cells."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from winback_desktop.core import win_model as wm
from winback_desktop.core.win_model import CellKey, WinModel


def _key(reason: str = "pulled_away", tier: str = "A", segment: str = "quick",
         attempt: int = 1, age: int = 0, kind: str = "win_back") -> CellKey:
    return CellKey.of(kind, reason, tier, segment, attempt, age)


def test_no_outcomes_gives_the_prior_everywhere() -> None:
    model = WinModel.empty()
    assert np.allclose(model.cell_rates(), wm.PRIOR_RATE)
    est = model.estimate(_key())
    assert est.own.tries == 0 and est.parent.tries == 0
    assert est.p_win == pytest.approx(wm.PRIOR_RATE)


def test_thin_cell_borrows_from_its_parent_thick_cell_speaks_for_itself() -> None:
    rows = [
        # reason × tier pulled_away/A: many tries at 20 %, spread over attempts
        (_key(attempt=1), 400, 80), (_key(attempt=2), 400, 80),
        # a thin cell that won 2 of 2: alone it would say 100 %
        (_key(attempt=3), 2, 2),
        # a thick cell at 50 % with 1,000 tries
        (_key(segment="long_term", attempt=1), 1000, 500),
        # other reasons, so the reason level has spread to learn from
        (_key(reason="bought_away", tier="C"), 500, 10),
        (_key(reason="moved_away", tier="B"), 300, 30),
    ]
    model = WinModel.from_counts(rows)
    thin = model.estimate(_key(attempt=3))
    thick = model.estimate(_key(segment="long_term", attempt=1))
    # the thin cell: between its parent's rate and its own 100 %, much nearer the parent
    assert thin.parent.level == "reason_tier"
    assert thin.parent.rate < thin.p_win < 0.5
    assert thin.own.wins == 2 and thin.own.tries == 2
    # the thick cell stays near its own 50 %
    assert thick.p_win == pytest.approx(0.5, abs=0.02)
    # a cell nobody tried yet takes its parent's rate exactly
    untried = model.estimate(_key(attempt=4))
    assert untried.own.tries == 0
    assert untried.p_win == pytest.approx(untried.parent.rate)
    # shrinkage follows the formula with the level's κ
    k = thin.own.prior_strength
    assert thin.p_win == pytest.approx((2 + k * thin.parent.rate) / (2 + k))


def test_saves_and_win_backs_are_learned_apart() -> None:
    model = WinModel.from_counts([(_key(kind="save"), 200, 150),
                                  (_key(kind="win_back"), 200, 10)])
    assert model.estimate(_key(kind="save")).p_win > 0.6
    assert model.estimate(_key(kind="win_back")).p_win < 0.1
    # the root of each kind counts only its own tries
    assert model.estimate(_key(kind="save")).levels[0].tries == 200


def test_kappa_small_when_children_differ_large_when_they_do_not() -> None:
    rng = np.random.default_rng(3)
    same = [(_key(reason=r), 500, int(rng.binomial(500, 0.2))) for r in wm.REASONS]
    differ = [(_key(reason=r), 500, int(500 * p))
              for r, p in zip(wm.REASONS, (0.02, 0.1, 0.3, 0.5, 0.7, 0.9), strict=True)]
    k_same = WinModel.from_counts(same).estimate(_key()).levels[1].prior_strength
    k_differ = WinModel.from_counts(differ).estimate(_key()).levels[1].prior_strength
    assert k_differ < 10 < 100 < k_same


def test_vectorised_codes_match_cell_keys() -> None:
    model = WinModel.from_counts([(_key(attempt=2, age=3), 50, 20)])
    codes = wm.codes(["win_back"], ["pulled_away"], ["A"], ["quick"], [2], [3])
    assert model.predict(codes)[0] == pytest.approx(model.estimate(_key(attempt=2, age=3)).p_win)
    # attempts past the last bucket, unknown tiers and reasons fold into their buckets
    assert wm.codes(["win_back"], ["nonsense"], [None], [None], [9], [5])[0] == \
        wm.codes(["win_back"], ["unknown"], [""], [""], [5], [5])[0]


def test_age_buckets() -> None:
    on = date(2026, 11, 20)
    assert wm.age_bucket(None, on) == wm.AGE_UNKNOWN
    assert wm.age_bucket(date(2026, 11, 1), on) == 0
    assert wm.age_bucket(date(2026, 8, 1), on) == 2
    assert wm.age_bucket(date(2024, 1, 1), on) == 4
    days = np.array([0.0, 30.0, 31.0, 365.0, 366.0, np.nan])
    assert wm.age_buckets(days).tolist() == [0, 0, 1, 3, 4, wm.AGE_UNKNOWN]


def test_expected_value_adds_up_to_the_minor_unit() -> None:
    ev = wm.expected_value(0.237, sltv_minor=1_000_000, offer_cost_minor=50_000,
                           contact_cost_minor=2_000)
    assert ev.value_if_won_minor == 1_052_000
    assert ev.expected_gain_minor == round(0.237 * 1_052_000)
    assert ev.expected_offer_cost_minor == round(0.237 * 50_000)
    assert ev.expected_value_minor == (ev.expected_gain_minor - ev.expected_offer_cost_minor
                                       - 2_000)
    many = wm.expected_values(np.array([0.237]), np.array([1_000_000]), 50_000, 2_000)
    assert many[0] == ev.expected_value_minor


def test_calibration_by_decile() -> None:
    p = np.linspace(0.01, 0.5, 1000)
    table = wm.calibration(p, (p > 0.25).astype(float))
    assert len(table) == 10
    assert table[0]["observed"] == 0 and table[-1]["observed"] == 1
    assert sum(row["tries"] for row in table) == 1000


def test_halves_round_away_from_zero_as_the_scoring_statement_does() -> None:
    """Python's round() sends halves to even; the SQL that scores a million tasks
    sends them away from zero, so the explain and the stored value must too."""
    assert [wm.round_half_away(x) for x in (2.5, 3.5, -2.5, 0.4999, -0.5)] == [3, 4, -3, 0, -1]
    ev = wm.expected_value(0.5, sltv_minor=5, offer_cost_minor=1, contact_cost_minor=0)
    assert (ev.expected_gain_minor, ev.expected_offer_cost_minor) == (3, 1)
    many = wm.expected_values(np.array([0.5]), np.array([5]), 1, 0)
    assert many[0] == ev.expected_value_minor == 2
