"""``winback report programme``: does the win-back programme pay, and who comes back."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from winback_desktop.cli._common import (
    acting_user,
    add_command,
    emit,
    lazy_module,
    open_db,
    parse_amount,
    tr,
)
from winback_desktop.core import programme as pg
from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.metrics import Period

if TYPE_CHECKING:
    from winback_desktop.services import programme, programme_export
    from winback_desktop.services.database import Database
else:  # imported when a command runs, not when the parser is built
    programme = lazy_module("winback_desktop.services.programme")
    programme_export = lazy_module("winback_desktop.services.programme_export")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    r = sub.add_parser("report", help=tr("programme reports"))
    r_sub = r.add_subparsers(dest="report_command", metavar="COMMAND", required=True)
    p = add_command(r_sub, "programme", common, programme_report,
                    tr("recovery, return and who comes back, for a period"))
    p.add_argument("--period", default="month",
                   help=tr("2026, 2026-Q4, 2026-11, 2026-W47, 2026-11-20 or "
                           "2026-11-01..2026-11-15 (default: this month)"))
    p.add_argument("--hourly-cost", default=None, metavar="AMOUNT",
                   help=tr("what an hour of an agent's time costs (default: the team "
                           "setting)"))
    p.add_argument("--export", metavar="FILE", default=None,
                   help=tr("also write the report to FILE (.xlsx or .pdf)"))


def labels() -> dict[str, str]:
    """The report's labels in the CLI's language."""
    from winback_desktop.cli import _lang

    return programme_export.labels(_lang.translate)


def names(_breakdown: str, code: str | None) -> str:
    """Reasons, tiers and segments by their translated names."""
    from winback_desktop.cli import _lang
    from winback_desktop.core import vocabulary

    return vocabulary.name(code, _lang.translate)


def _period(text: str) -> Period:
    try:
        return pg.parse_period(text)
    except ValueError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Not a period: '{period}'. Use 2026, 2026-Q4, 2026-11, 2026-W47, "
            "2026-11-20 or 2026-11-01..2026-11-15."), period=text) from exc


def programme_report(args: argparse.Namespace) -> int:
    period = _period(args.period)
    hourly = None if args.hourly_cost is None else parse_amount(args.hourly_cost)
    if hourly is not None and hourly < 0:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "{name} must be at least {minimum}."), name="--hourly-cost", minimum=0)
    db: Database = open_db(args)
    try:
        report = programme.build_report(db, acting_user(args, db), period,
                                        hourly_cost_minor=hourly)
    finally:
        db.dispose()
    data = report.as_dict()
    if args.export:
        target = Path(args.export)
        programme_export.export(report, target, labels(), names)
        data["exported_to"] = str(target)
    t = report.totals
    lines = [
        tr("Programme {start} – {end}").format(start=period.start, end=period.end),
        tr("calls {calls}, customers worked {customers}, right-party contacts {rpc}").format(
            calls=t.calls, customers=t.customers_worked, rpc=t.rpc),
        tr("won back {won} (recovery rate {rate}), saved {saved}").format(
            won=t.won_back, saved=t.saved,
            rate="—" if t.recovery_rate is None else f"{t.recovery_rate:.1%}"),
        tr("SLTV recovered {sltv} − offer cost {offers} − labour cost {labour} = return "
           "{ret} ({per} per call)").format(
            sltv=_money(t.sltv_recovered_minor), offers=_money(t.offer_cost_minor),
            labour=_money(t.labour_cost_minor), ret=_money(t.return_minor),
            per=_money(t.return_per_call_minor)),
    ]
    for name in programme.BREAKDOWNS:
        lines.append(labels()[f"by_{name}"] + ":")
        lines += [f"  {g.label or (names(name, g.key) if g.key else labels()['none'])}: "
                  + tr("won back {won} of {calls} calls, return {ret}").format(
                      won=g.figures.won_back, calls=g.figures.calls,
                      ret=_money(g.figures.return_minor))
                  for g in report.breakdowns[name]]
    if args.export:
        lines.append(tr("Written to {path}.").format(path=args.export))
    emit(args, data, "\n".join(lines))
    return 0


def _money(minor: int | None) -> str:
    return "—" if minor is None else f"{minor / 100:,.2f}"
