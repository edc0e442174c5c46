"""Filtering, paging and exporting the customer list (customers screen and CLI).

Pages are light tuples, not ORM objects, fetched with ``LIMIT/OFFSET`` and a stable
``ORDER BY <column>, id``: the customers screen asks for the window it shows. Filters
use the indexed columns (status, reason/tier, import batch, external id, phone) so count
and first page stay instant at a million customers; free text matches the ID and phone
by indexed prefix and the name by substring.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import CallTask, Customer, CustomerPhone
from winback_desktop.db.session import Database
from winback_desktop.io import values as v
from winback_desktop.io.xlsx_export import (
    XLSX_MAX_ROWS,
    Column,
    TooManyRowsForExcel,
    write_table,
)
from winback_desktop.services import audit
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

MAX_PAGE = 5_000


def _as_list(value: Values) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [p for p in (x.strip() for x in value.split(",")) if p]
    return [str(x) for x in value if x]


def _prefix(column: Any, text: str) -> ColumnElement[bool]:
    """Indexed prefix match: ``column >= text AND column < text + U+FFFF``."""
    return (column >= text) & (column < text + "\uffff")


def _conditions(filt: CustomerFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    for column, value in ((Customer.status, filt.status),
                          (Customer.defection_reason, filt.defection_reason),
                          (Customer.sltv_tier, filt.sltv_tier),
                          (Customer.segment, filt.segment)):
        items = _as_list(value)
        if len(items) == 1:
            where.append(column == items[0])
        elif items:
            where.append(column.in_(items))
    if filt.import_batch_id is not None:
        where.append(Customer.import_batch_id == filt.import_batch_id)
    if filt.campaign_id is not None:
        where.append(exists().where(CallTask.customer_id == Customer.id,
                                    CallTask.campaign_id == filt.campaign_id))
    text = v.clean_text(filt.text or "")
    if text:
        options: list[ColumnElement[bool]] = [_prefix(Customer.external_id, text)]
        digits = re.sub(r"[\s\-()]", "", text)
        looks_like_phone = re.fullmatch(r"\+?\d{3,}", digits) is not None
        if not any(ch.isdigit() for ch in text):
            # Names are matched anywhere (a scan of the table); text with digits is a
            # customer ID or a phone, both found through their indexes.
            escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            options.append(Customer.name.like(f"%{escaped}%", escape="\\"))
        if looks_like_phone:
            candidates = {digits if digits.startswith("+") else "+" + digits}
            try:
                parsed = v.parse_phone(text, filt.phone_region)
            except v.ValueProblem:
                parsed = None
            if parsed is not None:
                candidates.add(parsed[0])
            if not digits.startswith("+"):
                fast = v._fast(filt.phone_region)
                candidates.add(fast.prefix + digits.lstrip("0"))
            phone_match = or_(*(_prefix(CustomerPhone.e164, c) for c in candidates))
            options.append(Customer.id.in_(select(CustomerPhone.customer_id)
                                           .where(phone_match)))
        where.append(or_(*options))
    return where


def _primary_phone() -> Any:
    return (select(CustomerPhone.e164)
            .where(CustomerPhone.customer_id == Customer.id)
            .order_by(CustomerPhone.is_primary.desc(), CustomerPhone.id)
            .limit(1).scalar_subquery())


def _rows_query(filt: CustomerFilter, sort_column: str, descending: bool) -> Select[Any]:
    if sort_column not in SORTABLE:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Cannot sort by '{column}'."),
                              column=sort_column)
    col = SORTABLE[sort_column]
    order = [col.desc(), Customer.id.desc()] if descending else [col.asc(), Customer.id.asc()]
    if sort_column == "id":
        order = order[:1]
    return (select(Customer.id, Customer.external_id, Customer.name,
                   _primary_phone().label("phone"), Customer.status,
                   Customer.defection_reason, Customer.defection_date, Customer.sltv_minor,
                   Customer.sltv_tier, Customer.segment, Customer.city,
                   Customer.annual_revenue_minor, Customer.last_purchase_date,
                   Customer.import_batch_id, Customer.updated_at)
            .where(*_conditions(filt)).order_by(*order))


def count_customers(session: Session, actor: Actor, filt: CustomerFilter | None = None) -> int:
    require(actor, Permission.VIEW_CUSTOMERS)
    stmt = select(func.count()).select_from(Customer).where(*_conditions(filt or
                                                                         CustomerFilter()))
    return int(session.scalar(stmt) or 0)


def fetch_page(
    session: Session,
    actor: Actor,
    filt: CustomerFilter | None = None,
    sort_column: str = "id",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[CustomerRow]:
    """One window of the filtered, sorted list as light tuples."""
    require(actor, Permission.VIEW_CUSTOMERS)
    limit = max(0, min(limit, MAX_PAGE))
    stmt = _rows_query(filt or CustomerFilter(), sort_column, descending)
    stmt = stmt.offset(max(0, offset)).limit(limit)
    return [CustomerRow(*row) for row in session.execute(stmt)]


# ---------------------------------------------------------------------------- export

EXPORT_COLUMNS: tuple[tuple[str, str, str], ...] = (
    # (column, header marked for translation, kind)
    ("external_id", QT_TRANSLATE_NOOP("Export", "Customer ID"), "text"),
    ("name", QT_TRANSLATE_NOOP("Export", "Name"), "text"),
    ("phone", QT_TRANSLATE_NOOP("Export", "Phone"), "phone"),
    ("email", QT_TRANSLATE_NOOP("Export", "E-mail"), "text"),
    ("status", QT_TRANSLATE_NOOP("Export", "Status"), "text"),
    ("defection_reason", QT_TRANSLATE_NOOP("Export", "Defection reason"), "text"),
    ("defection_date", QT_TRANSLATE_NOOP("Export", "Defection date"), "date"),
    ("reason_note", QT_TRANSLATE_NOOP("Export", "Reason note"), "text"),
    ("annual_revenue_minor", QT_TRANSLATE_NOOP("Export", "Annual revenue"), "money"),
    ("annual_margin_minor", QT_TRANSLATE_NOOP("Export", "Annual margin"), "money"),
    ("sltv_minor", QT_TRANSLATE_NOOP("Export", "SLTV"), "money"),
    ("sltv_tier", QT_TRANSLATE_NOOP("Export", "SLTV tier"), "text"),
    ("segment", QT_TRANSLATE_NOOP("Export", "Treatment"), "text"),
    ("last_purchase_date", QT_TRANSLATE_NOOP("Export", "Last purchase date"), "date"),
    ("purchase_count", QT_TRANSLATE_NOOP("Export", "Purchase count"), "int"),
    ("city", QT_TRANSLATE_NOOP("Export", "City"), "text"),
    ("timezone", QT_TRANSLATE_NOOP("Export", "Time zone"), "text"),
    ("preferred_language", QT_TRANSLATE_NOOP("Export", "Language"), "text"),
    ("do_not_call", QT_TRANSLATE_NOOP("Export", "Do not call"), "bool"),
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
    tx = translate or _identity
    columns = [Column(tx("Export", header), kind) for _c, header, kind in EXPORT_COLUMNS]
    if sort_column not in SORTABLE:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Cannot sort by '{column}'."),
                              column=sort_column)
    names = [c for c, _h, _k in EXPORT_COLUMNS]
    selected = [(_primary_phone().label("phone") if c == "phone" else getattr(Customer, c))
                for c in names]
    order = SORTABLE[sort_column]
    stmt = (select(*selected).where(*_conditions(filt))
            .order_by(order.desc() if descending else order.asc(), Customer.id))
    with db.session() as session:
        total = count_customers(session, actor, filt)
        if fmt == "xlsx" and total >= XLSX_MAX_ROWS:
            raise TooManyRowsForExcel(rows=f"{total:,}")

        def rows() -> Iterator[Sequence[Any]]:
            result = session.execute(stmt.execution_options(yield_per=5_000))
            for partition in result.partitions():
                yield from partition

        written = write_table(path, columns, rows(), fmt=fmt, total=total, progress=progress,
                              cancel=cancel, **({"sheet_name": tx("Export", SHEET_NAME)}
                                                if fmt == "xlsx" else {}))
        audit.record(session, actor, "customers_exported", "customer", None,
                     after={"rows": written, "format": fmt, "file": Path(path).name,
                            "filter": {k: getattr(filt, k) for k in (
                                "status", "defection_reason", "sltv_tier", "segment",
                                "campaign_id", "import_batch_id", "text")}})
    return written

