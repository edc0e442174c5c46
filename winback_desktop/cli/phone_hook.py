"""``winback phone hook EVENT NUMBER``: the fast path MicroSIP waits for.

Kept apart from the full command line (which imports every command's services and Qt
for translations) so the hook starts, records and exits well within half a second:
while the agent's desktop app runs, the hook hands the event to it over this PC's
loopback (``services.telephony.hook_channel``, standard library only) and the app
records it on the database it signed in to (the team server or this PC's file).
Without a running app the hook spools the event and starts a detached worker that
records it through the services (``services.telephony.hook_spool``): opening the
database in this process would take longer than MicroSIP should wait. ``--wait``
records it in this process and reports a refusal (IT checking a hook line by hand).
The event time is read before anything else is imported.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the hook imports nothing heavy before it has to
    import argparse

STARTED = datetime.now(UTC)


def main(argv: list[str]) -> int:
    """``argv`` after ``phone hook``: EVENT NUMBER [--database URL] [--workstation NAME]."""
    import argparse

    parser = argparse.ArgumentParser(prog="winback phone hook", add_help=True)
    parser.add_argument("event", choices=["call-start", "call-end", "call-busy"])
    parser.add_argument("number", nargs="?", default="")
    parser.add_argument("--database", default=None)
    parser.add_argument("--workstation", default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--lang", default=None)
    parser.add_argument("--wait", action="store_true")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        result = _through_the_app(args)
        if result is None and (args.wait or args.workstation):
            # IT at a command prompt: the answer now; a named workstation is checked
            # (and a foreign one refused and audited) before anything is recorded
            result = _record(args)
        elif result is None:  # the app is not running here: a worker records it
            result = _spool(args)
    except Exception as exc:
        return _fail(argv, exc)
    if args.json:
        import json

        print(json.dumps(result))
    return 0


def _through_the_app(args: argparse.Namespace) -> dict[str, object] | None:
    """The running desktop app records the event (standard library only on this path)."""
    from winback_desktop.services.telephony import hook_channel

    if args.workstation:
        return None  # another workstation's call: not this app's to record
    try:
        return hook_channel.send(args.event, args.number, STARTED.isoformat(), args.database)
    except hook_channel.HookRefused as refused:
        from winback_desktop.core.errors import WinbackError

        if refused.expected:
            raise WinbackError(refused.text, **refused.params) from None
        raise RuntimeError(refused.text) from None


def _spool(args: argparse.Namespace) -> dict[str, object]:
    from winback_desktop.services.telephony import hook_spool

    path = hook_spool.put(args.event, args.number, STARTED.isoformat(), args.database,
                          args.workstation)
    hook_spool.start_worker()
    return {"queued": path.name, "event": args.event, "number": args.number}


def drain_main(argv: list[str]) -> int:
    """``winback phone hook-drain``: record the spooled hook events (the detached worker)."""
    import json

    from winback_desktop.cli import _common
    from winback_desktop.services.telephony import hook_spool
    from winback_desktop.services.telephony.hook import drain_spool

    _common.setup_language(argv)
    try:
        recorded, rejected = drain_spool()
    except Exception as exc:
        return _fail(argv, exc)
    if "--json" in argv:
        print(json.dumps({"recorded": recorded, "rejected": rejected,
                          "left": len(hook_spool.pending())}))
    return 0


def _record(args: argparse.Namespace) -> dict[str, object]:
    from winback_desktop.services.telephony.hook import (
        check_workstation,
        check_workstation_at,
        handle_hook_at,
        outcome_dict,
    )

    url = getattr(args, "database", None)
    if args.workstation:  # refused and audited unless it names this PC
        check_workstation_at(url, args.workstation)
    return outcome_dict(handle_hook_at(url, args.event, args.number, STARTED,
                                       check_workstation(None)))


def _fail(argv: list[str], exc: BaseException) -> int:
    """One translated line on stderr (Qt's translator is loaded only on this path)."""
    from winback_desktop.cli import _common

    _common.setup_language(argv)
    if not isinstance(exc, _common.WinbackError):
        _common.log.error("phone hook failed", exc_info=exc)
    print(_common.tr("winback: error: ") + _common.error_line(exc), file=sys.stderr)
    return 2 if isinstance(exc, _common.WinbackError) else 1
