"""``winback script list|export|import|publish|assign|install-defaults`` and
``winback interview report``."""

from __future__ import annotations

import argparse
from dataclasses import asdict
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
from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from winback_desktop.services import script_actions
else:  # imported when a command runs, not when the parser is built
    script_actions = lazy_module("winback_desktop.services.script_actions")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    script = sub.add_parser("script", help=tr("exit-interview scripts"))
    s_sub = script.add_subparsers(dest="script_command", metavar="COMMAND", required=True)
    add_command(s_sub, "list", common, list_scripts, tr("list scripts and their versions"))
    exp = add_command(s_sub, "export", common, export_script,
                      tr("write a script to a JSON file"))
    exp.add_argument("name")
    exp.add_argument("file")
    exp.add_argument("--version", type=int, default=None,
                     help=tr("version (default: the newest published)"))
    imp = add_command(s_sub, "import", common, import_script,
                      tr("read a script from a JSON file as a new draft version"))
    imp.add_argument("file")
    imp.add_argument("--publish", action="store_true", help=tr("publish it at once"))
    pub = add_command(s_sub, "publish", common, publish_script,
                      tr("validate and publish a draft"))
    pub.add_argument("name")
    pub.add_argument("--version", type=int, required=True)
    asg = add_command(s_sub, "assign", common, assign_script,
                      tr("make a published script the campaign's script"))
    asg.add_argument("name")
    asg.add_argument("--campaign", required=True)
    asg.add_argument("--version", type=int, default=None)
    add_command(s_sub, "install-defaults", common, install_defaults,
                tr("install the shipped English and Chinese scripts"))

    inter = sub.add_parser("interview", help=tr("exit-interview results"))
    i_sub = inter.add_subparsers(dest="interview_command", metavar="COMMAND", required=True)
    rep = add_command(i_sub, "report", common, report,
                      tr("reasons, triggers, competitors and adherence per agent"))
    rep.add_argument("--campaign", default=None, help=tr("campaign name"))
    rep.add_argument("--from", dest="date_from", default=None, metavar="DATE",
                     help=tr("first day (YYYY-MM-DD)"))
    rep.add_argument("--to", dest="date_to", default=None, metavar="DATE",
                     help=tr("last day (YYYY-MM-DD)"))
    rep.add_argument("--xlsx", default=None, metavar="FILE", help=tr("also write an xlsx file"))


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Cannot read {file}: {detail}"),
                              file=path, detail=getattr(exc, "strerror", None) or str(exc)
                              ) from exc


def list_scripts(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        rows = script_actions.list_scripts(db, acting_user(args, db))
        data = [asdict(r) for r in rows]
        lines = [f"{r.name:<40} v{r.version:<3} {r.status:<10} {r.kind:<9} {r.language:<3} "
                 f"{r.questions:>3} {', '.join(r.campaigns)}" for r in rows]
        emit(args, data, "\n".join(lines) if lines else tr("No scripts."))
    finally:
        db.dispose()
    return 0


def export_script(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        text = script_actions.script_json(db, acting_user(args, db), args.name, args.version)
        try:
            Path(args.file).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Cannot write {file}: {detail}"),
                                  file=args.file, detail=exc.strerror or str(exc)) from exc
        emit(args, {"file": args.file, "name": args.name},
             tr("Wrote {file}.").format(file=args.file))
    finally:
        db.dispose()
    return 0


def import_script(args: argparse.Namespace) -> int:
    text = _read(args.file)
    db = open_db(args)
    try:
        made = script_actions.import_script(db, acting_user(args, db), text,
                                            source=Path(args.file).name,
                                            publish_now=args.publish)
        data = made.as_dict()
        emit(args, data, tr("Imported '{name}' as version {version} ({status}).").format(
            name=made.name, version=made.version, status=made.status))
    finally:
        db.dispose()
    return 0


def publish_script(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        made = script_actions.publish_named(db, acting_user(args, db), args.name, args.version)
        data = {"id": made.script_id, "name": made.name, "version": made.version}
        emit(args, data, tr("Published '{name}' version {version}.").format(
            name=made.name, version=made.version))
    finally:
        db.dispose()
    return 0


def assign_script(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        made = script_actions.assign_named(db, acting_user(args, db), args.name,
                                           args.version, args.campaign)
        data = {"script_id": made.script_id, "campaign_id": made.campaign_id}
        emit(args, data, tr("The campaign '{campaign}' now uses '{name}' version {version}.")
             .format(campaign=args.campaign, name=made.name, version=made.version))
    finally:
        db.dispose()
    return 0


def install_defaults(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        made = script_actions.install_defaults(db, acting_user(args, db))
        data = [{"id": r.script_id, "name": r.name, "version": r.version}
                for r in made.scripts]
        emit(args, data, tr("Installed {count} scripts.").format(count=len(data)))
    finally:
        db.dispose()
    return 0


def report(args: argparse.Namespace) -> int:
    date_from, date_to = parse_day(args.date_from), parse_day(args.date_to)
    db = open_db(args)
    try:
        result = script_actions.report_for(db, acting_user(args, db), args.campaign,
                                           date_from, date_to,
                                           xlsx=Path(args.xlsx) if args.xlsx else None)
        data = result.as_dict()
        lines = [tr("Completed interviews: {count}, reason overridden: {overridden}").format(
            count=result.completed, overridden=result.overridden)]
        for row in result.by_campaign:
            lines.append(f"  {row['campaign']:<40} {row['reason']:<22} {row['count']:>6}")
        if result.agents:
            lines.append(tr("Per agent: started, completed, adherence"))
            for a in result.agents:
                lines.append(f"  {a.login:<16} {a.started:>5} {a.completed:>5} "
                             f"{a.adherence_rate:>6.0%}")
        emit(args, data, "\n".join(lines))
    finally:
        db.dispose()
    return 0
