"""Admin screen: the segmentation grid (SLTV tier × defection reason → treatment).

The book's point is that lost customers are not all worth the same effort: this grid
decides who is called now, who gets a long-term nurture plan and who is left alone.
Each cell is a colour-coded choice showing how many customers fall in it, and a
summary shows how many customers each treatment gets, so an admin sees the effect of
a change before the team feels it. Tier thresholds are edited beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core import segmentation as seg
from winback_desktop.core.domain import Treatment
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import segmentation_service as service
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.ui.kit import vocabulary as vocab
from winback_desktop.ui.kit.service_op import OpError, OpGroup
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register

TIERS = seg.TIERS
REASONS = seg.REASONS
TREATMENTS = [t.value for t in Treatment]
THRESHOLD_TIERS = ["A", "B", "C", "D"]


class CellEditor(QWidget):
    """One grid cell: the treatment choice and the number of customers in the cell."""

    def __init__(self, tier: str, reason: str, on_change: Callable[[str, str, str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tier, self.reason = tier, reason
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 3, 4, 3)
        layout.setSpacing(1)
        self.combo = QComboBox()
        for t in TREATMENTS:
            self.combo.addItem(vocab.name(t), t)
        self.count_label = QLabel("…")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.combo)
        layout.addWidget(self.count_label)
        self._on_change = on_change
        self.combo.currentIndexChanged.connect(self._changed)

    def treatment(self) -> str:
        return str(self.combo.currentData())

    def retranslate(self) -> None:
        for i in range(self.combo.count()):
            self.combo.setItemText(i, vocab.name(str(self.combo.itemData(i))))

    def set_treatment(self, treatment: str) -> None:
        self.combo.blockSignals(True)
        idx = self.combo.findData(treatment)
        self.combo.setCurrentIndex(max(0, idx))
        self.combo.blockSignals(False)
        self._colour()

    def set_count(self, count: int | None) -> None:
        self.count_label.setText("…" if count is None else f"{count:,}")

    def _colour(self) -> None:
        colour = vocab.TREATMENT_COLOURS.get(self.treatment(), "#ffffff")
        self.setStyleSheet(f"CellEditor {{ background:{colour}; }}")

    def _changed(self) -> None:
        self._colour()
        self._on_change(self.tier, self.reason, self.treatment())


class SegmentationScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: asks before a change that moves customers (tests answer it themselves)
        self.confirm: Callable[[str], bool] = self._ask
        self.setObjectName("segmentationScreen")
        self.ctx = ctx
        self._ops = OpGroup(self, ctx.hub, serial=True, retry_locked=True)
        self.grid: dict[tuple[str, str], str] = {}
        self.counts: dict[tuple[str, str], int] = {}
        self.thresholds: dict[str, int] = {}
        root = QVBoxLayout(self)
        self.intro = intro = QLabel()
        intro.setWordWrap(True)
        root.addWidget(intro)

        body = QHBoxLayout()
        self.table = QTableWidget(len(TIERS), len(REASONS))
        self.table.setObjectName("segmentGrid")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(120)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        # reason names wrap onto two lines (Chinese and English alike)
        self.table.horizontalHeader().setFixedHeight(self.fontMetrics().height() * 3)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cells: dict[tuple[str, str], CellEditor] = {}
        for r, tier in enumerate(TIERS):
            for c, reason in enumerate(REASONS):
                cell = CellEditor(tier, reason, self._cell_changed)
                self.table.setCellWidget(r, c, cell)
                self.cells[(tier, reason)] = cell
        self.table.setMinimumHeight(5 * 62 + 40)
        body.addWidget(self.table, 1)

        side = QVBoxLayout()
        self.thr_box = thr_box = QGroupBox()
        self.tier_labels: dict[str, QLabel] = {}
        form = QFormLayout(thr_box)
        self.threshold_edits: dict[str, QDoubleSpinBox] = {}
        for tier in THRESHOLD_TIERS:
            spin = QDoubleSpinBox()
            spin.setRange(0, 1e11)
            spin.setDecimals(0)
            spin.setSingleStep(1000)
            spin.setGroupSeparatorShown(True)
            spin.setPrefix("¥ ")
            self.tier_labels[tier] = QLabel()
            form.addRow(self.tier_labels[tier], spin)
            self.threshold_edits[tier] = spin
        self.tier_labels["negative"] = QLabel()
        self.below_zero = QLabel()
        form.addRow(self.tier_labels["negative"], self.below_zero)
        self.save_thresholds_button = QPushButton()
        self.save_thresholds_button.clicked.connect(self.save_thresholds)
        form.addRow(self.save_thresholds_button)
        side.addWidget(thr_box)

        self.sum_box = sum_box = QGroupBox()
        self.swatches: dict[str, QLabel] = {}
        sl = QFormLayout(sum_box)
        self.summary_labels: dict[str, QLabel] = {}
        for t in TREATMENTS:
            label = QLabel("…")
            label.setObjectName(f"summary_{t}")
            swatch = self.swatches[t] = QLabel()
            swatch.setStyleSheet(
                f"background:{vocab.TREATMENT_COLOURS[t]}; padding:2px 6px;")
            sl.addRow(swatch, label)
            self.summary_labels[t] = label
        side.addWidget(sum_box)
        buttons = QHBoxLayout()
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.defaults_button = QPushButton()
        self.defaults_button.clicked.connect(self.restore_defaults)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.defaults_button)
        side.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("segmentationStatus")
        side.addWidget(self.status)
        side.addStretch(1)
        body.addLayout(side)
        root.addLayout(body, 1)
        self.retranslate()
        self.refresh()
        # an import or an SLTV recompute elsewhere moves customers between cells
        ctx.hub.subscribe(self, (Topic.CUSTOMERS, Topic.IMPORTS), self._on_changed)

    def _on_changed(self, _changes: Changes) -> None:
        if self.idle():
            self.refresh()

    # -------------------------------------------------------------- background work
    def _run(self, fn: Callable[[], Any], ok: Callable[[Any], None],
             *, reload_on_failure: bool = True) -> None:
        def failed(error: OpError) -> None:
            self.status.setStyleSheet("color:#b71c1c;")
            self.status.setText(error.text)
            if reload_on_failure:  # a refused edit: show what is really stored
                self.refresh()

        self._ops.op(lambda _ctl: fn()).success(ok).failure(failed).run()

    def idle(self) -> bool:
        return self._ops.idle()

    def _working(self) -> None:
        self.status.setStyleSheet("color:#455a64;")
        self.status.setText(self.tr("Saving and re-segmenting customers…"))

    def refresh(self) -> None:
        db = self.ctx.db

        actor = self.ctx.actor
        self._run(lambda: service.grid_view(db, actor), self._show, reload_on_failure=False)

    def _show(self, view: service.GridView) -> None:
        grid, thresholds, counts = view.grid, view.thresholds, view.counts
        self.grid = {tuple(k): str(v) for k, v in _items(grid)}  # type: ignore[misc]
        self.thresholds = {str(k): int(v) for k, v in _items(thresholds)}
        self.counts = {tuple(k): int(v) for k, v in _items(counts)}  # type: ignore[misc]
        for key, cell in self.cells.items():
            cell.set_treatment(self.grid.get(key, Treatment.QUICK.value))
            cell.set_count(self.counts.get(key, 0))
        for tier, spin in self.threshold_edits.items():
            spin.setValue(self.thresholds.get(tier, 0) / 100)
        for r, tier in enumerate(TIERS):
            total = sum(self.counts.get((tier, reason), 0) for reason in REASONS)
            if tier in self.thresholds:
                head = self.tr("{tier}\n≥ {amount}\n{n} customers").format(
                    tier=vocab.name(tier), amount=vocab.money(self.thresholds[tier]),
                    n=f"{total:,}")
            else:
                head = self.tr("{tier}\n{n} customers").format(tier=vocab.name(tier),
                                                               n=f"{total:,}")
            self.table.setVerticalHeaderItem(r, _header_item(head))
        self._update_summary()

    def _update_summary(self) -> None:
        totals = dict.fromkeys(TREATMENTS, 0)
        for key, cell in self.cells.items():
            totals[cell.treatment()] = totals.get(cell.treatment(), 0) + self.counts.get(key, 0)
        for t, label in self.summary_labels.items():
            label.setText(f"{totals.get(t, 0):,}")

    def retranslate(self) -> None:
        """Every text of the screen in the current language (also on a live switch)."""
        self.intro.setText(self.tr(
            "Choose what happens to lost customers in each cell: quick win-back calls now, "
            "a long-term nurture plan, or no pursuit. The number under each choice is how "
            "many customers are in that cell today."))
        self.table.setHorizontalHeaderLabels([vocab.name(r) for r in REASONS])
        self.thr_box.setTitle(self.tr("Tier thresholds (lowest SLTV of each tier)"))
        for tier, label in self.tier_labels.items():
            label.setText(vocab.name(tier))
        self.below_zero.setText(self.tr("below ¥ 0"))
        self.save_thresholds_button.setText(self.tr("Save thresholds"))
        self.sum_box.setTitle(self.tr("Customers per treatment"))
        for t, swatch in self.swatches.items():
            swatch.setText(vocab.name(t))
        self.refresh_button.setText(self.tr("Refresh counts"))
        self.defaults_button.setText(self.tr("Restore defaults…"))
        for cell in self.cells.values():
            cell.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _ask(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Change the treatment"), text,
                          parent=self)
        yes = box.addButton(self.tr("Move them"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def _cell_changed(self, tier: str, reason: str, treatment: str) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        moving = self.counts.get((tier, reason), 0)
        old = self.grid.get((tier, reason))
        if moving and old is not None and old != treatment and not self.confirm(self.tr(
                "{customers} customers in {tier} × {reason} move from {old} to {new}, and "
                "their open tasks follow. Change it?").format(
                customers=f"{moving:,}", tier=vocab.name(tier), reason=vocab.name(reason),
                old=vocab.name(old), new=vocab.name(treatment))):
            self.cells[(tier, reason)].set_treatment(old)
            self._update_summary()
            return
        self._update_summary()

        self._working()

        def ok(moved: service.Resegmented) -> None:
            self.grid[(tier, reason)] = treatment
            self.status.setStyleSheet("color:#1b5e20;")
            self.status.setText(self.tr("Saved: {tier} × {reason} → {treatment}.").format(
                tier=vocab.name(tier), reason=vocab.name(reason),
                treatment=vocab.name(treatment)) + " " + self._moved_text(moved))
            self.refresh()

        self._run(lambda: service.change_cell(db, actor, tier, reason, treatment), ok)

    def _moved_text(self, moved: service.Resegmented) -> str:
        return self.tr("{customers} customers moved; {closed} open tasks closed, "
                       "{reopened} reopened.").format(
            customers=f"{moved.customers:,}", closed=f"{moved.tasks_closed:,}",
            reopened=f"{moved.tasks_reopened:,}")

    def save_thresholds(self) -> None:
        values = {t: round(spin.value() * 100) for t, spin in self.threshold_edits.items()}
        ordered = [values[t] for t in THRESHOLD_TIERS]
        if any(a <= b for a, b in pairwise(ordered)):
            self.status.setStyleSheet("color:#b71c1c;")
            self.status.setText(self.tr(
                "Each tier must start above the next one: A > B > C > D ≥ 0."))
            return
        db, actor = self.ctx.db, self.ctx.actor

        self._working()

        def ok(moved: service.Resegmented) -> None:
            self.status.setStyleSheet("color:#1b5e20;")
            self.status.setText(self.tr("Thresholds saved.") + " " + self._moved_text(moved))
            self.refresh()

        self._run(lambda: service.change_thresholds(db, actor, values), ok)

    def restore_defaults(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore defaults"), self.tr(
            "Set every cell back to the book's default treatment?"), parent=self)
        yes = box.addButton(self.tr("Restore defaults"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not yes:
            return
        self.apply_defaults()

    def apply_defaults(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def ok(result: service.GridRestored) -> None:
            self.status.setStyleSheet("color:#1b5e20;")
            self.status.setText(self.tr("Defaults restored ({n} cells changed).").format(
                n=result.cells) + " " + self._moved_text(result.moved))
            self.refresh()

        self._run(lambda: service.restore_default_grid(db, actor), ok)


def _items(data: Any) -> list[tuple[Any, Any]]:
    if isinstance(data, Mapping):
        return list(data.items())
    return [(k, v) for k, v in data]


def _header_item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def _factory(ctx: AppContext) -> QWidget:
    return SegmentationScreen(ctx)


SPEC = register(ScreenSpec(
    key="segmentation",
    title=QT_TRANSLATE_NOOP("Screens", "Segmentation"),
    permission=Permission.MANAGE_SEGMENTATION,
    factory=_factory,
    order=70,
))
