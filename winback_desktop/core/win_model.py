"""P(win-back) learned from the team's own outcomes: empirical-Bayes rates per cell.

Every finished call is one try in one cell: campaign kind (win-back or save, modelled
apart) × defection reason × SLTV tier × segment × attempt number × time since defection
(bucketed); a win is a ``won_back`` (or a ``saved`` in a save campaign). A cell's rate
is a Beta-binomial posterior mean shrunk toward its parent, level by level:

    all (per kind) → reason → reason × tier → reason × tier × segment × attempt × age

    p(cell) = (wins + κ · p(parent)) / (tries + κ)

so a cell with few tries borrows its parent's rate and a cell with many speaks for
itself. κ (the prior strength: how many tries the parent's rate is worth) is estimated
per level from the data by the method of moments: the spread of the children's rates
around their parents beyond what binomial noise explains. Everything is a few arrays
of counts (a few thousand cells), nothing opaque: ``estimate`` names the cell, its wins
and tries, the parent's rate and κ.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from winback_desktop.core.domain import CampaignKind, DefectionReason, SltvTier, Treatment

KINDS: tuple[str, ...] = (CampaignKind.WIN_BACK.value, CampaignKind.SAVE.value)
REASONS: tuple[str, ...] = tuple(r.value for r in DefectionReason)
#: "" is a customer with no tier / segment yet
TIERS: tuple[str, ...] = (*(t.value for t in SltvTier), "")
SEGMENTS: tuple[str, ...] = (*(t.value for t in Treatment), "")
#: attempt numbers 1 … MAX_ATTEMPT; later attempts count as MAX_ATTEMPT ("5+")
MAX_ATTEMPT = 5
ATTEMPTS: tuple[int, ...] = tuple(range(1, MAX_ATTEMPT + 1))
#: days since defection: upper bounds of the buckets; the last bucket is open-ended and
#: one more holds customers without a defection date (at-risk customers)
AGE_BOUNDS: tuple[int, ...] = (30, 90, 180, 365)
AGE_LABELS: tuple[str, ...] = ("0-30", "31-90", "91-180", "181-365", "366+", "unknown")
AGE_UNKNOWN = len(AGE_LABELS) - 1

#: the rate before any outcome, and how many tries it is worth
PRIOR_RATE = 0.10
PRIOR_STRENGTH = 10.0
#: bounds of the estimated prior strength κ of each level, and κ with too little data
KAPPA_MIN = 2.0
KAPPA_MAX = 1000.0
KAPPA_DEFAULT = 100.0
#: a level needs this many tries in at least two children before κ is estimated
MIN_TRIES_FOR_KAPPA = 30

LEVELS: tuple[str, ...] = ("all", "reason", "reason_tier", "cell")
SHAPE = (len(KINDS), len(REASONS), len(TIERS), len(SEGMENTS), len(ATTEMPTS), len(AGE_LABELS))


# ------------------------------------------------------------------ cell keys


def age_bucket(defection_date: date | None, on: date) -> int:
    """Bucket of the days between defection and ``on``."""
    if defection_date is None:
        return AGE_UNKNOWN
    days = (on - defection_date).days
    for i, bound in enumerate(AGE_BOUNDS):
        if days <= bound:
            return i
    return len(AGE_BOUNDS)


def age_buckets(days: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """Vectorised ``age_bucket`` over days since defection (NaN: no date)."""
    out = np.searchsorted(np.asarray(AGE_BOUNDS, dtype=np.float64), days, side="left")
    out = np.where(np.isnan(days), AGE_UNKNOWN, out)
    return out.astype(np.int64)


def attempt_index(attempt: int) -> int:
    return min(max(int(attempt), 1), MAX_ATTEMPT) - 1


def _index(values: Sequence[str], value: str | None, fallback: str) -> int:
    try:
        return values.index(value or "")
    except ValueError:
        return values.index(fallback)


@dataclass(frozen=True, slots=True)
class CellKey:
    """One cell: what a try or a customer about to be called looks like."""

    kind: str
    reason: str
    tier: str
    segment: str
    attempt: int
    age: int

    @classmethod
    def of(cls, kind: str, reason: str | None, tier: str | None, segment: str | None,
           attempt: int, age: int) -> CellKey:
        """Normalised: unknown values go to ``unknown`` / no tier / no segment."""
        return cls(KINDS[_index(KINDS, kind, CampaignKind.WIN_BACK.value)],
                   REASONS[_index(REASONS, reason, DefectionReason.UNKNOWN.value)],
                   TIERS[_index(TIERS, tier, "")], SEGMENTS[_index(SEGMENTS, segment, "")],
                   ATTEMPTS[attempt_index(attempt)], int(age))

    def index(self) -> tuple[int, int, int, int, int, int]:
        return (KINDS.index(self.kind), REASONS.index(self.reason), TIERS.index(self.tier),
                SEGMENTS.index(self.segment), self.attempt - 1, self.age)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "reason": self.reason, "tier": self.tier or None,
                "segment": self.segment or None, "attempt": self.attempt,
                "attempt_label": f"{self.attempt}+" if self.attempt == MAX_ATTEMPT
                else str(self.attempt), "age": AGE_LABELS[self.age]}


def codes(kinds: Iterable[str | None], reasons: Iterable[str | None],
          tiers: Iterable[str | None], segments: Iterable[str | None],
          attempts: npt.ArrayLike, ages: npt.ArrayLike) -> npt.NDArray[np.int64]:
    """Flat cell numbers (into arrays of ``SHAPE``) of many tries or customers."""
    def lookup(values: Iterable[str | None], domain: Sequence[str], fallback: str
               ) -> npt.NDArray[np.int64]:
        table = {v: i for i, v in enumerate(domain)}
        default = table[fallback]
        return np.fromiter((table.get(v or "", default) for v in values), dtype=np.int64)

    k = lookup(kinds, KINDS, CampaignKind.WIN_BACK.value)
    r = lookup(reasons, REASONS, DefectionReason.UNKNOWN.value)
    t = lookup(tiers, TIERS, "")
    s = lookup(segments, SEGMENTS, "")
    a = np.clip(np.asarray(attempts, dtype=np.int64), 1, MAX_ATTEMPT) - 1
    g = np.asarray(ages, dtype=np.int64)
    return np.ravel_multi_index((k, r, t, s, a, g), SHAPE).astype(np.int64)


# ------------------------------------------------------------------ the fit


@dataclass(frozen=True, slots=True)
class LevelBasis:
    level: str
    wins: int
    tries: int
    rate: float
    #: κ: how many tries the parent's rate counts for at this level
    prior_strength: float


@dataclass(frozen=True, slots=True)
class Estimate:
    """P(win) of one cell and what it rests on, from the cell up to all tries."""

    p_win: float
    cell: CellKey
    levels: tuple[LevelBasis, ...]

    @property
    def own(self) -> LevelBasis:
        return self.levels[-1]

    @property
    def parent(self) -> LevelBasis:
        return self.levels[-2]

    def as_dict(self) -> dict[str, Any]:
        own, parent = self.own, self.parent
        return {"cell": self.cell.as_dict(), "wins": own.wins, "tries": own.tries,
                "parent": {"level": parent.level, "rate": round(parent.rate, 6),
                           "wins": parent.wins, "tries": parent.tries},
                "prior_strength": round(own.prior_strength, 3),
                "levels": [{"level": lv.level, "wins": lv.wins, "tries": lv.tries,
                            "rate": round(lv.rate, 6),
                            "prior_strength": round(lv.prior_strength, 3)}
                           for lv in self.levels]}


def _kappa(tries: npt.NDArray[np.float64], wins: npt.NDArray[np.float64],
           parent: npt.NDArray[np.float64]) -> float:
    """Prior strength of one level from its nodes (method of moments).

    With true rates p_i ~ Beta(mean m_i, strength κ), the observed rates r_i = w_i/n_i
    satisfy E[Σ n_i (r_i − m_i)²] = Σ m_i(1 − m_i) · (1 + (n_i − 1)/(κ + 1)). Solving
    for 1/(κ + 1) gives κ; no spread beyond noise means the parent explains the
    children (κ large), a large spread means each child speaks for itself (κ small)."""
    used = tries > 0
    if np.count_nonzero(tries >= MIN_TRIES_FOR_KAPPA) < 2:
        return KAPPA_DEFAULT
    n, w, m = tries[used], wins[used], np.clip(parent[used], 1e-6, 1 - 1e-6)
    r = w / n
    var = m * (1 - m)
    excess = float(np.sum(n * (r - m) ** 2) - np.sum(var))
    scale = float(np.sum((n - 1) * var))
    if scale <= 0 or excess <= 0:
        return KAPPA_MAX
    rho = excess / scale
    return float(np.clip(1 / rho - 1, KAPPA_MIN, KAPPA_MAX)) if rho < 1 else KAPPA_MIN


@dataclass(slots=True)
class WinModel:
    """Posterior rates of every cell, fitted from tries and wins per cell."""

    tries: npt.NDArray[np.float64]
    wins: npt.NDArray[np.float64]
    #: posterior mean per level (arrays of SHAPE's leading axes) and κ per kind × level
    rates: list[npt.NDArray[np.float64]] = field(default_factory=list)
    kappas: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))

    @classmethod
    def empty(cls) -> WinModel:
        return cls.fit(np.zeros(SHAPE), np.zeros(SHAPE))

    @classmethod
    def from_counts(cls, rows: Iterable[tuple[CellKey, int, int]]) -> WinModel:
        """From (cell, tries, wins) rows, e.g. the stored cell counts."""
        tries, wins = np.zeros(SHAPE), np.zeros(SHAPE)
        for key, n, w in rows:
            ix = key.index()
            tries[ix] += n
            wins[ix] += w
        return cls.fit(tries, wins)

    @classmethod
    def fit(cls, tries: npt.ArrayLike, wins: npt.ArrayLike) -> WinModel:
        t = np.asarray(tries, dtype=np.float64).reshape(SHAPE)
        w = np.asarray(wins, dtype=np.float64).reshape(SHAPE)
        if np.any(w > t) or np.any(w < 0):
            raise ValueError("wins must be between 0 and tries")
        # tries and wins summed to each level: (kind), (kind, reason), (kind, reason,
        # tier), then the cells, every cell keyed by kind, reason, tier, segment,
        # attempt and age flattened after the tier
        levels_t = [t.sum(axis=(1, 2, 3, 4, 5)), t.sum(axis=(2, 3, 4, 5)),
                    t.sum(axis=(3, 4, 5)), t.reshape(SHAPE[0], SHAPE[1], SHAPE[2], -1)]
        levels_w = [w.sum(axis=(1, 2, 3, 4, 5)), w.sum(axis=(2, 3, 4, 5)),
                    w.sum(axis=(3, 4, 5)), w.reshape(SHAPE[0], SHAPE[1], SHAPE[2], -1)]
        kinds = SHAPE[0]
        kappas = np.zeros((kinds, len(LEVELS)))
        kappas[:, 0] = PRIOR_STRENGTH
        rates = [(levels_w[0] + PRIOR_STRENGTH * PRIOR_RATE) / (levels_t[0] + PRIOR_STRENGTH)]
        for level in range(1, len(LEVELS)):
            parent = rates[-1][..., np.newaxis]
            lt, lw = levels_t[level], levels_w[level]
            pb = np.broadcast_to(parent, lt.shape)
            kappa = np.array([_kappa(lt[k].ravel(), lw[k].ravel(), pb[k].ravel())
                              for k in range(kinds)])
            kappas[:, level] = kappa
            kb = kappa.reshape((kinds,) + (1,) * (lt.ndim - 1))
            rates.append((lw + kb * parent) / (lt + kb))
        return cls(t, w, rates, kappas)

    # ---------------------------------------------------------------- reading

    def cell_rates(self) -> npt.NDArray[np.float64]:
        """P(win) of every cell, flat (index with ``codes``)."""
        return self.rates[-1].reshape(-1)

    def predict(self, cell_codes: npt.ArrayLike) -> npt.NDArray[np.float64]:
        return self.cell_rates()[np.asarray(cell_codes, dtype=np.int64)]

    def estimate(self, key: CellKey) -> Estimate:
        k, r, tier, s, a, g = key.index()
        rest = np.ravel_multi_index((s, a, g), SHAPE[3:])
        paths = [(k,), (k, r), (k, r, tier), (k, r, tier, rest)]
        t_levels = [self.tries.sum(axis=(1, 2, 3, 4, 5)), self.tries.sum(axis=(2, 3, 4, 5)),
                    self.tries.sum(axis=(3, 4, 5)),
                    self.tries.reshape(SHAPE[0], SHAPE[1], SHAPE[2], -1)]
        w_levels = [self.wins.sum(axis=(1, 2, 3, 4, 5)), self.wins.sum(axis=(2, 3, 4, 5)),
                    self.wins.sum(axis=(3, 4, 5)),
                    self.wins.reshape(SHAPE[0], SHAPE[1], SHAPE[2], -1)]
        basis = tuple(
            LevelBasis(LEVELS[i], int(w_levels[i][p]), int(t_levels[i][p]),
                       float(self.rates[i][p]), float(self.kappas[k, i]))
            for i, p in enumerate(paths))
        return Estimate(basis[-1].rate, key, basis)

    def total(self, kind: str) -> tuple[int, int]:
        k = KINDS.index(kind)
        return int(self.tries[k].sum()), int(self.wins[k].sum())


# ------------------------------------------------------------------ publishing

#: a cell's published P(win) (what its tasks carry and the queue orders by) is replaced
#: when the model moved it by more than this share of itself, or by PUBLISH_FLOOR,
#: whichever is larger: one more outcome in a cell of a thousand tries moves it by a
#: tenth of a point, which would rewrite every task of the cell for no visible change
PUBLISH_RELATIVE = 0.02
PUBLISH_FLOOR = 0.001

#: names the cell numbering (``SHAPE`` and its labels): published rates numbered under
#: another layout are all published again
LAYOUT = hashlib.sha256(repr((KINDS, REASONS, TIERS, SEGMENTS, ATTEMPTS, AGE_BOUNDS)).encode(
    "utf-8")).hexdigest()[:32]


def cell_code(key: CellKey) -> int:
    """The flat cell number of ``key`` (an index into ``WinModel.cell_rates``)."""
    return int(np.ravel_multi_index(key.index(), SHAPE))


def to_publish(rates: npt.NDArray[np.float64], published: npt.NDArray[np.float64],
               exact: bool = False) -> npt.NDArray[np.bool_]:
    """Which cells get their new rate: never published (NaN), or moved beyond the
    tolerance (``exact``: moved at all)."""
    missing = np.isnan(published)
    moved = np.abs(rates - np.where(missing, 0.0, published))
    if exact:
        return missing | (moved > 0)
    limit = np.maximum(PUBLISH_FLOOR, PUBLISH_RELATIVE * np.where(missing, 0.0, published))
    return missing | (moved > limit)


# ------------------------------------------------------------------ expected value


@dataclass(frozen=True, slots=True)
class ExpectedValue:
    """What calling this customer once is worth, to the minor unit.

    ``sltv_minor`` is net of the win-back cost (offer and contact), as the SLTV model
    and the imported column give it; the value if won is the SLTV before those costs.
    expected value = P(win) × value if won − P(win) × offer cost − contact cost, i.e.
    ``expected_gain_minor − expected_offer_cost_minor − contact_cost_minor``."""

    p_win: float
    value_if_won_minor: int
    expected_gain_minor: int
    offer_cost_minor: int
    expected_offer_cost_minor: int
    contact_cost_minor: int

    @property
    def expected_cost_minor(self) -> int:
        return self.expected_offer_cost_minor + self.contact_cost_minor

    @property
    def expected_value_minor(self) -> int:
        return self.expected_gain_minor - self.expected_cost_minor

    def as_dict(self) -> dict[str, Any]:
        return {"p_win": round(self.p_win, 6), "value_if_won_minor": self.value_if_won_minor,
                "expected_gain_minor": self.expected_gain_minor,
                "offer_cost_minor": self.offer_cost_minor,
                "expected_offer_cost_minor": self.expected_offer_cost_minor,
                "contact_cost_minor": self.contact_cost_minor,
                "expected_cost_minor": self.expected_cost_minor,
                "expected_value_minor": self.expected_value_minor}


def round_half_away(x: float) -> int:
    """``x`` to the nearest integer, halves away from zero: the rounding the scoring
    statement does in SQL on both engines, so stored and explained values agree."""
    return math.trunc(x + math.copysign(0.5, x))


def expected_value(p_win: float, sltv_minor: int, offer_cost_minor: int,
                   contact_cost_minor: int) -> ExpectedValue:
    value = int(sltv_minor) + int(offer_cost_minor) + int(contact_cost_minor)
    p = float(p_win)
    return ExpectedValue(p, value, round_half_away(p * value), int(offer_cost_minor),
                         round_half_away(p * int(offer_cost_minor)), int(contact_cost_minor))


def expected_values(p_win: npt.NDArray[np.float64], sltv_minor: npt.NDArray[np.int64],
                    offer_cost_minor: npt.ArrayLike, contact_cost_minor: npt.ArrayLike
                    ) -> npt.NDArray[np.int64]:
    """Vectorised ``expected_value(...).expected_value_minor`` (same rounding)."""
    offer = np.asarray(offer_cost_minor, dtype=np.int64)
    contact = np.asarray(contact_cost_minor, dtype=np.int64)
    value = (sltv_minor.astype(np.int64) + offer + contact).astype(np.float64)

    def rounded(x: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
        return np.trunc(x + np.copysign(0.5, x)).astype(np.int64)

    return rounded(p_win * value) - rounded(p_win * offer.astype(np.float64)) - contact


def calibration(predicted: npt.ArrayLike, won: npt.ArrayLike, bins: int = 10
                ) -> list[dict[str, float]]:
    """Predicted against observed P(win) by decile of the prediction."""
    p = np.asarray(predicted, dtype=np.float64)
    y = np.asarray(won, dtype=np.float64)
    if p.size == 0:
        return []
    order = np.argsort(p, kind="stable")
    out = []
    for i, part in enumerate(np.array_split(order, bins)):
        if part.size == 0:
            continue
        out.append({"decile": i + 1, "tries": int(part.size),
                    "predicted": float(p[part].mean()), "observed": float(y[part].mean())})
    return out

