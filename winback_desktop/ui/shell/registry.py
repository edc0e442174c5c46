"""The registry of main-window screens.

A screen module adds a ``ScreenSpec``; the main window shows, in order, exactly the
screens whose permission the logged-in role holds. Titles are translated when shown
(``QT_TRANSLATE_NOOP`` under the ``Screens`` context), so a language switch renames them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from winback_desktop.core.permissions import Permission
from winback_desktop.ui.shell.context import AppContext


@dataclass(frozen=True)
class ScreenSpec:
    key: str
    #: English title, marked with QT_TRANSLATE_NOOP("Screens", ...)
    title: str
    permission: Permission
    factory: Callable[[AppContext], QWidget]
    order: int = 100
    #: roles may see it only if this also holds (e.g. agents' own scorecard)
    visible: Callable[[AppContext], bool] | None = None


_REGISTRY: dict[str, ScreenSpec] = {}


def register(spec: ScreenSpec) -> ScreenSpec:
    _REGISTRY[spec.key] = spec
    return spec


def screens_for(ctx: AppContext) -> list[ScreenSpec]:
    """Screens this user may open, in navigation order."""
    load_all()
    allowed = [
        s for s in _REGISTRY.values()
        if ctx.actor.can(s.permission) and (s.visible is None or s.visible(ctx))
    ]
    return sorted(allowed, key=lambda s: (s.order, s.key))


#: Modules that register screens. Each issue appends its screen modules here.
SCREEN_MODULES: list[str] = [
    "winback_desktop.ui.screens.scorecards.screen",
    "winback_desktop.ui.screens.rewards.screen",
    "winback_desktop.ui.screens.home.screen",
    "winback_desktop.ui.screens.admin.users_screen",
    "winback_desktop.ui.screens.admin.audit_screen",
    "winback_desktop.ui.screens.interviews.script_editor",
    "winback_desktop.ui.screens.interviews.report_screen",
    "winback_desktop.ui.screens.workspace.screen",
    "winback_desktop.ui.screens.campaigns.screen",
    "winback_desktop.ui.screens.segmentation.screen",
    "winback_desktop.ui.screens.approvals.screen",
    "winback_desktop.ui.screens.offers.catalog_screen",
    "winback_desktop.ui.screens.board.screen",
    "winback_desktop.ui.screens.qa.screen",
    "winback_desktop.ui.screens.customers.screen",
    "winback_desktop.ui.screens.at_risk.screen",
    "winback_desktop.ui.screens.plans.screen",
    "winback_desktop.ui.screens.programme.screen",
]


def load_all() -> None:
    import importlib

    for name in SCREEN_MODULES:
        importlib.import_module(name)
