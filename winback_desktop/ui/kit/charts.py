"""Matplotlib charts embedded in Qt, and a sparkline delegate for tables.

matplotlib is imported only when a chart is first built: it costs ~0.3 s, which the
login window must not pay.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget

SPARKLINE_ROLE = Qt.ItemDataRole.UserRole + 7


class ChartWidget(QWidget):
    """A matplotlib figure in a widget; ``draw(fn)`` lets callers plot on fresh axes."""

    def __init__(self, parent: QWidget | None = None, height: float = 3.0) -> None:
        super().__init__(parent)
        import matplotlib
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from winback_desktop.services.scorecard_export import CJK_FONTS

        matplotlib.rcParams["font.sans-serif"] = CJK_FONTS
        matplotlib.rcParams["axes.unicode_minus"] = False
        self.figure = Figure(figsize=(6, height), tight_layout=True)
        self.canvas = FigureCanvasQTAgg(self.figure)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)

    def plot_series(self, title: str, x_labels: Sequence[str],
                    series: Sequence[tuple[str, Sequence[float]]], *, kind: str = "line",
                    y_label: str = "") -> None:
        self.figure.clear()
        ax = self.figure.add_subplot(1, 1, 1)
        xs = list(range(len(x_labels)))
        for i, (name, values) in enumerate(series):
            if kind == "bar":
                width = 0.8 / max(len(series), 1)
                ax.bar([x + i * width for x in xs], list(values), width=width, label=name)
            else:
                ax.plot(xs, list(values), marker="o", markersize=3, label=name)
        step = max(1, len(xs) // 10)
        ax.set_xticks(xs[::step])
        ax.set_xticklabels(list(x_labels)[::step], fontsize=7, rotation=30)
        ax.set_title(title, fontsize=10)
        if y_label:
            ax.set_ylabel(y_label, fontsize=8)
        ax.grid(alpha=0.3)
        if len(series) > 1:
            ax.legend(fontsize=7)
        self.canvas.draw_idle()


class SparklineDelegate(QStyledItemDelegate):
    """Paints the list of numbers in ``SPARKLINE_ROLE`` as a small line."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        values: Any = index.data(SPARKLINE_ROLE)
        super().paint(painter, option, index)
        if not values:
            return
        rect = option.rect.adjusted(4, 4, -4, -4)  # type: ignore[attr-defined]
        top = max(values) or 1
        n = len(values)
        points = QPolygonF([
            QPointF(rect.left() + (rect.width() * i / max(n - 1, 1)),
                    rect.bottom() - rect.height() * (v / top))
            for i, v in enumerate(values)
        ])
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#2E75B6"), 1.4))
        painter.drawPolyline(points)
        painter.restore()
