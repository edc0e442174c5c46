"""``winback demo load``."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from winback_desktop.cli._common import acting_user, add_command, emit, lazy_module, open_db, tr
from winback_desktop.core import choices

if TYPE_CHECKING:
    from winback_desktop.services import demo
else:  # imported when a command runs, not when the parser is built
    demo = lazy_module("winback_desktop.services.demo")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    d = sub.add_parser("demo", help=tr("demo data"))
    d_sub = d.add_subparsers(dest="demo_command", metavar="COMMAND", required=True)
    load = add_command(d_sub, "load", common, load_demo,
                       tr("fill an empty database with a realistic demo team"))
    load.add_argument("--customers", type=int, default=choices.DEMO_CUSTOMERS,
                      help=tr("number of customers"))
    load.add_argument("--seed", type=int, default=choices.DEMO_SEED)


def load_demo(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        def progress(done: int, total: int) -> None:
            if not getattr(args, "json", False) and sys.stderr.isatty():
                print(f"\r{done}/{total}", end="", file=sys.stderr)

        summary = demo.load_demo(db, acting_user(args, db), customers=args.customers,
                                 seed=args.seed,
                                 progress=progress)
        emit(args, summary.as_dict(),
             tr("Demo data loaded: {users} users, {customers} customers, {calls} calls.").format(
                 users=summary.users, customers=summary.customers, calls=summary.calls))
    finally:
        db.dispose()
    return 0
