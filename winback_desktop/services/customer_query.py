"""Filtered, sorted, paged reads of the customers table for views of up to ~1M rows.

The customers screen never loads the whole table: it asks for the row count once per
filter and then for pages (``LIMIT``/``OFFSET``) as the user scrolls, sorted on the
server by an indexed column. Query shapes are chosen so that every page of 200 rows
comes from an index walk, not from sorting the table:

* each sortable column maps to an index (``SORTS``), with ``id`` as the tie-break so
  that paging is stable;
* SQLite has no statistics unless someone runs ``ANALYZE``, and without them it
  believes ``status = 'lost'`` is selective, walks the status index over 60% of the
  table and sorts the result (2 s at 1M rows). Low-cardinality filters are therefore
  wrapped in ``likelihood(…, 0.5)`` for pages (so the planner walks the sort index and
  filters as it goes) and kept off the index for multi-filter counts. PostgreSQL keeps
  real statistics and gets the plain conditions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, and_, func, literal_column, or_, select, true
from sqlalchemy.orm import Session

from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import CallTask, Customer, CustomerPhone
from winback_desktop.services.context import Actor, require


@dataclass(frozen=True)
class CustomerFilter:
    """What the user narrowed the customer list to; ``None``/empty means "any"."""

    status: str | None = None
    defection_reason: str | None = None
    sltv_tier: str | None = None
    campaign_id: int | None = None
    import_batch_id: int | None = None
    #: free text matched against name, external id and phone numbers
    search: str = ""

    def with_(self, **changes: Any) -> CustomerFilter:
        return replace(self, **changes)

    @property
    def is_empty(self) -> bool:
        return self == CustomerFilter()


class CustomerRow(NamedTuple):
    """One line of the customer list: only what the table shows."""

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
    annual_revenue_minor: int | None
    currency: str
    city: str | None
    last_purchase_date: date | None
    import_batch_id: int | None
    do_not_call: bool


#: Sort key → ORDER BY columns (each backed by an index; ``id`` keeps paging stable).
#: The SLTV tier is derived from the SLTV value, so sorting by tier sorts by value.
SORTS: dict[str, tuple[Any, ...]] = {
    "id": (Customer.id,),
    "external_id": (Customer.external_id, Customer.id),
    "name": (Customer.name, Customer.id),
    "status": (Customer.status, Customer.sltv_minor, Customer.id),
    "defection_reason": (Customer.defection_reason, Customer.sltv_tier, Customer.id),
    "defection_date": (Customer.defection_date, Customer.id),
    "sltv_minor": (Customer.sltv_minor, Customer.id),
    "sltv_tier": (Customer.sltv_minor, Customer.id),
    "segment": (Customer.segment, Customer.id),
    "import_batch_id": (Customer.import_batch_id, Customer.id),
}
DEFAULT_SORT = "sltv_minor"

_PRIMARY_PHONE = (
    select(func.coalesce(CustomerPhone.e164, CustomerPhone.raw))
    .where(CustomerPhone.customer_id == Customer.id)
    .order_by(CustomerPhone.is_primary.desc(), CustomerPhone.id)
    .limit(1)
    .correlate(Customer)
    .scalar_subquery()
)

_ROW_COLUMNS = (
    Customer.id, Customer.external_id, Customer.name, _PRIMARY_PHONE.label("phone"),
    Customer.status, Customer.defection_reason, Customer.defection_date,
    Customer.sltv_minor, Customer.sltv_tier, Customer.segment,
    Customer.annual_revenue_minor, Customer.currency, Customer.city,
    Customer.last_purchase_date, Customer.import_batch_id, Customer.do_not_call,
)


def _phone_digits(text: str) -> str | None:
    """The digits of a search that looks like a phone number, else ``None``.

    Leading zeros (national trunk prefix, ``00`` international prefix) are dropped so
    that ``07700 900001`` finds ``+447700900001``.
    """
    stripped = "".join(ch for ch in text if ch not in " -()+.")
    if len(stripped) < 3 or not stripped.isdigit():
        return None
    return stripped.lstrip("0") or None


def _search_condition(text: str, dialect: str) -> ColumnElement[bool]:
    """Customers whose name, external id or phone contains ``text``.

    A contains-search cannot use an index; it is written as ``id IN (one scan)`` so
    the scan runs once and the sort index is then walked by id only (no lookups).
    SQLite's LIKE already ignores ASCII case; PostgreSQL needs ILIKE.
    """
    text = text.strip()

    def contains(column: Any) -> ColumnElement[bool]:
        if dialect == "sqlite":
            return column.contains(text, autoescape=True)  # type: ignore[no-any-return]
        return column.icontains(text, autoescape=True)  # type: ignore[no-any-return]

    matches: Any = select(Customer.id).where(
        or_(contains(Customer.name), contains(Customer.external_id)))
    digits = _phone_digits(text)
    if digits:
        matches = matches.union(select(CustomerPhone.customer_id).where(
            CustomerPhone.e164.contains(digits, autoescape=True)))
    return Customer.id.in_(matches)


def _conditions(filt: CustomerFilter, dialect: str, *, for_count: bool) -> list[Any]:
    """WHERE terms, shaped for SQLite's statistics-free planner (see module doc)."""
    enum_terms = [
        (Customer.status, filt.status),
        (Customer.defection_reason, filt.defection_reason),
        (Customer.sltv_tier, filt.sltv_tier),
    ]
    enums = [(col, value) for col, value in enum_terms if value]
    others: list[Any] = []
    if filt.import_batch_id is not None:
        others.append(Customer.import_batch_id == filt.import_batch_id)
    if filt.campaign_id is not None:
        others.append(Customer.id.in_(
            select(CallTask.customer_id).where(CallTask.campaign_id == filt.campaign_id)))
    if filt.search.strip():
        others.append(_search_condition(filt.search, dialect))
    terms: list[Any] = []
    if dialect != "sqlite":
        terms = [col == value for col, value in enums]
    elif for_count:
        # One enum alone counts on its (covering) index; reason + tier share one
        # composite index. Any other mix costs a table lookup per index entry, which is
        # slower than one sequential scan, so those terms are kept off their indexes.
        alone = len(enums) == 1 and not others
        keys = {col.key for col, _ in enums}
        composite = {"defection_reason", "sltv_tier"} <= keys
        for col, value in enums:
            if alone or (composite and col.key in ("defection_reason", "sltv_tier")):
                terms.append(col == value)
            else:
                terms.append(col.concat("") == value)
    else:
        terms = [func.likelihood(col == value, literal_column("0.5")) for col, value in enums]
    return terms + others


def _where(stmt: Select[Any], terms: Sequence[Any]) -> Select[Any]:
    return stmt.where(and_(true(), *terms)) if terms else stmt


def count_customers(session: Session, actor: Actor, filt: CustomerFilter) -> int:
    """How many customers match ``filt`` (the row count of the list)."""
    require(actor, Permission.VIEW_CUSTOMERS)
    dialect = session.get_bind().dialect.name
    stmt = _where(select(func.count()).select_from(Customer),
                  _conditions(filt, dialect, for_count=True))
    return int(session.scalar(stmt) or 0)


def fetch_page(
    session: Session,
    actor: Actor,
    filt: CustomerFilter,
    sort_column: str = DEFAULT_SORT,
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> list[CustomerRow]:
    """Rows ``offset`` … ``offset + limit`` of the filtered list in the given order."""
    require(actor, Permission.VIEW_CUSTOMERS)
    dialect = session.get_bind().dialect.name
    columns = SORTS.get(sort_column, SORTS[DEFAULT_SORT])
    order = [c.desc() for c in columns] if descending else [c.asc() for c in columns]
    stmt = _where(select(*_ROW_COLUMNS), _conditions(filt, dialect, for_count=False))
    stmt = stmt.order_by(*order).offset(max(0, offset)).limit(max(0, limit))
    return [CustomerRow(*row) for row in session.execute(stmt)]



# ------------------------------------------------------------------------ export
# Provisional exporter so the screen works before the import/export engine lands;
# the engine's ``export_customers`` (styled, formats, widths) replaces it on merge.

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export_customers(
    db: Any,
    actor: Actor,
    filt: CustomerFilter,
    path: Any,
    fmt: str = "xlsx",
    progress: Any = None,
    cancel: Any = None,
    sort_column: str = DEFAULT_SORT,
    descending: bool = True,
) -> int:
    """Write the filtered customers to ``path`` (.xlsx or .csv); returns the row count."""
    import csv
    import os
    from pathlib import Path

    import xlsxwriter

    require(actor, Permission.EXPORT_DATA)
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    headers = ["external_id", "name", "phone", "status", "defection_reason",
               "defection_date", "sltv", "sltv_tier", "segment", "annual_revenue",
               "currency", "city", "last_purchase_date", "import_batch_id"]
    with db.session() as session:
        total = count_customers(session, actor, filt)
        dialect = session.get_bind().dialect.name
        columns = SORTS.get(sort_column, SORTS[DEFAULT_SORT])
        order = [c.desc() for c in columns] if descending else [c.asc() for c in columns]
        stmt = _where(select(*_ROW_COLUMNS), _conditions(filt, dialect, for_count=False))
        result = session.execute(stmt.order_by(*order).execution_options(yield_per=2000))
        done = 0

        def rows() -> Any:
            nonlocal done
            for r in result:
                if cancel and done % 1000 == 0 and cancel():
                    from winback_desktop.core.errors import WinbackError

                    raise WinbackError("Cancelled; nothing was changed.")
                done += 1
                if progress and done % 2000 == 0:
                    progress(done, total)
                yield [r.external_id, r.name, r.phone, r.status, r.defection_reason,
                       r.defection_date, None if r.sltv_minor is None else r.sltv_minor / 100,
                       r.sltv_tier, r.segment,
                       None if r.annual_revenue_minor is None
                       else r.annual_revenue_minor / 100,
                       r.currency, r.city, r.last_purchase_date, r.import_batch_id]

        try:
            if fmt == "csv":
                with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                    writer = csv.writer(fh)
                    writer.writerow(headers)
                    for row in rows():
                        writer.writerow([_safe(v) for v in row])
            else:
                book = xlsxwriter.Workbook(str(tmp), {"constant_memory": True})
                sheet = book.add_worksheet("customers")
                date_fmt = book.add_format({"num_format": "yyyy-mm-dd"})
                sheet.write_row(0, 0, headers, book.add_format({"bold": True}))
                n = 0
                for n, row in enumerate(rows(), start=1):
                    for j, v in enumerate(row):
                        if isinstance(v, date):
                            sheet.write_datetime(n, j, v, date_fmt)
                        elif isinstance(v, str):
                            sheet.write_string(n, j, v)
                        elif v is not None:
                            sheet.write(n, j, v)
                sheet.freeze_panes(1, 0)
                sheet.autofilter(0, 0, max(n, 1), len(headers) - 1)
                book.close()
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    if progress:
        progress(done, total)
    return done
