"""Migration tf01 on both engines: calls keep the SLTV they recovered, the roll-ups
start over under the new definitions, and the stale-day triggers work (also after a
downgrade and upgrade again)."""

from __future__ import annotations

from alembic import command
from sqlalchemy import insert, select, text

from winback_desktop.db import migrate
from winback_desktop.db.models import ScorecardStaleDay, Setting


def _to(db, revision: str, up: bool = False) -> None:  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        (command.upgrade if up else command.downgrade)(cfg, revision)


def test_upgrade_backfills_resets_rollups_and_marks_changed_days(db) -> None:  # type: ignore[no-untyped-def]
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    _to(db, str(script.get_revision("tf01").down_revision))
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO customers (name, status, defection_reason, currency, "
                          "timezone, preferred_language, do_not_call, created_at, updated_at, "
                          "version_id, sltv_minor) VALUES ('c', 'won_back', 'unknown', 'CNY', "
                          "'Asia/Shanghai', 'zh', false, '2026-01-01', '2026-01-01', 1, 4200)"))
        for disposition in ("won_back", "no_answer"):
            conn.execute(text("INSERT INTO calls (customer_id, started_at, disposition, "
                              "flagged_for_review) VALUES (1, '2026-11-02 03:00:00', :d, false)"),
                         {"d": disposition})
        conn.execute(insert(Setting).values(scope="global", key="scorecard_rollup_through",
                                            value="2026-11-30"))
    _to(db, "tf01", up=True)
    with db.engine.begin() as conn:
        assert [r[0] for r in conn.execute(text("SELECT sltv_minor FROM calls ORDER BY id"))] \
            == [4200, None]
        assert conn.execute(text("SELECT count(*) FROM settings "
                                 "WHERE key = 'scorecard_rollup_through'")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM scorecard_stale_days")).scalar() == 0
    # later migrations may rewrite calls (and so mark their day stale): start clean
    _to(db, "head", up=True)
    with db.session() as s:
        s.execute(text("DELETE FROM scorecard_stale_days"))
    with db.session() as s:
        s.execute(text("UPDATE calls SET disposition = 'not_interested' WHERE id = 2"))
    with db.session() as s:
        assert [str(d) for d in s.scalars(select(ScorecardStaleDay.day))] == ["2026-11-02"]
    _to(db, str(script.get_revision("tf01").down_revision))
    _to(db, "head", up=True)
    with db.session() as s:
        s.execute(text("DELETE FROM calls WHERE id = 2"))
    with db.session() as s:
        assert [str(d) for d in s.scalars(select(ScorecardStaleDay.day))] == ["2026-11-02"]
