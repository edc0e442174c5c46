"""A lazy Qt table model over the customers table that opens instantly at 1M rows.

No maintained Qt model over SQLAlchemy exists (DESIGN §11), so this one is small and
hand-written:

* the row count comes from one ``COUNT`` per filter, run in the background;
* rows come in pages of ``page_size`` fetched in the background only when ``data()``
  is asked for a row that is not cached (so only what the view paints is loaded),
  kept in an LRU of ``max_pages`` pages;
* one page fetch runs at a time; pending requests are served newest first and the
  queue is short, so dragging the scrollbar through a million rows loads the pages
  where it stops, not every page it passed;
* sorting and filtering happen on the server (``ORDER BY`` an indexed column); a new
  filter or sort bumps a generation number so late results of the old query are
  dropped.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.services import customer_query
from winback_desktop.services.customer_query import CustomerFilter, CustomerRow
from winback_desktop.ui.kit.service_op import OpControl, ServiceOp
from winback_desktop.ui.screens.customers import labels
from winback_desktop.ui.shell.context import AppContext

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    #: English header, marked under the ``CustomersModel`` context
    title: str
    #: server-side sort key (``customer_query.SORTS``) or None when not sortable
    sort: str | None
    text: Callable[[CustomerRow], str]
    align_right: bool = False
    #: first click sorts descending (values, dates) instead of ascending (names)
    descending_first: bool = False


COLUMNS: list[Column] = [
    Column("external_id", QT_TRANSLATE_NOOP("CustomersModel", "Customer ID"), "external_id",
           lambda r: r.external_id or ""),
    Column("name", QT_TRANSLATE_NOOP("CustomersModel", "Name"), "name", lambda r: r.name),
    Column("phone", QT_TRANSLATE_NOOP("CustomersModel", "Phone"), None,
           lambda r: r.phone or ""),
    Column("status", QT_TRANSLATE_NOOP("CustomersModel", "Status"), "status",
           lambda r: labels.status(r.status)),
    Column("defection_reason", QT_TRANSLATE_NOOP("CustomersModel", "Defection reason"),
           "defection_reason", lambda r: labels.reason(r.defection_reason)),
    Column("defection_date", QT_TRANSLATE_NOOP("CustomersModel", "Lost on"), "defection_date",
           lambda r: labels.day(r.defection_date), descending_first=True),
    Column("sltv", QT_TRANSLATE_NOOP("CustomersModel", "SLTV"), "sltv_minor",
           lambda r: labels.money(r.sltv_minor, r.currency, cents=False), align_right=True,
           descending_first=True),
    Column("sltv_tier", QT_TRANSLATE_NOOP("CustomersModel", "Tier"), "sltv_tier",
           lambda r: labels.tier(r.sltv_tier), descending_first=True),
    Column("segment", QT_TRANSLATE_NOOP("CustomersModel", "Treatment"), "segment",
           lambda r: labels.segment(r.segment)),
    Column("revenue", QT_TRANSLATE_NOOP("CustomersModel", "Annual revenue"), None,
           lambda r: labels.money(r.annual_revenue_minor, r.currency, cents=False),
           align_right=True),
    Column("city", QT_TRANSLATE_NOOP("CustomersModel", "City"), None, lambda r: r.city or ""),
    Column("last_purchase", QT_TRANSLATE_NOOP("CustomersModel", "Last purchase"), None,
           lambda r: labels.day(r.last_purchase_date)),
    Column("batch", QT_TRANSLATE_NOOP("CustomersModel", "Import"), "import_batch_id",
           lambda r: f"#{r.import_batch_id}" if r.import_batch_id else "",
           descending_first=True),
]
COLUMN_KEYS = [c.key for c in COLUMNS]

#: what a row shows while its page is on the way
PLACEHOLDER = "…"


class CustomersModel(QAbstractTableModel):
    """Windowed, server-sorted, server-filtered view of the customers table."""

    #: the first page of the current query is on screen (rows shown)
    firstPageLoaded = Signal(int)
    #: the exact number of matching customers is known
    countChanged = Signal(int)
    #: a background read failed (translated message)
    loadFailed = Signal(str)
    #: a page arrived (for tests and the status line)
    pageLoaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QObject | None = None, *,
                 page_size: int = 200, max_pages: int = 40, queue_limit: int = 6) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        self.max_pages = max_pages
        self.queue_limit = queue_limit
        self._filter = CustomerFilter()
        self._sort_key = customer_query.DEFAULT_SORT
        self._descending = True
        self._rows = 0
        self._count: int | None = None
        self._pages: OrderedDict[int, list[CustomerRow]] = OrderedDict()
        self._queue: OrderedDict[int, None] = OrderedDict()
        self._inflight: int | None = None
        self._generation = 0
        #: a read failed: no more page requests until the next refresh (no retry storm)
        self._broken = False
        #: offsets of every page fetch started (read by tests and the benchmark)
        self.fetch_log: list[int] = []
        # Two threads: a slow COUNT never holds up the page the user is looking at.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)

    # ------------------------------------------------------------------ Qt API

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(COLUMNS[section].title)
            if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section].align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return PLACEHOLDER if row is None else column.text(row)
        if row is None:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.do_not_call:
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.ToolTipRole and row.do_not_call:
            return self.tr("Do not call")
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].sort if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._sort_key and descending == self._descending:
            return
        self._sort_key, self._descending = key, descending
        self.refresh(keep_count=True)

    # -------------------------------------------------------------- public API

    @property
    def filter(self) -> CustomerFilter:
        return self._filter

    @property
    def sort_key(self) -> str:
        return self._sort_key

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def exact_count(self) -> int | None:
        return self._count

    def sort_column(self) -> int:
        """The column showing the current sort (for the header's indicator)."""
        for i, column in enumerate(COLUMNS):
            if column.sort == self._sort_key:
                return i
        return -1

    def set_filter(self, filt: CustomerFilter) -> None:
        if filt != self._filter:
            self._filter = filt
            self.refresh()

    def row_at(self, row: int) -> CustomerRow | None:
        """The row if its page is cached; otherwise ask for the page and return None."""
        if row < 0 or row >= self._rows:
            return None
        page_no, offset = divmod(row, self.page_size)
        page = self._pages.get(page_no)
        if page is None:
            self._want(page_no)
            return None
        self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def cached_row(self, row: int) -> CustomerRow | None:
        """The row if cached, without triggering a fetch."""
        page = self._pages.get(row // self.page_size)
        if page is None:
            return None
        offset = row % self.page_size
        return page[offset] if offset < len(page) else None

    def is_loading(self) -> bool:
        if self._broken:
            return False
        return self._inflight is not None or bool(self._queue) or self._count is None

    def refresh(self, *, keep_count: bool = False) -> None:
        """Drop every cached page and start the current query again.

        A new sort order keeps the row count (same rows, other order): only pages are
        fetched again, not the COUNT.
        """
        self._generation += 1
        self._broken = False
        self.beginResetModel()
        self._pages.clear()
        self._queue.clear()
        self._inflight = None
        if not (keep_count and self._count is not None):
            self._rows = 0
            self._count = None
        self.endResetModel()
        if self._count is None:
            self._start_count()
        self._want(0)

    # ---------------------------------------------------------- page fetching

    def _want(self, page_no: int) -> None:
        if self._broken or page_no == self._inflight or page_no in self._pages:
            return
        self._queue[page_no] = None
        self._queue.move_to_end(page_no)
        while len(self._queue) > self.queue_limit:
            self._queue.popitem(last=False)
        if self._inflight is None:
            self._next()

    def _next(self) -> None:
        while self._queue:
            page_no, _ = self._queue.popitem(last=True)
            if page_no not in self._pages:
                self._fetch(page_no)
                return

    def _fetch(self, page_no: int) -> None:
        generation = self._generation
        self._inflight = page_no
        filt, key, desc = self._filter, self._sort_key, self._descending
        offset, limit = page_no * self.page_size, self.page_size
        self.fetch_log.append(offset)
        db, actor = self.ctx.db, self.ctx.actor

        def work(_ctl: OpControl) -> list[CustomerRow]:
            return customer_query.load_page(db, actor, filt, key, desc, offset, limit)

        self._run(work, lambda rows: self._page_arrived(generation, page_no, rows),
                  lambda exc: self._failed(generation, exc))

    def _page_arrived(self, generation: int, page_no: int, rows: list[CustomerRow]) -> None:
        if generation != self._generation:
            return
        self._inflight = None
        self._pages[page_no] = rows
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        first = page_no * self.page_size
        end = first + len(rows)
        if self._count is None:
            # Until COUNT answers, show what we have (+1 page if this one was full).
            if len(rows) < self.page_size:
                self._set_count(end)
            elif end > self._rows:
                self._resize(end)
        if rows:
            last = min(end, self._rows) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0),
                                      self.index(last, len(COLUMNS) - 1))
        self.pageLoaded.emit(page_no)
        if page_no == 0:
            self.firstPageLoaded.emit(len(rows))
        self._next()

    def _start_count(self) -> None:
        generation = self._generation
        filt, db, actor = self._filter, self.ctx.db, self.ctx.actor

        def work(_ctl: OpControl) -> int:
            return customer_query.load_count(db, actor, filt)

        self._run(work, lambda n: self._count_arrived(generation, n),
                  lambda exc: self._failed(generation, exc))

    def _count_arrived(self, generation: int, count: int) -> None:
        if generation == self._generation:
            self._set_count(count)

    def _set_count(self, count: int) -> None:
        self._count = count
        self._resize(count)
        self.countChanged.emit(count)

    def _resize(self, rows: int) -> None:
        if rows > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, rows - 1)
            self._rows = rows
            self.endInsertRows()
        elif rows < self._rows:
            self.beginRemoveRows(QModelIndex(), rows, self._rows - 1)
            self._rows = rows
            self.endRemoveRows()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._inflight = None
        self._broken = True
        self._queue.clear()
        self.loadFailed.emit(labels.error_text(exc))

    def _run(self, work: Callable[[OpControl], Any], ok: Callable[[Any], None],
             fail: Callable[[BaseException], None]) -> None:
        # reads only: nothing to publish (hub=None); the model's own pool of two threads
        # keeps a scrolling table from starving the rest of the app
        ServiceOp(self, work, hub=None).success(ok).failure(
            lambda error: fail(error.error)).run(self._pool)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Block until background reads finish (tests, benchmarks, shutdown)."""
        return self._pool.waitForDone(msecs)
