"""``winback``: the admin command line over the same services as the GUI (DESIGN §9).

Each area registers its commands from its own module. ``--database``, ``--json`` and
``--lang`` are accepted before or after the command. Errors are one translated line on
stderr with a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from winback_desktop import __version__

#: Modules under ``winback_desktop.cli`` that add commands; one per line, in help order.
COMMAND_MODULES = [
    "db_cmd",
    "auth_cmd",
    "user_cmd",
    "demo_cmd",
    "import_cmd",
    "queue_cmd",
    "desk_cmd",
    "campaign_cmd",
    "interview_cmd",
    "offer_cmd",
    "scorecard_cmd",
    "backup_cmd",
    "qa_cmd",
    "risk_cmd",
    "plan_cmd",
    "model_cmd",
    "report_cmd",
    "phone_cmd",
]


#: The top-level commands each module registers. A command line that names one of them
#: imports only that module (and what it imports), not all eighteen with their services:
#: the start-up of every command pays for its own imports only. Kept in step with the
#: modules by tests/unit/test_house.py.
COMMANDS = {
    "db": "db_cmd",
    "login": "auth_cmd", "logout": "auth_cmd", "whoami": "auth_cmd",
    "user": "user_cmd",
    "demo": "demo_cmd",
    "import": "import_cmd", "export": "import_cmd",
    "queue": "queue_cmd", "call": "queue_cmd",
    "desk": "desk_cmd",
    "sltv": "campaign_cmd", "campaign": "campaign_cmd",
    "script": "interview_cmd", "interview": "interview_cmd",
    "offer": "offer_cmd",
    "scorecard": "scorecard_cmd", "leaderboard": "scorecard_cmd", "rewards": "scorecard_cmd",
    "backup": "backup_cmd", "restore": "backup_cmd",
    "qa": "qa_cmd", "recordings": "qa_cmd", "board": "qa_cmd",
    "risk": "risk_cmd",
    "plan": "plan_cmd",
    "model": "model_cmd",
    "report": "report_cmd",
    "phone": "phone_cmd",
}
#: common options that take a value (their value is never the command's name)
_VALUED_OPTIONS = ("--database", "--lang")


def chosen_module(argv: Sequence[str]) -> str | None:
    """The module registering the command ``argv`` names (its first word), if known."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in _VALUED_OPTIONS:
            skip = True
        elif not word.startswith("-"):
            return COMMANDS.get(word)
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or with ``only`` the parser of that one command module."""
    from winback_desktop.cli import _common
    from winback_desktop.cli._common import tr

    common = _common.common_options()
    parser = argparse.ArgumentParser(
        prog="winback",
        description=tr("Winback Desktop command line."),
        parents=[_common.common_options(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"winback {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in [only] if only is not None else COMMAND_MODULES:
        importlib.import_module(f"winback_desktop.cli.{name}").register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:2] == ["phone", "hook"]:
        # A softphone waits for this one: it skips the full parser and its imports.
        from winback_desktop.cli.phone_hook import main as phone_hook

        return phone_hook(argv[2:])
    if argv[:2] == ["phone", "hook-drain"]:
        # the hook's detached worker (or IT retrying events the database missed)
        from winback_desktop.cli.phone_hook import drain_main

        _setup_logging()
        return drain_main(argv[2:])
    if argv == ["--version"]:
        # Asked by installers and scripts: answered before any parser or service import.
        print(f"winback {__version__}")
        return 0
    from winback_desktop.cli import _common

    _setup_logging()
    _common.setup_language(argv)
    bad = _common.not_utf8(argv)
    if bad is not None:
        print(_common.tr("winback: error: ") + _common.error_line(bad), file=sys.stderr)
        return 2
    parser = build_parser(chosen_module(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its one-line usage error
        return int(exc.code or 0)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    return _common.run(handler, args)


def _setup_logging() -> None:
    """Rotating file log in the user's log folder; the CLI must still run without one."""
    import contextlib

    from winback_desktop.services.logs import setup_logging

    with contextlib.suppress(OSError):  # read-only profile, full disk: no log file
        setup_logging("winback")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
