"""``winback desk …``: the agent desk's use cases from the command line.

For scripts and supervisors at a terminal: an agent's callbacks, today's figures and
worked customers (``--agent LOGIN``); not-ready reasons and the wrap-up limit (as the
OS account's admin authority, like ``user add``); forcing an agent to not-ready or
logging them out (``--by LOGIN`` names the supervisor, audited as them).
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from winback_desktop.cli._common import acting_user, add_command, emit, lazy_module, open_db, tr

if TYPE_CHECKING:
    from winback_desktop.services import cli_sessions, desk, user_actions
    from winback_desktop.services.context import Actor
    from winback_desktop.services.database import Database
else:  # imported when a command runs, not when the parser is built
    cli_sessions = lazy_module("winback_desktop.services.cli_sessions")
    desk = lazy_module("winback_desktop.services.desk")
    user_actions = lazy_module("winback_desktop.services.user_actions")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    d = sub.add_parser("desk", help=tr("the agent desk: callbacks, not ready, figures"))
    d_sub = d.add_subparsers(dest="desk_command", metavar="COMMAND", required=True)
    cb = add_command(d_sub, "callbacks", common, desk_callbacks,
                     tr("an agent's callbacks: overdue, today, later"))
    cb.add_argument("--agent", required=True, metavar="LOGIN", help=tr("agent login"))
    today = add_command(d_sub, "today", common, desk_today,
                        tr("an agent's figures for today (as on the scorecard)"))
    today.add_argument("--agent", required=True, metavar="LOGIN", help=tr("agent login"))
    worked = add_command(d_sub, "customers", common, desk_customers,
                         tr("customers an agent has called"))
    worked.add_argument("--agent", required=True, metavar="LOGIN", help=tr("agent login"))
    worked.add_argument("--search", default="", metavar="TEXT",
                        help=tr("name, customer number or phone"))
    add_command(d_sub, "reasons", common, desk_reasons, tr("list the not-ready reasons"))
    reason = add_command(d_sub, "reason", common, desk_reason,
                         tr("add, rename or retire a not-ready reason"))
    reason.add_argument("code", metavar="CODE")
    reason.add_argument("--name", default=None, help=tr("the name agents see"))
    reason.add_argument("--retire", action="store_true", help=tr("no longer offered"))
    limit = add_command(d_sub, "wrap-up-limit", common, desk_wrap_up_limit,
                        tr("show or set the wrap-up limit in seconds (0: none)"))
    limit.add_argument("seconds", type=int, nargs="?", metavar="SECONDS")
    nr = add_command(d_sub, "not-ready", common, desk_not_ready,
                     tr("set an agent to not ready (a supervisor's action)"))
    nr.add_argument("agent", metavar="LOGIN")
    nr.add_argument("--reason", required=True, metavar="CODE", help=tr("not-ready reason"))
    nr.add_argument("--by", metavar="LOGIN", help=tr("supervisor login (default: admin)"))
    out = add_command(d_sub, "logout", common, desk_logout,
                      tr("log an agent out (a supervisor's action)"))
    out.add_argument("agent", metavar="LOGIN")
    out.add_argument("--by", metavar="LOGIN", help=tr("supervisor login (default: admin)"))


def _agent(args: argparse.Namespace, db: Database) -> Actor:
    """The logged-in user, or the agent a supervisor names (audited ``act_for``)."""
    return cli_sessions.act_for(db, acting_user(args, db), args.agent)


def _run(args: argparse.Namespace, body: Any) -> int:
    db = open_db(args)
    try:
        return int(body(db))
    finally:
        db.dispose()


def desk_callbacks(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        data = desk.my_callbacks(db, _agent(args, db))
        overdue, today = tr("overdue"), tr("today")
        lines = [f"{r.callback_at.astimezone():%Y-%m-%d %H:%M}  "
                 f"{overdue if r.overdue else today if r.today else '':<8} "
                 f"{r.task_id:>8}  {r.customer_name}  ({r.campaign_name})" for r in data.rows]
        emit(args, [asdict(r) for r in data.rows],
             "\n".join(lines) if lines else tr("No callbacks waiting."))
        return 0
    return _run(args, body)


def desk_today(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        f = desk.my_figures_today(db, _agent(args, db))
        data = {"day": f.day, "calls": f.calls, "contacts": f.contacts,
                "win_backs": f.win_backs, "saves": f.saves, "talk_seconds": f.talk_seconds}
        emit(args, data, tr("{day}: {calls} calls, {contacts} contacts, {winbacks} win-backs, "
                            "{saves} saves, {talk:.0f} s talking.").format(
            day=f.day, calls=f.calls, contacts=f.contacts, winbacks=f.win_backs,
            saves=f.saves, talk=f.talk_seconds))
        return 0
    return _run(args, body)


def desk_customers(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        rows = desk.search_my_customers(db, _agent(args, db), args.search)
        lines = [f"{w.customer_id:>8}  {w.external_id or '-':<10} {w.name}  "
                 f"{w.last_call_at.astimezone():%Y-%m-%d %H:%M}  {w.last_disposition or '-'}"
                 for w in rows]
        emit(args, [asdict(w) for w in rows],
             "\n".join(lines) if lines else tr("No customer found."))
        return 0
    return _run(args, body)


def desk_reasons(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        rows = desk.reasons(db, acting_user(args, db), include_inactive=True)
        retired = tr("(retired)")
        lines = [f"{r.code:<16} {r.name or ''}{'' if r.active else '  ' + retired}"
                 for r in rows]
        emit(args, [asdict(r) for r in rows], "\n".join(lines))
        return 0
    return _run(args, body)


def desk_reason(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        done = desk.save_reason(db, acting_user(args, db), args.code, args.name,
                                active=not args.retire)
        emit(args, {"code": args.code, "changed": bool(done.changes)},
             tr("Reason '{code}' saved.").format(code=args.code) if done.changes
             else tr("Nothing to change."))
        return 0
    return _run(args, body)


def desk_wrap_up_limit(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        if args.seconds is not None:
            desk.set_wrap_up_limit(db, acting_user(args, db), args.seconds)
        seconds = desk.wrap_up_limit(db)
        emit(args, {"wrap_up_limit_seconds": seconds},
             tr("Wrap-up limit: {n} s.").format(n=seconds) if seconds
             else tr("Wrap-up limit: none."))
        return 0
    return _run(args, body)


def desk_not_ready(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        by = cli_sessions.must_be_me(db, acting_user(args, db), args.by, "desk")
        desk.force_not_ready(db, by, user_actions.user_id_for(db, by, args.agent), args.reason)
        emit(args, {"agent": args.agent, "state": "break", "reason": args.reason},
             tr("{agent} is set to not ready.").format(agent=args.agent))
        return 0
    return _run(args, body)


def desk_logout(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        by = cli_sessions.must_be_me(db, acting_user(args, db), args.by, "desk")
        desk.force_logout(db, by, user_actions.user_id_for(db, by, args.agent))
        emit(args, {"agent": args.agent, "state": "offline"},
             tr("{agent} is logged out.").format(agent=args.agent))
        return 0
    return _run(args, body)
