"""``winback phone hook|hook-drain|status|microsip-hooks``: the phone system from the CLI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from winback_desktop.cli._common import add_command, emit, lazy_module, open_db, tr

if TYPE_CHECKING:
    from winback_desktop.services.telephony import config, factory, microsip
else:  # imported when a command runs, not when the parser is built
    config = lazy_module("winback_desktop.services.telephony.config")
    factory = lazy_module("winback_desktop.services.telephony.factory")
    microsip = lazy_module("winback_desktop.services.telephony.microsip")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("phone", help=tr("the phone system"))
    p_sub = p.add_subparsers(dest="phone_command", metavar="COMMAND", required=True)
    hook = add_command(p_sub, "hook", common, phone_hook,
                       tr("record a softphone event for this workstation's open call "
                          "(MicroSIP's cmdCallStart, cmdCallEnd, cmdCallBusy)"))
    hook.add_argument("event", choices=["call-start", "call-end", "call-busy"])
    hook.add_argument("number", nargs="?", default="", help=tr("the remote number"))
    hook.add_argument("--workstation", metavar="NAME",
                      help=tr("workstation name (default: this PC)"))
    hook.add_argument("--wait", action="store_true",
                      help=tr("record the event now and report a refusal (without the "
                              "app running, the hook otherwise hands it to a background "
                              "worker so the softphone is not kept waiting)"))
    add_command(p_sub, "hook-drain", common, phone_hook_drain,
                tr("record the phone events the hook kept while the database "
                   "could not be reached"))
    add_command(p_sub, "status", common, phone_status,
                tr("the configured phone connection, what it can do, and whether it answers"))
    ms = add_command(p_sub, "microsip-hooks", common, microsip_hooks,
                     tr("write the winback hook lines into MicroSIP's settings file"))
    ms.add_argument("ini", metavar="MICROSIP_INI", help=tr("path of microsip.ini"))
    ms.add_argument("--winback", metavar="PATH",
                    help=tr("path of the winback program MicroSIP runs (default: this one)"))


def phone_hook(args: argparse.Namespace) -> int:
    """Reached only through the full parser (e.g. ``--database`` before ``phone``)."""
    from winback_desktop.cli import phone_hook as fast

    argv = [args.event, args.number]
    if getattr(args, "database", None):
        argv += ["--database", args.database]
    if args.workstation:
        argv += ["--workstation", args.workstation]
    if args.wait:
        argv.append("--wait")
    if getattr(args, "json", False):
        argv.append("--json")
    return fast.main(argv)


def phone_hook_drain(args: argparse.Namespace) -> int:
    from winback_desktop.cli.phone_hook import drain_main

    return drain_main(["--json"] if getattr(args, "json", False) else [])


def phone_status(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        cfg = config.load_config(db)
    finally:
        db.dispose()
    phone = factory.make_phone(cfg)
    try:
        check = phone.test_connection()
    finally:
        phone.close()
    caps = sorted(c.value for c in phone.capabilities)
    data = {"adapter": phone.name, "capabilities": caps,
            "connected": check.ok, "detail": check.detail}
    emit(args, data, tr("{adapter}: {state} ({detail}); can: {caps}").format(
        adapter=phone.name, state=tr("connected") if check.ok else tr("not connected"),
        detail=check.detail, caps=", ".join(caps)))
    return 0


def microsip_hooks(args: argparse.Namespace) -> int:
    winback = args.winback or _this_program()
    database = getattr(args, "database", None)
    lines = microsip.write_hooks(Path(args.ini), winback,
                        extra=["--database", database] if database else None)
    emit(args, lines, "\n".join(f"{k}={v}" for k, v in lines.items()))
    return 0


def _this_program() -> str:
    exe = Path(sys.argv[0])
    return str(exe.resolve()) if exe.exists() else "winback"
