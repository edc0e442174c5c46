"""Translated names for the interview screens (reasons, treatments, types, tags).

The database keeps short English codes; these are the words an agent reads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.ui.kit.feedback import error_text  # noqa: F401  (re-exported)

T = TypeVar("T")

CONTEXT = "InterviewLabels"

_NAMES: dict[str, str] = {
    "pushed_intentional": QT_TRANSLATE_NOOP("InterviewLabels", "Pushed away (intentional)"),
    "pushed_unintentional": QT_TRANSLATE_NOOP("InterviewLabels",
                                              "Pushed away (service failure)"),
    "pulled_away": QT_TRANSLATE_NOOP("InterviewLabels", "Pulled away (competitor)"),
    "bought_away": QT_TRANSLATE_NOOP("InterviewLabels", "Bought away (price)"),
    "moved_away": QT_TRANSLATE_NOOP("InterviewLabels", "Moved away"),
    "unknown": QT_TRANSLATE_NOOP("InterviewLabels", "Unknown"),
    "quick": QT_TRANSLATE_NOOP("InterviewLabels", "Quick win-back"),
    "long_term": QT_TRANSLATE_NOOP("InterviewLabels", "Long-term nurture"),
    "do_not_pursue": QT_TRANSLATE_NOOP("InterviewLabels", "Do not pursue"),
    "win_back": QT_TRANSLATE_NOOP("InterviewLabels", "Win-back"),
    "save": QT_TRANSLATE_NOOP("InterviewLabels", "Save (at risk)"),
    "draft": QT_TRANSLATE_NOOP("InterviewLabels", "Draft"),
    "published": QT_TRANSLATE_NOOP("InterviewLabels", "Published"),
    "retired": QT_TRANSLATE_NOOP("InterviewLabels", "Retired"),
    "single": QT_TRANSLATE_NOOP("InterviewLabels", "Single choice"),
    "multi": QT_TRANSLATE_NOOP("InterviewLabels", "Multiple choice"),
    "scale": QT_TRANSLATE_NOOP("InterviewLabels", "Scale"),
    "yes_no": QT_TRANSLATE_NOOP("InterviewLabels", "Yes / no"),
    "text": QT_TRANSLATE_NOOP("InterviewLabels", "Free text"),
    "number": QT_TRANSLATE_NOOP("InterviewLabels", "Number"),
    "date": QT_TRANSLATE_NOOP("InterviewLabels", "Date"),
    "trigger": QT_TRANSLATE_NOOP("InterviewLabels", "Trigger for leaving"),
    "competitor": QT_TRANSLATE_NOOP("InterviewLabels", "Competitor named"),
    "competitor_offer": QT_TRANSLATE_NOOP("InterviewLabels", "What the competitor offers"),
    "comeback": QT_TRANSLATE_NOOP("InterviewLabels", "What would bring them back"),
    "en": QT_TRANSLATE_NOOP("InterviewLabels", "English"),
    "zh": QT_TRANSLATE_NOOP("InterviewLabels", "Chinese"),
}

#: short column headers for the five reasons in the choice table
_SHORT: dict[str, str] = {
    "pushed_intentional": QT_TRANSLATE_NOOP("InterviewLabels", "Pushed (int.)"),
    "pushed_unintentional": QT_TRANSLATE_NOOP("InterviewLabels", "Pushed (svc.)"),
    "pulled_away": QT_TRANSLATE_NOOP("InterviewLabels", "Pulled"),
    "bought_away": QT_TRANSLATE_NOOP("InterviewLabels", "Bought"),
    "moved_away": QT_TRANSLATE_NOOP("InterviewLabels", "Moved"),
}

TREATMENT_COLOURS = {"quick": "#c8e6c9", "long_term": "#ffe0b2", "do_not_pursue": "#e0e0e0"}


def name(code: str | None) -> str:
    if code is None:
        return ""
    source = _NAMES.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else code


def short_reason(code: str) -> str:
    source = _SHORT.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else code


class DbTasks:
    """Runs one screen's service calls in the background (``ServiceOp``) and tracks them.

    ``busy`` is true while any call is in flight (tests wait on it); failures go to
    ``on_error`` as one translated line; what a call changed is broadcast on the hub.
    """

    def __init__(self, ctx: Any, parent: Any, on_error: Callable[[str], None],
                 on_busy: Callable[[bool], None] | None = None) -> None:
        from winback_desktop.ui.kit.service_op import OpGroup

        self.ctx = ctx
        self.on_error = on_error
        self.on_busy = on_busy or (lambda _b: None)
        self._ops = OpGroup(parent, ctx.hub)

    @property
    def busy(self) -> bool:
        return not self._ops.idle()

    def run(self, fn: Callable[[], T], on_success: Callable[[T], None]) -> None:
        """``fn`` is one service call (it opens its own unit of work)."""
        def ok(result: T) -> None:
            self.on_busy(self.busy)
            on_success(result)

        def fail(error: Any) -> None:
            self.on_busy(self.busy)
            if not error.cancelled:
                self.on_error(error.text)

        op = self._ops.op(lambda _control: fn()).success(ok).failure(fail)
        self.on_busy(True)
        op.run()
