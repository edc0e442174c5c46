"""Early warning from purchase histories (DESIGN §12, the book's chapter 4).

The cheapest win-back is the customer saved before they go. Each customer is measured
against their own past, never against a fixed rule for everybody:

* **rhythm gap**: days since the last purchase against the customer's typical gap
  (the median of their gaps between purchase days);
* **frequency drop / spend drop** (RFM against their own past): purchases and spend in
  the last window against their average per window before it;
* **P(alive)** from the BG/NBD model (Fader, Hardie & Lee, 2005) fitted on every
  history: the probability that the customer is still buying at all;
* **imported signs**: complaints, overdue invoices, a downgrade.

Histories are flat NumPy arrays sorted by customer then day, so a million purchases are
a few vectorised passes. Nothing here knows about the database or Qt; signal texts are
marked for translation and rendered by whoever shows them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

#: signal codes, in the order a flag lists them
RHYTHM_GAP = "rhythm_gap"
FREQUENCY_DROP = "frequency_drop"
SPEND_DROP = "spend_drop"
LOW_P_ALIVE = "low_p_alive"
COMPLAINTS = "complaints"
OVERDUE_INVOICES = "overdue_invoices"
DOWNGRADE = "downgrade"
SIGNAL_CODES = (RHYTHM_GAP, FREQUENCY_DROP, SPEND_DROP, LOW_P_ALIVE, COMPLAINTS,
                OVERDUE_INVOICES, DOWNGRADE)

SIGNAL_TEXTS: dict[str, str] = {
    RHYTHM_GAP: QT_TRANSLATE_NOOP(
        "Risk", "No purchase for {days} days; usually buys every {gap} days"),
    FREQUENCY_DROP: QT_TRANSLATE_NOOP(
        "Risk", "Purchases in the last {window} days: {recent}, against {past} per {window} "
        "days before"),
    SPEND_DROP: QT_TRANSLATE_NOOP(
        "Risk", "Spent {drop}% less in the last {window} days than in an average {window} "
        "days before"),
    LOW_P_ALIVE: QT_TRANSLATE_NOOP(
        "Risk", "Only {percent}% likely to be still buying (BG/NBD model)"),
    COMPLAINTS: QT_TRANSLATE_NOOP("Risk", "Complaints on record: {count}"),
    OVERDUE_INVOICES: QT_TRANSLATE_NOOP("Risk", "Overdue invoices: {count}"),
    DOWNGRADE: QT_TRANSLATE_NOOP("Risk", "Downgraded: {detail}"),
}

SIGNAL_NAMES: dict[str, str] = {
    RHYTHM_GAP: QT_TRANSLATE_NOOP("Risk", "Silent for longer than usual"),
    FREQUENCY_DROP: QT_TRANSLATE_NOOP("Risk", "Buying less often"),
    SPEND_DROP: QT_TRANSLATE_NOOP("Risk", "Spending less"),
    LOW_P_ALIVE: QT_TRANSLATE_NOOP("Risk", "Probably no longer buying"),
    COMPLAINTS: QT_TRANSLATE_NOOP("Risk", "Complaints"),
    OVERDUE_INVOICES: QT_TRANSLATE_NOOP("Risk", "Overdue invoices"),
    DOWNGRADE: QT_TRANSLATE_NOOP("Risk", "Downgrade"),
}


@dataclass(frozen=True, slots=True)
class RiskParams:
    """Thresholds of the scan; stored as the ``risk_params`` setting.

    The defaults were chosen with ``tests/benchmarks/bench_risk.py`` (generated
    histories whose stop dates are known): see the figures in its docstring.
    """

    #: rhythm gap: silent for more than ``gap_factor`` × the typical gap …
    gap_factor: float = 1.5
    #: … and by at least this many days more than the typical gap
    gap_min_extra_days: int = 30
    #: purchase days needed before a customer has a rhythm of their own
    min_purchase_days: int = 3
    #: RFM windows: the last ``window_days`` against the average window before them
    window_days: int = 180
    #: a drop fires when the last window has at most this share of the usual
    drop_ratio: float = 0.25
    #: purchases needed in the past for a drop to mean anything
    min_past_purchases: int = 8
    #: P(alive) below this fires
    p_alive_below: float = 0.2
    #: repeat buyers needed to fit BG/NBD; fewer and P(alive) is left out
    min_fit_customers: int = 30
    complaints_at_least: int = 1
    overdue_at_least: int = 1
    #: a closed flag keeps a customer from being flagged again on the same evidence
    #: for this many days
    reflag_after_days: int = 90

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> RiskParams:
        if not data:
            return cls()
        known = {k: type(getattr(cls(), k))(data[k])
                 for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Signal:
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "params": dict(self.params)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Signal:
        return cls(str(data.get("code", "")), dict(data.get("params") or {}))


def describe(signal: Signal | Mapping[str, Any],
             translate: Callable[[str, str], str] | None = None) -> str:
    """The signal in words (translated when ``translate`` is given)."""
    sig = signal if isinstance(signal, Signal) else Signal.from_dict(signal)
    text = SIGNAL_TEXTS.get(sig.code, sig.code)
    if translate is not None:
        text = translate("Risk", text)
    try:
        return text.format(**sig.params)
    except (KeyError, IndexError, ValueError):
        return text


def signal_name(code: str, translate: Callable[[str, str], str] | None = None) -> str:
    text = SIGNAL_NAMES.get(code, code)
    return translate("Risk", text) if translate is not None else text


# ------------------------------------------------------------------------ histories


@dataclass(frozen=True)
class Histories:
    """Purchases of many customers as flat arrays, sorted by customer, then day.

    ``days`` are days since 1970-01-01; ``starts[i]:starts[i+1]`` are the purchases
    of ``customer_ids[i]``.
    """

    customer_ids: IntArray
    starts: IntArray
    days: IntArray
    amounts: IntArray

    @classmethod
    def from_rows(cls, customers: npt.ArrayLike, days: npt.ArrayLike,
                  amounts: npt.ArrayLike) -> Histories:
        """From one row per purchase, already sorted by (customer, day)."""
        cust = np.asarray(customers, dtype=np.int64)
        d = np.asarray(days, dtype=np.int64)
        a = np.asarray(amounts, dtype=np.int64)
        if cust.size == 0:
            empty = np.zeros(0, dtype=np.int64)
            return cls(empty, np.zeros(1, dtype=np.int64), empty, empty)
        if cust.size > 1 and (np.any(np.diff(cust) < 0)
                              or np.any((np.diff(cust) == 0) & (np.diff(d) < 0))):
            order = np.lexsort((d, cust))
            cust, d, a = cust[order], d[order], a[order]
        boundary = np.flatnonzero(np.diff(cust)) + 1
        starts = np.concatenate(([0], boundary, [cust.size])).astype(np.int64)
        return cls(cust[starts[:-1]], starts, d, a)

    @property
    def size(self) -> int:
        return int(self.customer_ids.size)

    def upto(self, day: int) -> Histories:
        """Only the purchases on or before ``day`` (a scan never sees the future)."""
        if self.days.size == 0 or int(self.days.max()) <= day:
            return self
        keep = self.days <= day
        owner = np.repeat(self.customer_ids, np.diff(self.starts))
        return Histories.from_rows(owner[keep], self.days[keep], self.amounts[keep])


@dataclass(frozen=True)
class Rhythm:
    """Per customer (aligned with ``Histories.customer_ids``)."""

    first_day: IntArray
    last_day: IntArray
    purchases: IntArray
    spend: IntArray
    #: distinct purchase days
    purchase_days: IntArray
    #: median gap between purchase days; NaN with fewer than two purchase days
    typical_gap: FloatArray


def _group_of_rows(h: Histories) -> IntArray:
    return np.repeat(np.arange(h.size, dtype=np.int64), np.diff(h.starts))


def rhythm(h: Histories) -> Rhythm:
    """Recency, frequency, spend and typical gap of every customer."""
    n = h.size
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Rhythm(empty, empty, empty, empty, empty, np.zeros(0))
    starts = h.starts[:-1]
    counts = np.diff(h.starts)
    first = h.days[starts]
    last = h.days[h.starts[1:] - 1]
    spend = np.add.reduceat(h.amounts, starts)
    group = _group_of_rows(h)
    # distinct purchase days: a row whose day differs from the previous row of its group
    new_day = np.ones(h.days.size, dtype=bool)
    new_day[1:] = (h.days[1:] != h.days[:-1]) | (group[1:] != group[:-1])
    day_rows = np.flatnonzero(new_day)
    day_group = group[day_rows]
    purchase_days = np.bincount(day_group, minlength=n).astype(np.int64)
    # gaps between consecutive purchase days of one customer
    same = day_group[1:] == day_group[:-1]
    gaps = (h.days[day_rows[1:]] - h.days[day_rows[:-1]])[same]
    gap_group = day_group[1:][same]
    typical = np.full(n, np.nan)
    if gaps.size:
        order = np.lexsort((gaps, gap_group))
        sorted_gaps = gaps[order].astype(np.float64)
        gap_counts = np.bincount(gap_group, minlength=n)
        has = gap_counts > 0
        gap_starts = np.concatenate(([0], np.cumsum(gap_counts)[:-1]))
        lo = gap_starts + (gap_counts - 1) // 2
        hi = gap_starts + gap_counts // 2
        typical[has] = (sorted_gaps[lo[has]] + sorted_gaps[hi[has]]) / 2.0
    return Rhythm(first, last, counts.astype(np.int64), spend.astype(np.int64),
                  purchase_days, typical)


# -------------------------------------------------------------------------- BG/NBD


@dataclass(frozen=True, slots=True)
class BgNbd:
    """Fitted BG/NBD parameters (time unit: weeks)."""

    r: float
    alpha: float
    a: float
    b: float
    customers: int

    def as_dict(self) -> dict[str, float]:
        return {"r": self.r, "alpha": self.alpha, "a": self.a, "b": self.b,
                "customers": self.customers}


def bgnbd_summary(h: Histories, rh: Rhythm, as_of_day: int
                  ) -> tuple[FloatArray, FloatArray, FloatArray]:
    """(x, t_x, T) per customer: repeat purchase days, time of the last and age, in weeks."""
    x = (rh.purchase_days - 1).astype(np.float64)
    t_x = (rh.last_day - rh.first_day).astype(np.float64) / 7.0
    age = (as_of_day - rh.first_day).astype(np.float64) / 7.0
    return x, t_x, np.maximum(age, t_x)


def _bgnbd_negll(log_params: FloatArray, x: FloatArray, t_x: FloatArray, age: FloatArray,
                 weight: FloatArray) -> tuple[float, FloatArray]:
    """Mean negative log-likelihood of BG/NBD and its gradient in log-parameters.

    The analytic gradient (digamma terms) lets L-BFGS-B converge in a few dozen
    evaluations instead of five per step for finite differences.
    """
    from scipy.special import digamma, gammaln

    r, alpha, a, b = np.exp(log_params)
    repeat = x > 0
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    log_at = np.log(alpha + age)
    log_atx = np.log(alpha + t_x)
    a3 = -(r + x) * log_at
    a4 = np.full_like(x, -np.inf)
    bx1 = np.where(repeat, b + x - 1, 1.0)
    a4[repeat] = (np.log(a) - np.log(bx1[repeat]) - (r + x[repeat]) * log_atx[repeat])
    log_sum = np.logaddexp(a3, a4)
    ll = a1 + a2 + log_sum
    w3 = np.exp(a3 - log_sum)
    w4 = np.where(repeat, np.exp(a4 - log_sum), 0.0)
    dig_ab, dig_abx = digamma(a + b), digamma(a + b + x)
    d_r = digamma(r + x) - digamma(r) + np.log(alpha) - w3 * log_at - w4 * log_atx
    d_alpha = r / alpha - w3 * (r + x) / (alpha + age) - w4 * (r + x) / (alpha + t_x)
    d_a = dig_ab - dig_abx + w4 / a
    d_b = dig_ab + digamma(b + x) - digamma(b) - dig_abx - w4 / bx1
    total = float(weight.sum())
    params = np.array([r, alpha, a, b])
    grad = np.array([np.dot(weight, d) for d in (d_r, d_alpha, d_a, d_b)]) * params
    # a gentle penalty keeps the parameters finite on degenerate data (as lifetimes does)
    penalty = 1e-4 * float(np.sum(params ** 2))
    value = -float(np.dot(weight, ll)) / total + penalty
    return value, -grad / total + 2e-4 * params ** 2


#: customers a fit reads at most: the four population parameters are pinned down long
#: before that, and the fit's cost stays flat however large the database grows
FIT_SAMPLE = 20_000


def fit_bgnbd(x: FloatArray, t_x: FloatArray, age: FloatArray,
              min_customers: int = 30) -> BgNbd | None:
    """Maximum-likelihood BG/NBD on (x, t_x, T), or None when the data cannot say.

    A fixed-seed sample of at most :data:`FIT_SAMPLE` customers, times rounded to whole
    days, identical summaries counted once with a weight: the fit costs the number of
    distinct (x, t_x, T) of the sample. SciPy's L-BFGS-B works on log-parameters so
    every parameter stays positive.
    """
    from scipy.optimize import minimize

    ok = np.flatnonzero(age > 0)
    if int(np.count_nonzero(x[ok] > 0)) < min_customers:
        return None
    if ok.size > FIT_SAMPLE:
        ok = np.sort(np.random.default_rng(19).choice(ok, FIT_SAMPLE, replace=False))
    xi = x[ok].astype(np.int64)
    ti = np.rint(t_x[ok] * 7).astype(np.int64)
    ai = np.rint(age[ok] * 7).astype(np.int64)
    key = (xi << 42) | (ti << 21) | ai
    uniq, weight = np.unique(key, return_counts=True)
    ux = (uniq >> 42).astype(np.float64)
    ut = ((uniq >> 21) & 0x1FFFFF).astype(np.float64) / 7.0
    ua = (uniq & 0x1FFFFF).astype(np.float64) / 7.0
    w = weight.astype(np.float64)
    start = np.log(np.array([1.0, max(float(np.mean(ua)), 1.0), 1.0, 1.0]))
    try:
        res = minimize(_bgnbd_negll, start, args=(ux, ut, ua, w), method="L-BFGS-B",
                       jac=True, bounds=[(-9.0, 9.0)] * 4)
    except (ValueError, FloatingPointError, ArithmeticError):
        return None
    if not np.all(np.isfinite(res.x)) or not math.isfinite(float(res.fun)):
        return None
    r, alpha, a, b = (float(v) for v in np.exp(res.x))
    return BgNbd(r, alpha, a, b, int(ok.size))


def p_alive(model: BgNbd, x: FloatArray, t_x: FloatArray, age: FloatArray) -> FloatArray:
    """P(still buying | x, t_x, T): 1 for customers without a repeat purchase."""
    out = np.ones_like(x, dtype=np.float64)
    repeat = x > 0
    if not np.any(repeat):
        return out
    xr = x[repeat]
    log_ratio = (np.log(model.a) - np.log(model.b + xr - 1)
                 + (model.r + xr) * (np.log(model.alpha + age[repeat])
                                     - np.log(model.alpha + t_x[repeat])))
    out[repeat] = 1.0 / (1.0 + np.exp(np.minimum(log_ratio, 700.0)))
    return out


# --------------------------------------------------------------------------- signals


@dataclass(frozen=True)
class Assessment:
    """What the scan found, per customer of the histories (aligned arrays)."""

    rhythm: Rhythm
    p_alive: FloatArray | None
    model: BgNbd | None
    recency_days: IntArray
    rhythm_gap: BoolArray
    frequency_drop: BoolArray
    spend_drop: BoolArray
    low_p_alive: BoolArray
    recent_purchases: IntArray
    past_per_window: FloatArray
    spend_drop_pct: FloatArray

    @property
    def any_signal(self) -> BoolArray:
        return self.rhythm_gap | self.frequency_drop | self.spend_drop | self.low_p_alive

    def signals_of(self, i: int, params: RiskParams) -> list[Signal]:
        """The purchase-history signals of the ``i``-th customer, in words-ready form."""
        out: list[Signal] = []
        if self.rhythm_gap[i]:
            out.append(Signal(RHYTHM_GAP, {
                "days": int(self.recency_days[i]),
                "gap": round(float(self.rhythm.typical_gap[i]))}))
        if self.frequency_drop[i]:
            out.append(Signal(FREQUENCY_DROP, {
                "recent": int(self.recent_purchases[i]), "window": params.window_days,
                "past": f"{float(self.past_per_window[i]):.1f}"}))
        if self.spend_drop[i]:
            out.append(Signal(SPEND_DROP, {"drop": round(float(self.spend_drop_pct[i])),
                                           "window": params.window_days}))
        if self.low_p_alive[i] and self.p_alive is not None:
            out.append(Signal(LOW_P_ALIVE, {
                "percent": round(100 * float(self.p_alive[i]))}))
        return out


def assess(h: Histories, as_of_day: int, params: RiskParams | None = None) -> Assessment:
    """Every purchase-history signal of every customer, as of ``as_of_day``."""
    params = params or RiskParams()
    h = h.upto(as_of_day)
    rh = rhythm(h)
    n = h.size
    recency = (as_of_day - rh.last_day).astype(np.int64)
    typical = rh.typical_gap
    with np.errstate(invalid="ignore"):
        has_rhythm = (rh.purchase_days >= params.min_purchase_days) & np.isfinite(typical)
        threshold = np.maximum(params.gap_factor * typical,
                               typical + params.gap_min_extra_days)
        gap_fires = has_rhythm & (recency > threshold)

    # RFM against the customer's own past: the last window against the windows before.
    window = params.window_days
    cut = as_of_day - window
    recent_mask = h.days > cut
    group = _group_of_rows(h)
    recent_count = np.bincount(group[recent_mask], minlength=n).astype(np.int64)
    recent_spend = np.bincount(group[recent_mask], weights=h.amounts[recent_mask],
                               minlength=n)
    past_count = rh.purchases - recent_count
    past_spend = rh.spend.astype(np.float64) - recent_spend
    past_span = (cut - rh.first_day).astype(np.float64)
    enough = (past_span >= window) & (past_count >= params.min_past_purchases)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_window = np.where(enough, past_count * window / past_span, 0.0)
        spend_per_window = np.where(enough, past_spend * window / past_span, 0.0)
        freq_fires = enough & (recent_count <= params.drop_ratio * per_window)
        spend_fires = (enough & (spend_per_window > 0)
                       & (recent_spend <= params.drop_ratio * spend_per_window))
        drop_pct = np.where(spend_per_window > 0,
                            100.0 * (1.0 - recent_spend / spend_per_window), 0.0)

    model = None
    alive: FloatArray | None = None
    low = np.zeros(n, dtype=bool)
    if n:
        x, t_x, age = bgnbd_summary(h, rh, as_of_day)
        model = fit_bgnbd(x, t_x, age, params.min_fit_customers)
        if model is not None:
            alive = p_alive(model, x, t_x, age)
            low = alive < params.p_alive_below
    return Assessment(rh, alive, model, recency, gap_fires, freq_fires, spend_fires, low,
                      recent_count, per_window, drop_pct)


#: what a "downgrade" column says when there was none
_NO_DOWNGRADE = frozenset({"", "no", "n", "none", "false", "0", "-", "否", "无", "没有", "未降级"})


def imported_signals(complaints: int | None, overdue: int | None, downgrade: str | None,
                     params: RiskParams | None = None) -> list[Signal]:
    """Signals from columns a customer list brought (complaints, overdue, downgrade)."""
    params = params or RiskParams()
    out: list[Signal] = []
    if complaints is not None and complaints >= params.complaints_at_least:
        out.append(Signal(COMPLAINTS, {"count": int(complaints)}))
    if overdue is not None and overdue >= params.overdue_at_least:
        out.append(Signal(OVERDUE_INVOICES, {"count": int(overdue)}))
    if downgrade and downgrade.strip().casefold() not in _NO_DOWNGRADE:
        out.append(Signal(DOWNGRADE, {"detail": downgrade.strip()}))
    return out


def naive_flags(h: Histories, as_of_day: int, days: int = 90) -> BoolArray:
    """The rule the scan is measured against: no purchase for ``days`` days."""
    h = h.upto(as_of_day)
    rh = rhythm(h)
    return (as_of_day - rh.last_day) > days


def monthly_spend(days: IntArray, amounts: IntArray, as_of_day: int,
                  months: int = 12) -> list[int]:
    """Spend per 30-day month, oldest first, ending at ``as_of_day`` (for sparklines)."""
    out = [0] * months
    for day, amount in zip(days.tolist(), amounts.tolist(), strict=True):
        back = (as_of_day - int(day)) // 30
        if 0 <= back < months:
            out[months - 1 - back] += int(amount)
    return out
