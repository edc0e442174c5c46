"""After a simulated day through the services (``simulation``), every scorecard,
leaderboard, reward, report and export figure equals its definition computed straight
from the raw tables (``raw``), live and from the daily roll-ups, and the invariants of
the call and the queue hold (issue 14)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from tests.reconciliation import raw
from tests.reconciliation.simulation import Day
from winback_desktop.core import metrics
from winback_desktop.db.models import AuditEntry, Call, CallTask, Customer, RiskFlag
from winback_desktop.services import (
    programme,
    reward_actions,
    rewards,
    scorecard_export,
    scorecard_totals,
    scorecards,
)

ROOT = Path(__file__).resolve().parents[2]


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is b
    return a == pytest.approx(b, rel=1e-9, abs=1e-6)


def _check_view(day: Day, view: scorecards.TeamView, reading: raw.Reading) -> list[str]:
    """Every figure of every agent, the team row, the average agent and the charts."""
    wrong = []
    assert len(view.rows) == len(day.agents)
    for row in view.rows:
        card = row.card.as_dict()
        for key in metrics.METRICS:
            want = reading.value(row.agent_id, key)
            if not _same(card[key], want):
                wrong.append(f"{row.login} {key}: shown {card[key]}, raw {want}")
        r = reading.agents.get(row.agent_id, raw.Raw())
        if row.trend != [r.win_backs_by_day.get(d, 0) for d in view.days]:
            wrong.append(f"{row.login} win-backs per day {row.trend}")
        if row.save_trend != [r.saves_by_day.get(d, 0) for d in view.days]:
            wrong.append(f"{row.login} saves per day {row.save_trend}")
        if card["avg_handle_s"] is not None and card["avg_handle_s"] < card["avg_talk_s"]:
            wrong.append(f"{row.login} handle below talk")
    team = view.team.as_dict()
    for key in metrics.METRICS:
        if not _same(team[key], reading.team_value(key)):
            wrong.append(f"team {key}: shown {team[key]}, raw {reading.team_value(key)}")
        values = [reading.value(a.user_id, key) for a in day.agents]  # type: ignore[arg-type]
        present = [v for v in values if v is not None]
        mean = sum(present) / len(present) if present else None
        if not _same(view.agent_average[key], mean):
            wrong.append(f"average agent {key}: shown {view.agent_average[key]}, raw {mean}")
    if view.team_trend != [reading.team.win_backs_by_day.get(d, 0) for d in view.days]:
        wrong.append(f"team win-backs per day {view.team_trend}")
    if view.team_save_trend != [reading.team.saves_by_day.get(d, 0) for d in view.days]:
        wrong.append(f"team saves per day {view.team_save_trend}")
    return wrong


def test_the_day_was_a_real_day(day: Day) -> None:
    """The simulation did what the figures are about (else the suite proves nothing)."""
    done = [c for c in day.calls.values() if c.disposition]
    kinds = {c.disposition for c in done}
    assert len(day.calls) >= 1_000
    assert {"won_back", "saved", "callback", "no_answer", "refused_offer", "wrong_number",
            "do_not_call", "not_interested"} <= kinds
    assert sum(c.disposition is None for c in day.calls.values()) >= 10  # crashes
    # outcomes corrected: agents within 15 minutes, supervisors the next morning
    assert {"agent", "supervisor"} <= set(day.amended.values())
    with day.db.session() as s:
        amended = dict(s.execute(
            select(AuditEntry.entity_id, func.count())
            .where(AuditEntry.action == "call_outcome_amended")
            .group_by(AuditEntry.entity_id)).all())
    assert {int(k): v for k, v in amended.items()} == {cid: 1 for cid in day.amended}
    assert sum(c.interview for c in done) >= 100 and sum(c.held for c in done) >= 50
    assert day.offers_accepted >= 20 and day.second_finishes_refused >= 1
    assert day.redeemed, "nobody had enough points for the cheapest reward"
    with day.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Customer)
                        .where(Customer.segment == "do_not_pursue")) > 0
        assert s.scalar(select(func.count()).select_from(Call).where(
            Call.disposition == "won_back", Call.sltv_minor.is_not(None))) > 0


def test_scorecards_equal_their_definitions_live_and_rolled_up(day: Day) -> None:
    reading = raw.read(day.db, day.period)
    before = day.period.start  # nothing rolled up yet: every day is read live
    with day.db.session() as s:
        live = scorecards.team_view(s, day.admin, day.period, today=before)
    assert _check_view(day, live, reading) == []
    shown = scorecards.scorecard_view(day.db, day.admin, day.period)  # rolls up closed days
    with day.db.session() as s:
        assert scorecard_totals.rolled_through(s) == day.period.end - timedelta(days=2)
    assert _check_view(day, shown.team, reading) == []


def test_a_late_wrap_up_on_a_rolled_up_day_shows_at_once(day: Day) -> None:
    """A call of a closed, rolled-up day changes (a late wrap-up): the figures follow."""
    scorecards.scorecard_view(day.db, day.admin, day.period)
    with day.db.session() as s:
        call = s.scalars(select(Call).where(Call.disposition == "not_interested")
                         .order_by(Call.id)).first()
        assert call is not None
        call.wrapup_ended_at = call.wrapup_ended_at + timedelta(seconds=45)  # type: ignore[operator]
    with day.db.session() as s:
        view = scorecards.team_view(s, day.admin, day.period)
    assert _check_view(day, view, raw.read(day.db, day.period)) == []


def test_leaderboards_rank_the_scorecard_figures(day: Day) -> None:
    reading = raw.read(day.db, day.period)
    for metric in rewards.LEADERBOARD_METRICS:
        board = reward_actions.leaderboard(day.db, day.admin, day.period, metric)
        values = {a.user_id: reading.value(a.user_id, metric) for a in day.agents}
        assert {r.agent_id: r.value for r in board} == values, metric
        assert {r.agent_id: r.rank for r in board} == raw.ranks(values), metric  # type: ignore[arg-type]


def test_points_follow_the_rules_and_do_not_move_when_the_model_changes(day: Day) -> None:
    """Win-back points come from the SLTV each call recorded: re-valuing customers
    afterwards (the simulation changed the model after the rewards were synced) grants
    and reverses nothing. Balances are the ledger's sum; earned excludes redemptions."""
    synced = reward_actions.sync(day.db, day.supervisor, day.period).result
    assert (synced.granted, synced.reversed) == (0, 0)
    reading = raw.read(day.db, day.period)
    with day.db.session() as s:
        rule_kind = {r.id: r.kind for r in rewards.list_rules(s)}
    for kind, outcome in (("win_back", "won_back"), ("save", "saved")):
        granted: dict[int, int] = {}
        for entry in reading.ledger:
            if rule_kind.get(entry.rule_id) == kind:
                granted[entry.agent_id] = granted.get(entry.agent_id, 0) + entry.points
        by_rule = raw.success_points(day.db, day.period, kind, outcome)
        assert granted == {k: v for k, v in by_rule.items() if v}, kind
        assert granted, f"no {kind} points at all"
    balances = {b.login: b.balance for b in reward_actions.balances(day.db, day.admin)}
    for agent_id, login in reading.logins.items():
        r = reading.agents.get(agent_id, raw.Raw())
        assert balances[login] == r.points_balance
        assert r.points_earned - r.points_balance == day.redeemed.get(agent_id, 0)
        assert r.points_earned >= day.spot_points.get(agent_id, 0)


def test_the_programme_report_agrees_with_the_scorecards(day: Day) -> None:
    reading = raw.read(day.db, day.period)
    report = programme.build_report(day.db, day.admin, day.period)
    t = report.totals
    finished = [c for c in reading.calls if c.disposition is not None]
    assert t.calls == len(finished)
    assert (t.won_back, t.saved, t.rpc) == (reading.team.win_backs, reading.team.saves,
                                            reading.team.rpc)
    assert t.sltv_recovered_minor == reading.team.sltv_recovered
    assert t.offer_cost_minor == reading.team.offer_cost
    for name, groups in report.breakdowns.items():
        assert sum(g.figures.calls for g in groups) == t.calls, name
        assert sum(g.figures.won_back for g in groups) == t.won_back, name
        assert sum(g.figures.saved for g in groups) == t.saved, name
        assert sum(g.figures.sltv_recovered_minor for g in groups) == \
            t.sltv_recovered_minor, name


def test_the_export_and_the_cli_show_the_same_figures(day: Day, tmp_path: Path) -> None:
    reading = raw.read(day.db, day.period)
    view = scorecards.scorecard_view(day.db, day.admin, day.period).team
    path = scorecard_export.export_xlsx(view, tmp_path / "team.xlsx",
                                        scorecard_export.default_labels(), "Team")
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Scorecards").to_python()
    header = sheet[3]
    names = {a.user_id: f"Agent {a.login[-2:]}" for a in day.agents}
    by_name = {row[0]: row for row in sheet[4:]}
    labels = scorecard_export.default_labels()
    for agent_id, name in names.items():
        for key, _fmt in scorecard_export.COLUMNS:
            want = reading.value(agent_id, key)  # type: ignore[arg-type]
            if want is not None and metrics.METRICS[key].kind == metrics.MONEY:
                want = want / 100
            cell = by_name[name][header.index(labels[key])]
            assert _same(None if cell == "" else cell, want), (name, key)
    # the CLI acts only as a logged-in user: the scheduled-job form, as the day's supervisor
    env = dict(os.environ, WINBACK_LANG="en", PYTHONPATH=str(ROOT),
               WINBACK_USER="sup1", WINBACK_PASSWORD="super-pass-1")
    done = subprocess.run(
        [sys.executable, "-m", "winback_desktop.cli", "--database", day.db.url, "scorecard",
         "--period", f"{day.period.start}..{day.period.end - timedelta(days=1)}", "--json"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    for card in data["agents"]:
        agent_id = next(a for a, login in reading.logins.items() if login == card["login"])
        for key in metrics.METRICS:
            assert _same(card[key], reading.value(agent_id, key)), (card["login"], key)
    for key in metrics.METRICS:
        assert _same(data["team"][key], reading.team_value(key)), key


def test_invariants_hold(day: Day) -> None:
    """Each call closed once; no open task for a customer not pursued; no win-back or
    save without an answered call; every customer won back or retained has one."""
    with day.db.session() as s:
        stored = dict(s.execute(select(Call.id, Call.disposition)).all())
        assert stored == {cid: sim.disposition for cid, sim in day.calls.items()}
        closings = dict(s.execute(
            select(AuditEntry.entity_id, func.count()).where(AuditEntry.action == "call_finished")
            .group_by(AuditEntry.entity_id)).all())
        assert {int(k): v for k, v in closings.items()} == {
            cid: 1 for cid, sim in day.calls.items() if sim.disposition}
        open_not_pursued = s.scalar(
            select(func.count()).select_from(CallTask)
            .join(Customer, Customer.id == CallTask.customer_id)
            .where(Customer.segment == "do_not_pursue",
                   CallTask.status.in_(("queued", "claimed", "callback"))))
        assert open_not_pursued == 0
        unanswered_success = s.scalar(select(func.count()).select_from(Call).where(
            Call.disposition.in_(("won_back", "saved")), Call.answered_at.is_(None)))
        assert unanswered_success == 0
        # every call is closed, once: with its outcome, or abandoned (a crash) by the sweep
        steps = dict(s.execute(select(Call.id, Call.step)).all())
        assert {cid for cid, step in steps.items() if step not in ("done", "abandoned")} \
            == set()
        crashed = {cid for cid, sim in day.calls.items() if not sim.disposition}
        assert crashed and {cid for cid, step in steps.items() if step == "abandoned"} \
            == crashed
        abandonings = dict(s.execute(
            select(AuditEntry.entity_id, func.count())
            .where(AuditEntry.action == "call_abandoned").group_by(AuditEntry.entity_id)).all())
        assert {int(k): v for k, v in abandonings.items()} == {cid: 1 for cid in crashed}
        # no outcome that needs a conversation on a call nobody answered
        unanswered_talk = s.scalar(select(func.count()).select_from(Call).where(
            Call.disposition.in_(("won_back", "saved", "refused_offer", "not_interested",
                                  "callback", "still_customer")),
            Call.answered_at.is_(None)))
        assert unanswered_talk == 0
        # an early-warning flag is open exactly while its customer is at risk: a save
        # closes it, a save amended away (either way, any number of times) reopens it
        flags = s.execute(select(RiskFlag.status, Customer.status)
                          .join(Customer, Customer.id == RiskFlag.customer_id)).all()
        assert flags and {(f, c) for f, c in flags} <= {
            ("open", "at_risk"), ("saved", "retained"), ("still_customer", "active")}, \
            sorted({(f, c) for f, c in flags})
        assert any(f == "saved" for f, _c in flags)
        success_of = {"won_back": "won_back", "retained": "saved"}
        for cid, status in s.execute(select(Customer.id, Customer.status)
                                     .where(Customer.status.in_(success_of))):
            assert s.scalar(select(func.count()).select_from(Call).where(
                Call.customer_id == cid, Call.disposition == success_of[status],
                Call.answered_at.is_not(None))) == 1, cid
