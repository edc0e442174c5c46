"""``winback qa report``, ``winback recordings scan``, ``winback board``."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from winback_desktop.cli._common import (
    acting_user,
    add_command,
    emit,
    lazy_module,
    open_db,
    parse_day,
    tr,
)
from winback_desktop.core import choices

if TYPE_CHECKING:
    from winback_desktop.services import monitoring, qa_actions, recordings
else:  # imported when a command runs, not when the parser is built
    monitoring = lazy_module("winback_desktop.services.monitoring")
    qa_actions = lazy_module("winback_desktop.services.qa_actions")
    recordings = lazy_module("winback_desktop.services.recordings")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    q = sub.add_parser("qa", help=tr("call quality reviews"))
    q_sub = q.add_subparsers(dest="qa_command", metavar="COMMAND", required=True)
    rep = add_command(q_sub, "report", common, report, tr("QA by agent and criterion"))
    rep.add_argument("--from", dest="date_from", default=None, help=tr("first day (ISO)"))
    rep.add_argument("--to", dest="date_to", default=None, help=tr("last day (ISO)"))
    rep.add_argument("--export", metavar="FILE", default=None, help=tr("also write an .xlsx"))
    rec = sub.add_parser("recordings", help=tr("call recordings"))
    rec_sub = rec.add_subparsers(dest="rec_command", metavar="COMMAND", required=True)
    scan = add_command(rec_sub, "scan", common, scan_folder,
                       tr("link a telephony folder's audio files to calls"))
    scan.add_argument("folder")
    scan.add_argument("--pattern", default=choices.RECORDING_PATTERN,
                      help=tr("file-name pattern with {agent}, {phone}, {call} and "
                              "{time:%%Y%%m%%d-%%H%%M%%S}, optionally ending with the "
                              "extension (.wav)"))
    scan.add_argument("--timezone", default="UTC", help=tr("time zone of the file times"))
    add_command(sub, "board", common, board, tr("the live board: agents and queue"))


def _day(text: str | None, default: date) -> date:
    return parse_day(text) or default


def report(args: argparse.Namespace) -> int:
    today = date.today()
    start = _day(args.date_from, today.replace(day=1))
    end = _day(args.date_to, today) + timedelta(days=1)
    db = open_db(args)
    try:
        if args.export:
            rows = qa_actions.export_qa_report(db, acting_user(args, db), start, end,
                                               Path(args.export), {})
        else:
            rows = qa_actions.qa_report(db, acting_user(args, db), start, end)
        data = [asdict(r) for r in rows]
        lines = [f"{r.login:<12} {r.evaluations:>4} "
                 f"{'' if r.average is None else f'{r.average:.1f}':>6} {r.critical_fails:>3}"
                 for r in rows]
        emit(args, data, "\n".join(lines) or tr("Nothing."))
    finally:
        db.dispose()
    return 0


def scan_folder(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        result = recordings.scan_folder(db, acting_user(args, db), Path(args.folder), args.pattern,
                                        timezone=args.timezone)
        emit(args, result.as_dict(),
             tr("Pattern {pattern}: {scanned} files, {matched} linked, {unmatched} unmatched, "
                "{linked} already linked.").format(pattern=result.pattern,
                                                    scanned=result.scanned,
                                                    matched=len(result.matched),
                                                    unmatched=len(result.unmatched),
                                                    linked=result.already_linked))
    finally:
        db.dispose()
    return 0


def board(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        b = monitoring.board(db, acting_user(args, db))
        data = {
            "at": b.at, "by_state": b.by_state, "queue_depth": b.queue_depth,
            "callbacks_due": b.callbacks_due, "pending_approvals": b.pending_approvals,
            "agents": [{"login": t.row.login, "state": t.row.state,
                        "seconds_in_state": t.seconds_in_state,
                        "customer": t.row.customer_name, "sltv_minor": t.sltv_minor,
                        "script_step": t.row.script_step, "call_seconds": t.call_seconds}
                       for t in b.tiles],
        }
        lines = [f"{t.row.login:<12} {t.row.state:<9} {t.row.customer_name or ''}"
                 for t in b.tiles]
        emit(args, data, "\n".join(lines) or tr("Nothing."))
    finally:
        db.dispose()
    return 0
