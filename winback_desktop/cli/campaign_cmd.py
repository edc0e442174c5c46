"""``winback campaign …`` and ``winback sltv …``: campaigns and the value they rank by.

Each command is one service call (its own transaction, permission check and audit):
creating, changing or starting a campaign values its tasks with the campaign's SLTV
parameters in the same transaction, so ``queue list`` and ``sltv explain --campaign``
always agree.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import time
from typing import TYPE_CHECKING, Any

from winback_desktop.cli import model_cmd
from winback_desktop.cli._common import acting_user, add_command, emit, lazy_module, open_db, tr
from winback_desktop.core import choices
from winback_desktop.core.domain import CampaignKind
from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from winback_desktop.services import campaigns, sltv_service
    from winback_desktop.services.context import Actor
    from winback_desktop.services.database import Database
else:  # imported when a command runs, not when the parser is built
    campaigns = lazy_module("winback_desktop.services.campaigns")
    sltv_service = lazy_module("winback_desktop.services.sltv_service")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
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
    p.add_argument("--order", choices=list(choices.QUEUE_ORDERS), default=None,
                   help=tr("hand out queued customers by SLTV or by expected value "
                           "(callbacks always first)"))


# ------------------------------------------------------------------ helpers


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


def _settings(db: Database, actor: Actor, args: argparse.Namespace) -> dict[str, Any]:
    """The campaign options given on the command line, as service keyword arguments."""
    out: dict[str, Any] = {}
    if args.window:
        out["window_start"], out["window_end"] = _window(args.window)
    for opt, key in (("max_attempts", "max_attempts"), ("retry_gap", "retry_gap_minutes"),
                     ("lease", "lease_minutes")):
        if getattr(args, opt) is not None:
            out[key] = getattr(args, opt)
    if args.agents is not None:
        out["agent_ids"] = campaigns.user_ids(db, actor, _csv(args.agents) or [])
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
    if args.order:
        out["queue_order"] = args.order
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


def _money(minor: int | None) -> str:
    return "—" if minor is None else f"{minor / 100:,.2f}"


def _info_dict(info: campaigns.CampaignInfo) -> dict[str, Any]:
    data = asdict(info)
    data["window_start"] = info.window_start.strftime("%H:%M")
    data["window_end"] = info.window_end.strftime("%H:%M")
    return data


# ------------------------------------------------------------------ handlers


def explain_lines(found: sltv_service.CustomerSltv) -> list[str]:
    """The explain as text: every term, and how a missing input was treated."""
    result = found.explanation
    if result.sltv_minor is None:
        lines = [tr("No annual margin or revenue is known: the model cannot value this "
                    "customer. The SLTV stays unknown (not minus the cost); the customer "
                    "counts as tier {tier}, the lowest, and is queued after every valued "
                    "customer until spend data arrives.").format(tier=found.tier)]
    else:
        lines = [tr("SLTV {sltv} = Σ yearly value {gross} − cost {cost}").format(
            sltv=_money(result.sltv_minor), gross=_money(result.gross_minor),
            cost=_money(result.cost_minor))]
        lines += [tr("year {year}: margin {margin} × retention {r:.4f} × discount {d:.4f} = "
                     "{value}").format(year=y.year, margin=_money(y.margin_minor),
                                       r=y.retention_factor, d=y.discount_factor,
                                       value=_money(y.value_minor))
                  for y in result.years]
        lines.append(tr("Yearly values are rounded to the fen so that they add up to the "
                        "total."))
    if result.imported_sltv_minor is not None:
        lines.append(tr("imported SLTV (used for ranking): {value}").format(
            value=_money(result.imported_sltv_minor)))
    lines.append(tr("tier {tier}, treatment {segment}").format(tier=found.tier,
                                                               segment=found.segment))
    if result.defaulted:
        lines.append(tr("defaulted: {names}").format(names=", ".join(result.defaulted)))
    if found.chance is not None:
        lines += model_cmd.explain_lines(found.chance)
    return lines


def sltv_explain(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        found = sltv_service.explain_for(db, acting_user(args, db), args.customer, args.campaign)
        emit(args, found.as_dict(), "\n".join(explain_lines(found)))
        return 0
    return _run(args, body)


def sltv_recompute(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        actor = acting_user(args, db)
        cid = campaigns.find(db, actor, args.campaign).id if args.campaign else None
        changed = sltv_service.recompute(db, actor, cid)
        emit(args, {"changed": changed}, tr("{n} rows changed.").format(n=changed))
        return 0
    return _run(args, body)


def campaign_list(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        rows = campaigns.overview(db, acting_user(args, db))
        lines = [f"{c.id:>4} {c.status:<8} {c.kind:<9} "
                 f"{c.window_start:%H:%M}-{c.window_end:%H:%M} {c.open_tasks:>8}  {c.name}"
                 for c in rows]
        emit(args, [_info_dict(c) for c in rows],
             "\n".join(lines) if lines else tr("No campaigns."))
        return 0
    return _run(args, body)


def campaign_create(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        actor = acting_user(args, db)
        done = campaigns.create(db, actor, args.name, args.kind or CampaignKind.WIN_BACK.value,
                                start=args.start, **_settings(db, actor, args))
        info = done.campaign
        emit(args, _info_dict(info) | {"tasks_added": done.tasks_added},
             tr("Created campaign '{name}' (id {id}).").format(name=info.name, id=info.id))
        return 0
    return _run(args, body)


def campaign_update(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        actor = acting_user(args, db)
        settings = _settings(db, actor, args)
        if args.rename:
            settings["name"] = args.rename
        if args.kind:
            settings["kind"] = args.kind
        info = campaigns.update(db, actor, campaigns.find(db, actor, args.name).id,
                                **settings).campaign
        emit(args, _info_dict(info), tr("Campaign '{name}' updated.").format(name=info.name))
        return 0
    return _run(args, body)


def campaign_start(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        actor = acting_user(args, db)
        done = campaigns.start(db, actor, campaigns.find(db, actor, args.name).id)
        info = done.campaign
        emit(args, {"id": info.id, "status": info.status, "tasks_added": done.tasks_added},
             tr("Campaign '{name}' is running; {n} customers queued.").format(
                 name=info.name, n=done.tasks_added))
        return 0
    return _run(args, body)


def campaign_pause(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        actor = acting_user(args, db)
        info = campaigns.pause(db, actor, campaigns.find(db, actor, args.name).id).campaign
        emit(args, {"id": info.id, "status": info.status},
             tr("Campaign '{name}' is paused.").format(name=info.name))
        return 0
    return _run(args, body)


def campaign_preview(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        actor = acting_user(args, db)
        result = campaigns.preview_now(db, actor, campaigns.find(db, actor, args.name).id)
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
