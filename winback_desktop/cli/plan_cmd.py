"""``winback plan list|show|enroll|todo|done|export``: long-term win-back plans (issue 19)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from winback_desktop.cli._common import (
    _qt_translate,
    acting_user,
    add_command,
    emit,
    lazy_module,
    open_db,
    parse_day,
    tr,
)
from winback_desktop.core import choices
from winback_desktop.core.errors import NotFound

if TYPE_CHECKING:
    from winback_desktop.services import plans
else:  # imported when a command runs, not when the parser is built
    plans = lazy_module("winback_desktop.services.plans")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    grp = sub.add_parser("plan", help=tr("long-term win-back plans"))
    grp_sub = grp.add_subparsers(dest="plan_command", metavar="WHAT", required=True)
    add_command(grp_sub, "list", common, list_cmd, tr("plans with their steps"))
    show = add_command(grp_sub, "show", common, show_cmd,
                       tr("one plan, or a customer's progress with --customer"))
    show.add_argument("plan", metavar="PLAN", nargs="?", default=None,
                      help=tr("plan name or number"))
    show.add_argument("--customer", default=None, metavar="CUSTOMER",
                      help=tr("customer ID (or number): their plans and steps"))
    enroll = add_command(grp_sub, "enroll", common, enroll_cmd,
                         tr("enrol a customer in a plan (default: the plan for their reason)"))
    enroll.add_argument("customer", metavar="CUSTOMER", help=tr("customer ID (or number)"))
    enroll.add_argument("--plan", default=None, help=tr("plan name or number"))
    enroll.add_argument("--campaign", type=int, default=None,
                        help=tr("campaign number whose agents make the plan's calls"))
    todo = add_command(grp_sub, "todo", common, todo_cmd,
                       tr("letters, e-mails, SMS and visits due"))
    todo.add_argument("--due-by", default=None, metavar="YYYY-MM-DD",
                      help=tr("due on or before this day (default: today)"))
    done = add_command(grp_sub, "done", common, done_cmd, tr("mark a to-do done or skipped"))
    done.add_argument("step", type=int, metavar="STEP")
    done.add_argument("--skip", action="store_true", help=tr("skipped, not done"))
    done.add_argument("--note", default=None)
    export = add_command(grp_sub, "export", common, export_cmd,
                         tr("due letters and e-mails as .xlsx for a mail merge"))
    export.add_argument("file", metavar="FILE")
    export.add_argument("--due-by", default=None, metavar="YYYY-MM-DD")
    export.add_argument("--channel", action="append", default=None,
                        choices=[c for c in choices.PLAN_CHANNELS if c != "call"],
                        help=tr("channel to export (repeatable; default: letter and email)"))


def _steps_text(info: plans.PlanInfo) -> str:
    return " → ".join(f"{s.channel}+{s.wait_days}d" for s in info.steps)


def list_cmd(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        found = plans.plan_list(db, acting_user(args, db))
    finally:
        db.dispose()
    text = "\n".join(f"#{p.id} {p.name} ({p.kind}{'' if p.active else ', inactive'}): "
                     f"{_steps_text(p)}" for p in found) or tr("No plans.")
    emit(args, [p.as_dict() for p in found], text)
    return 0


def show_cmd(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        if args.customer:
            progress = plans.customer_plans(db, acting_user(args, db), args.customer)
            lines = [f"#{e.id} {e.plan_name}: {e.status} ({e.done_steps}/{len(e.runs)})"
                     for e in progress]
            emit(args, [e.as_dict() for e in progress], "\n".join(lines) or tr("No plans."))
            return 0
        if not args.plan:
            raise NotFound(what="PLAN")
        info = plans.plan_details(db, acting_user(args, db), args.plan)
    finally:
        db.dispose()
    lines = [f"#{info.id} {info.name} ({info.kind})"]
    lines += [f"  {n}. {st.channel}, +{st.wait_days}d, {st.owner_role or ''}: {st.text}"
              for n, st in enumerate(info.steps, start=1)]
    emit(args, info.as_dict(), "\n".join(lines))
    return 0


def enroll_cmd(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        info = plans.enroll(db, acting_user(args, db), args.customer, plan=args.plan,
                            campaign_id=args.campaign)
    finally:
        db.dispose()
    text = tr("Enrolled in '{plan}': {steps} steps, the first due {due}.").format(
        plan=info.plan_name, steps=len(info.runs),
        due=info.runs[0].due_on.isoformat() if info.runs else "")
    emit(args, info.as_dict(), text)
    return 0


def todo_cmd(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        rows = plans.due_todos(db, acting_user(args, db), due_by=parse_day(args.due_by))
    finally:
        db.dispose()
    text = "\n".join(f"#{r.run_id} {r.due_on} {r.channel} {r.external_id or r.customer_id} "
                     f"{r.name}: {r.text}" for r in rows) or tr("Nothing due.")
    emit(args, [r.as_dict() for r in rows], text)
    return 0


def done_cmd(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        result = plans.complete_step(db, acting_user(args, db), args.step, skipped=args.skip,
                                     note=args.note)
    finally:
        db.dispose()
    emit(args, {"step": result.run_id, "status": result.status,
                "plan_status": result.enrollment_status},
         tr("Step #{step}: {status}.").format(step=result.run_id, status=result.status))
    return 0


def export_cmd(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        rows = plans.export_mail_merge(db, acting_user(args, db), args.file,
                                       channels=args.channel or ("letter", "email"),
                                       due_by=parse_day(args.due_by), translate=_qt_translate)
    finally:
        db.dispose()
    emit(args, {"file": args.file, "rows": rows},
         tr("Exported {rows} letters and e-mails to {file}.").format(rows=rows, file=args.file))
    return 0
