"""``winback offer list|request|decide|outcome|report|expire|defaults`` (issue 7)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, time
from typing import TYPE_CHECKING, Any

from winback_desktop.cli._common import (
    acting_user,
    add_command,
    emit,
    lazy_module,
    open_db,
    parse_amount,
    parse_day,
    tr,
)

if TYPE_CHECKING:
    from winback_desktop.services import cli_sessions, offer_actions, offers
else:  # imported when a command runs, not when the parser is built
    cli_sessions = lazy_module("winback_desktop.services.cli_sessions")
    offer_actions = lazy_module("winback_desktop.services.offer_actions")
    offers = lazy_module("winback_desktop.services.offers")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    offer = sub.add_parser("offer", help=tr("win-back offers and approvals"))
    offer_sub = offer.add_subparsers(dest="offer_command", metavar="COMMAND", required=True)
    ls = add_command(offer_sub, "list", common, list_offers, tr("list the offer catalogue"))
    ls.add_argument("--all-versions", action="store_true",
                    help=tr("also list earlier versions of each offer"))

    req = add_command(offer_sub, "request", common, request,
                      tr("propose an offer for a queued customer"))
    req.add_argument("--task", type=int, required=True, help=tr("call task id"))
    req.add_argument("--offer", required=True, help=tr("offer code or id"))
    req.add_argument("--agent", default=None,
                     help=tr("agent proposing it (default: you; supervisors may name an agent)"))
    req.add_argument("--note", default=None, help=tr("note for the approver"))

    dec = add_command(offer_sub, "decide", common, decide,
                      tr("approve, reject or counter a request"))
    dec.add_argument("request", type=int, metavar="REQUEST")
    dec.add_argument("decision", choices=["approve", "reject", "counter"])
    dec.add_argument("--by", default=None, metavar="LOGIN",
                     help=tr("who decides: must be the logged-in user"))
    dec.add_argument("--note", default=None, help=tr("note for the agent"))
    dec.add_argument("--counter-offer", default=None, metavar="CODE",
                     help=tr("catalogue offer proposed instead (counter)"))
    dec.add_argument("--counter-cost", default=None, metavar="AMOUNT",
                     help=tr("cost of the counter-offer in yuan, e.g. 250.00"))
    dec.add_argument("--counter-text", default=None, metavar="TEXT",
                     help=tr("what the counter-offer is, in words"))

    out = add_command(offer_sub, "outcome", common, outcome,
                      tr("record whether the customer accepted the offer"))
    out.add_argument("request", type=int, metavar="REQUEST")
    out.add_argument("answer", choices=["accepted", "declined"])
    out.add_argument("--reason", default=None, help=tr("why the customer declined"))
    out.add_argument("--by", default=None, metavar="LOGIN",
                     help=tr("who records it (default: you; supervisors may name an agent)"))

    rep = add_command(offer_sub, "report", common, report,
                      tr("acceptance, cost per accepted offer, return per offer, turnaround"))
    rep.add_argument("--since", default=None, metavar="YYYY-MM-DD")
    rep.add_argument("--until", default=None, metavar="YYYY-MM-DD")
    rep.add_argument("--xlsx", default=None, metavar="FILE", help=tr("also write an xlsx file"))

    add_command(offer_sub, "expire", common, expire, tr("expire requests nobody decided in time"))
    add_command(offer_sub, "defaults", common, defaults,
                tr("add the shipped default offers that are missing"))


def _money(minor: int | None) -> str:
    return "-" if minor is None else f"¥{minor / 100:,.2f}"


def list_offers(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        rows = offer_actions.catalogue(db, acting_user(args, db),
                                       all_versions=args.all_versions)
        data = [r.as_dict() for r in rows]
        lines = [f"{r.id:>4} {r.code:<14} v{r.version:<3} {'+' if r.active else '-'} "
                 f"{r.kind:<15} {r.name}" for r in rows]
        emit(args, data, "\n".join(lines) if lines else tr("No offers."))
    finally:
        db.dispose()
    return 0


def _request_line(info: offers.OfferRequestInfo) -> str:
    return tr("Request {id}: {offer} for {customer}, cost {cost}: {status}").format(
        id=info.id, offer=info.offer_code, customer=info.customer_name,
        cost=_money(info.final_cost_minor), status=info.status)


def request(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        actor = cli_sessions.act_for(db, acting_user(args, db), args.agent)
        info = offers.request_offer(db, actor, args.offer, task_id=args.task, note=args.note)
        emit(args, info.as_dict(), _request_line(info))
    finally:
        db.dispose()
    return 0


def _yuan(text: str) -> int:
    return parse_amount(text)


def decide(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        actor = cli_sessions.must_be_me(db, acting_user(args, db), args.by, "decide")
        counter = None
        if args.decision == "counter":
            counter = {"code": args.counter_offer, "text": args.counter_text}
            if args.counter_cost is not None:
                counter["cost_minor"] = _yuan(args.counter_cost)  # type: ignore[assignment]
        info = offers.decide(db, actor, args.request, args.decision, args.note, counter)
        emit(args, info.as_dict(), _request_line(info))
    finally:
        db.dispose()
    return 0


def outcome(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        actor = cli_sessions.act_for(db, acting_user(args, db), args.by)
        info = offers.record_outcome(db, actor, args.request, args.answer == "accepted",
                                     args.reason)
        emit(args, info.as_dict(), _request_line(info))
    finally:
        db.dispose()
    return 0


def _date(text: str | None) -> datetime | None:
    day = parse_day(text)
    return None if day is None else datetime.combine(day, time(), tzinfo=UTC)


def report(args: argparse.Namespace) -> int:
    since, until = _date(args.since), _date(args.until)
    db = open_db(args)
    try:
        if args.xlsx:
            result = offer_actions.export_offer_report(db, acting_user(args, db), args.xlsx,
                                                       report_headers(), since=since,
                                                       until=until)
        else:
            result = offer_actions.offer_report(db, acting_user(args, db), since=since,
                                                until=until)
        data = result.as_dict()
        t = result.totals
        rate = "-" if t.acceptance_rate is None else f"{t.acceptance_rate:.0%}"
        lines = [
            tr("Requests: {n}, accepted offers: {a}, acceptance rate: {rate}").format(
                n=t.requests, a=t.accepted, rate=rate),
            tr("Of the accepted offers, calls won back: {w}, saved: {s}").format(
                w=t.win_backs, s=t.saves),
            tr("Cost: {cost}, SLTV recovered: {sltv}, cost per accepted offer: {per}").format(
                cost=_money(t.cost_minor), sltv=_money(t.sltv_recovered_minor),
                per=_money(t.cost_per_accepted_offer_minor)),
            tr("Approval turnaround: {avg} min average, {median} min median").format(
                avg="-" if result.turnaround_avg_minutes is None
                else f"{result.turnaround_avg_minutes:.1f}",
                median="-" if result.turnaround_median_minutes is None
                else f"{result.turnaround_median_minutes:.1f}"),
        ]
        for r in result.rows:
            lines.append(f"  {r.code:<14} {r.accepted:>4}/{r.requests:<4} "
                         f"{_money(r.cost_minor):>14} {_money(r.return_minor):>16}")
        emit(args, data, "\n".join(lines))
    finally:
        db.dispose()
    return 0


def report_headers() -> dict[str, str]:
    """The xlsx headers in the CLI's language."""
    from winback_desktop.cli import _lang
    from winback_desktop.io import offers_xlsx

    return {label: _lang.translate(offers_xlsx.CONTEXT, label)
            for label in offers_xlsx.labels()}


def expire(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        n = offers.expire_stale(db)
        emit(args, {"expired": n}, tr("Expired {n} request(s).").format(n=n))
    finally:
        db.dispose()
    return 0


def defaults(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        n = offer_actions.add_shipped_offers(db, acting_user(args, db)).count
        emit(args, {"added": n}, tr("Added {n} default offer(s).").format(n=n))
    finally:
        db.dispose()
    return 0
