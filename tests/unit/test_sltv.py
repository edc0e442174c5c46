"""SLTV against hand-computed cases (DESIGN §2, Appendix B of the book)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from winback_desktop.core import sltv


def test_default_model_matches_hand_computation() -> None:
    # m = ¥10,000.00 margin, r = 0.7, d = 0.1, T = 5, contact cost ¥20
    m = 1_000_000
    by_hand = sum(m * 0.7 ** (t - 1) / 1.1**t for t in range(1, 6))
    # 909,090.9 + 578,512.4 + 368,144.3 + 234,273.6 + 149,083.2
    assert by_hand == pytest.approx(2_239_104.4, abs=1)
    result = sltv.explain(m, None)
    assert result.sltv_minor == round(by_hand) - 2_000
    assert [y.year for y in result.years] == [1, 2, 3, 4, 5]
    assert result.years[0].value_minor == round(m / 1.1)
    assert result.defaulted == []


def test_revenue_times_margin_rate_when_margin_missing() -> None:
    params = sltv.SltvParams(margin_rate=0.2, contact_cost_minor=0)
    result = sltv.explain(None, 5_000_000, params)
    assert result.margin_minor == 1_000_000
    assert result.margin_source == "revenue_x_rate"
    assert result.defaulted == ["margin"]


def test_cost_can_make_sltv_negative() -> None:
    params = sltv.SltvParams(win_back_cost_minor=100_000, contact_cost_minor=0)
    assert sltv.compute(10_000, None, params) < 0


def test_one_year_horizon_no_retention_decay() -> None:
    params = sltv.SltvParams(horizon_years=1, discount_rate=0.0, contact_cost_minor=0)
    assert sltv.compute(12_345, None, params) == 12_345


def test_vectorised_equals_scalar() -> None:
    params = sltv.SltvParams(retention_rate=0.6, discount_rate=0.08, horizon_years=4)
    margins = [100_000, math.nan, 0, 7_777_777]
    revenues = [None, 400_000, 10, 1]
    got = sltv.compute_many(margins, [np.nan if r is None else r for r in revenues], params)
    want = [sltv.compute(None if math.isnan(m) else int(m), r, params)
            for m, r in zip(margins, revenues, strict=True)]
    assert got.tolist() == want


def test_params_from_mapping_ignores_unknown_keys() -> None:
    p = sltv.SltvParams.from_mapping({"retention_rate": 0.5, "colour": "red"})
    assert p.retention_rate == 0.5 and p.discount_rate == 0.10


def _random_cases(n: int, seed: int) -> list[tuple[int | None, int | None, sltv.SltvParams]]:
    """Customers and campaign parameters of the shapes real lists have: margins from a
    few fen to millions, revenue-only rows, odd rates and horizons."""
    import random

    rng = random.Random(seed)
    cases = []
    for _ in range(n):
        params = sltv.SltvParams(
            retention_rate=rng.choice([0.7, 0.5, 0.65, 0.83, 1.0, rng.random()]),
            discount_rate=rng.choice([0.1, 0.0, 0.08, 0.125, rng.random() / 3]),
            horizon_years=rng.choice([5, 1, 3, 7, 10, rng.randint(1, 20)]),
            margin_rate=rng.choice([0.25, 0.3, rng.random()]),
            win_back_cost_minor=rng.choice([0, 5_000, rng.randint(0, 100_000)]),
            contact_cost_minor=rng.choice([2_000, 0, rng.randint(0, 9_999)]))
        margin = rng.choice([None, rng.randint(1, 99), rng.randint(100, 10_000_000),
                             int(rng.lognormvariate(12, 2)), -rng.randint(1, 500_000)])
        revenue = rng.choice([None, rng.randint(0, 50_000_000), int(rng.lognormvariate(13, 2))])
        cases.append((margin, revenue, params))
    return cases


def test_explain_adds_up_to_the_fen_for_many_customers() -> None:
    """Σ displayed yearly values − cost = SLTV exactly, and each yearly value is the
    exact term rounded to within one fen."""
    wrong = []
    for margin, revenue, params in _random_cases(20_000, seed=14):
        e = sltv.explain(margin, revenue, params)
        if e.sltv_minor is None:
            continue
        if sum(y.value_minor for y in e.years) - e.cost_minor != e.sltv_minor:
            wrong.append((margin, revenue, params))
            continue
        for y in e.years:
            exact = y.margin_minor * y.retention_factor * y.discount_factor
            assert abs(y.value_minor - exact) < 1.0 + 1e-6, (margin, revenue, params, y)
    assert wrong == []


def test_explain_equals_bulk_recompute_for_many_customers() -> None:
    """The value the explain shows is the value the queue ranks by."""
    by_params: dict[sltv.SltvParams, list[tuple[int | None, int | None]]] = {}
    for margin, revenue, params in _random_cases(5_000, seed=21):
        by_params.setdefault(params, []).append((margin, revenue))
    for params, rows in by_params.items():
        got = sltv.compute_many([math.nan if m is None else m for m, _ in rows],
                                [math.nan if r is None else r for _, r in rows], params)
        want = [sltv.explain(m, r, params).sltv_minor for m, r in rows]
        assert [None if math.isnan(v) else int(v) for v in got.tolist()] == want


def test_no_margin_and_no_revenue_leaves_sltv_unknown() -> None:
    """The model cannot value a customer without spend data: no yearly terms, no SLTV
    (not −cost), and the explain says so."""
    e = sltv.explain(None, None)
    assert e.sltv_minor is None
    assert e.years == [] and e.margin_source == "none"
    assert e.defaulted == ["margin", "revenue"]
    assert sltv.compute(None, None) is None
    assert math.isnan(sltv.compute_many([math.nan], [math.nan])[0])
