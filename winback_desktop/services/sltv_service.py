"""SLTV per customer: the explain breakdown and the bulk recompute (DESIGN §2).

``customers.sltv_minor`` uses the default model parameters; each campaign's tasks carry
the value under that campaign's parameters. An imported SLTV, when present, overrides
the model in both places (the explain shows both).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

import numpy as np
import numpy.typing as npt
from sqlalchemy import Index, Table, bindparam, func, select
from sqlalchemy.orm import Session

from winback_desktop.core import segmentation, sltv
from winback_desktop.core.errors import NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import CallTask, Campaign, Customer
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit, segmentation_service, settings
from winback_desktop.services.context import Actor, refuse

CHUNK = 100_000
#: from this many rows a SQLite recompute rebuilds the affected indexes instead
REBUILD_INDEXES_FROM = 50_000
#: SQLite page cache during a bulk recompute (KiB)
RECOMPUTE_CACHE_KIB = 262_144

_CU = cast(Table, Customer.__table__)
_TA = cast(Table, CallTask.__table__)


#: global setting: the parameters customers are valued with outside any campaign
DEFAULT_PARAMS_KEY = "sltv_params"


def default_raw_params(session: Session) -> dict[str, Any]:
    """The model parameters valid outside any campaign, as stored (may be empty)."""
    return dict(settings.get(session, DEFAULT_PARAMS_KEY) or {})


def params_for(session: Session, campaign_id: int | None) -> sltv.SltvParams:
    """A campaign's parameters; parameters it leaves out take the global defaults."""
    raw = default_raw_params(session)
    if campaign_id is not None:
        raw |= dict(session.scalar(select(Campaign.sltv_params)
                                   .where(Campaign.id == campaign_id)) or {})
    return parse_params(raw)


def parse_params(raw: dict[str, Any] | None) -> sltv.SltvParams:
    """Campaign parameters, checked: a typo must not silently rank every customer."""
    try:
        params = sltv.SltvParams.from_mapping(raw)
        params = replace(params, retention_rate=float(params.retention_rate),
                         discount_rate=float(params.discount_rate),
                         horizon_years=int(params.horizon_years),
                         margin_rate=float(params.margin_rate),
                         win_back_cost_minor=int(params.win_back_cost_minor),
                         contact_cost_minor=int(params.contact_cost_minor))
    except (TypeError, ValueError) as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Invalid SLTV parameters: {detail}"),
                              detail=str(exc)) from exc
    if not (0 <= params.retention_rate <= 1 and -1 < params.discount_rate <= 10
            and 1 <= params.horizon_years <= 50 and 0 <= params.margin_rate <= 1
            and params.win_back_cost_minor >= 0 and params.contact_cost_minor >= 0):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Invalid SLTV parameters: {detail}"),
            detail="0≤r≤1, -1<d≤10, 1≤T≤50, 0≤margin rate≤1, costs ≥ 0")
    return params


def _default_campaign(session: Session, customer_id: int) -> int | None:
    """The campaign whose task of this customer is the most recent open one."""
    return session.scalar(
        select(CallTask.campaign_id).where(CallTask.customer_id == customer_id)
        .order_by(CallTask.updated_at.desc(), CallTask.id.desc()).limit(1))


def explain_customer(session: Session, actor: Actor, customer_id: int,
                     campaign_id: int | None = None) -> sltv.SltvExplanation:
    """Every term of the customer's SLTV under the campaign's parameters.

    ``defaulted`` lists the customer inputs that were missing (``margin``, ``revenue``)
    and the model parameters the campaign left at their defaults.
    """
    from winback_desktop.services.customer_card import check_access

    check_access(session, actor, customer_id)
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(what=str(customer_id))
    raw = default_raw_params(session)
    if campaign_id is not None:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise NotFound(what=str(campaign_id))
        raw |= dict(campaign.sltv_params or {})
    params = parse_params(raw)
    result = sltv.explain(customer.annual_margin_minor, customer.annual_revenue_minor, params,
                          imported_sltv_minor=customer.sltv_imported_minor)
    given = set(raw)
    defaulted = list(result.defaulted) + [
        name for name in sltv.SltvParams.__dataclass_fields__ if name not in given]
    return replace(result, defaulted=defaulted)


@dataclass(frozen=True, slots=True)
class CustomerSltv:
    """A customer's SLTV explained, with the tier and segment it gives them."""

    customer_id: int
    external_id: str | None
    name: str
    tier: str
    segment: str
    explanation: sltv.SltvExplanation
    #: P(win) of the customer's next call and its expected value (services.win_model)
    chance: Any = None

    @property
    def unvalued(self) -> bool:
        """No spend data and no imported SLTV: the model cannot value the customer."""
        return self.explanation.ranking_minor is None

    def as_dict(self) -> dict[str, Any]:
        return self.explanation.as_dict() | {
            "customer_id": self.customer_id, "external_id": self.external_id,
            "tier": self.tier, "segment": self.segment, "unvalued": self.unvalued,
        } | (self.chance.as_dict() if self.chance is not None else {})


def explain_for(db: Database, actor: Actor, customer_key: str,
                campaign_key: str | None = None) -> CustomerSltv:
    """``explain_customer`` for a customer id or external id and a campaign name or id."""
    from winback_desktop.services import win_model  # (it values with this module)
    from winback_desktop.services.campaigns import get_by_name
    from winback_desktop.services.customer_card import find_customer

    with db.session() as s:
        customer = find_customer(s, customer_key)
        campaign_id = get_by_name(s, campaign_key).id if campaign_key else None
        result = explain_customer(s, actor, customer.id, campaign_id)
        tier, segment = segmentation.classify(
            result.ranking_minor, customer.defection_reason,
            segmentation_service.get_thresholds(s), segmentation_service.get_grid(s))
        return CustomerSltv(customer.id, customer.external_id, customer.name, tier, segment,
                            result, win_model.explain(s, actor, customer.id, campaign_id))


# ------------------------------------------------------------------ bulk recompute


def _segments(tiers: npt.NDArray[Any], reasons: Sequence[str],
              grid: dict[tuple[str, str], str]) -> list[str | None]:
    return [grid.get((t, r)) for t, r in zip(tiers.tolist(), reasons, strict=True)]


def _write(session: Session, backend: str, table: Table,
           rows: list[tuple[int, int, str, str | None]], *, bump_version: bool) -> None:
    """Bulk ``UPDATE … SET sltv_minor, sltv_tier, segment WHERE id``: executemany on
    SQLite, COPY into a temporary table and one joined UPDATE on PostgreSQL."""
    if not rows:
        return
    name = table.name
    conn = session.connection()
    if backend == "postgresql":
        raw: Any = conn.connection.driver_connection
        with raw.cursor() as cur:
            cur.execute("CREATE TEMP TABLE IF NOT EXISTS _sltv_new (id bigint PRIMARY KEY, "
                        "sltv bigint, tier varchar(10), segment varchar(20)) ON COMMIT DROP")
            cur.execute("TRUNCATE _sltv_new")
            with cur.copy("COPY _sltv_new (id, sltv, tier, segment) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            bump = ", version_id = t.version_id + 1" if bump_version else ""
            cur.execute(f"UPDATE {name} AS t SET sltv_minor = n.sltv, sltv_tier = n.tier, "
                        f"segment = n.segment{bump} FROM _sltv_new n WHERE t.id = n.id")
        return
    dbapi: Any = conn.connection.dbapi_connection
    cur = dbapi.cursor()
    cur.executemany(
        f"UPDATE {name} SET sltv_minor = ?, sltv_tier = ?, segment = ?"
        f"{', version_id = version_id + 1' if bump_version else ''} WHERE id = ?",
        ((v, t, s, i) for i, v, t, s in rows))
    cur.close()


def _may_revalue(actor: Actor) -> None:
    if not (actor.can(Permission.MANAGE_CAMPAIGNS) or actor.can(Permission.IMPORT_CUSTOMERS)
            or actor.can(Permission.MANAGE_SEGMENTATION)):
        refuse(None, actor, "_may_revalue")


def recompute(db: Database, actor: Actor, campaign_id: int | None = None,
              customer_ids: Sequence[int] | None = None,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Recompute SLTV, tier and segment in bulk; returns how many rows changed.

    Without ``campaign_id``: customers (all, or ``customer_ids``) under the default
    parameters, then every campaign's tasks of those customers under that campaign's
    parameters. With ``campaign_id``: that campaign's tasks only (after its
    parameters changed). Rows are read in id order in chunks, computed with numpy and
    written back only where something changed; then the tasks' queue states follow
    (``segmentation_service.resegment_customers``).
    """
    _may_revalue(actor)
    with db.session() as session:
        if db.backend == "sqlite":
            # Index pages of a million-row table do not fit SQLite's default 2 MB
            # cache; the rewrite touches them in SLTV order, i.e. at random.
            session.connection().exec_driver_sql(f"PRAGMA cache_size=-{RECOMPUTE_CACHE_KIB}")
        changed, total = revalue(session, campaign_id=campaign_id, customer_ids=customer_ids,
                                 progress=progress)
        if db.backend == "sqlite":
            session.connection().exec_driver_sql("PRAGMA cache_size=-2000")
        audit.record(session, actor, "sltv_recomputed", "campaign" if campaign_id else "customers",
                     campaign_id, after={"rows_changed": changed, "rows": total,
                                         "customers": len(set(customer_ids))
                                         if customer_ids else None, "at": utcnow()})
    return changed


def revalue(session: Session, *, campaign_id: int | None = None,
            customer_ids: Sequence[int] | None = None,
            progress: Callable[[int, int], None] | None = None
            ) -> tuple[int, int]:
    """``recompute`` inside the caller's transaction (an import, a campaign change).

    Returns (rows changed, rows looked at). The caller checks permission and audits.
    """
    report = progress or (lambda _d, _t: None)
    backend = session.get_bind().dialect.name
    thresholds = segmentation_service.get_thresholds(session)
    grid = segmentation_service.get_grid(session)
    defaults = default_raw_params(session)
    campaigns = {cid: parse_params(defaults | dict(raw or {})) for cid, raw in
                 session.execute(select(Campaign.id, Campaign.sltv_params))}
    if campaign_id is not None and campaign_id not in campaigns:
        raise NotFound(what=str(campaign_id))
    ids_filter = sorted(set(customer_ids)) if customer_ids is not None else None
    total = _count(session, campaign_id, ids_filter)
    report(0, total)
    customers_out = _Changes(_CU, bump_version=True)
    tasks_out = _Changes(_TA, bump_version=False)
    if campaign_id is None:
        _recompute_customers(session, backend, parse_params(defaults), ids_filter,
                             thresholds, grid, report, total, customers_out)
    for cid, params in campaigns.items():
        if campaign_id is not None and cid != campaign_id:
            continue
        _recompute_tasks(session, backend, cid, params, ids_filter, thresholds, grid,
                         tasks_out)
    session.flush()
    changed = customers_out.flush(session, backend) + tasks_out.flush(session, backend)
    segmentation_service.resegment_customers(
        session, ids_filter, campaign_id=campaign_id, thresholds=thresholds, grid=grid)
    report(total, total)
    return changed, total


def _drop_sltv_indexes(session: Session, tables: list[Any]) -> list[Index]:
    """Drop the indexes a recompute rewrites (SLTV, tier, segment); returns them so
    they are re-created, exactly as the models define them, before commit."""
    touched = ("sltv_minor", "sltv_tier", "segment")
    dropped = []
    for table in tables:
        for index in sorted(table.indexes, key=lambda ix: ix.name or ""):
            names = {c.name for c in index.columns}
            clause = index.dialect_options["sqlite"].get("where")
            where = "" if clause is None else str(clause)
            if names & set(touched) or any(t in where for t in touched):
                index.drop(session.connection())
                dropped.append(index)
    return dropped


def _count(session: Session, campaign_id: int | None, ids: list[int] | None) -> int:
    if ids is not None:
        return len(ids)
    if campaign_id is not None:
        return session.scalar(select(func.count()).select_from(CallTask)
                              .where(CallTask.campaign_id == campaign_id)) or 0
    return session.scalar(select(func.count()).select_from(Customer)) or 0


_CUSTOMER_PAGE = (
    "SELECT id, annual_margin_minor, annual_revenue_minor, sltv_imported_minor, "
    "defection_reason, sltv_minor, sltv_tier, segment FROM customers "
    "WHERE id > {ph} ORDER BY id LIMIT {n}")
_TASK_PAGE = (
    "SELECT t.id, c.annual_margin_minor, c.annual_revenue_minor, c.sltv_imported_minor, "
    "t.defection_reason, t.sltv_minor, t.sltv_tier, t.segment FROM call_tasks t "
    "JOIN customers c ON c.id = t.customer_id WHERE {plus}t.campaign_id = {ph} "
    "AND t.id > {ph} ORDER BY t.id LIMIT {n}")


def _pages(session: Session, backend: str, template: str, *prefix: Any
           ) -> Iterator[Sequence[Any]]:
    """Keyset pages read through the driver (no per-row type processing: a million
    rows must not cost seconds of Python before any computing starts)."""
    # SQLite: "+" keeps the planner on the primary key (walking by id) instead of the
    # campaign index plus a sort of the whole campaign for every page.
    sql = template.format(ph="?" if backend == "sqlite" else "%s", n=CHUNK,
                          plus="+" if backend == "sqlite" else "")
    cursor: Any = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    last = 0
    while True:
        cursor.execute(sql, (*prefix, last))
        rows = cursor.fetchall()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def _chunks(session: Session, stmt: Any, key: Any, ids: list[int]
            ) -> Iterator[Sequence[Any]]:
    """Pages of ``stmt`` for an explicit id list (after an import)."""
    for start in range(0, len(ids), 5_000):
        part = ids[start:start + 5_000]
        yield session.execute(stmt.where(key.in_(part)).order_by(key)).all()


def _recompute_customers(session: Session, backend: str, params: sltv.SltvParams,
                         ids: list[int] | None, thresholds: dict[str, int],
                         grid: dict[tuple[str, str], str],
                         report: Callable[[int, int], None], total: int,
                         out: _Changes) -> None:
    stmt = select(_CU.c.id, _CU.c.annual_margin_minor, _CU.c.annual_revenue_minor,
                  _CU.c.sltv_imported_minor, _CU.c.defection_reason, _CU.c.sltv_minor,
                  _CU.c.sltv_tier, _CU.c.segment)
    done = 0
    pages = (_chunks(session, stmt, _CU.c.id, ids) if ids is not None
             else _pages(session, backend, _CUSTOMER_PAGE))
    for rows in pages:
        out.add(_changed_rows(rows, params, thresholds, grid))
        done += len(rows)
        report(done, total)


def _recompute_tasks(session: Session, backend: str, campaign_id: int,
                     params: sltv.SltvParams, ids: list[int] | None,
                     thresholds: dict[str, int], grid: dict[tuple[str, str], str],
                     out: _Changes) -> None:
    stmt = (select(_TA.c.id, _CU.c.annual_margin_minor, _CU.c.annual_revenue_minor,
                   _CU.c.sltv_imported_minor, _TA.c.defection_reason, _TA.c.sltv_minor,
                   _TA.c.sltv_tier, _TA.c.segment)
            .join_from(_TA, _CU, _CU.c.id == _TA.c.customer_id)
            .where(_TA.c.campaign_id == campaign_id))
    if ids is not None:
        stmt = stmt.where(_TA.c.customer_id.in_(bindparam("ids", expanding=True)))
        for start in range(0, len(ids), 5_000):
            rows = session.execute(stmt, {"ids": ids[start:start + 5_000]}).all()
            out.add(_changed_rows(rows, params, thresholds, grid, unknown_as=0))
        return
    for rows in _pages(session, backend, _TASK_PAGE, campaign_id):
        out.add(_changed_rows(rows, params, thresholds, grid, unknown_as=0))


class _Changes:
    """Changed rows of one table, kept as arrays until every page has been read; then
    written in one go. A SQLite rewrite of a large share of a big table drops the
    SLTV/segment indexes first and rebuilds them (a sort), which is several times
    faster than updating them row by row at random places."""

    def __init__(self, table: Table, *, bump_version: bool) -> None:
        self.table = table
        self.bump_version = bump_version
        self.parts: list[tuple[Any, Any, Any, Any]] = []

    def add(self, part: tuple[Any, Any, Any, Any] | None) -> None:
        if part is not None and len(part[0]):
            self.parts.append(part)

    def __len__(self) -> int:
        return sum(len(p[0]) for p in self.parts)

    def rows(self) -> list[tuple[int, int, str, str | None]]:
        out: list[tuple[int, int, str, str | None]] = []
        for ids, values, tiers, segments in self.parts:
            out.extend(zip(ids.tolist(), values.tolist(), tiers.tolist(), segments.tolist(),
                           strict=True))
        return out

    def flush(self, session: Session, backend: str) -> int:
        count = len(self)
        if not count:
            return 0
        rebuilt: list[Index] = []
        if backend == "sqlite" and count >= REBUILD_INDEXES_FROM:
            size = session.scalar(select(func.count()).select_from(self.table)) or 0
            if count * 5 >= size:  # a fifth of the table or more
                rebuilt = _drop_sltv_indexes(session, [self.table])
        _write(session, backend, self.table, self.rows(), bump_version=self.bump_version)
        for index in rebuilt:
            index.create(session.connection())
        self.parts.clear()
        return count


def _changed_rows(rows: Sequence[Any], params: sltv.SltvParams, thresholds: dict[str, int],
                  grid: dict[tuple[str, str], str], *, unknown_as: int | None = None
                  ) -> tuple[Any, Any, Any, Any] | None:
    """(ids, sltv, tier, segment) arrays of the rows whose values change.

    An unknown SLTV (no spend data) is stored as ``unknown_as``: NULL on customers, 0 on
    tasks (whose ordering column is never NULL); its tier is the unvalued tier.
    """
    if not rows:
        return None
    ids, margins, revenues, imported, reasons, old_v, old_t, old_s = zip(*rows, strict=True)
    # None → NaN through object arrays (C loops, no per-row Python)
    margin = np.array(margins, dtype=object).astype(np.float64)
    revenue = np.array(revenues, dtype=object).astype(np.float64)
    given = np.array(imported, dtype=object).astype(np.float64)
    values = np.where(np.isnan(given), sltv.compute_many(margin, revenue, params), given)
    tiers = segmentation.tier_many(values, thresholds)
    segments = np.array(_segments(tiers, reasons, grid), dtype=object)
    if unknown_as is not None:
        values = np.where(np.isnan(values), float(unknown_as), values)
    old = np.array(old_v, dtype=object).astype(np.float64)
    same_value = (values == old) | (np.isnan(values) & np.isnan(old))
    differs = (~same_value | (tiers != np.array(old_t, dtype=object))
               | (segments != np.array(old_s, dtype=object)))
    where = np.flatnonzero(differs)
    ids_arr = np.array(ids, dtype=np.int64)
    changed = values[where]
    unknown = np.isnan(changed)
    stored: Any = changed.astype(np.int64) if not unknown.any() else np.array(
        [None if u else int(v) for v, u in zip(changed.tolist(), unknown.tolist(),
                                                strict=True)], dtype=object)
    return ids_arr[where], stored, tiers[where], segments[where]
