"""The early-warning scan on SQLite and PostgreSQL: marking, reasons, save campaigns."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from winback_desktop.core.errors import PermissionDenied
from winback_desktop.db.models import AuditEntry, CallTask, Customer, PurchaseStats, RiskFlag
from winback_desktop.services import campaigns, importing, risk
from winback_desktop.services.context import Actor

from .test_importing import workbook

AS_OF = date(2026, 6, 1)
CUSTOMER_HEADERS = ["客户编号", "姓名", "手机", "状态", "投诉次数", "逾期账单", "降级"]
PURCHASE_HEADERS = ["会员编号", "下单日期", "实付金额"]


def setup_customers(db: Any, admin: Actor, tmp_path: Path) -> dict[str, int]:
    path = workbook(tmp_path / "customers.xlsx", [
        ["SILENT", "沉默客户", "13800000001", "active", None, None, None],
        ["REGULAR", "规律客户", "13800000002", "active", None, None, None],
        ["UNHAPPY", "不满客户", "13800000003", "retained", 2, None, None],
        ["LATE", "拖欠客户", "13800000004", "won_back", None, 3, "否"],
        ["DOWN", "降级客户", "13800000005", "active", 0, 0, "金卡→银卡"],
        ["GONE", "流失客户", "13800000006", "lost", 5, None, None],
    ], CUSTOMER_HEADERS)
    assert importing.run_import(db, admin, path).committed
    with db.session() as s:
        return dict(s.execute(select(Customer.external_id, Customer.id)).all())


def purchases(tmp_path: Path) -> Path:
    rows: list[list[Any]] = []
    for k in range(8):  # every 10 days, the last one 70 days ago
        rows.append(["SILENT", AS_OF - timedelta(days=70 + 10 * k), 100])
        rows.append(["REGULAR", AS_OF - timedelta(days=3 + 10 * k), 100])
        rows.append(["GONE", AS_OF - timedelta(days=300 + 10 * k), 100])
    return workbook(tmp_path / "purchases.xlsx", rows, PURCHASE_HEADERS)


def open_flags(db: Any) -> dict[int, list[str]]:
    with db.session() as s:
        return {f.customer_id: [sig["code"] for sig in f.signals]
                for f in s.scalars(select(RiskFlag).where(RiskFlag.status == "open"))}


def statuses(db: Any) -> dict[str, str]:
    with db.session() as s:
        return dict(s.execute(select(Customer.external_id, Customer.status)).all())


def test_scan_flags_each_signal_marks_at_risk_and_queues_save_campaign(db, admin,
                                                                       tmp_path) -> None:
    ids = setup_customers(db, admin, tmp_path)
    imported = importing.run_import(db, admin, purchases(tmp_path), kind="purchases",
                                    scan_after=False)
    assert imported.committed and imported.risk_flagged is None
    with db.session() as s:
        save = campaigns.create_campaign(s, admin, "挽留", kind="save")
        campaigns.start_campaign(s, admin, save.id)
        save_id = save.id
        assert s.scalar(select(func.count()).select_from(CallTask)) == 0

    result = risk.scan(db, admin, as_of=AS_OF)
    got = {f.external_id: [s.code for s in f.signals] for f in result.flagged}
    assert got == {"SILENT": ["rhythm_gap"], "UNHAPPY": ["complaints"],
                   "LATE": ["overdue_invoices"], "DOWN": ["downgrade"]}
    assert result.scanned == 5 and result.with_history == 2 and result.queued == 4
    words = {f.external_id: f.as_dict()["signals"][0]["text"] for f in result.flagged}
    assert words["SILENT"] == "No purchase for 70 days; usually buys every 10 days"
    assert words["DOWN"] == "Downgraded: 金卡→银卡"
    assert statuses(db) == {"SILENT": "at_risk", "REGULAR": "active", "UNHAPPY": "at_risk",
                            "LATE": "at_risk", "DOWN": "at_risk", "GONE": "lost"}
    with db.session() as s:
        queued = set(s.scalars(select(CallTask.customer_id)
                               .where(CallTask.campaign_id == save_id)))
        assert queued == {ids[k] for k in ("SILENT", "UNHAPPY", "LATE", "DOWN")}
        flag = s.scalar(select(RiskFlag).where(RiskFlag.customer_id == ids["LATE"]))
        assert flag is not None and flag.previous_status == "won_back"
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "customer_flagged_at_risk")) == 4
        # everyone's rhythm is kept, the lost customer's too
        gone = s.get(PurchaseStats, ids["GONE"])
        assert gone is not None and gone.purchases == 8 and gone.typical_gap_days == 10.0

    again = risk.scan(db, admin, as_of=AS_OF)
    assert again.flagged == [] and again.queued == 0


def test_dismissed_flags_restore_status_and_need_new_evidence(db, admin, tmp_path) -> None:
    ids = setup_customers(db, admin, tmp_path)
    importing.run_import(db, admin, purchases(tmp_path), kind="purchases", scan_after=False)
    first = risk.scan(db, admin, as_of=AS_OF)
    silent = next(f for f in first.flagged if f.external_id == "SILENT")
    rows = risk.list_flags(db, admin, today=AS_OF)
    assert {r.external_id for r in rows} == {"SILENT", "UNHAPPY", "LATE", "DOWN"}
    row = next(r for r in rows if r.external_id == "SILENT")
    assert row.typical_gap_days == 10.0 and row.last_purchase_on == AS_OF - timedelta(days=70)
    assert sum(row.monthly_spend) == 8 * 10000 and len(row.monthly_spend) == 12

    assert risk.dismiss(db, admin, silent.flag_id, "called, on holiday") == "active"  # type: ignore[arg-type]
    assert statuses(db)["SILENT"] == "active"
    assert risk.scan(db, admin, as_of=AS_OF + timedelta(days=5)).flagged == []
    # a purchase after the flag, then silence again: flagged anew
    later = workbook(tmp_path / "later.xlsx", [["SILENT", AS_OF + timedelta(days=10), 100]],
                     PURCHASE_HEADERS)
    importing.run_import(db, admin, later, kind="purchases", scan_after=False)
    again = risk.scan(db, admin, as_of=AS_OF + timedelta(days=80))
    # (REGULAR has gone silent by then too)
    assert sorted(f.external_id for f in again.flagged) == ["REGULAR", "SILENT"]
    assert ids["SILENT"] in open_flags(db)


def test_scan_runs_after_a_purchase_import(db, admin, tmp_path) -> None:
    setup_customers(db, admin, tmp_path)
    result = importing.run_import(db, admin, purchases(tmp_path), kind="purchases")
    # today's scan: everyone bought in 2026 and is long silent by now, or has signs
    assert result.committed and result.risk_flagged is not None and result.risk_flagged >= 3
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)
                        .where(AuditEntry.action == "risk_scan")) == 1
    assert risk.last_scan_at(db) is not None and not risk.scan_due(db)


def test_p_alive_is_reported_when_there_is_enough_history(db, admin, tmp_path) -> None:
    header = ["客户编号", "姓名", "手机", "状态"]
    custs = [[f"P{i}", f"客户{i}", f"1390000{i:04d}", "active"] for i in range(40)]
    assert importing.run_import(db, admin, workbook(tmp_path / "c.xlsx", custs,
                                                    header)).committed
    rows: list[list[Any]] = []
    for i in range(40):
        last = 200 if i == 0 else 2 + i % 5
        rows += [[f"P{i}", AS_OF - timedelta(days=last + 7 * k), 50] for k in range(12)]
    importing.run_import(db, admin, workbook(tmp_path / "p.xlsx", rows, PURCHASE_HEADERS),
                         kind="purchases", scan_after=False)
    result = risk.scan(db, admin, as_of=AS_OF)
    assert result.model is not None
    [flagged] = result.flagged
    data = flagged.as_dict()
    assert flagged.external_id == "P0" and data["p_alive"] < 0.05
    assert [s["code"] for s in data["signals"]] == ["rhythm_gap", "low_p_alive"]


def test_only_supervisors_and_admins_scan(db, tmp_path) -> None:
    from winback_desktop.core.domain import Role

    agent = Actor(None, "agent", Role.AGENT)
    with pytest.raises(PermissionDenied):
        risk.scan(db, agent)
    with pytest.raises(PermissionDenied):
        risk.list_flags(db, agent)
