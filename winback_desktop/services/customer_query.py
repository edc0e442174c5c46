"""Filtering, paging and exporting the customer list (customers screen and CLI).

The customers screen never loads the whole table: it asks for the row count once per
filter and then for pages (``LIMIT``/``OFFSET``) of light tuples as the user scrolls,
sorted on the server. Query shapes are chosen so a page of 200 rows at 1M customers
comes from an index walk, not from sorting the table:

* each sortable column the screen offers is indexed; ``id`` breaks ties so paging is
  stable (``SORT_ORDERS`` adds the composite index's second column where one exists);
* SQLite has no statistics unless someone runs ``ANALYZE``; without them it believes
  ``status = 'lost'`` is selective, walks the status index over 60% of the table and
  sorts the result (2 s at 1M rows). Low-cardinality filters are therefore wrapped in
  ``likelihood(…, 0.5)`` for pages (the planner walks the sort index and filters as it
  goes) and kept off their indexes for multi-filter counts (one sequential scan beats a
  table lookup per index entry). PostgreSQL keeps statistics and gets plain terms;
* free text is ``id IN (one scan of name/ID substrings UNION indexed phone prefixes)``,
  so the scan runs once and the sort index is then walked by id alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Select, func, literal_column, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import CallTask, Customer, CustomerPhone
from winback_desktop.db.session import Database
from winback_desktop.io import values as v
from winback_desktop.io.xlsx_export import Column, write_table
from winback_desktop.services import audit, export_labels
from winback_desktop.services.context import Actor, require

Values = str | Sequence[str] | None


@dataclass(frozen=True, slots=True)
class CustomerFilter:
    """What the customers screen and ``winback export customers`` narrow the list by."""

    status: Values = None
    defection_reason: Values = None
    sltv_tier: Values = None
    segment: Values = None
    campaign_id: int | None = None
    import_batch_id: int | None = None
    text: str | None = None
    #: region used to read a phone number typed into the search box
    phone_region: str = "CN"

    def is_empty(self) -> bool:
        return not any((self.status, self.defection_reason, self.sltv_tier, self.segment,
                        self.campaign_id, self.import_batch_id, (self.text or "").strip()))


class CustomerRow(NamedTuple):
    id: int
    external_id: str | None
    name: str
    phone: str | None
    status: str
    defection_reason: str
    defection_date: date | None
    sltv_minor: int | None
    sltv_tier: str | None
    segment: str | None
    city: str | None
    annual_revenue_minor: int | None
    last_purchase_date: date | None
    import_batch_id: int | None
    updated_at: datetime
    currency: str = "CNY"
    do_not_call: bool = False


ROW_FIELDS: tuple[str, ...] = CustomerRow._fields

#: Columns the list can be sorted by (server side).
SORTABLE: dict[str, Any] = {
    "id": Customer.id,
    "external_id": Customer.external_id,
    "name": Customer.name,
    "status": Customer.status,
    "defection_reason": Customer.defection_reason,
    "defection_date": Customer.defection_date,
    "sltv_minor": Customer.sltv_minor,
    "sltv_tier": Customer.sltv_tier,
    "segment": Customer.segment,
    "city": Customer.city,
    "annual_revenue_minor": Customer.annual_revenue_minor,
    "last_purchase_date": Customer.last_purchase_date,
    "import_batch_id": Customer.import_batch_id,
    "updated_at": Customer.updated_at,
}

#: ORDER BY for sort keys whose index is composite (the index order, then id).
SORT_ORDERS: dict[str, tuple[Any, ...]] = {
    "status": (Customer.status, Customer.sltv_minor, Customer.id),
    "defection_reason": (Customer.defection_reason, Customer.sltv_tier, Customer.id),
    # the tier is derived from the SLTV value: sorting by tier sorts by value
    "sltv_tier": (Customer.sltv_minor, Customer.id),
}
DEFAULT_SORT = "sltv_minor"

MAX_PAGE = 5_000


def _order(sort_column: str, descending: bool) -> list[Any]:
    if sort_column not in SORTABLE:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Cannot sort by '{column}'."),
                              column=sort_column)
    columns = SORT_ORDERS.get(sort_column)
    if columns is None:
        columns = ((Customer.id,) if sort_column == "id"
                   else (SORTABLE[sort_column], Customer.id))
    return [c.desc() for c in columns] if descending else [c.asc() for c in columns]


def _as_list(value: Values) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [p for p in (x.strip() for x in value.split(",")) if p]
    return [str(x) for x in value if x]


def _prefix(column: Any, text: str) -> ColumnElement[bool]:
    """Indexed prefix match: ``column >= text AND column < text + U+FFFF``."""
    return (column >= text) & (column < text + "\uffff")


def _phone_candidates(text: str, region: str) -> set[str]:
    """E.164 prefixes a phone-like search can match (indexed), else an empty set."""
    digits = re.sub(r"[\s\-().]", "", text)
    if not re.fullmatch(r"\+?\d{3,}", digits):
        return set()
    candidates = {digits if digits.startswith("+") else "+" + digits}
    try:
        parsed = v.parse_phone(text, region)
    except v.ValueProblem:
        parsed = None
    if parsed is not None:
        candidates.add(parsed[0])
    if not digits.startswith("+"):
        candidates.add(v.phone_prefix(region) + digits.lstrip("0"))
    return candidates


def _text_condition(text: str, region: str, dialect: str) -> ColumnElement[bool]:
    """Name containing ``text``, or a customer ID / phone starting with it.

    IDs and phones are matched by prefix on their indexes (instant); only the name
    needs a scan, and a search with digits (an ID or a phone) skips it. SQLite's LIKE already
    ignores ASCII case; PostgreSQL needs ILIKE.
    """
    ids = {text, text.upper()}
    matches: Any = select(Customer.id).where(
        or_(*(_prefix(Customer.external_id, t) for t in sorted(ids))))
    candidates = _phone_candidates(text, region)
    if candidates:
        matches = matches.union(select(CustomerPhone.customer_id).where(
            or_(*(_prefix(CustomerPhone.e164, c) for c in sorted(candidates)))))
    elif not any(ch.isdigit() for ch in text):  # names have no digits; IDs do
        name = (Customer.name.contains(text, autoescape=True) if dialect == "sqlite"
                else Customer.name.icontains(text, autoescape=True))
        matches = matches.union(select(Customer.id).where(name))
    return Customer.id.in_(matches)


def _conditions(filt: CustomerFilter, dialect: str = "postgresql", *,
                for_count: bool = False) -> list[ColumnElement[bool]]:
    """WHERE terms, shaped for SQLite's statistics-free planner (see module doc)."""
    enums: list[tuple[Any, list[str]]] = []
    for column, value in ((Customer.status, filt.status),
                          (Customer.defection_reason, filt.defection_reason),
                          (Customer.sltv_tier, filt.sltv_tier),
                          (Customer.segment, filt.segment)):
        items = _as_list(value)
        if items:
            enums.append((column, items))
    others: list[ColumnElement[bool]] = []
    if filt.import_batch_id is not None:
        others.append(Customer.import_batch_id == filt.import_batch_id)
    if filt.campaign_id is not None:
        others.append(Customer.id.in_(select(CallTask.customer_id)
                                      .where(CallTask.campaign_id == filt.campaign_id)))
    text = v.clean_text(filt.text or "")
    if text:
        others.append(_text_condition(text, filt.phone_region, dialect))

    def term(column: Any, items: list[str], *, use_index: bool = True) -> Any:
        target = column if use_index else column.concat("")
        return target == items[0] if len(items) == 1 else target.in_(items)

    where: list[Any] = []
    if dialect != "sqlite":
        where = [term(c, i) for c, i in enums]
    elif for_count:
        # One enum alone counts on its (covering) index; reason + tier share one
        # composite index. Other mixes cost a table lookup per index entry, slower than
        # one sequential scan, so those terms stay off their indexes.
        alone = len(enums) == 1 and not others
        keys = {c.key for c, _ in enums}
        composite = {"defection_reason", "sltv_tier"} <= keys
        for column, items in enums:
            indexed = alone or (composite and column.key in ("defection_reason", "sltv_tier"))
            where.append(term(column, items, use_index=indexed))
    else:
        where = [func.likelihood(term(c, i), literal_column("0.5")) for c, i in enums]
    return where + others


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _primary_phone() -> Any:
    return (select(CustomerPhone.e164)
            .where(CustomerPhone.customer_id == Customer.id)
            .order_by(CustomerPhone.is_primary.desc(), CustomerPhone.id)
            .limit(1).scalar_subquery())


def _row_select() -> Select[Any]:
    return select(Customer.id, Customer.external_id, Customer.name,
                  _primary_phone().label("phone"), Customer.status,
                  Customer.defection_reason, Customer.defection_date, Customer.sltv_minor,
                  Customer.sltv_tier, Customer.segment, Customer.city,
                  Customer.annual_revenue_minor, Customer.last_purchase_date,
                  Customer.import_batch_id, Customer.updated_at, Customer.currency,
                  Customer.do_not_call)


def count_customers(session: Session, actor: Actor, filt: CustomerFilter | None = None) -> int:
    require(actor, Permission.VIEW_CUSTOMERS)
    stmt = select(func.count()).select_from(Customer).where(
        *_conditions(filt or CustomerFilter(), _dialect(session), for_count=True))
    return int(session.scalar(stmt) or 0)


def load_page(db: Database, actor: Actor, filt: CustomerFilter | None, sort_column: str,
              descending: bool, offset: int, limit: int) -> list[CustomerRow]:
    """One page of the customers table as its own read (the model fetches pages lazily)."""
    with db.session() as session:
        return fetch_page(session, actor, filt, sort_column, descending, offset, limit)


def load_count(db: Database, actor: Actor, filt: CustomerFilter | None = None) -> int:
    """How many customers match the filter, as its own read."""
    with db.session() as session:
        return count_customers(session, actor, filt)


def fetch_page(
    session: Session,
    actor: Actor,
    filt: CustomerFilter | None = None,
    sort_column: str = DEFAULT_SORT,
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> list[CustomerRow]:
    """One window of the filtered, sorted list as light tuples.

    Two steps: the ids of the window (``ORDER BY … OFFSET … LIMIT`` over the sort
    index alone, so skipping 999,800 rows reads index entries only), then those rows
    with their primary phone. PostgreSQL would otherwise compute every selected column,
    phone subquery included, for each skipped row.
    """
    require(actor, Permission.VIEW_CUSTOMERS)
    limit = max(0, min(limit, MAX_PAGE))
    dialect = _dialect(session)
    ids_stmt = (select(Customer.id)
                .where(*_conditions(filt or CustomerFilter(), dialect))
                .order_by(*_order(sort_column, descending))
                .offset(max(0, offset)).limit(limit))
    ids = list(session.scalars(ids_stmt))
    if not ids:
        return []
    rows = session.execute(_row_select().where(Customer.id.in_(ids)))
    by_id = {row[0]: row for row in rows}
    return [CustomerRow(*by_id[i]) for i in ids if i in by_id]


# ---------------------------------------------------------------------------- export

EXPORT_COLUMNS: tuple[tuple[str, str, str], ...] = (
    # (column, header marked for translation, kind). Every imported field is here, so an
    # export imports back unchanged; the import ignores the derived columns (SLTV by the
    # model, tier, treatment, batch, last change) by their headers.
    ("external_id", QT_TRANSLATE_NOOP("Export", "Customer ID"), "text"),
    ("name", QT_TRANSLATE_NOOP("Export", "Name"), "text"),
    ("phone", QT_TRANSLATE_NOOP("Export", "Phone"), "phone"),
    ("phone2", QT_TRANSLATE_NOOP("Export", "Second phone"), "phone"),
    ("email", QT_TRANSLATE_NOOP("Export", "E-mail"), "text"),
    ("status", QT_TRANSLATE_NOOP("Export", "Status"), "status"),
    ("defection_reason", QT_TRANSLATE_NOOP("Export", "Defection reason"), "reason"),
    ("defection_date", QT_TRANSLATE_NOOP("Export", "Defection date"), "date"),
    ("reason_note", QT_TRANSLATE_NOOP("Export", "Reason note"), "text"),
    ("competitor", QT_TRANSLATE_NOOP("Export", "Competitor"), "text"),
    ("annual_revenue_minor", QT_TRANSLATE_NOOP("Export", "Annual revenue"), "money"),
    ("annual_margin_minor", QT_TRANSLATE_NOOP("Export", "Annual margin"), "money"),
    ("currency", QT_TRANSLATE_NOOP("Export", "Currency"), "text"),
    ("sltv_imported_minor", QT_TRANSLATE_NOOP("Export", "SLTV (imported)"), "money"),
    ("sltv_minor", QT_TRANSLATE_NOOP("Export", "SLTV (model)"), "money"),
    ("sltv_tier", QT_TRANSLATE_NOOP("Export", "SLTV tier"), "tier"),
    ("segment", QT_TRANSLATE_NOOP("Export", "Treatment"), "treatment"),
    ("last_purchase_date", QT_TRANSLATE_NOOP("Export", "Last purchase date"), "date"),
    ("purchase_count", QT_TRANSLATE_NOOP("Export", "Purchase count"), "int"),
    ("complaints", QT_TRANSLATE_NOOP("Export", "Complaints"), "int"),
    ("overdue_invoices", QT_TRANSLATE_NOOP("Export", "Overdue invoices"), "int"),
    ("downgrade", QT_TRANSLATE_NOOP("Export", "Downgrade"), "text"),
    ("city", QT_TRANSLATE_NOOP("Export", "City"), "text"),
    ("timezone", QT_TRANSLATE_NOOP("Export", "Time zone"), "text"),
    ("preferred_language", QT_TRANSLATE_NOOP("Export", "Language"), "language"),
    ("do_not_call", QT_TRANSLATE_NOOP("Export", "Do not call"), "yes_no"),
    ("import_batch_id", QT_TRANSLATE_NOOP("Export", "Import batch"), "int"),
    ("updated_at", QT_TRANSLATE_NOOP("Export", "Last changed (UTC)"), "datetime"),
)


SHEET_NAME = QT_TRANSLATE_NOOP("Export", "Customers")


def _identity(_context: str, text: str) -> str:
    return text


def export_customers(
    db: Database,
    actor: Actor,
    filt: CustomerFilter | None,
    path: str | Path,
    fmt: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Any = None,
    *,
    sort_column: str = "id",
    descending: bool = False,
    translate: Callable[[str, str], str] | None = None,
) -> int:
    """Write the filtered list to .xlsx (default) or .csv; returns the rows written."""
    require(actor, Permission.EXPORT_DATA)
    filt = filt or CustomerFilter()
    fmt = (fmt or Path(path).suffix.lstrip(".") or "xlsx").lower()
    if fmt not in ("xlsx", "csv"):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Unknown export format '{format}': use xlsx or csv."), format=fmt)
    tr = translate or _identity
    # coded values become words: a dict per column, looked up per cell
    words = [(i, export_labels.labels(kind, tr)) for i, (_c, _h, kind)
             in enumerate(EXPORT_COLUMNS) if kind in export_labels.BY_KIND]
    columns = [Column(tr("Export", header), "text" if kind in export_labels.BY_KIND else kind)
               for _c, header, kind in EXPORT_COLUMNS]
    order = _order(sort_column, descending)
    names = [c for c, _h, _k in EXPORT_COLUMNS]
    selected = [(_primary_phone().label("phone") if c == "phone" else
                 _primary_phone().offset(1).label("phone2") if c == "phone2" else
                 getattr(Customer, c)) for c in names]
    with db.session() as session:
        stmt = (select(*selected).where(*_conditions(filt, _dialect(session)))
                .order_by(*order))
        total = count_customers(session, actor, filt)

        def rows() -> Iterator[Sequence[Any]]:
            result = session.execute(stmt.execution_options(yield_per=5_000))
            for partition in result.partitions():
                for row in partition:
                    cells = list(row)
                    for i, table in words:
                        value = cells[i]
                        if value is not None:
                            cells[i] = table.get(value, value)
                    yield cells

        written = write_table(path, columns, rows(), fmt=fmt, total=total, progress=progress,
                              cancel=cancel, **({"sheet_name": tr("Export", SHEET_NAME)}
                                                if fmt == "xlsx" else {}))
        audit.record(session, actor, "customers_exported", "customer", None,
                     after={"rows": written, "format": fmt, "file": Path(path).name,
                            "filter": {k: getattr(filt, k) for k in (
                                "status", "defection_reason", "sltv_tier", "segment",
                                "campaign_id", "import_batch_id", "text")}})
    return written

