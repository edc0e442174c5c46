"""Purchase histories read for the risk scan, and each customer's rhythm kept current.

A customer's recency, frequency, spend and typical gap (``purchase_stats``) are
recomputed from their purchases after every purchase import (only the customers it
touched) and by every risk scan (everyone). ``customers.last_purchase_date`` and
``purchase_count`` follow, so the customers screen and the card agree with the
history.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

import numpy as np
from sqlalchemy import ARRAY, BigInteger, Table, any_, bindparam, delete, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from winback_desktop.core import risk
from winback_desktop.core.permissions import Permission
from winback_desktop.db import bulk
from winback_desktop.db.models import Customer, Purchase, PurchaseStats
from winback_desktop.db.types import utcnow
from winback_desktop.services.context import Actor, require

EPOCH = date(1970, 1, 1)
_STATS = cast(Table, PurchaseStats.__table__)
_STATS_COLUMNS = ("customer_id", "first_purchase_on", "last_purchase_on", "purchases",
                  "spend_minor", "typical_gap_days", "p_alive", "updated_at")
#: rows per statement when ids are sent as one array/JSON parameter
_ID_CHUNK = 5_000


def day_number(value: date) -> int:
    return (value - EPOCH).days


def day_date(number: int) -> date:
    return EPOCH + timedelta(days=int(number))


def _day_sql(dialect: str) -> str:
    if dialect == "postgresql":
        return "(purchased_on - DATE '1970-01-01')"
    return "CAST(julianday(purchased_on) - 2440587.5 AS INTEGER)"


def read_histories(conn: Connection, customer_ids: Sequence[int] | None = None
                   ) -> risk.Histories:
    """Every purchase (or those of ``customer_ids``) as :class:`risk.Histories`.

    One ordered read through the covering index ``ix_purchases_history`` on the
    DB-API cursor: a million rows come back in about a second.
    """
    dialect = conn.dialect.name
    day = _day_sql(dialect)
    base = f"SELECT customer_id, {day}, amount_minor FROM purchases"
    order = " ORDER BY customer_id, purchased_on"
    raw = conn.connection.driver_connection
    cursor = raw.cursor()  # type: ignore[union-attr]
    rows: list[tuple[int, int, int]] = []
    try:
        if customer_ids is None:
            cursor.execute(base + order)
            rows = cursor.fetchall()
        else:
            ids = sorted(set(customer_ids))
            for start in range(0, len(ids), _ID_CHUNK):
                part = ids[start:start + _ID_CHUNK]
                if dialect == "postgresql":
                    cursor.execute(base + " WHERE customer_id = ANY(%s)" + order, (part,))
                else:
                    cursor.execute(base + " WHERE customer_id IN (SELECT value FROM "
                                   "json_each(?))" + order, (json.dumps(part),))
                rows += cursor.fetchall()
    finally:
        cursor.close()
    if not rows:
        return risk.Histories.from_rows([], [], [])
    data = np.array(rows, dtype=np.int64)
    return risk.Histories.from_rows(data[:, 0], data[:, 1], data[:, 2])


@dataclass(frozen=True, slots=True)
class StatsRow:
    customer_id: int
    first_purchase_on: date
    last_purchase_on: date
    purchases: int
    spend_minor: int
    typical_gap_days: float | None
    p_alive: float | None


def stats_rows(h: risk.Histories, rh: risk.Rhythm,
               alive: np.ndarray | None = None) -> list[StatsRow]:
    out: list[StatsRow] = []
    gaps = rh.typical_gap.tolist()
    alive_list = alive.tolist() if alive is not None else [None] * h.size
    for cid, first, last, n, spend, gap, p in zip(
            h.customer_ids.tolist(), rh.first_day.tolist(), rh.last_day.tolist(),
            rh.purchases.tolist(), rh.spend.tolist(), gaps, alive_list, strict=True):
        out.append(StatsRow(cid, day_date(first), day_date(last), n, spend,
                            None if gap != gap else round(gap, 1), p))
    return out


def write_stats(session: Session, rows: list[StatsRow], *, everyone: bool = False,
                customer_ids: Iterable[int] = ()) -> int:
    """Replace the stats of ``customer_ids`` (or of ``everyone``) with ``rows``; sync the
    customers' last purchase date and purchase count. Returns customers changed."""
    conn = session.connection()
    if everyone:
        session.execute(delete(PurchaseStats))
    else:
        ids = sorted(set(customer_ids) | {r.customer_id for r in rows})
        for start in range(0, len(ids), _ID_CHUNK):
            session.execute(delete(PurchaseStats).where(
                PurchaseStats.customer_id.in_(ids[start:start + _ID_CHUNK])))
    now = utcnow()
    values = [[r.customer_id, r.first_purchase_on, r.last_purchase_on, r.purchases,
               r.spend_minor, r.typical_gap_days, r.p_alive, now] for r in rows]
    bulk.process_rows(bulk.bind_processors(conn.dialect, _STATS, _STATS_COLUMNS), values)
    for start in range(0, len(values), 20_000):
        bulk.insert_rows(conn, _STATS, _STATS_COLUMNS, values[start:start + 20_000])
    return _sync_customers(session, rows, now)


def _sync_customers(session: Session, rows: list[StatsRow], now: datetime) -> int:
    """Customers whose last purchase date or count differ from their history follow it
    (their version moves on, so an older import of them can no longer be undone)."""
    if not rows:
        return 0
    wanted = {r.customer_id: (r.last_purchase_on, r.purchases) for r in rows}
    ids = list(wanted)
    changed: list[dict[str, Any]] = []
    postgres = session.get_bind().dialect.name == "postgresql"
    for start in range(0, len(ids), _ID_CHUNK):
        part = ids[start:start + _ID_CHUNK]
        cond = (Customer.id == any_(bindparam("ids", part, type_=ARRAY(BigInteger)))
                if postgres else Customer.id.in_(part))
        for cid, last, count in session.execute(
                select(Customer.id, Customer.last_purchase_date, Customer.purchase_count)
                .where(cond)):
            want = wanted[cid]
            if (last, count) != want:
                changed.append({"b_id": cid, "b_last": want[0], "b_count": want[1]})
    if changed:
        table = cast(Table, Customer.__table__)
        stmt = (update(table).where(table.c.id == bindparam("b_id"))
                .values(last_purchase_date=bindparam("b_last"),
                        purchase_count=bindparam("b_count"), updated_at=now,
                        version_id=table.c.version_id + 1))
        session.connection().execute(stmt, changed)
    return len(changed)


def refresh(session: Session, customer_ids: Iterable[int]) -> int:
    """Recompute the rhythm of ``customer_ids`` from their purchases (after an import
    or an undo). P(alive) is left to the next scan."""
    ids = sorted(set(customer_ids))
    if not ids:
        return 0
    h = read_histories(session.connection(), ids)
    rows = stats_rows(h, risk.rhythm(h))
    return write_stats(session, rows, customer_ids=ids)


# ------------------------------------------------------------------------ reading


@dataclass(frozen=True, slots=True)
class CustomerHistory:
    customer_id: int
    stats: StatsRow | None
    #: spend per 30-day month, oldest first, ending today (for the sparkline)
    monthly_spend: list[int]
    recent: list[tuple[date, int, str | None, str | None]]


def customer_history(session: Session, actor: Actor, customer_id: int,
                     today: date | None = None, months: int = 12) -> CustomerHistory:
    """A customer's rhythm, monthly spend and last purchases, for the card and screens."""
    require(actor, Permission.VIEW_CUSTOMERS)
    today = today or date.today()
    st = session.get(PurchaseStats, customer_id)
    stats = None if st is None else StatsRow(
        st.customer_id, st.first_purchase_on, st.last_purchase_on, st.purchases,
        st.spend_minor, st.typical_gap_days, st.p_alive)
    since = today - timedelta(days=30 * months)
    rows = session.execute(
        select(Purchase.purchased_on, Purchase.amount_minor, Purchase.order_id,
               Purchase.product)
        .where(Purchase.customer_id == customer_id, Purchase.purchased_on > since)
        .order_by(Purchase.purchased_on.desc(), Purchase.id.desc())).all()
    days = np.array([day_number(r[0]) for r in rows], dtype=np.int64)
    amounts = np.array([r[1] for r in rows], dtype=np.int64)
    spend = risk.monthly_spend(days, amounts, day_number(today), months)
    return CustomerHistory(customer_id, stats, spend,
                           [(r[0], int(r[1]), r[2], r[3]) for r in rows[:20]])


def monthly_spend_many(session: Session, customer_ids: Sequence[int], today: date,
                       months: int = 12) -> dict[int, list[int]]:
    """Sparkline data for a page of customers in one read."""
    ids = sorted(set(customer_ids))
    out = {cid: [0] * months for cid in ids}
    if not ids:
        return out
    since = today - timedelta(days=30 * months)
    as_of = day_number(today)
    for cid, when, amount in session.execute(
            select(Purchase.customer_id, Purchase.purchased_on, Purchase.amount_minor)
            .where(Purchase.customer_id.in_(ids), Purchase.purchased_on > since,
                   Purchase.purchased_on <= today)):
        back = (as_of - day_number(when)) // 30
        if 0 <= back < months:
            out[cid][months - 1 - back] += int(amount)
    return out
