"""The win model's bulk SQL, per engine: facts from finished calls, cell counts, and
the set-based scoring of open tasks.

Counting and scoring stay in the database: facts are built by one INSERT … SELECT,
counted by GROUP BY into a few thousand cells, and a task's P(win) and expected value
are written by one joined UPDATE per range of task ids, against the small table of
published cell rates (``win_model_rates``). A task whose stored figures already equal
its cell's published rate is not written at all, so Python never sees a task row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np
from sqlalchemy import Connection

from winback_desktop.core import win_model as wm
from winback_desktop.db.models import Base

#: task states a refresh scores (claims and lists read them)
OPEN_STATUSES = ("queued", "claimed", "callback")

#: dispositions that count as a win: a win-back, or a save in a save campaign
WIN_DISPOSITIONS = ("won_back", "saved")

#: dispositions that are no try at all: a customer who never left ("still a customer,
#: just quiet") says nothing about who comes back, neither a win nor a failed try
NOT_COUNTED = ("still_customer",)

#: flat cell number = Σ index × stride over ``wm.SHAPE`` (as ``np.ravel_multi_index``)
STRIDES: tuple[int, ...] = tuple(int(np.prod(wm.SHAPE[i + 1:], dtype=np.int64))
                                 for i in range(len(wm.SHAPE)))


def _listed(values: Sequence[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _case(column: str, values: Sequence[str], fallback: str) -> str:
    """``column`` as its index in ``values`` (NULL and unknown values: ``fallback``'s)."""
    arms = " ".join(f"WHEN '{v}' THEN {i}" for i, v in enumerate(values) if v)
    return f"(CASE coalesce({column}, '') {arms} ELSE {list(values).index(fallback)} END)"


def _least(backend: str, a: str, b: str) -> str:
    return f"{'least' if backend == 'postgresql' else 'min'}({a}, {b})"


def _round(backend: str, x: str) -> str:
    """``x`` rounded half away from zero to an integer, as ``wm.round_half_away``."""
    if backend == "postgresql":
        return f"CAST(trunc(({x}) + sign({x}) * CAST(0.5 AS double precision)) AS bigint)"
    return f"CAST(({x}) + (CASE WHEN ({x}) < 0 THEN -0.5 ELSE 0.5 END) AS INTEGER)"


# ------------------------------------------------------------------ facts and counts


def _fact_rows(backend: str, after: int, fresh: bool = False, flag: bool = False) -> str:
    """SELECT of the facts missing for counted calls with ``id > after``: the cell of
    the call's task as it is now, the attempt number the call's place among the task's
    finished calls (counted or not), the age from the call's own day. ``fresh``: no
    fact exists yet, so every finished call is numbered and none is looked up; ``flag``:
    ``won`` as the facts' boolean rather than 0 / 1."""
    pg = backend == "postgresql"
    days = ("(CAST((c.started_at AT TIME ZONE 'UTC') AS date) - t.defection_date)" if pg
            else "CAST(julianday(date(c.started_at)) - julianday(t.defection_date) AS INTEGER)")
    won = (f"CASE WHEN c.disposition IN ({_listed(WIN_DISPOSITIONS)}) THEN 1 ELSE 0 END")
    arms = " ".join(f"WHEN x.days <= {bound} THEN {i}" for i, bound in enumerate(wm.AGE_BOUNDS))
    not_counted = _listed(NOT_COUNTED)
    # only the tasks with a counted call that has no fact yet need numbering; the
    # window function keeps ``x`` from being flattened, so ``days`` is computed once
    return (
        "SELECT x.id, x.campaign_id, x.kind, x.reason, x.tier, x.segment, "
        f"{_least(backend, 'x.n', str(wm.MAX_ATTEMPT))}, "
        f"CASE WHEN x.days IS NULL THEN {wm.AGE_UNKNOWN} {arms} "
        f"ELSE {len(wm.AGE_BOUNDS)} END, {'x.won <> 0' if flag and pg else 'x.won'}, x.at FROM ("
        "SELECT c.id, t.campaign_id, k.kind, coalesce(t.defection_reason, 'unknown') AS reason, "
        "coalesce(t.sltv_tier, '') AS tier, coalesce(t.segment, '') AS segment, "
        "row_number() OVER (PARTITION BY c.task_id ORDER BY c.id) AS n, "
        f"{days} AS days, {won} AS won, "
        "coalesce(c.ended_at, c.started_at) AS at, c.disposition "
        "FROM calls c JOIN call_tasks t ON t.id = c.task_id "
        "JOIN campaigns k ON k.id = t.campaign_id "
        "WHERE c.disposition IS NOT NULL" + ("" if fresh else
        " AND c.task_id IN (SELECT n.task_id FROM calls n "
        f"WHERE n.id > {after} AND n.disposition IS NOT NULL "
        f"AND n.disposition NOT IN ({not_counted}) AND n.task_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM win_model_facts g WHERE g.call_id = n.id))")
        + f") x WHERE x.id > {after} AND x.disposition NOT IN ({not_counted})" + ("" if fresh
        else " AND NOT EXISTS (SELECT 1 FROM win_model_facts f WHERE f.call_id = x.id)"))


_FACT_COLUMNS = "call_id, campaign_id, kind, reason, tier, segment, attempt, age, won, observed_at"


def backfill_facts(conn: Connection, after_call_id: int = 0, *, count: bool = False) -> int:
    """Facts for finished, counted calls (``id > after_call_id``) that have none yet:
    calls recorded before the model existed, or by a path that did not report them.
    ``count`` adds them to the cell counts as well (an ordinary refresh; a full one
    recounts). Returns how many were added."""
    backend = conn.dialect.name
    pg = backend == "postgresql"
    won = "won <> 0" if pg else "won"
    if not count:  # straight into the facts (a full refresh recounts the cells)
        fresh = conn.exec_driver_sql("SELECT call_id FROM win_model_facts LIMIT 1").first() is None
        result: Any = conn.exec_driver_sql(
            f"INSERT INTO win_model_facts ({_FACT_COLUMNS}) "
            + _fact_rows(backend, int(after_call_id), fresh, flag=True))
        return int(result.rowcount or 0)
    conn.exec_driver_sql(
        "CREATE TEMP TABLE IF NOT EXISTS _win_new (call_id bigint, campaign_id bigint, "
        "kind varchar(20), reason varchar(30), tier varchar(10), segment varchar(20), "
        "attempt integer, age integer, won integer, observed_at "
        f"{'timestamptz' if pg else 'TEXT'})" + (" ON COMMIT DELETE ROWS" if pg else ""))
    conn.exec_driver_sql("DELETE FROM _win_new")
    conn.exec_driver_sql(f"INSERT INTO _win_new ({_FACT_COLUMNS}) "
                         + _fact_rows(backend, int(after_call_id)))
    added = int(conn.exec_driver_sql("SELECT count(*) FROM _win_new").scalar_one())
    if not added:
        return 0
    conn.exec_driver_sql(
        f"INSERT INTO win_model_facts ({_FACT_COLUMNS}, p_predicted) "
        "SELECT call_id, campaign_id, kind, reason, tier, segment, attempt, age, "
        f"{won}, observed_at, NULL FROM _win_new")
    if count:
        conn.exec_driver_sql(
            "INSERT INTO win_model_cells (kind, reason, tier, segment, attempt, age, tries, "
            "wins) SELECT kind, reason, tier, segment, attempt, age, count(*), sum(won) "
            "FROM _win_new WHERE 1 = 1 GROUP BY kind, reason, tier, segment, attempt, age "
            "ON CONFLICT (kind, reason, tier, segment, attempt, age) DO UPDATE SET "
            "tries = win_model_cells.tries + excluded.tries, "
            "wins = win_model_cells.wins + excluded.wins")
    conn.exec_driver_sql("DELETE FROM _win_new")
    return added


def recount_cells(conn: Connection) -> None:
    """Cell counts again from the facts (exact, whatever happened in between)."""
    conn.exec_driver_sql("DELETE FROM win_model_cells")
    won = "CAST(won AS INTEGER)" if conn.dialect.name == "postgresql" else "won"
    conn.exec_driver_sql(
        "INSERT INTO win_model_cells (kind, reason, tier, segment, attempt, age, tries, wins) "
        f"SELECT kind, reason, tier, segment, attempt, age, count(*), sum({won}) "
        "FROM win_model_facts GROUP BY kind, reason, tier, segment, attempt, age")


# ------------------------------------------------------------------ scoring


def _task_code(backend: str, today: date) -> str:
    """The flat cell number of a task's next call (``k``: its campaign's row of
    ``_win_camp``, whose ``base`` is the kind's part of the number). The age bucket
    compares the defection date with the bucket's first day, no date arithmetic."""
    pg = backend == "postgresql"
    arms = " ".join(
        f"WHEN t.defection_date >= {'DATE ' if pg else ''}"
        f"'{(today - timedelta(days=bound)).isoformat()}' THEN {i}"
        for i, bound in enumerate(wm.AGE_BOUNDS))
    age = (f"(CASE WHEN t.defection_date IS NULL THEN {wm.AGE_UNKNOWN} {arms} "
           f"ELSE {len(wm.AGE_BOUNDS)} END)")
    attempt = _least(backend, "coalesce(t.attempts, 0)", str(wm.MAX_ATTEMPT - 1))
    return (f"k.base + {_case('t.defection_reason', wm.REASONS, 'unknown')} * {STRIDES[1]} "
            f"+ {_case('t.sltv_tier', wm.TIERS, '')} * {STRIDES[2]} "
            f"+ {_case('t.segment', wm.SEGMENTS, '')} * {STRIDES[3]} "
            f"+ {attempt} * {STRIDES[4]} + {age}")


def load_campaigns(conn: Connection, rows: Sequence[tuple[int, int, int, int]]) -> None:
    """``(campaign id, kind index, offer cost, contact cost)`` into the temporary table
    the scoring statement joins (in the caller's transaction)."""
    pg = conn.dialect.name == "postgresql"
    conn.exec_driver_sql(
        "CREATE TEMP TABLE IF NOT EXISTS _win_camp (id bigint PRIMARY KEY, base bigint, "
        "offer bigint, contact bigint)" + (" ON COMMIT DELETE ROWS" if pg else ""))
    conn.exec_driver_sql("DELETE FROM _win_camp")
    if rows:
        conn.exec_driver_sql(
            "INSERT INTO _win_camp (id, base, offer, contact) VALUES (?, ?, ?, ?)"
            if not pg else
            "INSERT INTO _win_camp (id, base, offer, contact) VALUES (%s, %s, %s, %s)",
            [(int(cid), int(kind) * STRIDES[0], int(offer), int(contact))
             for cid, kind, offer, contact in rows])


def write_scores(conn: Connection, today: date, first_id: int, last_id: int,
                 campaign_id: int | None = None) -> int:
    """Score the open tasks with ids in ``first_id..last_id`` (of one campaign) from
    the published rates: one joined UPDATE that writes only the tasks whose P(win) or
    expected value differ. ``load_campaigns`` first, in the same transaction. Returns
    how many tasks were written.

    expected value = round(p × (SLTV + offer + contact)) − round(p × offer) − contact,
    rounded half away from zero as ``wm.expected_value`` does."""
    backend = conn.dialect.name
    value = "(coalesce(t.sltv_minor, 0) + k.offer + k.contact)"
    ev = (f"{_round(backend, f'r.p * {value}')} - {_round(backend, 'r.p * k.offer')} "
          "- k.contact")
    only = "" if campaign_id is None else f" AND t.campaign_id = {int(campaign_id)}"
    sql = (
        "UPDATE call_tasks AS u SET p_win = x.p, expected_value_minor = x.ev FROM ("
        f"SELECT t.id AS id, r.p AS p, {ev} AS ev "
        "FROM call_tasks t CROSS JOIN _win_camp k CROSS JOIN win_model_rates r "
        f"WHERE t.id >= {int(first_id)} AND t.id <= {int(last_id)}{only} "
        f"AND t.status IN ({_listed(OPEN_STATUSES)}) AND k.id = t.campaign_id "
        f"AND r.code = {_task_code(backend, today)}) AS x "
        "WHERE u.id = x.id AND (u.p_win IS NULL OR u.p_win <> x.p "
        "OR u.expected_value_minor <> x.ev)")
    result: Any = conn.exec_driver_sql(sql)
    return int(result.rowcount or 0)


def write_scores_rebuilding_index(conn: Connection, today: date, first_id: int,
                                  last_id: int, campaign_id: int | None = None) -> int:
    """``write_scores`` with the expected-value claim index dropped and built again
    around the UPDATE, in the caller's transaction (SQLite only: its DDL is
    transactional, so claims see the old index until commit). When most tasks change
    (the first refresh, or the model learning a new attempt number), moving a
    million scattered index entries one by one costs ten times building the index
    afresh from sorted keys."""
    if conn.dialect.name != "sqlite":
        return write_scores(conn, today, first_id, last_id, campaign_id)
    index = next(ix for ix in Base.metadata.tables["call_tasks"].indexes
                 if ix.name == EV_INDEX)
    index.drop(conn)
    written = write_scores(conn, today, first_id, last_id, campaign_id)
    index.create(conn)
    return written


#: the claim index of campaigns in expected-value order (migration lr01)
EV_INDEX = "ix_call_tasks_claim_ev"


def task_id_range(conn: Connection, campaign_id: int | None = None) -> tuple[int, int, int]:
    """(lowest id, highest id, count) of the open tasks (of one campaign)."""
    only = "" if campaign_id is None else f" AND campaign_id = {int(campaign_id)}"
    row = conn.exec_driver_sql(
        f"SELECT min(id), max(id), count(*) FROM call_tasks "
        f"WHERE status IN ({_listed(OPEN_STATUSES)}){only}").one()
    return int(row[0] or 0), int(row[1] or 0), int(row[2] or 0)
