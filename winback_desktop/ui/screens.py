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
from winback_desktop.ui.context import AppContext


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
    "winback_desktop.ui.scorecard_screen",
    "winback_desktop.ui.rewards_screen",
    "winback_desktop.ui.home_screen",
    "winback_desktop.ui.users_screen",
    "winback_desktop.ui.audit_screen",
    "winback_desktop.ui.script_editor_screen",
    "winback_desktop.ui.interview_report_screen",
    "winback_desktop.ui.workspace_screen",
    "winback_desktop.ui.campaigns_screen",
    "winback_desktop.ui.segmentation_screen",
    "winback_desktop.ui.approvals_screen",
    "winback_desktop.ui.offer_catalog_screen",
    "winback_desktop.ui.board_screen",
    "winback_desktop.ui.qa_screen",
    "winback_desktop.ui.customers_screen",
]


def load_all() -> None:
    import importlib

    for name in SCREEN_MODULES:
        importlib.import_module(name)
