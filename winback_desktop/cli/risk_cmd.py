"""``winback risk scan|list|dismiss``: the early-warning scan (issue 19)."""

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

if TYPE_CHECKING:
    from winback_desktop.core import risk as risk_core
    from winback_desktop.services import risk
else:  # imported when a command runs, not when the parser is built (numpy, SQLAlchemy)
    risk = lazy_module("winback_desktop.services.risk")
    risk_core = lazy_module("winback_desktop.core.risk")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    grp = sub.add_parser("risk", help=tr("early warning: customers slipping away"))
    grp_sub = grp.add_subparsers(dest="risk_command", metavar="WHAT", required=True)
    scan = add_command(grp_sub, "scan", common, scan_cmd,
                       tr("scan purchase histories and imported signs; flag customers at "
                          "risk and queue them in running save campaigns"))
    scan.add_argument("--as-of", default=None, metavar="YYYY-MM-DD",
                      help=tr("scan as of this day (default: today)"))
    lst = add_command(grp_sub, "list", common, list_cmd,
                      tr("customers flagged at risk, with the signals why"))
    lst.add_argument("--all", action="store_true", help=tr("closed flags too"))
    dis = add_command(grp_sub, "dismiss", common, dismiss_cmd,
                      tr("close a flag judged wrong; the customer's status goes back"))
    dis.add_argument("flag", type=int, metavar="FLAG")
    dis.add_argument("--note", default=None, help=tr("why"))


def _signals(signals: list[risk_core.Signal]) -> str:
    return "; ".join(risk_core.describe(s, _qt_translate) for s in signals)


def scan_cmd(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        result = risk.scan(db, acting_user(args, db), as_of=parse_day(args.as_of))
    finally:
        db.dispose()
    lines = [tr("Scanned {scanned} customers ({history} with a purchase history): {flagged} "
                "flagged at risk, {queued} queued in save campaigns.").format(
        scanned=result.scanned, history=result.with_history, flagged=len(result.flagged),
        queued=result.queued)]
    lines += [f"  {f.external_id or f.customer_id}  {f.name}: {_signals(f.signals)}"
              for f in result.flagged]
    emit(args, result.as_dict(_qt_translate), "\n".join(lines))
    return 0


def list_cmd(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        rows = risk.list_flags(db, acting_user(args, db), status=None if args.all else risk.OPEN)
    finally:
        db.dispose()
    data = [{"flag_id": r.flag_id, "customer_id": r.customer_id, "external_id": r.external_id,
             "name": r.name, "status": r.status, "flagged_at": r.flagged_at,
             "signals": [{"code": s.code, "text": risk_core.describe(s, _qt_translate)}
                         for s in r.signals],
             "p_alive": None if r.p_alive is None else round(r.p_alive, 4),
             "last_purchase_on": r.last_purchase_on, "typical_gap_days": r.typical_gap_days,
             "monthly_spend_minor": r.monthly_spend} for r in rows]
    text = "\n".join(f"#{r.flag_id}  {r.external_id or r.customer_id}  {r.name}: "
                     f"{_signals(r.signals)}" for r in rows) or tr("No customers at risk.")
    emit(args, data, text)
    return 0


def dismiss_cmd(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        status = risk.dismiss(db, acting_user(args, db), args.flag, args.note)
    finally:
        db.dispose()
    emit(args, {"flag_id": args.flag, "status": status},
         tr("Flag #{flag} dismissed.").format(flag=args.flag))
    return 0
