"""P(win-back) from outcomes on both engines: counting, shrinkage, amendments, the
expected-value order of the queue (issue 18)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy import inspect as sa_inspect

from tests.services.queue_helpers import NOW, agent, campaign, customers
from winback_desktop.core import win_model as wm
from winback_desktop.core.errors import PermissionDenied
from winback_desktop.db.models import Call, CallTask, WinModelCell, WinModelFact
from winback_desktop.services import calls, campaigns, queue, win_model
from winback_desktop.services.context import Actor


def _drain(db, actor, now=NOW):  # type: ignore[no-untyped-def]
    got = []
    while (task := queue.claim_next_task(db, actor, now=now)) is not None:
        got.append(task)
    return got


def _cells(db) -> dict[tuple, tuple[int, int]]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return {(c.kind, c.reason, c.tier, c.segment, c.attempt, c.age): (c.tries, c.wins)
                for c in s.scalars(select(WinModelCell))}


def _put_cells(db, rows: list[tuple[wm.CellKey, int, int]]) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        for key, tries, wins in rows:
            s.add(WinModelCell(kind=key.kind, reason=key.reason, tier=key.tier,
                               segment=key.segment, attempt=key.attempt, age=key.age,
                               tries=tries, wins=wins))


def test_outcomes_are_counted_in_their_cell_and_shrunk_toward_the_parent(db, admin) -> None:
    a = agent(db, admin, "a1")
    ids = customers(db, [{"defection_reason": "pulled_away", "sltv_tier": "A",
                          "sltv_minor": 5_000_000 + i} for i in range(4)]
                    + [{"defection_reason": "pushed_unintentional", "sltv_tier": "C"}])
    campaign(db, admin, [a])
    held = {t.customer_id: t for t in _drain(db, a)}
    calls.log_call(db, a, held[ids[0]].task_id, "won_back", now=NOW)
    calls.log_call(db, a, held[ids[1]].task_id, "not_interested", now=NOW)
    calls.log_call(db, a, held[ids[2]].task_id, "no_answer", now=NOW)
    calls.log_call(db, a, held[ids[4]].task_id, "not_interested", now=NOW)
    # defected 2026-06-01, called 2026-11-20: 172 days, the 91-180 bucket; first attempt
    age = wm.AGE_LABELS.index("91-180")
    cells = _cells(db)
    assert cells[("win_back", "pulled_away", "A", "quick", 1, age)] == (3, 1)
    assert cells[("win_back", "pushed_unintentional", "C", "quick", 1, age)] == (1, 0)
    # the same counts rebuilt from the calls alone
    result = win_model.refresh(db, admin, full=True, now=NOW)
    assert (result.tries, result.wins) == (4, 1)
    assert _cells(db) == cells
    with db.session() as s:
        ex = win_model.explain(s, admin, ids[3], now=NOW)
    basis = ex.as_dict()["p_win_basis"]
    # ids[3] was not called: its next call is attempt 1 in the cell with 3 tries, 1 win
    assert basis["cell"] == {"kind": "win_back", "reason": "pulled_away", "tier": "A",
                             "segment": "quick", "attempt": 1, "attempt_label": "1",
                             "age": "91-180"}
    assert (basis["wins"], basis["tries"]) == (1, 3)
    kappa = ex.estimate.own.prior_strength
    parent = ex.estimate.parent.rate
    assert basis["prior_strength"] == pytest.approx(kappa, abs=1e-3)
    assert basis["parent"]["rate"] == pytest.approx(parent, abs=1e-6)
    assert basis["parent"]["level"] == "reason_tier"
    assert ex.estimate.p_win == pytest.approx((1 + kappa * parent) / (3 + kappa))
    # shrunk: between the cell's own 1/3 and its parent's rate, and the parent in turn
    # between its own data and the reason's
    assert min(parent, 1 / 3) <= ex.estimate.p_win <= max(parent, 1 / 3)
    # the task carries the same figures, so the queue can order by them
    with db.session() as s:
        task = s.get(CallTask, held[ids[3]].task_id)
        assert task is not None
        assert task.p_win == pytest.approx(ex.estimate.p_win)
        assert task.expected_value_minor == ex.value.expected_value_minor


def test_expected_value_adds_up_from_the_campaigns_costs(db, admin) -> None:
    a = agent(db, admin, "a1")
    (cid,) = customers(db, [{"sltv_minor": 1_000_000}])
    camp = campaign(db, admin, [a], sltv_params={"win_back_cost_minor": 50_000,
                                                 "contact_cost_minor": 3_000})
    with db.session() as s:
        ex = win_model.explain(s, admin, cid, camp, now=NOW)
    v = ex.as_dict()
    p = ex.estimate.p_win
    assert v["p_win"] == pytest.approx(wm.PRIOR_RATE, abs=1e-6)
    gain = round(p * (1_000_000 + 50_000 + 3_000))
    assert v["expected_cost_minor"] == round(p * 50_000) + 3_000
    assert v["expected_value_minor"] == gain - v["expected_cost_minor"]


def test_an_amended_outcome_moves_its_own_try(db, admin) -> None:
    a = agent(db, admin, "a1")
    ids = customers(db, [{"defection_reason": "pulled_away"} for _ in range(3)])
    campaign(db, admin, [a])
    held = {t.customer_id: t for t in _drain(db, a)}
    won = calls.log_call(db, a, held[ids[0]].task_id, "won_back", now=NOW)
    calls.log_call(db, a, held[ids[1]].task_id, "not_interested", now=NOW)
    with db.session() as s:
        before = win_model.explain(s, admin, ids[2], now=NOW).estimate
    assert (before.own.tries, before.own.wins) == (2, 1)
    # the win is amended to "not interested" (as the amendment service does: change the
    # disposition, then report the outcome again in the same transaction)
    with db.session() as s:
        call = s.get(Call, won.call_id)
        assert call is not None
        call.disposition = "not_interested"
        s.flush()
        win_model.observe_outcome(s, call.id, NOW + timedelta(minutes=5))
    with db.session() as s:
        after = win_model.explain(s, admin, ids[2], now=NOW).estimate
        assert s.scalar(select(func.count()).select_from(WinModelFact)) == 2
    assert (after.own.tries, after.own.wins) == (2, 0)
    assert after.p_win < before.p_win
    # the stored scores follow at the next refresh, and a full rebuild agrees
    win_model.refresh(db, admin, now=NOW)
    with db.session() as s:
        task = s.get(CallTask, held[ids[2]].task_id)
        assert task is not None and task.p_win == pytest.approx(after.p_win)
    cells = _cells(db)
    win_model.refresh(db, admin, full=True, now=NOW)
    assert _cells(db) == cells


def test_order_by_expected_value_with_callbacks_first(db, admin) -> None:
    a = agent(db, admin, "a1")
    # SLTV order: big (bought away, rarely comes back), mid, small (pushed away by a
    # service failure: most come back)
    big, mid, small, cb = customers(db, [
        {"sltv_minor": 9_000_000, "sltv_tier": "A", "defection_reason": "bought_away"},
        {"sltv_minor": 4_000_000, "sltv_tier": "B", "defection_reason": "pulled_away"},
        {"sltv_minor": 3_000_000, "sltv_tier": "B",
         "defection_reason": "pushed_unintentional"},
        {"sltv_minor": 10, "sltv_tier": "D", "defection_reason": "unknown"}])
    age = wm.AGE_LABELS.index("91-180")
    _put_cells(db, [
        (wm.CellKey.of("win_back", "bought_away", "A", "quick", 1, age), 400, 4),
        (wm.CellKey.of("win_back", "pulled_away", "B", "quick", 1, age), 400, 80),
        (wm.CellKey.of("win_back", "pushed_unintentional", "B", "quick", 1, age), 400, 240)])
    camp = campaign(db, admin, [a], queue_order="expected_value")
    with db.session() as s:
        values = {t.customer_id: t.expected_value_minor
                  for t in s.scalars(select(CallTask).where(CallTask.campaign_id == camp))}
    assert values[small] > values[mid] > values[big]
    held = _drain(db, a)
    assert [t.customer_id for t in held] == [small, mid, big, cb]
    # a due callback comes first, whatever its value
    by_customer = {t.customer_id: t for t in held}
    calls.log_call(db, a, by_customer[cb].task_id, "callback",
                   callback_at=NOW + timedelta(minutes=10), now=NOW)
    for t in held:
        if t.customer_id != cb:
            queue.release_task(db, a, t.task_id, now=NOW)
    later = NOW + timedelta(minutes=10)
    got = _drain(db, a, later)
    assert [t.customer_id for t in got] == [cb, small, mid, big]
    # the list shows the same order and carries the figures
    for t in got:
        queue.release_task(db, a, t.task_id, now=later)
    with db.session() as s:
        rows = queue.list_queue(s, admin, camp)
    assert all(r.p_win is not None for r in rows)
    queued = [r.customer_id for r in rows if r.status == "queued"]
    assert queued == [small, mid, big]
    # back to SLTV order: the callback first, then the same tasks by SLTV
    with db.session() as s:
        campaigns.update_campaign(s, admin, camp, queue_order="sltv")
    assert [t.customer_id for t in _drain(db, a, later)] == [cb, big, mid, small]


def test_refresh_needs_a_supervisor_or_admin(db, admin) -> None:
    a = agent(db, admin, "a1")
    with pytest.raises(PermissionDenied):
        win_model.refresh(db, a)
    assert win_model.refresh(db, Actor.system()).tasks_scored == 0


def test_save_campaign_learns_apart(db, admin) -> None:
    a = agent(db, admin, "a1")
    ids = customers(db, [{"status": "at_risk", "defection_date": None} for _ in range(2)])
    camp = campaign(db, admin, [a], kind="save")
    held = {t.customer_id: t for t in _drain(db, a)}
    calls.log_call(db, a, held[ids[0]].task_id, "saved", now=NOW)
    cells = _cells(db)
    assert cells == {("save", "unknown", "C", "quick", 1, wm.AGE_UNKNOWN): (1, 1)}
    with db.session() as s:
        ex = win_model.explain(s, admin, ids[1], camp, now=NOW)
    assert ex.estimate.cell.kind == "save"
    assert ex.estimate.levels[0].tries == 1


def test_still_a_customer_is_neither_a_win_nor_a_failed_try(db, admin) -> None:
    """A customer who never left says nothing about who comes back: the call is not
    counted in the model, live or rebuilt, and an outcome amended to or from it moves
    its try out of or into the counts."""
    a = agent(db, admin, "a1")
    ids = customers(db, [{"defection_reason": "pulled_away", "sltv_tier": "A",
                          "sltv_minor": 5_000_000 + i} for i in range(4)])
    campaign(db, admin, [a])
    held = {t.customer_id: t for t in _drain(db, a)}
    calls.log_call(db, a, held[ids[0]].task_id, "won_back", now=NOW)
    quiet = calls.log_call(db, a, held[ids[1]].task_id, "still_customer", now=NOW)
    calls.log_call(db, a, held[ids[2]].task_id, "not_interested", now=NOW)
    age = wm.AGE_LABELS.index("91-180")
    cell = ("win_back", "pulled_away", "A", "quick", 1, age)
    assert _cells(db) == {cell: (2, 1)}
    with db.session() as s:
        ex = win_model.explain(s, admin, ids[3], now=NOW)
        assert s.get(WinModelFact, quiet.call_id) is None
    assert (ex.estimate.own.tries, ex.estimate.own.wins) == (2, 1)
    # rebuilt from the calls: the same counts, no fact for the quiet customer's call
    result = win_model.refresh(db, admin, full=True, now=NOW)
    assert (result.tries, result.wins) == (2, 1)
    assert _cells(db) == {cell: (2, 1)}
    # amended from "still a customer" to "not interested": now a failed try ...
    with db.session() as s:
        call = s.get(Call, quiet.call_id)
        assert call is not None
        call.disposition = "not_interested"
        s.flush()
        win_model.observe_outcome(s, call.id, NOW + timedelta(minutes=5))
    assert _cells(db) == {cell: (3, 1)}
    # ... and back again: out of the counts once more
    with db.session() as s:
        call = s.get(Call, quiet.call_id)
        assert call is not None
        call.disposition = "still_customer"
        s.flush()
        win_model.observe_outcome(s, call.id, NOW + timedelta(minutes=6))
        assert s.get(WinModelFact, quiet.call_id) is None
    assert _cells(db) == {cell: (2, 1)}
    win_model.refresh(db, admin, full=True, now=NOW)
    assert _cells(db) == {cell: (2, 1)}


def _task_scores(db, camp: int) -> dict[int, tuple[float | None, int]]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return {t.customer_id: (t.p_win, t.expected_value_minor)
                for t in s.scalars(select(CallTask).where(CallTask.campaign_id == camp))}


def test_a_refresh_reads_the_calls_after_its_mark_and_waits_for_open_ones(db, admin) -> None:
    """Calls recorded without reporting their outcome (an import, an old version) are
    counted by the next refresh; a call still open holds the mark back until it ends."""
    a = agent(db, admin, "a1")
    ids = customers(db, [{"defection_reason": "pulled_away"} for _ in range(3)])
    camp = campaign(db, admin, [a])
    held = {t.customer_id: t for t in _drain(db, a)}
    calls.log_call(db, a, held[ids[0]].task_id, "won_back", now=NOW)
    with db.session() as s:  # two calls written straight to the table, one still open
        quiet = Call(task_id=held[ids[1]].task_id, customer_id=ids[1], campaign_id=camp,
                     agent_id=a.user_id, started_at=NOW, ended_at=NOW,
                     disposition="not_interested")
        open_call = Call(task_id=held[ids[2]].task_id, customer_id=ids[2], campaign_id=camp,
                         agent_id=a.user_id, started_at=NOW)
        s.add_all([quiet, open_call])
        s.flush()
        open_id = open_call.id
    first = win_model.refresh(db, admin, now=NOW)
    assert (first.facts_added, first.tries, first.wins) == (1, 2, 1)
    assert win_model.refresh(db, admin, now=NOW).facts_added == 0
    with db.session() as s:  # the open call ends, again without reporting
        call = s.get(Call, open_id)
        assert call is not None
        call.disposition, call.ended_at = "won_back", NOW + timedelta(minutes=3)
    later = win_model.refresh(db, admin, now=NOW + timedelta(minutes=5))
    assert (later.facts_added, later.tries, later.wins) == (1, 3, 2)
    cells = _cells(db)
    win_model.refresh(db, admin, full=True, now=NOW + timedelta(minutes=5))
    assert _cells(db) == cells


def test_a_cell_that_barely_moves_writes_no_task(db, admin) -> None:
    """One more outcome in a cell of a thousand tries leaves its published rate (and
    every task of the cell) alone; a real move republishes it."""
    a = agent(db, admin, "a1")
    ids = customers(db, [{"defection_reason": "pulled_away", "sltv_tier": "B",
                          "sltv_minor": 3_000_000 + i} for i in range(4)])
    age = wm.AGE_LABELS.index("91-180")
    key = wm.CellKey.of("win_back", "pulled_away", "B", "quick", 1, age)
    _put_cells(db, [(key, 1000, 200)])
    camp = campaign(db, admin, [a])
    win_model.refresh(db, admin, now=NOW)
    before = _task_scores(db, camp)
    assert all(p is not None for p, _ev in before.values())

    def bump(tries: int, wins: int) -> None:
        with db.session() as s:
            cell = s.get(WinModelCell, (key.kind, key.reason, key.tier, key.segment,
                                        key.attempt, key.age))
            assert cell is not None
            cell.tries += tries
            cell.wins += wins

    bump(1, 1)
    quiet = win_model.refresh(db, admin, now=NOW)
    assert (quiet.cells_published, quiet.tasks_changed) == (0, 0)
    assert _task_scores(db, camp) == before
    bump(300, 200)
    moved = win_model.refresh(db, admin, now=NOW)
    assert moved.cells_published > 0 and moved.tasks_changed == len(ids)
    after = _task_scores(db, camp)
    assert all(after[c][0] > before[c][0] and after[c][1] > before[c][1] for c in ids)
    # nothing new: nothing moves, nothing is written, and the tasks carry the model's
    # own figures (published when the cell moved)
    again = win_model.refresh(db, admin, now=NOW)
    assert (again.cells_published, again.tasks_changed) == (0, 0)
    with db.session() as s:
        exact = win_model.explain(s, admin, ids[0], now=NOW)
    assert _task_scores(db, camp)[ids[0]] == (exact.estimate.p_win,
                                              exact.value.expected_value_minor)


def test_most_tasks_changing_are_written_around_a_rebuilt_index(db, admin, monkeypatch
                                                                 ) -> None:
    """When most of a range changed, the rest goes in one transaction (on SQLite around
    a rebuilt expected-value index): every task scored, the index still there, claims
    in expected-value order as before."""
    monkeypatch.setattr(win_model, "WRITE_BATCH", 2)
    monkeypatch.setattr(win_model, "BULK_MIN_TASKS", 1)
    a = agent(db, admin, "a1")
    ids = customers(db, [{"sltv_minor": 1_000_000 * (i + 1)} for i in range(7)])
    camp = campaign(db, admin, [a], queue_order="expected_value")
    with db.session() as s:
        s.execute(CallTask.__table__.update().values(p_win=None, expected_value_minor=0))
    result = win_model.refresh(db, admin, now=NOW)
    assert result.tasks_changed == len(ids)
    scores = _task_scores(db, camp)
    assert all(p is not None and ev > 0 for p, ev in scores.values())
    with db.session() as s:
        names = {ix["name"] for ix in sa_inspect(s.connection()).get_indexes("call_tasks")}
    assert "ix_call_tasks_claim_ev" in names
    assert [t.customer_id for t in _drain(db, a)] == sorted(ids, key=lambda c: -scores[c][1])
