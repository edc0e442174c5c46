"""Purchase histories through the import engine (``importing.run_import(kind="purchases")``).

The engine reads, validates, tallies and reports as for customer lists (same wizard,
limits, error report, all-or-nothing or valid rows only, undo); this module supplies
what differs for purchases:

* each row is matched to a customer in the reading thread: by customer ID, else by a
  phone that belongs to exactly one customer; a row nobody matches is rejected with
  its reason;
* each purchase gets a ``dedupe_key`` (its order ID, numbered when an order has several
  lines; without one: date, amount and product, numbered when repeated), unique per
  customer, so importing the same file again adds nothing;
* the customers it touched get their rhythm recomputed in the same transaction, and
  undo removes the batch's purchases and recomputes them again;
* both ask for an early-warning scan in that transaction (``risk.request_scan``), so
  the scan is due until one has read the new history, even if the scan that follows
  the import never runs to its end.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ARRAY, String, Table, any_, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.db.models import Customer, CustomerPhone, ImportBatch, Purchase
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.io.rows import Issue, ParsedRow
from winback_desktop.services import audit, purchase_history, risk
from winback_desktop.services.context import Actor

KIND = "purchases"
_PURCHASES = cast(Table, Purchase.__table__)

NO_CUSTOMER_ID = QT_TRANSLATE_NOOP("Errors", "No customer has the ID '{value}'.")
NO_CUSTOMER_PHONE = QT_TRANSLATE_NOOP("Errors", "No customer has the phone {value}.")
SHARED_PHONE = QT_TRANSLATE_NOOP(
    "Errors", "The phone {value} belongs to several customers: give the customer ID.")


# ------------------------------------------------------------------------ matching


def _ids_by_external_id(session: Session, ids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    postgres = session.get_bind().dialect.name == "postgresql"
    for start in range(0, len(ids), 5000):
        part = ids[start:start + 5000]
        if postgres:
            rows = session.execute(
                select(Customer.external_id, func.min(Customer.id))
                .where(Customer.external_id == any_(bindparam("ids", part,
                                                              type_=ARRAY(String))))
                .group_by(Customer.external_id))
        else:
            rows = session.connection().exec_driver_sql(
                "SELECT external_id, min(id) FROM customers WHERE external_id IN "
                "(SELECT value FROM json_each(?)) GROUP BY external_id",
                (json.dumps(part, ensure_ascii=False),))
        found.update({str(ext): int(cid) for ext, cid in rows})
    return found


def _ids_by_phone(session: Session, phones: list[str]) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for start in range(0, len(phones), 900):
        part = phones[start:start + 900]
        for e164, cid in session.execute(
                select(CustomerPhone.e164, CustomerPhone.customer_id)
                .where(CustomerPhone.e164.in_(part))):
            found.setdefault(str(e164), set()).add(int(cid))
    return found


def match_customers(session: Session, rows: list[ParsedRow]) -> None:
    """Set ``values["customer_id"]`` on each row, or add the reason it has none."""
    ext_ids = list({r.external_id for r in rows if r.external_id})
    by_id = _ids_by_external_id(session, ext_ids) if ext_ids else {}
    phones = list({r.phones[0][0] for r in rows if not r.external_id and r.phones})
    by_phone = _ids_by_phone(session, phones) if phones else {}
    for r in rows:
        if not r.ok:
            continue
        ext = r.external_id
        if ext:
            cid = by_id.get(ext)
            if cid is None:
                r.issues.append(Issue(r.row, "", NO_CUSTOMER_ID, {"value": ext}))
            else:
                r.values["customer_id"] = cid
            continue
        if not r.phones:
            continue
        e164, raw = r.phones[0]
        owners = by_phone.get(e164, set())
        if not owners:
            r.issues.append(Issue(r.row, "", NO_CUSTOMER_PHONE, {"value": raw or e164}))
        elif len(owners) > 1:
            r.issues.append(Issue(r.row, "", SHARED_PHONE, {"value": raw or e164}))
        else:
            r.values["customer_id"] = next(iter(owners))


# ---------------------------------------------------------------- engine parts


class PurchasePreparer:
    """The reading thread's side: matches each chunk's rows to customers before they
    are tallied, on a read-only session of its own (SQLite's WAL lets it read while the
    writer holds the write lock)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.ready = threading.Event()
        self.constants: list[Any] = []

    def begin(self, batch_id: int, now: datetime,
              id_source: Callable[[int], list[int]] | None = None) -> None:
        del batch_id, now, id_source
        self.ready.set()

    def check(self, chunk: list[ParsedRow]) -> None:
        with self.db.session() as s:
            match_customers(s, chunk)

    def prepare(self, rows: list[ParsedRow], *, reserve_ids: bool = True
                ) -> tuple[list[list[Any]], list[list[Any]]]:
        del rows, reserve_ids
        return [], []


def dedupe_key(values: dict[str, Any], seen: Counter[tuple[Any, ...]]) -> str:
    """The row's identity among its customer's purchases (see the module docstring)."""
    cid = values["customer_id"]
    order = values.get("order_id")
    if order:
        base: tuple[Any, ...] = (cid, "o", order)
        text = f"o:{order}"
    else:
        when = values["purchased_on"].isoformat()
        product = values.get("product") or ""
        base = (cid, "r", when, values["amount"], product)
        text = f"r:{when}|{values['amount']}|{product}"
    seen[base] += 1
    n = seen[base]
    key = text if n == 1 else f"{text}#{n}"
    return key[:400]


class PurchaseJob:
    """The writer thread's side: one batch, purchases inserted unless already known."""

    def __init__(self, session: Session, actor: Actor, rows: Any, result: Any, *,
                 valid_only: bool, preparer: PurchasePreparer, **_options: Any) -> None:
        self.s = session
        self.actor = actor
        self.rows = rows
        self.result = result
        self.valid_only = valid_only
        self.preparer = preparer
        self.now = utcnow()
        self.batch_id = 0
        self.seen: Counter[tuple[Any, ...]] = Counter()
        self.touched: set[int] = set()

    def start(self) -> None:
        self.batch_id = self.s.execute(insert(ImportBatch).values(
            file_name=self.rows.file_name[:500], sheet=self.rows.sheet[:200], mode="insert",
            kind=KIND, status="running", user_id=self.actor.user_id, started_at=self.now,
            mapping={"fields": dict(self.rows.mapping), "header_row": self.rows.header_row,
                     "valid_only": self.valid_only},
        ).returning(ImportBatch.id)).scalar_one()
        self.result.batch_id = self.batch_id
        self.preparer.begin(self.batch_id, self.now)

    def consume(self, batch: Any) -> None:
        if self.result.rejected and not self.valid_only:
            return  # nothing will commit; the reader keeps validating for the report
        records = []
        for r in batch.good:
            v = r.values
            records.append({
                "customer_id": v["customer_id"], "purchased_on": v["purchased_on"],
                "amount_minor": v["amount"], "order_id": v.get("order_id"),
                "product": v.get("product"), "dedupe_key": dedupe_key(v, self.seen),
                "import_batch_id": self.batch_id, "created_at": self.now})
        if not records:
            return
        dialect = self.s.get_bind().dialect.name
        maker = postgresql.insert if dialect == "postgresql" else sqlite.insert
        stmt = maker(_PURCHASES).on_conflict_do_nothing(
            index_elements=["customer_id", "dedupe_key"]).returning(_PURCHASES.c.customer_id)
        # executemany: SQLAlchemy batches the rows into multi-row INSERTs itself
        # ("insertmanyvalues") from one cached compilation; ``stmt.values(rows)`` compiled
        # 2,000 rows of parameters anew every time (2 ms a row on SQLite)
        conn = self.s.connection()
        added = [cid for part in _parts(records, 2000)
                 for (cid,) in conn.execute(stmt, part)]
        self.touched.update(added)
        self.result.inserted += len(added)
        self.result.unchanged += len(records) - len(added)

    def finish(self) -> None:
        r = self.result
        purchase_history.refresh(self.s, self.touched)
        if r.inserted:
            risk.request_scan(self.s)
        self.s.execute(update(ImportBatch).where(ImportBatch.id == self.batch_id).values(
            status="done", finished_at=utcnow(), rows=r.rows, inserted=r.inserted,
            updated=0, rejected=r.rejected))
        audit.record(self.s, self.actor, "purchases_imported", "import_batch", self.batch_id,
                     after={"file": r.file_name, "sheet": r.sheet, "rows": r.rows,
                            "inserted": r.inserted, "unchanged": r.unchanged,
                            "rejected": r.rejected, "customers": len(self.touched),
                            "valid_only": self.valid_only})


def _parts(records: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    return [records[i:i + size] for i in range(0, len(records), size)]


# ------------------------------------------------------------------------------ undo


def undo_batch(session: Session, actor: Actor, batch: ImportBatch) -> tuple[int, int]:
    """Remove the batch's purchases and recompute the rhythm of their customers.

    Returns (purchases removed, customers recomputed).
    """
    customers = list(session.scalars(select(Purchase.customer_id).where(
        Purchase.import_batch_id == batch.id).distinct()))
    removed = session.scalar(select(func.count()).select_from(Purchase).where(
        Purchase.import_batch_id == batch.id)) or 0
    session.execute(delete(Purchase).where(Purchase.import_batch_id == batch.id))
    purchase_history.refresh(session, customers)
    if removed:
        risk.request_scan(session)
    now = utcnow()
    batch.undone_at = now
    batch.status = "undone"
    audit.record(session, actor, "import_batch_undone", "import_batch", batch.id,
                 before={"inserted": batch.inserted},
                 after={"purchases_removed": removed, "customers": len(customers)})
    return int(removed), len(customers)
