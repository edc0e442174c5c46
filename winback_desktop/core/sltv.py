"""Second lifetime value (SLTV), the book's Appendix B model (DESIGN §2).

    SLTV = Σ_{t=1..T} m · r^(t-1) / (1+d)^t  −  C

Money is integer minor units in and out. The sum is computed in floats and rounded
once (``round(m × annuity factor)``), by the scalar and the vectorised code alike, so
the explain and the queue always agree. The yearly values the explain shows are the
exact terms apportioned to the fen (largest remainder), so they add up: Σ years − cost
is the SLTV to the minor unit.

A customer with neither margin nor revenue cannot be valued by the model: the SLTV is
unknown (``None``; NaN in the vectorised form), not ``−C``. A missing number is not
evidence that the customer is worth nothing; segmentation places such customers in the
lowest non-negative tier (``core.segmentation.tier_for``) until spend data arrives.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True, slots=True)
class SltvParams:
    retention_rate: float = 0.70
    discount_rate: float = 0.10
    horizon_years: int = 5
    #: used when only revenue is known: margin = revenue × margin_rate
    margin_rate: float = 0.25
    #: expected cost of winning the customer back (offer + contact), minor units
    win_back_cost_minor: int = 0
    contact_cost_minor: int = 2_000

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> SltvParams:
        if not data:
            return cls()
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def cost_minor(self) -> int:
        """C: expected offer cost plus contact cost."""
        return int(self.win_back_cost_minor) + int(self.contact_cost_minor)


@dataclass(frozen=True, slots=True)
class YearTerm:
    year: int
    margin_minor: int
    retention_factor: float
    discount_factor: float
    #: the exact term m·r^(t-1)/(1+d)^t apportioned to the fen: the years add up
    value_minor: int


#: ``SltvExplanation.margin_source`` values
MARGIN = "margin"
REVENUE_X_RATE = "revenue_x_rate"
NO_SPEND_DATA = "none"


@dataclass(frozen=True, slots=True)
class SltvExplanation:
    #: the model's value; None when there is no margin or revenue to value
    sltv_minor: int | None
    margin_minor: int
    margin_source: str  # MARGIN, REVENUE_X_RATE, NO_SPEND_DATA
    cost_minor: int
    params: SltvParams
    years: list[YearTerm]
    defaulted: list[str] = field(default_factory=list)
    imported_sltv_minor: int | None = None

    @property
    def gross_minor(self) -> int:
        return sum(y.value_minor for y in self.years)

    @property
    def ranking_minor(self) -> int | None:
        """What the queue ranks and segments by: an imported SLTV overrides the model."""
        return self.imported_sltv_minor if self.imported_sltv_minor is not None \
            else self.sltv_minor

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["gross_minor"] = self.gross_minor
        data["ranking_minor"] = self.ranking_minor
        return data


def year_weights(params: SltvParams) -> list[tuple[float, float]]:
    """(r^(t-1), 1/(1+d)^t) for t = 1..T."""
    r, d = params.retention_rate, params.discount_rate
    return [(r ** (t - 1), 1 / (1 + d) ** t) for t in range(1, params.horizon_years + 1)]


def annuity_factor(params: SltvParams) -> float:
    """Σ r^(t-1)/(1+d)^t: SLTV per unit of annual margin."""
    r, d = params.retention_rate, params.discount_rate
    return float(sum(r ** (t - 1) / (1 + d) ** t for t in range(1, params.horizon_years + 1)))


def expected_margin(
    margin_minor: int | None, revenue_minor: int | None, params: SltvParams
) -> tuple[int, str]:
    if margin_minor is not None:
        return margin_minor, MARGIN
    if revenue_minor is not None:
        return round(revenue_minor * params.margin_rate), REVENUE_X_RATE
    return 0, NO_SPEND_DATA


def apportion(total: int, exact: list[float]) -> list[int]:
    """Integers that sum to ``total``, each within one unit of its exact share.

    Largest remainder: floor every share, then hand the units left over to the shares
    that lost most by the floor (earlier years first on ties).
    """
    floors = [math.floor(x) for x in exact]
    left = total - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    out = list(floors)
    if not order:
        return out
    step = 1 if left > 0 else -1
    for k in range(abs(left)):
        i = order[k % len(order)] if step > 0 else order[-1 - k % len(order)]
        out[i] += step
    return out


def explain(
    margin_minor: int | None,
    revenue_minor: int | None,
    params: SltvParams | None = None,
    *,
    imported_sltv_minor: int | None = None,
) -> SltvExplanation:
    params = params or SltvParams()
    m, source = expected_margin(margin_minor, revenue_minor, params)
    defaulted: list[str] = []
    cost = params.cost_minor
    if source == REVENUE_X_RATE:
        defaulted.append("margin")
    elif source == NO_SPEND_DATA:
        defaulted.extend(["margin", "revenue"])
        return SltvExplanation(None, 0, source, cost, params, [], defaulted,
                               imported_sltv_minor)
    weights = year_weights(params)
    gross = round(m * annuity_factor(params))
    values = apportion(gross, [m * rf * df for rf, df in weights])
    years = [YearTerm(t, m, rf, df, v)
             for t, ((rf, df), v) in enumerate(zip(weights, values, strict=True), start=1)]
    return SltvExplanation(
        sltv_minor=gross - cost,
        margin_minor=m,
        margin_source=source,
        cost_minor=cost,
        params=params,
        years=years,
        defaulted=defaulted,
        imported_sltv_minor=imported_sltv_minor,
    )


def compute(margin_minor: int | None, revenue_minor: int | None,
            params: SltvParams | None = None) -> int | None:
    return explain(margin_minor, revenue_minor, params).sltv_minor


def compute_many(
    margin_minor: npt.ArrayLike,
    revenue_minor: npt.ArrayLike,
    params: SltvParams | None = None,
) -> npt.NDArray[np.float64]:
    """Vectorised ``compute`` for a bulk recompute or an import.

    Missing inputs are NaN (or None); the result is NaN where neither margin nor
    revenue is known, else a whole number of minor units (exact in float64).
    """
    params = params or SltvParams()
    margin = np.asarray(margin_minor, dtype=np.float64)
    revenue = np.asarray(revenue_minor, dtype=np.float64)
    m = np.where(np.isnan(margin), np.round(revenue * params.margin_rate), margin)
    gross = np.round(m * annuity_factor(params))
    return gross - float(params.cost_minor)
