"""Programme numbers: does the win-back programme pay, and who comes back (DESIGN §12).

Definitions (every figure of a period counts finished calls started in the period):

- calls: finished calls (a disposition recorded).
- customers worked: distinct customers with a finished call.
- right-party contacts (RPC): answered calls that were not a wrong number (as the
  scorecards count them).
- won back: calls ending ``won_back``; saved: calls ending ``saved`` (a save is never
  a win-back).
- recovery rate = won back in win-back campaigns (``recovered``) / customers worked in
  win-back campaigns; save rate = saved / customers worked in save campaigns.
- SLTV recovered: the SLTV each win-back recorded when the customer came back (as
  the scorecards count it).
- offer cost: cost of offers accepted in the period.
- labour cost: each call's handle time (start to wrap-up end) × the hourly cost,
  rounded per call so that every breakdown adds up to the total.
- return = SLTV recovered − offer cost − labour cost; return per call = return / calls.
- defection rate (when the active base is known, i.e. customers other than lost ones
  are on file): customers who defected in the period / customers not yet lost at its
  start.
- cohorts: customers by month of defection; the share won back by each number of
  months since defection.

Breakdowns (reason, SLTV tier, segment, campaign, team) partition the calls, so their
calls, won back, saved, SLTV recovered, labour cost and return add up to the totals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any

from winback_desktop.core import metrics


@dataclass
class ProgrammeFigures:
    """Additive totals of one group (sums, never ratios) and the ratios derived."""

    calls: int = 0
    customers_worked: int = 0
    win_back_customers: int = 0
    save_customers: int = 0
    rpc: int = 0
    won_back: int = 0
    #: won back in win-back campaigns (the recovery rate's numerator)
    recovered: int = 0
    saved: int = 0
    sltv_recovered_minor: int = 0
    offer_cost_minor: int = 0
    handle_seconds: float = 0.0
    labour_cost_minor: int = 0

    @property
    def recovery_rate(self) -> float | None:
        return self.recovered / self.win_back_customers if self.win_back_customers else None

    @property
    def save_rate(self) -> float | None:
        return self.saved / self.save_customers if self.save_customers else None

    @property
    def rpc_rate(self) -> float | None:
        return self.rpc / self.calls if self.calls else None

    @property
    def return_minor(self) -> int:
        return self.sltv_recovered_minor - self.offer_cost_minor - self.labour_cost_minor

    @property
    def return_per_call_minor(self) -> int | None:
        return round(self.return_minor / self.calls) if self.calls else None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["handle_hours"] = round(self.handle_seconds / 3600, 3)
        data.pop("handle_seconds")
        data.update(recovery_rate=self.recovery_rate, save_rate=self.save_rate,
                    rpc_rate=self.rpc_rate, return_minor=self.return_minor,
                    return_per_call_minor=self.return_per_call_minor)
        return data


def figures(values: Mapping[str, Any]) -> ProgrammeFigures:
    out = ProgrammeFigures()
    for f in fields(out):
        if f.name in values and values[f.name] is not None:
            setattr(out, f.name, float(values[f.name]) if f.name == "handle_seconds"
                    else int(values[f.name]))
    return out


@dataclass(frozen=True)
class Cohort:
    """Customers who defected in one month, and how many of them were won back by
    the end of each month since (0 = the month they left)."""

    month: str
    customers: int
    won_back_by_month: list[int]

    @property
    def share_by_month(self) -> list[float]:
        return [w / self.customers if self.customers else 0.0 for w in self.won_back_by_month]

    def as_dict(self) -> dict[str, Any]:
        return {"cohort": self.month, "customers": self.customers,
                "won_back": self.won_back_by_month,
                "share": [round(s, 6) for s in self.share_by_month]}


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months_between(start: date, end: date) -> int:
    """Whole calendar months from ``start``'s month to ``end``'s month."""
    return (end.year - start.year) * 12 + end.month - start.month


def cohorts(defectors: Iterable[tuple[date, int]], won_back: Iterable[tuple[date, date]],
            first_month: date, last_month: date) -> list[Cohort]:
    """``defectors``: (defection date, count) rows; ``won_back``: (defection date, day
    won back) of each won-back customer. Cohorts from ``first_month`` to ``last_month``
    (month starts); each curve runs to ``last_month``."""
    sizes: dict[str, int] = {}
    for day, n in defectors:
        sizes[month_key(day)] = sizes.get(month_key(day), 0) + int(n)
    # wins per (cohort, months since defection), then cumulated along each curve
    back_in: dict[tuple[str, int], int] = {}
    for left, back in won_back:
        k = max(0, months_between(left, back))
        back_in[(month_key(left), k)] = back_in.get((month_key(left), k), 0) + 1
    out = []
    month = date(first_month.year, first_month.month, 1)
    while month <= last_month:
        key = month_key(month)
        running, counts = 0, []
        for k in range(months_between(month, last_month) + 1):
            running += back_in.get((key, k), 0)
            counts.append(running)
        out.append(Cohort(key, sizes.get(key, 0), counts))
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return out


def parse_period(text: str, today: date | None = None) -> metrics.Period:
    """The scorecards' periods, plus a year (``2026``) and a quarter (``2026-Q4``)."""
    text = text.strip()
    if text.isdigit() and len(text) == 4:
        year = int(text)
        return metrics.Period(date(year, 1, 1), date(year + 1, 1, 1), text)
    if len(text) == 7 and text[4:6].upper() == "-Q" and text[6] in "1234":
        year, quarter = int(text[:4]), int(text[6])
        start = date(year, 3 * quarter - 2, 1)
        end = date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
        return metrics.Period(start, end, text.upper())
    return metrics.parse_period(text, today)
