"""The customers screen: every customer, filtered and sorted on the server, with a card.

Opens instantly at 1M customers (``CustomersModel`` loads only the pages the table
paints). The filter bar narrows by status, defection reason, SLTV tier, campaign,
import batch and free text (debounced); the pane on the right shows the selected
customer's card with calls, offers and the import it came from. "Export…" writes the
current filtered view to .xlsx or .csv in the background; "Import…" opens the wizard.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.domain import CustomerStatus, DefectionReason, SltvTier
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.offers import localized_name
from winback_desktop.core.permissions import Permission
from winback_desktop.services import customer_browse, customer_query
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.customer_browse import CustomerDetails, CustomerOrigin, FilterChoices
from winback_desktop.services.customer_card import CustomerCard
from winback_desktop.services.customer_query import CustomerFilter
from winback_desktop.ui.kit import vocabulary
from winback_desktop.ui.kit.service_op import OpControl, OpError, ServiceOp
from winback_desktop.ui.screens.customers import labels
from winback_desktop.ui.screens.customers.model import COLUMNS, CustomersModel
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.i18n import current_language
from winback_desktop.ui.shell.registry import ScreenSpec, register

SEARCH_DEBOUNCE_MS = 300
#: calls and offers the card lists (the tab title counts them all)
HISTORY_ROWS = 50

_COLUMN_WIDTHS = {"external_id": 100, "name": 130, "phone": 130, "status": 80,
                  "defection_reason": 185, "defection_date": 90, "sltv": 90, "sltv_tier": 55,
                  "segment": 140, "revenue": 110, "city": 90, "last_purchase": 95,
                  "batch": 60}


class CustomerDetailPane(QWidget):
    """The selected customer's card and history, loaded in the background."""

    loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id: int | None = None
        self.card: CustomerCard | None = None
        self.origin: CustomerOrigin | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        # -- card
        card = QWidget()
        self.form = QFormLayout(card)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.fields: dict[str, QLabel] = {}
        self._field_labels: dict[str, QLabel] = {}
        for key, _title in self._field_titles():
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption = QLabel()
            self.fields[key] = value
            self._field_labels[key] = caption
            self.form.addRow(caption, value)
        self.tabs.addTab(card, "")
        # -- calls / offers
        self.calls = self._history_table(4)
        self.offers = self._history_table(4)
        self.tabs.addTab(self.calls, "")
        self.tabs.addTab(self.offers, "")
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.retranslate()
        self.show_customer(None)

    @staticmethod
    def _field_titles() -> list[tuple[str, str]]:
        return [
            ("external_id", QT_TRANSLATE_NOOP("CustomerDetailPane", "Customer ID")),
            ("phones", QT_TRANSLATE_NOOP("CustomerDetailPane", "Phones")),
            ("status", QT_TRANSLATE_NOOP("CustomerDetailPane", "Status")),
            ("reason", QT_TRANSLATE_NOOP("CustomerDetailPane", "Defection reason")),
            ("defection_date", QT_TRANSLATE_NOOP("CustomerDetailPane", "Lost on")),
            ("sltv", QT_TRANSLATE_NOOP("CustomerDetailPane", "Second lifetime value")),
            ("segment", QT_TRANSLATE_NOOP("CustomerDetailPane", "Treatment")),
            ("revenue", QT_TRANSLATE_NOOP("CustomerDetailPane", "Annual revenue")),
            ("margin", QT_TRANSLATE_NOOP("CustomerDetailPane", "Annual margin")),
            ("purchases", QT_TRANSLATE_NOOP("CustomerDetailPane", "Purchases")),
            ("location", QT_TRANSLATE_NOOP("CustomerDetailPane", "City / time zone")),
            ("language", QT_TRANSLATE_NOOP("CustomerDetailPane", "Language")),
            ("email", QT_TRANSLATE_NOOP("CustomerDetailPane", "E-mail")),
            ("competitor", QT_TRANSLATE_NOOP("CustomerDetailPane", "Competitor")),
            ("note", QT_TRANSLATE_NOOP("CustomerDetailPane", "Reason note")),
            ("batch", QT_TRANSLATE_NOOP("CustomerDetailPane", "Imported from")),
        ]

    def _history_table(self, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.setAlternatingRowColors(True)
        return table

    def retranslate(self) -> None:
        for key, title in self._field_titles():
            self._field_labels[key].setText(self.tr(title) + ":")
        self.tabs.setTabText(0, self.tr("Card"))
        self.calls.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Agent"), self.tr("Outcome"), self.tr("Talk")])
        self.offers.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Offer"), self.tr("Status"), self.tr("Cost")])
        self.empty.setText(self.tr("Select a customer to see the card and history."))
        if self.card is not None and self.origin is not None:
            self._render(self.card, self.origin)

    def show_customer(self, customer_id: int | None) -> None:
        """Load and show a customer (``None`` clears the pane)."""
        self._generation += 1
        self.customer_id = customer_id
        if customer_id is None:
            self.card = None
            self.title.setText("")
            self.subtitle.setText("")
            self.tabs.setVisible(False)
            self.empty.setVisible(True)
            return
        generation = self._generation
        db, actor = self.ctx.db, self.ctx.actor

        def work(_ctl: OpControl) -> CustomerDetails:
            return customer_browse.customer_details(db, actor, customer_id,
                                                    history=HISTORY_ROWS)

        def done(result: CustomerDetails) -> None:
            if generation == self._generation:
                self.card, self.origin = result.card, result.origin
                self._render(result.card, result.origin)
                self.loaded.emit(result.card.id)

        def failed(error: OpError) -> None:
            if generation == self._generation:
                self.title.setText(error.text)

        ServiceOp(self, work, hub=None).success(done).failure(failed).run()

    def _render(self, c: CustomerCard, origin: CustomerOrigin) -> None:
        self.tabs.setVisible(True)
        self.empty.setVisible(False)
        self.title.setText(c.name or self.tr("(no name)"))
        bits = [labels.status(c.status), labels.reason(c.defection_reason)]
        if c.do_not_call:
            bits.append(self.tr("Do not call"))
        self.subtitle.setText(" · ".join(b for b in bits if b))
        f = self.fields
        f["external_id"].setText(c.external_id or "")
        f["phones"].setText("\n".join(
            ("★ " if p.primary and len(c.phones) > 1 else "")
            + ((p.e164 or p.raw) if p.e164 == p.raw or not p.raw or not p.e164
               else f"{p.e164} ({p.raw})")
            for p in c.phones))
        f["status"].setText(labels.status(c.status))
        f["reason"].setText(labels.reason(c.defection_reason))
        f["defection_date"].setText(labels.day(c.defection_date))
        sltv = labels.money(c.sltv_minor, c.currency)
        if c.sltv_tier:
            sltv += "  " + self.tr("tier {tier}").format(tier=labels.tier(c.sltv_tier))
        if c.sltv_imported_minor is not None:
            sltv += "\n" + self.tr("imported: {value}").format(
                value=labels.money(c.sltv_imported_minor, c.currency))
        f["sltv"].setText(sltv)
        f["segment"].setText(labels.segment(c.segment))
        f["revenue"].setText(labels.money(c.annual_revenue_minor, c.currency))
        f["margin"].setText(labels.money(c.annual_margin_minor, c.currency))
        purchases = "" if c.purchase_count is None else str(c.purchase_count)
        if c.last_purchase_date:
            purchases += ("  " if purchases else "") + self.tr("last {date}").format(
                date=labels.day(c.last_purchase_date))
        f["purchases"].setText(purchases)
        f["location"].setText(" / ".join(x for x in (c.city, c.timezone) if x))
        f["language"].setText(vocabulary.name(c.preferred_language))
        f["email"].setText(c.email or "")
        f["competitor"].setText(c.competitor or "")
        f["note"].setText(c.reason_note or "")
        batch = origin.batch
        if batch:
            f["batch"].setText(self.tr("#{id} {file} ({when})").format(
                id=batch.id, file=batch.file_name + (f" / {batch.sheet}"
                                                     if batch.sheet else ""),
                when=labels.day(batch.started_at)))
        else:
            f["batch"].setText(self.tr("entered by hand or demo data"))
        self.tabs.setTabText(1, self.tr("Calls ({n})").format(n=origin.call_count))
        self.tabs.setTabText(2, self.tr("Offers ({n})").format(n=len(c.offers)))
        self.calls.setRowCount(len(c.calls))
        for i, call in enumerate(c.calls):
            talk_seconds = (int((call.ended_at - call.answered_at).total_seconds())
                            if call.answered_at and call.ended_at else None)
            talk = "" if talk_seconds is None else f"{talk_seconds // 60}:{talk_seconds % 60:02d}"
            cells = [labels.day(call.started_at), call.agent_login or "",
                     labels.disposition(call.disposition), talk]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if call.notes:
                    item.setToolTip(html.escape(call.notes))
                self.calls.setItem(i, j, item)
        self.calls.resizeColumnsToContents()
        self.offers.setRowCount(len(c.offers))
        for i, offer in enumerate(c.offers):
            cells = [labels.day(offer.requested_at),
                     localized_name(offer.offer_name, current_language()),
                     labels.offer_status(offer.status), labels.money(offer.cost_minor,
                                                                     c.currency)]
            for j, text in enumerate(cells):
                self.offers.setItem(i, j, QTableWidgetItem(text))
        self.offers.resizeColumnsToContents()


class CustomersScreen(QWidget):
    """Filter bar, lazy customer table and the detail pane."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.choices = FilterChoices([], [])
        self.phone_region = "CN"
        self.model = CustomersModel(ctx, self)
        self._export_op: ServiceOp[Any] | None = None
        self.wizard: QWidget | None = None
        outer = QVBoxLayout(self)
        # -- filter bar
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.status_combo = QComboBox()
        self.reason_combo = QComboBox()
        self.tier_combo = QComboBox()
        self.campaign_combo = QComboBox()
        self.batch_combo = QComboBox()
        for combo in (self.campaign_combo, self.batch_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.clear_button = QPushButton()
        bar.addWidget(self.search, 2)
        for combo in (self.status_combo, self.reason_combo, self.tier_combo,
                      self.campaign_combo, self.batch_combo):
            bar.addWidget(combo, 1)
        bar.addWidget(self.clear_button)
        outer.addLayout(bar)
        # -- action row
        actions = QHBoxLayout()
        self.count_label = QLabel()
        actions.addWidget(self.count_label, 1)
        self.import_button = QPushButton()
        self.export_button = QPushButton()
        self.import_button.setVisible(ctx.actor.can(Permission.IMPORT_CUSTOMERS))
        self.export_button.setVisible(ctx.actor.can(Permission.EXPORT_DATA))
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        outer.addLayout(actions)
        # -- table + detail
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(True)
        for i, column in enumerate(COLUMNS):
            header.resizeSection(i, _COLUMN_WIDTHS.get(column.key, 100))
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        header.sectionClicked.connect(self._header_clicked)
        self.detail = CustomerDetailPane(ctx)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([880, 400])
        self.splitter = splitter
        outer.addWidget(splitter, 1)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        outer.addWidget(self.message)
        # -- wiring
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.apply_filter)
        for combo in (self.status_combo, self.reason_combo, self.tier_combo,
                      self.campaign_combo, self.batch_combo):
            combo.currentIndexChanged.connect(self._combo_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        self.import_button.clicked.connect(self.open_import)
        self.export_button.clicked.connect(self.ask_export)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.countChanged.connect(self._update_count)
        self.model.firstPageLoaded.connect(self._first_page)
        self.model.loadFailed.connect(self._show_error)
        self.model.modelReset.connect(lambda: self._update_count(None))
        ctx.hub.changed.connect(self._hub_changed)
        ctx.hub.language_changed.connect(lambda _lang: self.retranslate())
        self._building_combos = False
        self.retranslate()
        self.model.refresh()
        self.load_choices()

    # ---------------------------------------------------------------- texts

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search name, phone or customer ID…"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.import_button.setText(self.tr("Import…"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export the customers shown to Excel or CSV"))
        self._fill_combos()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._update_count(self.model.exact_count)
        self.detail.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_combos(self) -> None:
        """(Re)build the filter combos in the current language, keeping selections."""
        self._building_combos = True
        try:
            def fill(combo: QComboBox, any_text: str, items: list[tuple[Any, str]]) -> None:
                current = combo.currentData()
                combo.clear()
                combo.addItem(any_text, None)
                for value, text in items:
                    combo.addItem(text, value)
                found = combo.findData(current) if current is not None else 0
                combo.setCurrentIndex(max(found, 0))

            fill(self.status_combo, self.tr("All statuses"),
                 [(s.value, labels.status(s)) for s in CustomerStatus])
            fill(self.reason_combo, self.tr("All reasons"),
                 [(r.value, labels.reason(r)) for r in DefectionReason])
            fill(self.tier_combo, self.tr("All tiers"),
                 [(t.value, self.tr("Tier {tier}").format(tier=labels.tier(t)))
                  for t in SltvTier])
            fill(self.campaign_combo, self.tr("All campaigns"),
                 [(cid, name) for cid, name in self.choices.campaigns])
            fill(self.batch_combo, self.tr("All imports"),
                 [(bid, self.tr("#{id} {file} ({date})").format(
                     id=bid, file=name, date=labels.day(started)))
                  for bid, name, started, _rows in self.choices.batches])
        finally:
            self._building_combos = False

    def _update_count(self, count: int | None) -> None:
        if count is None:
            self.count_label.setText(self.tr("Counting customers…"))
        else:
            text = (self.tr("1 customer") if count == 1
                    else self.tr("{n} customers").format(n=f"{count:,}"))
            self.count_label.setText(text)

    # -------------------------------------------------------------- filters

    def current_filter(self) -> CustomerFilter:
        return CustomerFilter(
            status=self.status_combo.currentData(),
            defection_reason=self.reason_combo.currentData(),
            sltv_tier=self.tier_combo.currentData(),
            campaign_id=self.campaign_combo.currentData(),
            import_batch_id=self.batch_combo.currentData(),
            text=self.search.text().strip() or None,
            phone_region=self.phone_region,
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        filt = self.current_filter()
        if filt != self.model.filter:
            self.detail.show_customer(None)
            self.model.set_filter(filt)

    def _combo_changed(self, _index: int) -> None:
        if not self._building_combos:
            self.apply_filter()

    def clear_filters(self) -> None:
        self._building_combos = True
        for combo in (self.status_combo, self.reason_combo, self.tier_combo,
                      self.campaign_combo, self.batch_combo):
            combo.setCurrentIndex(0)
        self.search.clear()
        self._building_combos = False
        self.apply_filter()

    def load_choices(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def work(_ctl: OpControl) -> FilterChoices:
            return customer_browse.load_filter_choices(db, actor)

        def done(choices: FilterChoices) -> None:
            self.choices = choices
            self.phone_region = choices.phone_region
            self._fill_combos()

        ServiceOp(self, work, hub=None).success(done).failure(self._op_failed).run()

    def _hub_changed(self, topics: Changes) -> None:
        if topics.touches([Topic.CUSTOMERS, Topic.IMPORTS, Topic.CAMPAIGNS]):
            self.model.refresh()
            self.load_choices()
            self.detail.show_customer(self.detail.customer_id)

    # ---------------------------------------------------------------- table

    def _header_clicked(self, section: int) -> None:
        column = COLUMNS[section]
        header = self.table.horizontalHeader()
        if column.sort is None:
            header.setSortIndicator(self.model.sort_column(), self._order())
            return
        if column.sort == self.model.sort_key:
            descending = not self.model.descending
        else:
            descending = column.descending_first
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(section, order)
        self.detail.show_customer(None)
        self.model.sort(section, order)

    def _order(self) -> Qt.SortOrder:
        return (Qt.SortOrder.DescendingOrder if self.model.descending
                else Qt.SortOrder.AscendingOrder)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.cached_row(current.row()) if current.isValid() else None
        self.detail.show_customer(row.id if row else None)

    def _first_page(self, _rows: int) -> None:
        self.message.setVisible(False)

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def _op_failed(self, error: OpError) -> None:
        self._show_error(error.text)

    # ------------------------------------------------------- import / export

    def open_import(self) -> None:
        from winback_desktop.ui.screens.importing.wizard import ImportWizard

        wizard = ImportWizard(self.ctx, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.wizard = wizard
        wizard.open()

    def ask_export(self) -> None:
        xlsx = self.tr("Excel workbook (*.xlsx)")
        csv = self.tr("CSV, UTF-8 for Excel (*.csv)")
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export customers"), str(Path.home() / "customers.xlsx"),
            f"{xlsx};;{csv}")
        if not path:
            return
        fmt = "csv" if chosen == csv or path.lower().endswith(".csv") else "xlsx"
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str = "xlsx") -> ServiceOp[Any]:
        """Export the current filtered, sorted view to ``path`` in the background."""
        filt = self.model.filter
        db, actor = self.ctx.db, self.ctx.actor
        progress = QProgressDialog(self.tr("Exporting customers…"), self.tr("Cancel"), 0, 0,
                                   self)
        progress.setWindowTitle(self.tr("Export customers"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        sort_key, descending = self.model.sort_key, self.model.descending

        def work(ctl: OpControl) -> Any:
            return customer_query.export_customers(
                db, actor, filt, path, fmt=fmt,
                progress=lambda done, total: ctl.progress(done, total),
                cancel=lambda: ctl.cancelled, sort_column=sort_key, descending=descending,
                translate=QCoreApplication.translate)

        def on_progress(done: int, total: int, _label: str) -> None:
            if total > 0:
                progress.setMaximum(total)
                progress.setValue(min(done, total))

        def finished(result: Any) -> None:
            progress.close()
            self._export_op = None
            rows = getattr(result, "rows", result)
            self.message.setVisible(False)
            self.count_label.setText(self.tr("Exported {n} customers to {file}").format(
                n=f"{rows:,}" if isinstance(rows, int) else rows, file=path.name))
            self.exported = path

        def failed(error: OpError) -> None:
            progress.close()
            self._export_op = None
            if not error.cancelled:
                self._show_error(error.text)

        # the export is audited (a list of customers left the building): the audit view
        # refreshes
        op: ServiceOp[Any] = (ServiceOp(self, work, hub=self.ctx.hub)
                              .success(finished).failure(failed).progress(on_progress)
                              .publishes(Topic.AUDIT).run())
        progress.canceled.connect(op.cancel)
        self._export_op = op
        return op

    def closeEvent(self, event: Any) -> None:
        if self._export_op is not None:
            self._export_op.cancel()
        super().closeEvent(event)


def _build(ctx: AppContext) -> QWidget:
    return CustomersScreen(ctx)


SPEC = register(ScreenSpec(
    key="customers",
    title=QT_TRANSLATE_NOOP("Screens", "Customers"),
    permission=Permission.VIEW_CUSTOMERS,
    factory=_build,
    order=40,
))
