"""Small reusable widgets."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QWidget,
)


class ElidedLabel(QLabel):
    """Shows as much of a long path or URL as fits, eliding the middle; tooltip has all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(80)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin()
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle,
                                                   max(room, 10)))


def read_only_table(columns: int | Sequence[str], *, stretch: str = "all",
                    single: bool = False, sortable: bool = False) -> QTableWidget:
    """The list tables screens show: no editing, whole rows selected, no row numbers.

    ``columns`` is a count or the header labels; ``stretch`` is ``"all"`` (every column
    shares the width) or ``"first"`` (the first column takes the rest); ``single`` allows
    one selected row; ``sortable`` sorts by a clicked header but keeps the rows' own
    order until then."""
    headers = [] if isinstance(columns, int) else list(columns)
    table = QTableWidget(0, columns if isinstance(columns, int) else len(headers))
    if headers:
        table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    if stretch == "first":
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    if sortable:
        table.setSortingEnabled(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    return table
