"""``winback call start|answer|end|outcome|amend|show|list``: one call, step by step.

The same services as the workspace and the phone system (``services.calls``), so a
script driving a dialler gets exactly the rules an agent does: no win-back before the
customer answered, answer and hang-up safe to repeat, amendments with a reason.
``call log TASK`` (queue_cmd) stays the one-shot form.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from winback_desktop.cli._common import acting_user, add_command, emit, lazy_module, open_db, tr
from winback_desktop.core.domain import Disposition
from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from winback_desktop.services import calls
    from winback_desktop.services.calls import CallInfo, CallState
    from winback_desktop.services.context import Actor
    from winback_desktop.services.database import Database
else:  # imported when a call command runs, not when the parser is built
    calls = lazy_module("winback_desktop.services.calls")


def register(c_sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the lifecycle commands to the ``call`` command group."""
    start = add_command(c_sub, "start", common, call_start,
                        tr("start a call on a task the agent holds (prints the call id)"))
    start.add_argument("task", type=int, metavar="TASK")
    start.add_argument("--agent", required=True, metavar="LOGIN", help=tr("agent login"))
    start.add_argument("--phone", metavar="E164", help=tr("number dialled (default: the "
                                                          "customer's primary phone)"))
    for name, handler, text in (
            ("answer", call_answer, tr("the customer answered (safe to repeat)")),
            ("end", call_end, tr("hang up (safe to repeat)"))):
        cmd = add_command(c_sub, name, common, handler, text)
        cmd.add_argument("call", type=int, metavar="CALL")
    out = add_command(c_sub, "outcome", common, call_outcome,
                      tr("record a call's outcome and close it"))
    out.add_argument("call", type=int, metavar="CALL")
    out.add_argument("--disposition", required=True, choices=[d.value for d in Disposition])
    out.add_argument("--notes", default=None, help=tr("call notes"))
    out.add_argument("--callback-at", default=None, metavar="ISO",
                     help=tr("callback time, ISO 8601; without an offset it is the "
                             "customer's local time"))
    out.add_argument("--team", action="store_true",
                     help=tr("a team callback (any agent may take it)"))
    amend = add_command(c_sub, "amend", common, call_amend,
                        tr("change a recorded outcome (the agent within 15 minutes, a "
                           "supervisor any time)"))
    amend.add_argument("call", type=int, metavar="CALL")
    amend.add_argument("--disposition", required=True, choices=[d.value for d in Disposition])
    amend.add_argument("--reason", required=True, help=tr("why the outcome changes"))
    amend.add_argument("--by", required=True, metavar="LOGIN",
                       help=tr("who amends (the call's agent or a supervisor)"))
    amend.add_argument("--callback-at", default=None, metavar="ISO",
                       help=tr("callback time, ISO 8601, when amending to a callback"))
    show = add_command(c_sub, "show", common, call_show, tr("show one call"))
    show.add_argument("call", type=int, metavar="CALL")
    add_command(c_sub, "sweep", common, call_sweep,
                tr("close calls left open past their lease by a crashed workstation "
                   "(abandoned; their tasks return to the queue); for a scheduled job"))
    lst = add_command(c_sub, "list", common, call_list, tr("list calls"))
    lst.add_argument("--open", action="store_true", required=True,
                     help=tr("calls not closed yet"))


def _run(args: argparse.Namespace, body: Any) -> int:
    db = open_db(args)
    try:
        return int(body(db))
    finally:
        db.dispose()


def _as(args: argparse.Namespace, db: Database, login: str | None) -> Actor:
    """The logged-in user, or the agent a supervisor names (audited ``act_for``)."""
    from winback_desktop.services import cli_sessions

    return cli_sessions.act_for(db, acting_user(args, db), login)


def _when(value: str | None, zone: str) -> datetime | None:
    if not value:
        return None
    try:
        at = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Not an ISO date and time: '{value}'."), value=value) from exc
    return at if at.tzinfo is not None else at.replace(tzinfo=ZoneInfo(zone))


def _state_data(state: CallState) -> dict[str, object]:
    return {"call_id": state.call_id, "task_id": state.task_id, "step": state.step.value,
            "answered_at": state.answered_at, "ended_at": state.ended_at,
            "disposition": state.disposition, "changed": state.changed}


def _info_line(c: CallInfo) -> str:
    return (f"{c.call_id:>8} {c.step:<10} {c.disposition or '-':<15} "
            f"{c.agent_login or '-':<12} {c.started_at:%Y-%m-%d %H:%M} {c.customer_name}")


def call_start(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        call_id = calls.start_call(db, _as(args, db, args.agent), args.task, phone_e164=args.phone)
        emit(args, {"call_id": call_id, "task_id": args.task, "step": "dialling"},
             str(call_id))
        return 0
    return _run(args, body)


def call_answer(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        state = calls.answer_call(db, calls.call_parties(db, args.call).agent, args.call)
        emit(args, _state_data(state), tr("Call {call} is answered.").format(call=args.call))
        return 0
    return _run(args, body)


def call_end(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        state = calls.end_call(db, calls.call_parties(db, args.call).agent, args.call)
        emit(args, _state_data(state),
             tr("Call {call} has ended; record its outcome.").format(call=args.call))
        return 0
    return _run(args, body)


def call_outcome(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        parties = calls.call_parties(db, args.call)
        outcome = calls.record_outcome(db, parties.agent, args.call, args.disposition,
                                       args.notes, _when(args.callback_at, parties.timezone),
                                       team_callback=args.team)
        emit(args, outcome.as_dict(),
             tr("Call {call} closed; task {task} is now {status}.").format(
                 call=outcome.call_id, task=outcome.task_id, status=outcome.task_status))
        return 0
    return _run(args, body)


def call_amend(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        parties = calls.call_parties(db, args.call)
        outcome = calls.amend_outcome(db, _as(args, db, args.by), args.call, args.disposition,
                                      args.reason, _when(args.callback_at, parties.timezone))
        emit(args, outcome.as_dict() | {"disposition": args.disposition},
             tr("Call {call} amended to {outcome}.").format(call=args.call,
                                                            outcome=args.disposition))
        return 0
    return _run(args, body)


def call_show(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        info = calls.show_call(db, acting_user(args, db), args.call)
        emit(args, info.as_dict(), None)
        return 0
    return _run(args, body)


def call_list(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        rows = calls.list_open_calls(db, acting_user(args, db))
        emit(args, [r.as_dict() for r in rows],
             "\n".join(_info_line(r) for r in rows) if rows else tr("No open calls."))
        return 0
    return _run(args, body)


def call_sweep(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        swept = calls.abandon_stale_calls(db, acting_user(args, db), limit=100_000)
        emit(args, {"abandoned": list(swept.call_ids)},
             tr("{n} stale call(s) closed as abandoned.").format(n=len(swept.call_ids)))
        return 0
    return _run(args, body)
