"""Second lifetime value (SLTV), the book's Appendix B model (DESIGN §2).

    SLTV = Σ_{t=1..T} m · r^(t-1) / (1+d)^t  −  C

Money is integer minor units in and out; the sum is computed in floats and rounded
once, which is exact to the fen for any realistic margin. ``explain`` returns every
term so the agent and the supervisor can see why a customer ranks where it does.
"""

from __future__ import annotations

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


@dataclass(frozen=True, slots=True)
class YearTerm:
    year: int
    margin_minor: int
    retention_factor: float
    discount_factor: float
    value_minor: int


@dataclass(frozen=True, slots=True)
class SltvExplanation:
    sltv_minor: int
    margin_minor: int
    margin_source: str  # "margin", "revenue_x_rate", "none"
    cost_minor: int
    params: SltvParams
    years: list[YearTerm]
    defaulted: list[str] = field(default_factory=list)
    imported_sltv_minor: int | None = None

    @property
    def gross_minor(self) -> int:
        return sum(y.value_minor for y in self.years)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["gross_minor"] = self.gross_minor
        return data


def annuity_factor(params: SltvParams) -> float:
    """Σ r^(t-1)/(1+d)^t: SLTV per unit of annual margin."""
    r, d = params.retention_rate, params.discount_rate
    return float(sum(r ** (t - 1) / (1 + d) ** t for t in range(1, params.horizon_years + 1)))


def expected_margin(
    margin_minor: int | None, revenue_minor: int | None, params: SltvParams
) -> tuple[int, str]:
    if margin_minor is not None:
        return margin_minor, "margin"
    if revenue_minor is not None:
        return round(revenue_minor * params.margin_rate), "revenue_x_rate"
    return 0, "none"


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
    if source == "revenue_x_rate":
        defaulted.append("margin")
    elif source == "none":
        defaulted.extend(["margin", "revenue"])
    years = []
    for t in range(1, params.horizon_years + 1):
        rf = params.retention_rate ** (t - 1)
        df = 1 / (1 + params.discount_rate) ** t
        years.append(YearTerm(t, m, rf, df, round(m * rf * df)))
    cost = params.win_back_cost_minor + params.contact_cost_minor
    gross = m * annuity_factor(params)
    return SltvExplanation(
        sltv_minor=round(gross) - cost,
        margin_minor=m,
        margin_source=source,
        cost_minor=cost,
        params=params,
        years=years,
        defaulted=defaulted,
        imported_sltv_minor=imported_sltv_minor,
    )


def compute(margin_minor: int | None, revenue_minor: int | None,
            params: SltvParams | None = None) -> int:
    return explain(margin_minor, revenue_minor, params).sltv_minor


def compute_many(
    margin_minor: npt.ArrayLike,
    revenue_minor: npt.ArrayLike,
    params: SltvParams | None = None,
) -> npt.NDArray[np.int64]:
    """Vectorised SLTV for a bulk recompute. Missing values are NaN (or None)."""
    params = params or SltvParams()
    margin = np.asarray(margin_minor, dtype=np.float64)
    revenue = np.asarray(revenue_minor, dtype=np.float64)
    m = np.where(np.isnan(margin), np.round(np.nan_to_num(revenue) * params.margin_rate),
                 margin)
    gross = np.round(m * annuity_factor(params))
    return (gross - (params.win_back_cost_minor + params.contact_cost_minor)).astype(np.int64)
