"""``winback model refresh|show``: the win model learned from the team's outcomes."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from winback_desktop.cli._common import acting_user, add_command, emit, lazy_module, open_db, tr

if TYPE_CHECKING:
    from winback_desktop.services import campaigns, win_model
    from winback_desktop.services.database import Database
else:  # imported when a command runs, not when the parser is built
    campaigns = lazy_module("winback_desktop.services.campaigns")
    win_model = lazy_module("winback_desktop.services.win_model")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    m = sub.add_parser("model", help=tr("the win model: P(win-back) learned from outcomes"))
    m_sub = m.add_subparsers(dest="model_command", metavar="COMMAND", required=True)
    ref = add_command(m_sub, "refresh", common, model_refresh,
                      tr("fit the model and score every open task"))
    ref.add_argument("--campaign", metavar="NAME", help=tr("only this campaign's tasks"))
    ref.add_argument("--full", action="store_true",
                     help=tr("rebuild the counts from every recorded call first"))
    add_command(m_sub, "show", common, model_show,
                tr("tries, wins and P(win) by defection reason, and the calibration"))


def _money(minor: int) -> str:
    return f"{minor / 100:,.2f}"


def _level(level: str) -> str:
    return {"all": tr("all tries"), "reason": tr("the defection reason"),
            "reason_tier": tr("reason × tier"), "cell": tr("the cell")}.get(level, level)


def _kind(kind: str) -> str:
    return {"win_back": tr("win-back campaigns"), "save": tr("save campaigns")}.get(kind, kind)


def explain_lines(ex: win_model.PWinExplanation) -> list[str]:
    """The P(win) part of ``sltv explain`` in words."""
    est, value = ex.estimate, ex.value
    cell = est.cell.as_dict()
    cell["kind"] = _kind(cell["kind"])
    lines = [
        tr("P(win-back) of the next call: {p:.1%}").format(p=est.p_win),
        tr("  cell {reason} / tier {tier} / {segment} / attempt {attempt} / {age} days since "
           "defection ({kind}): {wins} won of {tries} tries").format(
            reason=cell["reason"], tier=cell["tier"] or "-", segment=cell["segment"] or "-",
            attempt=cell["attempt_label"], age=cell["age"], kind=cell["kind"],
            wins=est.own.wins, tries=est.own.tries),
        tr("  shrunk toward {level} at {rate:.1%} ({wins} of {tries}) with prior strength "
           "{kappa:.1f} tries").format(level=_level(est.parent.level), rate=est.parent.rate,
                                       wins=est.parent.wins, tries=est.parent.tries,
                                       kappa=est.own.prior_strength),
        tr("expected value of the call {ev} = {p:.1%} × value if won {value} − expected offer "
           "cost {offer} − contact cost {contact}").format(
            ev=_money(value.expected_value_minor), p=value.p_win,
            value=_money(value.value_if_won_minor),
            offer=_money(value.expected_offer_cost_minor),
            contact=_money(value.contact_cost_minor)),
    ]
    return lines


def _run(args: argparse.Namespace, body: Any) -> int:
    db = open_db(args)
    try:
        return int(body(db))
    finally:
        db.dispose()


def model_refresh(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        cid = campaigns.campaign_id_for(db, args.campaign or None)
        result = win_model.refresh(db, acting_user(args, db), campaign_id=cid, full=args.full)
        emit(args, asdict(result), tr(
            "Model fitted on {tries} tries ({wins} wins); {scored} open tasks scored, "
            "{changed} changed, in {seconds:.1f} s.").format(
                tries=result.tries, wins=result.wins, scored=result.tasks_scored,
                changed=result.tasks_changed, seconds=result.seconds))
        return 0
    return _run(args, body)


def model_show(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        summary = win_model.load_summary(db, acting_user(args, db))
        lines = []
        for kind in summary["kinds"]:
            lines.append(tr("{kind}: {wins} wins of {tries} tries, P(win) {p:.1%}").format(
                kind=kind["kind"], wins=kind["wins"], tries=kind["tries"], p=kind["p_win"]))
            lines += [tr("  {reason}: {wins} of {tries}, P(win) {p:.1%}").format(
                reason=r["reason"], wins=r["wins"], tries=r["tries"], p=r["p_win"])
                for r in kind["by_reason"] if r["tries"]]
        if summary["calibration"]:
            lines.append(tr("calibration (predicted → observed by decile):"))
            lines += [f"  {c['decile']:>2}: {c['predicted']:.1%} → {c['observed']:.1%} "
                      f"({c['tries']})" for c in summary["calibration"]]
        emit(args, summary, "\n".join(lines))
        return 0
    return _run(args, body)

