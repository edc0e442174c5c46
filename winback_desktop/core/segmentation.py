"""SLTV tiers and the segmentation grid (tier × defection reason → treatment).

The grid is data: the defaults below seed the ``segment_rules`` table and admins edit
it there. These functions only evaluate a grid they are given.

A customer the model cannot value (no margin, no revenue, no imported SLTV: the SLTV
is unknown) belongs to the lowest non-negative tier: nothing says they are worth much,
nothing says they cost more than they bring. The import, the recompute, the grid and
threshold edits and the exit interview all place them there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from winback_desktop.core.domain import DefectionReason as R
from winback_desktop.core.domain import SltvTier as T
from winback_desktop.core.domain import Treatment as X

#: Lower bounds in minor units (¥): A ≥ 50,000, B ≥ 20,000, C ≥ 5,000, D ≥ 0.
DEFAULT_TIER_THRESHOLDS: dict[str, int] = {
    T.A: 5_000_000,
    T.B: 2_000_000,
    T.C: 500_000,
    T.D: 0,
}

TIERS = [T.A.value, T.B.value, T.C.value, T.D.value, T.NEGATIVE.value]
REASONS = [r.value for r in R]


def default_grid() -> dict[tuple[str, str], str]:
    """DESIGN §2 defaults, spelled out cell by cell."""
    grid: dict[tuple[str, str], str] = {}
    for tier in TIERS:
        for reason in REASONS:
            grid[(tier, reason)] = _default_cell(tier, reason)
    return grid


def _default_cell(tier: str, reason: str) -> str:
    if tier == T.NEGATIVE or reason == R.PUSHED_INTENTIONAL:
        return X.DO_NOT_PURSUE.value
    if reason == R.BOUGHT_AWAY:
        return X.DO_NOT_PURSUE.value if tier in (T.C, T.D) else X.QUICK.value
    if reason == R.PUSHED_UNINTENTIONAL:
        return X.QUICK.value
    if reason == R.PULLED_AWAY:
        return X.QUICK.value if tier in (T.A, T.B) else X.LONG_TERM.value
    if reason == R.MOVED_AWAY:
        # "long_term only if serviceable": serviceability is unknown from the grid, so
        # the default nurtures A–C and lets D go.
        return X.LONG_TERM.value if tier in (T.A, T.B, T.C) else X.DO_NOT_PURSUE.value
    return X.QUICK.value  # unknown: call to find out


def unvalued_tier(thresholds: Mapping[str, int] | None = None) -> str:
    """The tier of a customer whose SLTV is unknown: the lowest non-negative one."""
    thresholds = thresholds or DEFAULT_TIER_THRESHOLDS
    return str(min(thresholds.items(), key=lambda kv: kv[1])[0])


def tier_for(sltv_minor: int | None, thresholds: Mapping[str, int] | None = None) -> str:
    thresholds = thresholds or DEFAULT_TIER_THRESHOLDS
    if sltv_minor is None:
        return unvalued_tier(thresholds)
    if sltv_minor < 0:
        return T.NEGATIVE.value
    for tier, bound in sorted(thresholds.items(), key=lambda kv: kv[1], reverse=True):
        if sltv_minor >= bound:
            return str(tier)
    return T.NEGATIVE.value


def tier_many(values: npt.ArrayLike, thresholds: Mapping[str, int]) -> npt.NDArray[Any]:
    """Vectorised ``tier_for`` over SLTVs as floats (NaN = unknown)."""
    arr = np.asarray(values, dtype=np.float64)
    ordered = sorted(thresholds.items(), key=lambda kv: kv[1])  # ascending bounds
    bounds = np.array([b for _, b in ordered], dtype=np.float64)
    names = np.array([T.NEGATIVE.value] + [str(t) for t, _ in ordered], dtype=object)
    out = names[np.searchsorted(bounds, np.nan_to_num(arr, nan=0.0), side="right")]
    out[arr < 0] = T.NEGATIVE.value
    out[np.isnan(arr)] = unvalued_tier(thresholds)
    return cast(npt.NDArray[Any], out)


def classify(sltv_minor: int | None, reason: str, thresholds: Mapping[str, int],
             grid: Mapping[tuple[str, str], str]) -> tuple[str, str]:
    """(tier, treatment) of one customer: the one rule every path segments by."""
    tier = tier_for(sltv_minor, thresholds)
    return tier, treatment_for(tier, reason, grid)


def treatment_for(
    tier: str, reason: str, grid: Mapping[tuple[str, str], str] | None = None
) -> str:
    grid = grid or default_grid()
    return grid.get((tier, reason), X.QUICK.value)


def tiers_in_order(thresholds: Mapping[str, int]) -> Sequence[str]:
    return [t for t, _ in sorted(thresholds.items(), key=lambda kv: kv[1], reverse=True)]
