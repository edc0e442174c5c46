"""The win model's bulk SQL: facts from finished calls, cell counts, and the pages of
tasks it scores, per engine.

A refresh reads every open task; its cell (reason, tier, segment, next attempt, time
since defection) is turned into small integer codes by the statement itself, so a
million tasks arrive as integers rather than strings to look up in Python.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection

from winback_desktop.core import win_model as wm

#: rows read per page of tasks
PAGE = 100_000

#: task states a refresh scores (claims and lists read them)
OPEN_STATUSES = ("queued", "claimed", "callback")

#: dispositions that count as a win: a win-back, or a save in a save campaign
WIN_DISPOSITIONS = ("won_back", "saved")

#: dispositions that are no try at all: a customer who never left ("still a customer,
#: just quiet") says nothing about who comes back, neither a win nor a failed try
NOT_COUNTED = ("still_customer",)


def _case(column: str, values: Sequence[str], fallback: str) -> str:
    """``column`` as its index in ``values`` (NULL and unknown values: ``fallback``'s)."""
    arms = " ".join(f"WHEN '{v}' THEN {i}" for i, v in enumerate(values) if v)
    return f"(CASE coalesce({column}, '') {arms} ELSE {list(values).index(fallback)} END)"


def _days(backend: str, at: str, day: str) -> str:
    """Whole days from the date ``day`` to the UTC date of the time ``at``."""
    if backend == "postgresql":
        return f"(CAST(({at} AT TIME ZONE 'UTC') AS date) - {day})"
    return f"CAST(julianday(date({at})) - julianday({day}) AS INTEGER)"


def _age(backend: str, at: str, day: str) -> str:
    days = _days(backend, at, day)
    arms = " ".join(f"WHEN {days} <= {bound} THEN {i}" for i, bound in enumerate(wm.AGE_BOUNDS))
    return (f"(CASE WHEN {day} IS NULL THEN {wm.AGE_UNKNOWN} {arms} "
            f"ELSE {len(wm.AGE_BOUNDS)} END)")


def _least(backend: str, a: str, b: str) -> str:
    return f"{'least' if backend == 'postgresql' else 'min'}({a}, {b})"


def _won(backend: str) -> str:
    listed = ", ".join(f"'{d}'" for d in WIN_DISPOSITIONS)
    if backend == "postgresql":
        return f"(c.disposition IN ({listed}))"
    return f"(CASE WHEN c.disposition IN ({listed}) THEN 1 ELSE 0 END)"


def backfill_facts(conn: Connection, after_call_id: int = 0) -> int:
    """Facts for finished calls on tasks that have none yet (calls recorded before the
    model existed, or by a path that did not report them), with ``call id >
    after_call_id``. Their cell is the task's as it is now; the attempt number is the
    call's place among the task's finished calls (counted ones or not). Calls whose
    outcome is ``NOT_COUNTED`` get no fact. Returns how many were added."""
    backend = conn.dialect.name
    sql = (
        "INSERT INTO win_model_facts (call_id, campaign_id, kind, reason, tier, segment, "
        "attempt, age, won, p_predicted, observed_at) "
        "SELECT x.id, x.campaign_id, x.kind, x.reason, x.tier, x.segment, "
        f"{_least(backend, 'x.n', str(wm.MAX_ATTEMPT))}, x.age, x.won, NULL, x.at FROM ("
        "SELECT c.id, t.campaign_id, k.kind, t.defection_reason AS reason, "
        "coalesce(t.sltv_tier, '') AS tier, coalesce(t.segment, '') AS segment, "
        "row_number() OVER (PARTITION BY c.task_id ORDER BY c.id) AS n, "
        f"{_age(backend, 'c.started_at', 't.defection_date')} AS age, {_won(backend)} AS won, "
        "coalesce(c.ended_at, c.started_at) AS at, c.disposition "
        "FROM calls c JOIN call_tasks t ON t.id = c.task_id "
        "JOIN campaigns k ON k.id = t.campaign_id "
        "WHERE c.disposition IS NOT NULL{recent}) x "
        "WHERE x.id > {after} AND x.disposition NOT IN ({not_counted}) "
        "AND NOT EXISTS (SELECT 1 FROM win_model_facts f WHERE f.call_id = x.id)")
    # only the tasks with a counted call that has no fact yet need numbering (after a
    # first build that is none or a few, so a full refresh does not sort every call)
    recent = (" AND c.task_id IN (SELECT n.task_id FROM calls n WHERE n.id > {after} "
              "AND n.disposition IS NOT NULL AND n.disposition NOT IN ({not_counted}) "
              "AND n.task_id IS NOT NULL AND NOT EXISTS "
              "(SELECT 1 FROM win_model_facts g WHERE g.call_id = n.id))")
    sql = (sql.replace("{recent}", recent).replace("{after}", str(int(after_call_id)))
           .replace("{not_counted}", ", ".join(f"'{d}'" for d in NOT_COUNTED)))
    before = _count(conn, "win_model_facts")
    conn.exec_driver_sql(sql)
    return _count(conn, "win_model_facts") - before


def _count(conn: Connection, table: str) -> int:
    return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())


def recount_cells(conn: Connection) -> None:
    """Cell counts again from the facts (exact, whatever happened in between)."""
    conn.exec_driver_sql("DELETE FROM win_model_cells")
    won = "CAST(won AS INTEGER)" if conn.dialect.name == "postgresql" else "won"
    conn.exec_driver_sql(
        "INSERT INTO win_model_cells (kind, reason, tier, segment, attempt, age, tries, wins) "
        f"SELECT kind, reason, tier, segment, attempt, age, count(*), sum({won}) "
        "FROM win_model_facts GROUP BY kind, reason, tier, segment, attempt, age")


def task_pages(conn: Connection, campaign_id: int | None, today: str
               ) -> Iterator[list[tuple[Any, ...]]]:
    """Open tasks in id order, a page at a time, as
    ``(id, campaign_id, reason, tier, segment, attempt, days, sltv_minor, p_win,
    expected_value_minor)``; reason, tier and segment as ``win_model`` codes, attempt the
    number of the next call, days those since defection up to ``today`` (an ISO date;
    NULL without a defection date) and p_win -1 when the task was never scored, so a
    page converts to one numeric array at once."""
    backend = conn.dialect.name
    pg = backend == "postgresql"
    ph = "%s" if pg else "?"
    days = (f"(CAST({ph} AS date) - t.defection_date)" if pg
            else f"(julianday({ph}) - julianday(t.defection_date))")
    statuses = ", ".join(f"'{s}'" for s in OPEN_STATUSES)
    where = f"t.status IN ({statuses}) AND t.id > {ph}"
    args: list[Any] = []
    if campaign_id is not None:
        where = f"t.campaign_id = {ph} AND " + where
        args.append(campaign_id)
    sql = (f"SELECT t.id, t.campaign_id, "
           f"{_case('t.defection_reason', wm.REASONS, 'unknown')}, "
           f"{_case('t.sltv_tier', wm.TIERS, '')}, {_case('t.segment', wm.SEGMENTS, '')}, "
           f"coalesce(t.attempts, 0) + 1, {days}, coalesce(t.sltv_minor, 0), "
           f"coalesce(t.p_win, -1.0), "
           f"t.expected_value_minor "
           f"FROM call_tasks t WHERE {where} ORDER BY t.id LIMIT {PAGE}")
    cursor: Any = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    last = 0
    try:
        while True:
            cursor.execute(sql, (today, *args, last))
            rows = cursor.fetchall()
            if not rows:
                return
            yield rows
            last = rows[-1][0]
    finally:
        cursor.close()


def write_scores(conn: Connection, rows: Sequence[tuple[int, float, int]]) -> None:
    """``(task id, p_win, expected value)`` onto their tasks, in the caller's
    transaction: into a temporary table (executemany on SQLite, COPY on PostgreSQL),
    then one joined UPDATE."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        raw: Any = conn.connection.driver_connection
        with raw.cursor() as cur:
            cur.execute("CREATE TEMP TABLE IF NOT EXISTS _win_scores (id bigint PRIMARY KEY, "
                        "p double precision, ev bigint) ON COMMIT DROP")
            cur.execute("TRUNCATE _win_scores")
            with cur.copy("COPY _win_scores (id, p, ev) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            cur.execute("UPDATE call_tasks AS t SET p_win = s.p, expected_value_minor = s.ev "
                        "FROM _win_scores s WHERE t.id = s.id")
        return
    sq: Any = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        # one joined UPDATE from a temporary table: a statement per row costs as much
        # again as the row's own write
        sq.execute("CREATE TEMP TABLE IF NOT EXISTS _win_scores (id INTEGER PRIMARY KEY, "
                   "p REAL, ev INTEGER)")
        sq.execute("DELETE FROM _win_scores")
        sq.executemany("INSERT INTO _win_scores (id, p, ev) VALUES (?, ?, ?)", rows)
        sq.execute("UPDATE call_tasks SET p_win = s.p, expected_value_minor = s.ev "
                   "FROM _win_scores AS s WHERE call_tasks.id = s.id")
        sq.execute("DELETE FROM _win_scores")
    finally:
        sq.close()
