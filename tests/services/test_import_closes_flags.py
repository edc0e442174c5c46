"""A list import that changes a flagged customer's status closes the flag (issue 19).

The early-warning scan marked the customer ``at_risk`` with an open flag; when a later
customer list says they are lost (or active, or retained) the flag is closed under the
new status, the import's audit entry names it, and undoing the import reopens it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from winback_desktop.db.models import AuditEntry, Customer, RiskFlag
from winback_desktop.services import importing, risk

from .test_importing import workbook
from .test_risk_scan import AS_OF, CUSTOMER_HEADERS, purchases, setup_customers


def _flags(db: Any) -> dict[int, tuple[str, int | None]]:
    with db.session() as s:
        return {f.customer_id: (f.status, f.closed_by)
                for f in s.scalars(select(RiskFlag))}


def _status_list(tmp_path: Any, rows: list[list[Any]]) -> Any:
    return workbook(tmp_path / "statuses.xlsx", rows, CUSTOMER_HEADERS)


def test_import_that_changes_an_at_risk_status_closes_the_flag_and_undo_reopens_it(
        db, admin, tmp_path) -> None:
    ids = setup_customers(db, admin, tmp_path)
    importing.run_import(db, admin, purchases(tmp_path), kind="purchases", scan_after=False)
    flagged = {f.customer_id for f in risk.scan(db, admin, as_of=AS_OF).flagged}
    silent, unhappy, late = ids["SILENT"], ids["UNHAPPY"], ids["LATE"]
    assert {silent, unhappy, late} <= flagged

    # SILENT left for good, UNHAPPY was kept by the account team, LATE's row says
    # nothing about the status: only the first two flags close.
    result = importing.run_import(db, admin, _status_list(tmp_path, [
        ["SILENT", "沉默客户", "13800000001", "流失", None, None, None],
        ["UNHAPPY", "不满客户", "13800000003", "retained", 2, None, None],
        ["LATE", "拖欠客户", "13800000004", None, None, 3, "否"],
    ]))
    assert result.committed and result.updated == 2, result.errors
    assert result.risk_flags_closed == 2
    flags = _flags(db)
    assert flags[silent] == ("lost", admin.user_id)
    assert flags[unhappy] == ("retained", admin.user_id)
    assert flags[late][0] == "open"
    open_ids = {r.customer_id for r in risk.list_flags(db, admin, today=AS_OF)}
    assert silent not in open_ids and unhappy not in open_ids and late in open_ids
    with db.session() as s:
        entries = {e.after["customer_id"]: e.after for e in s.scalars(
            select(AuditEntry).where(AuditEntry.action == "customer_updated_by_import",
                                     AuditEntry.entity_id == str(result.batch_id)))}
    assert entries[silent]["status"] == "lost" and entries[silent]["risk_flags_closed"]
    assert result.as_dict()["risk_flags_closed"] == 2

    importing.undo_last_batch(db, admin)
    flags = _flags(db)
    assert flags[silent] == ("open", None) and flags[unhappy] == ("open", None)
    with db.session() as s:
        back = dict(s.execute(select(Customer.id, Customer.status)).all())
    assert back[silent] == "at_risk" and back[unhappy] == "at_risk"


def test_a_repeated_row_taken_last_keeps_the_flag_of_a_status_it_no_longer_changes(
        db, admin, tmp_path) -> None:
    """Conflict 'last': the first row's status change is taken back, flag and all."""
    ids = setup_customers(db, admin, tmp_path)
    importing.run_import(db, admin, purchases(tmp_path), kind="purchases", scan_after=False)
    risk.scan(db, admin, as_of=AS_OF)
    silent = ids["SILENT"]
    result = importing.run_import(db, admin, _status_list(tmp_path, [
        ["SILENT", "沉默客户", "13800000001", "lost", None, None, None],
        ["SILENT", "沉默客户", "13800000001", "at_risk", 1, None, None],
    ]), on_conflict="last")
    assert result.committed, result.errors
    assert _flags(db)[silent][0] == "open"
    assert result.risk_flags_closed == 0
