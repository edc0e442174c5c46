"""The grid defaults of DESIGN §2, cell by cell where the design names them."""

from __future__ import annotations

import pytest

from winback_desktop.core import segmentation as seg


@pytest.mark.parametrize(
    ("tier", "reason", "treatment"),
    [
        ("negative", "pulled_away", "do_not_pursue"),
        ("A", "pushed_intentional", "do_not_pursue"),
        ("C", "bought_away", "do_not_pursue"),
        ("D", "bought_away", "do_not_pursue"),
        ("A", "bought_away", "quick"),
        ("D", "pushed_unintentional", "quick"),
        ("A", "pulled_away", "quick"),
        ("B", "pulled_away", "quick"),
        ("C", "pulled_away", "long_term"),
        ("A", "moved_away", "long_term"),
        ("B", "unknown", "quick"),
    ],
)
def test_default_grid(tier: str, reason: str, treatment: str) -> None:
    assert seg.treatment_for(tier, reason) == treatment


def test_grid_covers_every_cell() -> None:
    grid = seg.default_grid()
    assert len(grid) == len(seg.TIERS) * len(seg.REASONS)


@pytest.mark.parametrize(
    ("value", "tier"),
    [(-1, "negative"), (0, "D"), (499_999, "D"), (500_000, "C"), (2_000_000, "B"),
     (5_000_000, "A"), (10**12, "A")],
)
def test_tiers(value: int, tier: str) -> None:
    assert seg.tier_for(value) == tier


def test_edited_thresholds_are_used() -> None:
    assert seg.tier_for(100, {"A": 100, "B": 50, "C": 10, "D": 0}) == "A"


def test_unknown_sltv_is_the_lowest_non_negative_tier() -> None:
    assert seg.tier_for(None) == "D"
    assert seg.tier_for(None, {"A": 900, "B": 500, "C": 100, "D": 10}) == "D"
    assert seg.classify(None, "pulled_away", seg.DEFAULT_TIER_THRESHOLDS,
                        seg.default_grid()) == ("D", "long_term")


def test_vectorised_tiers_equal_scalar_tiers() -> None:
    import math

    thresholds = {"A": 5_000_000, "B": 2_000_000, "C": 500_000, "D": 0}
    values = [-1, 0, 1, 499_999, 500_000, 1_999_999, 2_000_000, 5_000_000, 10**12, math.nan]
    want = [seg.tier_for(None if math.isnan(v) else int(v), thresholds) for v in values]
    assert seg.tier_many(values, thresholds).tolist() == want
