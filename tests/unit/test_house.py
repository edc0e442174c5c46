"""The layout stays findable: ui/ by role, no new god files, a command line without Qt.

A newcomer reads README's layout section and expects it to hold; these checks fail the
moment a module lands beside the roles, a file grows past the limit, or the CLI starts
pulling in the GUI toolkit again.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "winback_desktop"
MAX_LINES = 700
#: Files still over the limit, each waiting for its split (issue 17). Remove a line when
#: its file is split; never add one.
OVERSIZED: set[str] = set()


def test_ui_holds_only_the_shell_the_kit_and_the_screens() -> None:
    entries = {p.name for p in (PKG / "ui").iterdir() if p.name != "__pycache__"}
    assert entries == {"__init__.py", "shell", "kit", "screens"}, sorted(entries)
    loose = [p.name for p in (PKG / "ui" / "screens").glob("*.py") if p.name != "__init__.py"]
    assert not loose, f"a screen belongs in ui/screens/<feature>/: {loose}"


def test_no_module_grows_past_the_limit() -> None:
    too_long = {}
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG).as_posix()
        if "migrations" in path.parts or rel in OVERSIZED:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            too_long[rel] = lines
    assert not too_long, f"split these along their seams (limit {MAX_LINES}): {too_long}"
    still_there = {rel for rel in OVERSIZED if (PKG / rel).exists()}
    assert still_there == OVERSIZED, f"gone or moved, drop from OVERSIZED: {OVERSIZED - still_there}"


def test_the_command_line_starts_without_qt() -> None:
    """Help in Chinese (catalogues read) and the version, with PySide6 never imported."""
    code = (
        "import sys, contextlib, io\n"
        "from winback_desktop.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    main(['--lang', 'zh_CN', '--help'])\n"
        "assert '命令行' in out.getvalue(), out.getvalue()[:200]\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'winback_desktop.ui')))\n"
        "print(bad)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", done.stdout


def test_every_command_starts_from_the_module_that_registers_it() -> None:
    """A command line imports only its command's module (start-up), so the routing table
    must name, for every command the full parser knows, the module that registers it."""
    import argparse
    import importlib

    from winback_desktop.cli import COMMAND_MODULES, COMMANDS, _common, chosen_module

    registered = {}
    for name in COMMAND_MODULES:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers(dest="command")
        importlib.import_module(f"winback_desktop.cli.{name}").register(
            sub, _common.common_options())
        registered.update(dict.fromkeys(sub.choices, name))
    assert registered == COMMANDS
    assert chosen_module(["--database", "db", "--json", "queue", "list"]) == "queue_cmd"
    assert chosen_module(["--lang", "zh_CN", "--help"]) is None


def test_screens_share_one_error_text() -> None:
    """Every screen words a failure through ui/kit/feedback.py (the copies disagreed on
    what an unexpected error or a lost connection is called)."""
    defining = sorted(p.relative_to(PKG).as_posix() for p in (PKG / "ui").rglob("*.py")
                      if "def error_text(" in p.read_text(encoding="utf-8"))
    assert defining == ["ui/kit/feedback.py"], defining


def test_screen_presenters_run_without_qt() -> None:
    """A big screen's presenter (its state and rules) is plain Python: importing it pulls
    in no Qt, so its rules are tested without building the screen."""
    presenters = sorted(p.relative_to(PKG.parent).with_suffix("").as_posix().replace("/", ".")
                        for p in (PKG / "ui" / "screens").rglob("presenter.py"))
    assert presenters, "the call workspace has a presenter"
    code = (
        "import importlib, sys\n"
        f"for name in {presenters!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", done.stdout
