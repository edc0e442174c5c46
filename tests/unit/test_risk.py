"""Early-warning signals on hand-made histories (core.risk, issue 19)."""

from __future__ import annotations

import numpy as np
import pytest

from winback_desktop.core import risk

AS_OF = 20_000


def history(*customers: list[tuple[int, int]]) -> risk.Histories:
    """Histories from per-customer [(days before AS_OF, amount)], ids 1, 2, …"""
    cust, days, amounts = [], [], []
    for cid, purchases in enumerate(customers, start=1):
        for back, amount in purchases:
            cust.append(cid)
            days.append(AS_OF - back)
            amounts.append(amount)
    return risk.Histories.from_rows(cust, days, amounts)


def every(gap: int, times: int, last_back: int, amount: int = 1000) -> list[tuple[int, int]]:
    return [(last_back + gap * k, amount) for k in range(times)]


def test_rhythm_has_recency_frequency_spend_and_median_gap() -> None:
    # unsorted input, a second line on one day, gaps 10, 10, 40 → median 10
    h = history([(70, 500), (10, 100), (20, 200), (30, 300), (30, 50)], [(5, 700)])
    rh = risk.rhythm(h)
    assert h.customer_ids.tolist() == [1, 2]
    assert rh.purchases.tolist() == [5, 1]
    assert rh.purchase_days.tolist() == [4, 1]
    assert rh.spend.tolist() == [1150, 700]
    assert (AS_OF - rh.last_day).tolist() == [10, 5]
    assert rh.typical_gap[0] == 10.0 and np.isnan(rh.typical_gap[1])


def test_the_gap_against_the_customers_own_rhythm_fires_in_words() -> None:
    silent = every(10, 8, last_back=60)      # usually every 10 days, silent for 60
    regular = every(10, 8, last_back=5)      # still on rhythm
    slow = every(90, 6, last_back=100)       # every 90 days: 100 days is normal for them
    a = risk.assess(history(silent, regular, slow), AS_OF)
    assert a.rhythm_gap.tolist() == [True, False, False]
    [signal] = a.signals_of(0, risk.RiskParams())
    assert risk.describe(signal) == "No purchase for 60 days; usually buys every 10 days"
    # the naive rule sees only the slow buyer, who is fine
    assert risk.naive_flags(history(silent, regular, slow), AS_OF).tolist() == [
        False, False, True]


def test_falling_frequency_against_own_past() -> None:
    # two years of a purchase every 30 days, then one purchase in the last 180 days
    past = [(200 + 30 * k, 1000) for k in range(18)]
    fading = [*past, (20, 1000)]
    steady = [(15 + 30 * k, 1000) for k in range(24)]
    a = risk.assess(history(fading, steady), AS_OF)
    assert a.frequency_drop.tolist() == [True, False]
    words = [risk.describe(s) for s in a.signals_of(0, risk.RiskParams())]
    assert "Purchases in the last 180 days: 1, against 6.1 per 180 days before" in words


def test_falling_spend_with_the_same_frequency() -> None:
    shrinking = [(5 + 30 * k, 200 if k < 6 else 2000) for k in range(24)]
    steady = [(5 + 30 * k, 2000) for k in range(24)]
    a = risk.assess(history(shrinking, steady), AS_OF)
    assert a.spend_drop.tolist() == [True, False]
    assert a.frequency_drop.tolist() == [False, False]
    [signal] = a.signals_of(0, risk.RiskParams())
    assert risk.describe(signal) == (
        "Spent 90% less in the last 180 days than in an average 180 days before")


def test_short_histories_have_no_rhythm_and_no_drop() -> None:
    a = risk.assess(history([(300, 10)], [(300, 10), (200, 10)]), AS_OF)
    assert not a.rhythm_gap.any() and not a.frequency_drop.any() and not a.spend_drop.any()


def test_future_purchases_are_not_seen() -> None:
    h = history([*every(10, 8, last_back=60), (-5, 100)])
    assert risk.assess(h, AS_OF).rhythm_gap.tolist() == [True]


def simulate_bgnbd(n: int, r: float, alpha: float, a: float, b: float, weeks: float,
                   seed: int = 7) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Histories drawn from the BG/NBD story itself (x, t_x, T in weeks)."""
    rng = np.random.default_rng(seed)
    lam = rng.gamma(r, 1 / alpha, n)
    p = rng.beta(a, b, n)
    xs, txs = np.zeros(n), np.zeros(n)
    for i in range(n):
        t, x, tx = 0.0, 0, 0.0
        while True:
            t += rng.exponential(1 / lam[i])
            if t > weeks:
                break
            x, tx = x + 1, t
            if rng.random() < p[i]:
                break
        xs[i], txs[i] = x, tx
    return xs, txs, np.full(n, weeks)


def test_bgnbd_fit_recovers_known_parameters_and_p_alive_behaves() -> None:
    x, t_x, age = simulate_bgnbd(4000, r=0.8, alpha=4.0, a=0.8, b=2.5, weeks=52)
    model = risk.fit_bgnbd(x, t_x, age)
    assert model is not None
    assert model.r == pytest.approx(0.8, rel=0.25)
    assert model.alpha == pytest.approx(4.0, rel=0.3)
    assert model.a / (model.a + model.b) == pytest.approx(0.8 / 3.3, rel=0.3)
    alive = risk.p_alive(model, np.array([0.0, 10.0, 10.0]), np.array([0.0, 50.0, 10.0]),
                         np.array([52.0, 52.0, 52.0]))
    # no repeat purchase: 1 by the model; a frequent buyer silent for 42 weeks: near 0
    assert alive[0] == 1.0 and alive[1] > 0.9 and alive[2] < 0.05


def test_bgnbd_needs_enough_repeat_buyers() -> None:
    assert risk.fit_bgnbd(np.array([0.0, 1.0]), np.array([0.0, 3.0]),
                          np.array([10.0, 10.0])) is None


def test_low_p_alive_is_a_signal_in_words() -> None:
    customers = [every(7, 10, last_back=3 + (k % 5)) for k in range(60)]
    customers.append(every(7, 20, last_back=200))
    a = risk.assess(history(*customers), AS_OF)
    assert a.model is not None and a.p_alive is not None
    assert a.low_p_alive.tolist() == [False] * 60 + [True]
    words = [risk.describe(s) for s in a.signals_of(60, risk.RiskParams())]
    assert any(w.startswith("Only ") and w.endswith("likely to be still buying (BG/NBD model)")
               for w in words)


def test_imported_signals_say_what_the_columns_said() -> None:
    signals = risk.imported_signals(2, 1, "金卡 → 银卡")
    assert [risk.describe(s) for s in signals] == [
        "Complaints on record: 2", "Overdue invoices: 1", "Downgraded: 金卡 → 银卡"]
    assert risk.imported_signals(0, None, "否") == []
    assert risk.imported_signals(None, 0, " no ") == []


def test_describe_translates_then_fills() -> None:
    def zh(_ctx: str, text: str) -> str:
        return {"Complaints on record: {count}": "投诉记录 {count} 次"}.get(text, text)

    assert risk.describe({"code": "complaints", "params": {"count": 3}}, zh) == "投诉记录 3 次"
    assert risk.signal_name(risk.RHYTHM_GAP) == "Silent for longer than usual"


def test_params_from_settings_keep_types() -> None:
    p = risk.RiskParams.from_mapping({"gap_factor": "2", "window_days": 90.0, "x": 1})
    assert p.gap_factor == 2.0 and p.window_days == 90 and isinstance(p.window_days, int)


def test_monthly_spend_for_the_sparkline() -> None:
    spend = risk.monthly_spend(np.array([AS_OF - 1, AS_OF - 31, AS_OF - 400]),
                               np.array([10, 20, 30]), AS_OF, months=3)
    assert spend == [0, 20, 10]
