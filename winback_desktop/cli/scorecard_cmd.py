"""``winback scorecard``, ``winback rewards balance|sync|award``, ``winback leaderboard``."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select

from winback_desktop.cli._common import add_command, emit, open_db, tr
from winback_desktop.core import metrics
from winback_desktop.core.domain import Role
from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.db.models import User
from winback_desktop.services import rewards, scorecards, users
from winback_desktop.services.context import Actor


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
    lb.add_argument("--metric", default="points", choices=list(rewards.LEADERBOARD_METRICS))
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
    award.add_argument("--by", metavar="LOGIN", required=True)
    award.add_argument("--reason", required=True)


def _period(text: str) -> metrics.Period:
    try:
        return metrics.parse_period(text)
    except ValueError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Not a period: '{period}'. Use 2026-11, 2026-W47, 2026-11-20 or "
            "2026-11-01..2026-11-15."), period=text) from exc


def scorecard(args: argparse.Namespace) -> int:
    period = _period(args.period)
    db = open_db(args)
    try:
        with db.session() as session:
            scorecards.refresh_rollups(session)
            if args.supervisors:
                sups = scorecards.supervisor_cards(session, Actor.system(), period)
                emit(args, [c.as_dict() for c in sups],
                     "\n".join(f"{c.login:<16} turnaround={c.approval_turnaround_s} "
                               f"reviewed={c.reviewed_share}" for c in sups) or tr("Nothing."))
                return 0
            view = scorecards.team_view(session, Actor.system(), period, agent_login=args.agent)
        exported = None
        if args.export:
            exported = _export(view, args.export)
        data = {
            "exported": exported,
            "period": {"start": period.start, "end": period.end, "label": period.label},
            "team_average": view.team_average,
            "targets": view.targets,
            "agents": [{"login": r.login, "display_name": r.display_name, "team": r.team,
                        **r.card.as_dict(),
                        "burnout": [{"kind": b.kind, **b.detail} for b in r.burnout]}
                       for r in view.rows],
        }
        lines = [f"{r.login:<12} {tr('dials')} {r.card.dials:>5}  {tr('win-backs')} "
                 f"{r.card.win_backs:>4}  {tr('SLTV recovered')} "
                 f"{r.card.sltv_recovered_minor / 100:>12,.2f}" for r in view.rows]
        emit(args, data, "\n".join(lines) or tr("Nothing."))
    finally:
        db.dispose()
    return 0


def _export(view: scorecards.TeamView, target: str) -> str:
    from pathlib import Path

    from winback_desktop.services import scorecard_export

    path = Path(target)
    labels = {k: tr(v) for k, v in scorecard_export.default_labels().items()}
    title = tr("Scorecards")
    if path.suffix.lower() == ".pdf":
        scorecard_export.export_pdf(view, path, labels, title)
    elif path.suffix.lower() == ".xlsx":
        scorecard_export.export_xlsx(view, path, labels, title)
    else:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Export to .xlsx or .pdf, not '{name}'."), name=path.name)
    return str(path)


def leaderboard(args: argparse.Namespace) -> int:
    period = _period(args.period)
    db = open_db(args)
    try:
        with db.session() as session:
            rows = rewards.leaderboard(session, Actor.system(), period, args.metric)
        emit(args, [r.__dict__ for r in rows],
             "\n".join(f"{r.rank:>3}. {r.login:<12} {r.value}" for r in rows) or tr("Nothing."))
    finally:
        db.dispose()
    return 0


def balance(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as session:
            if args.agent:
                agents = [users.get_user(session, args.agent)]
            else:
                agents = list(session.scalars(select(User).where(
                    User.role == Role.AGENT.value).order_by(User.login)))
            data = [{"login": a.login, "balance": rewards.balance(session, Actor.system(), a.id),
                     "pending_redemptions": rewards.pending_redemption_points(session, a.id)}
                    for a in agents]
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
        with db.session() as session:
            result = rewards.sync_ledger(session, Actor.system(), period.start, period.end)
        emit(args, result.as_dict(),
             tr("{granted} grants, {reversed} reversals, {points} points.").format(
                 granted=result.granted, reversed=result.reversed, points=result.points_added))
    finally:
        db.dispose()
    return 0


def spot_award(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.session() as session:
            by = Actor.of(users.get_user(session, args.by))
            agent = users.get_user(session, args.agent)
            entry = rewards.grant_spot_award(session, by, agent.id, args.points, args.reason)
            data = {"entry_id": entry.id, "agent": agent.login, "points": entry.points,
                    "balance": rewards.balance(session, by, agent.id)}
        emit(args, data, tr("{points} points to {agent}; balance {balance}.").format(**data))
    finally:
        db.dispose()
    return 0
