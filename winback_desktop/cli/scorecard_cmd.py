"""``winback scorecard``, ``winback rewards balance|sync|award``, ``winback leaderboard``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from winback_desktop.cli import _common
from winback_desktop.cli._common import acting_user, add_command, emit, lazy_module, open_db, tr
from winback_desktop.core import choices, metrics
from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from winback_desktop.services import cli_sessions, reward_actions, scorecards
else:  # imported when a command runs, not when the parser is built
    cli_sessions = lazy_module("winback_desktop.services.cli_sessions")
    reward_actions = lazy_module("winback_desktop.services.reward_actions")
    scorecards = lazy_module("winback_desktop.services.scorecards")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    sc = add_command(sub, "scorecard", common, scorecard,
                     tr("per-agent scorecards for a period"))
    sc.add_argument("--agent", metavar="LOGIN", default=None)
    sc.add_argument("--period", default="month",
                    help=tr("2026-11, 2026-W47, 2026-11-20, 2026-11-01..2026-11-15, "
                            "today, week or month"))
    sc.add_argument("--export", metavar="FILE", default=None,
                    help=tr("also write the scorecards to FILE (.xlsx or .pdf)"))
    sc.add_argument("--supervisors", action="store_true",
                    help=tr("show the supervisors' scorecards instead"))
    lb = add_command(sub, "leaderboard", common, leaderboard, tr("rank agents for a period"))
    lb.add_argument("--period", default="month")
    lb.add_argument("--metric", default="points", choices=list(choices.LEADERBOARD_METRICS))
    rw = sub.add_parser("rewards", help=tr("points, awards and balances"))
    rw_sub = rw.add_subparsers(dest="rewards_command", metavar="COMMAND", required=True)
    bal = add_command(rw_sub, "balance", common, balance, tr("points balance of agents"))
    bal.add_argument("--agent", metavar="LOGIN", default=None)
    sync = add_command(rw_sub, "sync", common, sync_ledger,
                       tr("grant the points the rules give for a period (repeatable)"))
    sync.add_argument("--period", default="month")
    award = add_command(rw_sub, "award", common, spot_award, tr("spot award by a supervisor"))
    award.add_argument("agent", metavar="AGENT")
    award.add_argument("points", type=int)
    award.add_argument("--by", metavar="LOGIN", default=None,
                       help=tr("who awards: must be the logged-in user"))
    award.add_argument("--reason", required=True)


def _period(text: str) -> metrics.Period:
    try:
        return metrics.parse_period(text)
    except ValueError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Not a period: '{period}'. Use 2026-11, 2026-W47, 2026-11-20 or "
            "2026-11-01..2026-11-15."), period=text) from exc


def _definitions() -> dict[str, dict[str, Any]]:
    """What each figure counts and divides by, for machine readers of the JSON."""
    return {k: {"label": tr_metric(m.label), "definition": tr_metric(m.definition),
                "numerator": m.numerator, "denominator": m.denominator,
                "denominator_is": tr_metric(metrics.DENOMINATORS[m.denominator])
                if m.denominator else None}
            for k, m in metrics.METRICS.items()}


def tr_metric(text: str) -> str:
    return _common._qt_translate("Metrics", text)


def _card(card: metrics.Scorecard) -> dict[str, Any]:
    return card.as_dict() | {"denominators": card.denominators()}


def scorecard(args: argparse.Namespace) -> int:
    period = _period(args.period)
    db = open_db(args)
    try:
        result = scorecards.scorecard_view(db, acting_user(args, db), period,
                                           agent_login=args.agent,
                                           supervisors=args.supervisors)
        if args.supervisors:
            sups = result.supervisors
            emit(args, [c.as_dict() for c in sups],
                 "\n".join(f"{c.login:<16} turnaround={c.approval_turnaround_s} "
                           f"reviewed={c.reviewed_share}" for c in sups) or tr("Nothing."))
            return 0
        view = result.team
        from winback_desktop.services.telephony import figures

        actor = acting_user(args, db)
        timing = figures.timing_sources(db, actor, period)
        by_agent = figures.timing_by_agent(db, actor, period)
        exported = _export(view, args.export, timing, by_agent) if args.export else None
        data = {
            "exported": exported,
            # whether the talk/hold/handle times were measured by the phone system or
            # entered with the buttons, over the period's handled calls
            "timing": {"measured": timing.measured, "entered": timing.entered},
            "period": {"start": period.start, "end": period.end, "label": period.label},
            "definitions": _definitions(),
            "team": _card(view.team) | {"agents": view.agents},
            "agent_average": view.agent_average,
            "targets": view.targets,
            "days": view.days,
            "team_win_backs_per_day": view.team_trend,
            "team_saves_per_day": view.team_save_trend,
            "agents": [{"login": r.login, "display_name": r.display_name, "team": r.team,
                        **_card(r.card), "win_backs_per_day": r.trend,
                        "timing": _timing(by_agent.get(r.agent_id)),
                        "saves_per_day": r.save_trend,
                        "burnout": [{"kind": b.kind, **b.detail} for b in r.burnout]}
                       for r in view.rows],
        }
        lines = [f"{r.login:<12} {tr('dials')} {r.card.dials:>5}  {tr('win-backs')} "
                 f"{r.card.win_backs:>4}  {tr('saves')} {r.card.saves:>4}  "
                 f"{tr('SLTV recovered')} {r.card.sltv_recovered_minor / 100:>12,.2f}"
                 for r in view.rows]
        if view.rows:
            lines.append(tr("team ({n} agents): dials {dials}, win-backs {wins}, saves {saves}, "
                            "SLTV recovered {sltv}").format(
                n=view.agents, dials=view.team.dials, wins=view.team.win_backs,
                saves=view.team.saves, sltv=f"{view.team.sltv_recovered_minor / 100:,.2f}"))
        emit(args, data, "\n".join(lines) or tr("Nothing."))
    finally:
        db.dispose()
    return 0


def _timing(sources: Any) -> dict[str, int]:
    """Of the agent's handled calls: timed by the phone system vs with the buttons."""
    return {"measured": sources.measured if sources else 0,
            "entered": sources.entered if sources else 0}


def _export(view: scorecards.TeamView, target: str, timing: Any = None,
            by_agent: Any = None) -> str:
    from pathlib import Path

    from winback_desktop.services import scorecard_export

    path = Path(target)
    labels = {k: (tr_metric(v) if k in metrics.METRICS else tr(v))
              for k, v in scorecard_export.default_labels().items()}
    labels |= {"timed_by_phone": tr("Calls timed by the phone system"),
               "timed_by_hand": tr("Calls timed with the buttons"),
               "timed_share": tr("Timed by the phone system")}
    title = tr("Scorecards")
    if path.suffix.lower() == ".pdf":
        scorecard_export.export_pdf(view, path, labels, title, timing=by_agent)
    elif path.suffix.lower() == ".xlsx":
        note = None if timing is None else tr(
            "Talk, hold and handle times: {measured} calls measured by the phone system, "
            "{entered} entered with the buttons.").format(measured=timing.measured,
                                                          entered=timing.entered)
        scorecard_export.export_xlsx(view, path, labels, title, note=note, timing=by_agent)
    else:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Export to .xlsx or .pdf, not '{name}'."), name=path.name)
    return str(path)


def leaderboard(args: argparse.Namespace) -> int:
    period = _period(args.period)
    db = open_db(args)
    try:
        rows = reward_actions.leaderboard(db, acting_user(args, db), period, args.metric)
        emit(args, [r.__dict__ | {"of": len(rows)} for r in rows],
             "\n".join(f"{r.rank:>3}. {r.login:<12} {r.value}" for r in rows) or tr("Nothing."))
    finally:
        db.dispose()
    return 0


def balance(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        data = [b.__dict__ for b in reward_actions.balances(db, acting_user(args, db), args.agent)]
        if args.agent:
            emit(args, data[0], f"{data[0]['login']}: {data[0]['balance']}")
        else:
            emit(args, data, "\n".join(f"{d['login']:<12} {d['balance']}" for d in data)
                 or tr("Nothing."))
    finally:
        db.dispose()
    return 0


def sync_ledger(args: argparse.Namespace) -> int:
    period = _period(args.period)
    db = open_db(args)
    try:
        result = reward_actions.sync(db, acting_user(args, db), period).result
        emit(args, result.as_dict(),
             tr("{granted} grants, {reversed} reversals, {points} points.").format(
                 granted=result.granted, reversed=result.reversed, points=result.points_added))
    finally:
        db.dispose()
    return 0


def spot_award(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        actor = cli_sessions.must_be_me(db, acting_user(args, db), args.by, "award")
        done = reward_actions.award_to_login(db, actor, args.agent, args.points, args.reason)
        data = {"entry_id": done.entry_id, "agent": done.login, "points": done.points,
                "balance": done.balance}
        emit(args, data, tr("{points} points to {agent}; balance {balance}.").format(**data))
    finally:
        db.dispose()
    return 0
