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
