"""``winback queue|call …``: the call queue from the command line.

The CLI acts with the OS account's authority (like ``user add``); commands that act
for an agent (claim, log a call) take ``--agent LOGIN`` and run as that agent, so the
queue rules (assignment, skills, leases) apply exactly as in the GUI.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from winback_desktop.cli import call_cmd
from winback_desktop.cli._common import acting_user, add_command, emit, lazy_module, open_db, tr
from winback_desktop.core.domain import Disposition
from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from winback_desktop.services import calls, campaigns, queue
    from winback_desktop.services.context import Actor
    from winback_desktop.services.database import Database
else:  # imported when a queue command runs, not when the parser is built
    calls = lazy_module("winback_desktop.services.calls")
    campaigns = lazy_module("winback_desktop.services.campaigns")
    queue = lazy_module("winback_desktop.services.queue")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    # -- queue
    q = sub.add_parser("queue", help=tr("the call queue"))
    q_sub = q.add_subparsers(dest="queue_command", metavar="COMMAND", required=True)
    nxt = add_command(q_sub, "next", common, queue_next,
                      tr("claim the next customer for an agent"))
    nxt.add_argument("--agent", required=True, metavar="LOGIN", help=tr("agent login"))
    nxt.add_argument("--campaign", metavar="NAME", help=tr("campaign name or id"))
    rel = add_command(q_sub, "release", common, queue_release,
                      tr("give a claimed task back to the queue"))
    rel.add_argument("task", type=int, metavar="TASK")
    rel.add_argument("--agent", metavar="LOGIN",
                     help=tr("agent login (default: whoever holds the task)"))
    lst = add_command(q_sub, "list", common, queue_list, tr("list open tasks by priority"))
    lst.add_argument("--campaign", metavar="NAME", help=tr("campaign name or id"))
    lst.add_argument("--limit", type=int, default=200, help=tr("at most this many rows"))
    # -- call
    c = sub.add_parser("call", help=tr("calls"))
    c_sub = c.add_subparsers(dest="call_command", metavar="COMMAND", required=True)
    log = add_command(c_sub, "log", common, call_log, tr("record a finished call on a task"))
    log.add_argument("task", type=int, metavar="TASK")
    log.add_argument("--disposition", required=True, choices=[d.value for d in Disposition])
    log.add_argument("--notes", default=None, help=tr("call notes"))
    log.add_argument("--callback-at", default=None, metavar="ISO",
                     help=tr("callback time, ISO 8601; without an offset it is the "
                             "customer's local time"))
    log.add_argument("--team", action="store_true",
                     help=tr("a team callback (any agent may take it)"))
    log.add_argument("--agent", metavar="LOGIN",
                     help=tr("agent login (default: whoever holds the task)"))
    call_cmd.register(c_sub, common)


# ------------------------------------------------------------------ helpers


def _campaign_id(db: Database, name: str | None) -> int | None:
    return campaigns.campaign_id_for(db, name)


def _as(args: argparse.Namespace, db: Database, login: str | None) -> Actor:
    """The logged-in user, or the agent a supervisor names (audited ``act_for``)."""
    from winback_desktop.services import cli_sessions

    return cli_sessions.act_for(db, acting_user(args, db), login)


def _run(args: argparse.Namespace, body: Any) -> int:
    db = open_db(args)
    try:
        return int(body(db))
    finally:
        db.dispose()


# ------------------------------------------------------------------ handlers


def queue_next(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        agent = _as(args, db, args.agent)
        task = queue.claim_next_task(db, agent, _campaign_id(db, args.campaign))
        if task is None:
            emit(args, None, tr("Nobody can be called now."))
            return 0
        data = {"task_id": task.task_id, "customer_id": task.customer_id,
                "external_id": task.external_id, "name": task.name, "sltv": task.sltv_minor,
                "sltv_tier": task.sltv_tier, "segment": task.segment,
                "defection_reason": task.defection_reason, "campaign_id": task.campaign_id,
                "is_callback": task.is_callback, "lease_expires_at": task.lease_expires_at}
        emit(args, data, tr("Task {task}: {name} ({external_id}), SLTV {sltv}.").format(
            task=task.task_id, name=task.name, external_id=task.external_id or "-",
            sltv=f"{task.sltv_minor / 100:,.2f}"))
        return 0
    return _run(args, body)


def queue_release(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        queue.release_task(db, _as(args, db, args.agent), args.task)
        emit(args, {"task_id": args.task, "released": True},
             tr("Task {task} is back in the queue.").format(task=args.task))
        return 0
    return _run(args, body)


def queue_list(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        cid = _campaign_id(db, args.campaign)
        rows = queue.load_queue(db, acting_user(args, db), cid, limit=args.limit)
        data = [asdict(r) for r in rows]
        lines = [f"{r.task_id:>8} {r.status:<9} {r.sltv_minor / 100:>14,.2f} "
                 f"{r.sltv_tier or '-':<8} {r.external_id or '-':<12} {r.name}" for r in rows]
        emit(args, data, "\n".join(lines) if lines else tr("The queue is empty."))
        return 0
    return _run(args, body)


def call_log(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        agent = _as(args, db, args.agent)
        callback_at = None
        if args.callback_at:
            try:
                callback_at = datetime.fromisoformat(args.callback_at)
            except ValueError as exc:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Errors", "Not an ISO date and time: '{value}'."),
                    value=args.callback_at) from exc
            if callback_at.tzinfo is None:
                zone = queue.task_timezone(db, agent, args.task)
                callback_at = callback_at.replace(tzinfo=ZoneInfo(zone))
        outcome = calls.log_call(db, agent, args.task, args.disposition, args.notes,
                                 callback_at, team_callback=args.team)
        emit(args, outcome.as_dict(),
             tr("Call {call} logged; task {task} is now {status}.").format(
                 call=outcome.call_id, task=outcome.task_id, status=outcome.task_status))
        return 0
    return _run(args, body)
