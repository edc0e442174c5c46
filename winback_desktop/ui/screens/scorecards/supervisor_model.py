"""The scorecards' Supervisors tab: one row per supervisor (approval turnaround,
reviews, coaching, their team's win-back rate and burnout signals)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.services import scorecards

_Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate

_SUPERVISOR_LABELS = {
    "login": QT_TRANSLATE_NOOP("Scorecards", "Supervisor"),
    "approval_turnaround_s": QT_TRANSLATE_NOOP("Scorecards", "Approval turnaround (min)"),
    "approvals_decided": QT_TRANSLATE_NOOP("Scorecards", "Approvals decided"),
    "calls": QT_TRANSLATE_NOOP("Scorecards", "Team calls"),
    "reviewed_share": QT_TRANSLATE_NOOP("Scorecards", "Calls QA-reviewed"),
    "coaching_given": QT_TRANSLATE_NOOP("Scorecards", "Coaching given"),
    "team_win_back_rate": QT_TRANSLATE_NOOP("Scorecards", "Team win-back rate"),
    "team_burnout_signals": QT_TRANSLATE_NOOP("Scorecards", "Team burnout signals"),
}


class SupervisorModel(QAbstractTableModel):
    KEYS = ["login", "approval_turnaround_s", "approvals_decided", "calls", "reviewed_share",
            "coaching_given", "team_win_back_rate", "team_burnout_signals"]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[scorecards.SupervisorCard] = []
        self.labels: dict[str, str] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.labels = {k: translate("Scorecards", v) for k, v in _SUPERVISOR_LABELS.items()}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.KEYS) - 1)

    def set_rows(self, rows: list[scorecards.SupervisorCard]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.labels[self.KEYS[section]]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        card = self.rows[index.row()]
        key = self.KEYS[index.column()]
        value = getattr(card, key)
        if value is None:
            return "–"
        if key == "approval_turnaround_s":
            return f"{value / 60:.1f}"
        if key in ("reviewed_share", "team_win_back_rate"):
            return f"{value:.1%}"
        return str(value)
