"""``winback queue|call|sltv|campaign …``: the call queue from the command line.

The CLI acts with the OS account's authority (like ``user add``); commands that act
for an agent (claim, log a call) take ``--agent LOGIN`` and run as that agent, so the
queue rules (assignment, skills, leases) apply exactly as in the GUI.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from winback_desktop.cli._common import add_command, emit, open_db, tr
from winback_desktop.core.domain import CampaignKind, Disposition
from winback_desktop.core.errors import NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.db.models import CallTask, Customer, User
from winback_desktop.db.session import Database
from winback_desktop.services import (
    calls,
    campaigns,
    customer_card,
    queue,
    sltv_service,
    users,
)
from winback_desktop.services.context import Actor


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
    # -- sltv
    s = sub.add_parser("sltv", help=tr("second lifetime value"))
    s_sub = s.add_subparsers(dest="sltv_command", metavar="COMMAND", required=True)
    exp = add_command(s_sub, "explain", common, sltv_explain,
                      tr("show how a customer's SLTV is computed"))
    exp.add_argument("customer", metavar="CUSTOMER", help=tr("customer id or external id"))
    exp.add_argument("--campaign", metavar="NAME", help=tr("use this campaign's parameters"))
    rec = add_command(s_sub, "recompute", common, sltv_recompute,
                      tr("recompute SLTV, tiers and segments"))
    rec.add_argument("--campaign", metavar="NAME",
                     help=tr("only this campaign's tasks (after its parameters changed)"))
    # -- campaign
    cp = sub.add_parser("campaign", help=tr("campaigns"))
    cp_sub = cp.add_subparsers(dest="campaign_command", metavar="COMMAND", required=True)
    add_command(cp_sub, "list", common, campaign_list, tr("list campaigns"))
    create = add_command(cp_sub, "create", common, campaign_create, tr("create a campaign"))
    create.add_argument("name", metavar="NAME")
    _campaign_options(create)
    create.add_argument("--start", action="store_true", help=tr("start it at once"))
    upd = add_command(cp_sub, "update", common, campaign_update, tr("change a campaign"))
    upd.add_argument("name", metavar="NAME")
    upd.add_argument("--rename", metavar="NEW", help=tr("new name"))
    _campaign_options(upd)
    for name, handler, text in (
            ("start", campaign_start, tr("start (or resume) a campaign and queue its customers")),
            ("pause", campaign_pause, tr("pause a campaign")),
            ("preview", campaign_preview,
             tr("count the customers each rule would skip now"))):
        p = add_command(cp_sub, name, common, handler, text)
        p.add_argument("name", metavar="NAME")


def _campaign_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", choices=[k.value for k in CampaignKind], default=None)
    p.add_argument("--window", metavar="HH:MM-HH:MM",
                   help=tr("calling window in the customer's local time"))
    p.add_argument("--max-attempts", type=int, default=None)
    p.add_argument("--retry-gap", type=int, default=None, metavar="MINUTES")
    p.add_argument("--lease", type=int, default=None, metavar="MINUTES")
    p.add_argument("--agents", metavar="LOGIN,LOGIN", help=tr("assigned agents"))
    for key in ("segment", "tier", "reason", "status"):
        p.add_argument(f"--{key}", metavar="A,B", default=None,
                       help=tr("customer filter: {key} in this list").format(key=key))
    p.add_argument("--batch", metavar="ID,ID", default=None,
                   help=tr("customer filter: import batch ids"))
    p.add_argument("--sltv-param", action="append", default=None, metavar="KEY=VALUE",
                   help=tr("SLTV model parameter, e.g. retention_rate=0.6 (repeatable)"))


# ------------------------------------------------------------------ helpers


def _agent(db: Database, login: str) -> Actor:
    with db.session() as session:
        return Actor.of(users.get_user(session, login))


def _campaign_id(db: Database, name: str | None) -> int | None:
    if name is None:
        return None
    with db.session() as session:
        return campaigns.get_by_name(session, name).id


def _holder(db: Database, task_id: int, login: str | None) -> Actor:
    if login:
        return _agent(db, login)
    with db.session() as session:
        task = session.get(CallTask, task_id)
        if task is None:
            raise NotFound(what=str(task_id))
        if task.claimed_by is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Nobody holds task {task}: say who with --agent LOGIN."), task=task_id)
        user = session.get(User, task.claimed_by)
        assert user is not None
        return Actor.of(user)


def _csv(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


def _window(value: str) -> tuple[time, time]:
    try:
        start, end = value.split("-", 1)
        return time.fromisoformat(start.strip()), time.fromisoformat(end.strip())
    except ValueError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "A calling window looks like 09:00-20:00, not '{value}'."),
            value=value) from exc


def _number(text: str) -> Any:
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError as exc:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Not a number: '{value}'."), value=text) from exc


def _settings(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    """The campaign options given on the command line, as service keyword arguments."""
    out: dict[str, Any] = {}
    if args.window:
        out["window_start"], out["window_end"] = _window(args.window)
    for opt, key in (("max_attempts", "max_attempts"), ("retry_gap", "retry_gap_minutes"),
                     ("lease", "lease_minutes")):
        if getattr(args, opt) is not None:
            out[key] = getattr(args, opt)
    if args.agents is not None:
        with db.session() as session:
            out["agent_ids"] = [users.get_user(session, login).id
                                for login in _csv(args.agents) or []]
    filt: dict[str, list[Any]] = {}
    for key in ("segment", "tier", "reason", "status"):
        values = _csv(getattr(args, key))
        if values:
            filt[key] = values
    batches = _csv(args.batch)
    if batches:
        filt["import_batch_id"] = [_number(b) for b in batches]
    if filt:
        out["customer_filter"] = filt
    if args.sltv_param:
        params: dict[str, Any] = {}
        for item in args.sltv_param:
            key, sep, value = item.partition("=")
            if not sep:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Errors", "Use KEY=VALUE for an SLTV parameter, not '{value}'."), value=item)
            params[key.strip()] = _number(value.strip())
        out["sltv_params"] = params
    return out


def _run(args: argparse.Namespace, body: Any) -> int:
    db = open_db(args)
    try:
        return int(body(db))
    finally:
        db.dispose()


# ------------------------------------------------------------------ handlers


def queue_next(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        agent = _agent(db, args.agent)
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
        queue.release_task(db, _holder(db, args.task, args.agent), args.task)
        emit(args, {"task_id": args.task, "released": True},
             tr("Task {task} is back in the queue.").format(task=args.task))
        return 0
    return _run(args, body)


def queue_list(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        cid = _campaign_id(db, args.campaign)
        with db.session() as session:
            rows = queue.list_queue(session, Actor.system(), cid, limit=args.limit)
        data = [asdict(r) for r in rows]
        lines = [f"{r.task_id:>8} {r.status:<9} {r.sltv_minor / 100:>14,.2f} "
                 f"{r.sltv_tier or '-':<8} {r.external_id or '-':<12} {r.name}" for r in rows]
        emit(args, data, "\n".join(lines) if lines else tr("The queue is empty."))
        return 0
    return _run(args, body)


def call_log(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        agent = _agent(db, args.agent) if args.agent else _holder(db, args.task, None)
        callback_at = None
        if args.callback_at:
            try:
                callback_at = datetime.fromisoformat(args.callback_at)
            except ValueError as exc:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Errors", "Not an ISO date and time: '{value}'."),
                    value=args.callback_at) from exc
            if callback_at.tzinfo is None:
                with db.session() as session:
                    task = session.get(CallTask, args.task)
                    if task is None:
                        raise NotFound(what=str(args.task))
                    zone = session.get(Customer, task.customer_id)
                    assert zone is not None
                    callback_at = callback_at.replace(tzinfo=ZoneInfo(zone.timezone))
        outcome = calls.log_call(db, agent, args.task, args.disposition, args.notes,
                                 callback_at, team_callback=args.team)
        emit(args, asdict(outcome),
             tr("Call {call} logged; task {task} is now {status}.").format(
                 call=outcome.call_id, task=outcome.task_id, status=outcome.task_status))
        return 0
    return _run(args, body)


def sltv_explain(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        cid = _campaign_id(db, args.campaign)
        with db.session() as session:
            customer = customer_card.find_customer(session, args.customer)
            result = sltv_service.explain_customer(session, Actor.system(), customer.id, cid)
            data = result.as_dict() | {"customer_id": customer.id,
                                       "external_id": customer.external_id}
        lines = [tr("SLTV {sltv} = Σ yearly value {gross} − cost {cost}").format(
            sltv=f"{result.sltv_minor / 100:,.2f}", gross=f"{result.gross_minor / 100:,.2f}",
            cost=f"{result.cost_minor / 100:,.2f}")]
        lines += [tr("year {year}: margin {margin} × retention {r:.4f} × discount {d:.4f} = "
                     "{value}").format(year=y.year, margin=f"{y.margin_minor / 100:,.2f}",
                                       r=y.retention_factor, d=y.discount_factor,
                                       value=f"{y.value_minor / 100:,.2f}")
                  for y in result.years]
        if result.imported_sltv_minor is not None:
            lines.append(tr("imported SLTV (used for ranking): {value}").format(
                value=f"{result.imported_sltv_minor / 100:,.2f}"))
        if result.defaulted:
            lines.append(tr("defaulted: {names}").format(names=", ".join(result.defaulted)))
        emit(args, data, "\n".join(lines))
        return 0
    return _run(args, body)


def sltv_recompute(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        changed = sltv_service.recompute(db, Actor.system(), _campaign_id(db, args.campaign))
        emit(args, {"changed": changed}, tr("{n} rows changed.").format(n=changed))
        return 0
    return _run(args, body)


def _info_dict(info: campaigns.CampaignInfo) -> dict[str, Any]:
    data = asdict(info)
    data["window_start"] = info.window_start.strftime("%H:%M")
    data["window_end"] = info.window_end.strftime("%H:%M")
    return data


def campaign_list(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        with db.session() as session:
            rows = campaigns.list_campaigns(session, Actor.system())
        lines = [f"{c.id:>4} {c.status:<8} {c.kind:<9} "
                 f"{c.window_start:%H:%M}-{c.window_end:%H:%M} {c.open_tasks:>8}  {c.name}"
                 for c in rows]
        emit(args, [_info_dict(c) for c in rows],
             "\n".join(lines) if lines else tr("No campaigns."))
        return 0
    return _run(args, body)


def campaign_create(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        settings = _settings(db, args)
        with db.session() as session:
            c = campaigns.create_campaign(session, Actor.system(), args.name,
                                          args.kind or CampaignKind.WIN_BACK.value, **settings)
            added = campaigns.start_campaign(session, Actor.system(), c.id) if args.start else 0
            info = campaigns.get_campaign(session, Actor.system(), c.id)
        emit(args, _info_dict(info) | {"tasks_added": added},
             tr("Created campaign '{name}' (id {id}).").format(name=info.name, id=info.id))
        return 0
    return _run(args, body)


def campaign_update(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        settings = _settings(db, args)
        if args.rename:
            settings["name"] = args.rename
        if args.kind:
            settings["kind"] = args.kind
        with db.session() as session:
            c = campaigns.get_by_name(session, args.name)
            campaigns.update_campaign(session, Actor.system(), c.id, **settings)
            info = campaigns.get_campaign(session, Actor.system(), c.id)
        emit(args, _info_dict(info), tr("Campaign '{name}' updated.").format(name=info.name))
        return 0
    return _run(args, body)


def campaign_start(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        with db.session() as session:
            c = campaigns.get_by_name(session, args.name)
            added = campaigns.start_campaign(session, Actor.system(), c.id)
            name, cid = c.name, c.id
        emit(args, {"id": cid, "status": "running", "tasks_added": added},
             tr("Campaign '{name}' is running; {n} customers queued.").format(name=name, n=added))
        return 0
    return _run(args, body)


def campaign_pause(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        with db.session() as session:
            c = campaigns.get_by_name(session, args.name)
            campaigns.pause_campaign(session, Actor.system(), c.id)
            name, cid = c.name, c.id
        emit(args, {"id": cid, "status": "paused"},
             tr("Campaign '{name}' is paused.").format(name=name))
        return 0
    return _run(args, body)


def campaign_preview(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        with db.session() as session:
            c = campaigns.get_by_name(session, args.name)
            result = campaigns.preview(session, Actor.system(), c.id)
        text = "\n".join([
            tr("matching customers: {n}").format(n=result.matching),
            tr("skipped, do not call: {n}").format(n=result.do_not_call),
            tr("skipped, outside the calling window now: {n}").format(n=result.outside_window),
            tr("skipped, attempts used up: {n}").format(n=result.attempts_exhausted),
            tr("skipped, segment do not pursue: {n}").format(n=result.do_not_pursue),
            tr("callable now: {n}").format(n=result.eligible),
        ])
        emit(args, result.as_dict(), text)
        return 0
    return _run(args, body)
