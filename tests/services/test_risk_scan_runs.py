"""How the early-warning scan runs (issue 19): two at once, after a purchase import,
interrupted. On SQLite and PostgreSQL.

A scan whose run is cut short (failed, cancelled, the app closed) or that missed an
import committed while it read must leave the scan due, so the admin's daily scan
catches up; two scans at once must never flag one customer twice.
"""

from __future__ import annotations

import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from winback_desktop.db.models import AuditEntry, RiskFlag
from winback_desktop.services import importing, risk
from winback_desktop.services.context import Actor

from .test_importing import workbook
from .test_risk_scan import PURCHASE_HEADERS, purchases, setup_customers

AS_OF = date(2026, 6, 1)


def open_flag_counts(db: Any) -> dict[int, int]:
    with db.session() as s:
        return dict(s.execute(select(RiskFlag.customer_id, func.count())
                              .where(RiskFlag.status == "open")
                              .group_by(RiskFlag.customer_id)).all())


def decided(db: Any, ids: dict[str, int]) -> list[risk.FlaggedCustomer]:
    signal = risk.risk.Signal(risk.risk.COMPLAINTS, {"count": 1})
    return [risk.FlaggedCustomer(ids[k], k, k, [signal], None)
            for k in ("SILENT", "REGULAR", "DOWN")]


def test_two_scans_writing_at_once_flag_each_customer_once(db, admin: Actor,
                                                           tmp_path: Path) -> None:
    """Scan A holds its flag transaction open; scan B, which decided the same customers,
    writes meanwhile. B must not add a second open flag once A commits."""
    ids = setup_customers(db, admin, tmp_path)
    wanted = decided(db, ids)
    second: list[list[risk.FlaggedCustomer]] = []
    errors: list[BaseException] = []

    def scan_b() -> None:
        try:
            with db.session(immediate=True) as s:
                second.append(risk._write_flags(s, admin, wanted, AS_OF))
        except BaseException as exc:  # reported below
            errors.append(exc)

    with db.session(immediate=True) as s:
        first = risk._write_flags(s, admin, wanted, AS_OF)
        s.flush()
        other = threading.Thread(target=scan_b)
        other.start()
        time.sleep(1.0)  # B reads and writes while A's transaction is open
    other.join(30)
    assert not errors, errors
    assert len(first) == 3
    assert second == [[]]
    assert open_flag_counts(db) == {ids[k]: 1 for k in ("SILENT", "REGULAR", "DOWN")}
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "customer_flagged_at_risk")) == 3


def test_a_failed_scan_after_an_import_keeps_the_import_and_stays_due(
        db, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    setup_customers(db, admin, tmp_path)
    risk.scan(db, admin, as_of=AS_OF)
    assert not risk.scan_due(db)

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(risk.risk, "assess", broken)
    result = importing.run_import(db, admin, purchases(tmp_path), kind="purchases")
    assert result.committed and result.inserted == 24
    assert result.risk_flagged is None and result.risk_scan_pending
    assert result.as_dict()["risk_scan_pending"] is True
    # the admin's daily scan picks it up at its next check, not a day later
    assert risk.scan_due(db)
    monkeypatch.undo()
    risk.scan(db, admin, as_of=AS_OF)
    assert not risk.scan_due(db)


def test_a_purchase_import_committed_while_a_scan_reads_leaves_the_scan_due(
        db, admin: Actor, tmp_path: Path) -> None:
    setup_customers(db, admin, tmp_path)
    steps: list[str] = []

    def progress(step: str, _done: int, _total: int) -> None:
        steps.append(step)
        if step == "assess":  # the scan has read every history: an import lands now
            later = workbook(tmp_path / "later.xlsx",
                             [["REGULAR", AS_OF - timedelta(days=1), 100]], PURCHASE_HEADERS)
            assert importing.run_import(db, admin, later, kind="purchases",
                                        scan_after=False).committed

    risk.scan(db, admin, as_of=AS_OF, progress=progress)
    assert steps == ["read", "assess", "stats", "flag", "done"]
    assert risk.scan_due(db)
    risk.scan(db, admin, as_of=AS_OF)
    assert not risk.scan_due(db)


def test_the_scan_after_an_import_reports_its_progress(db, admin: Actor,
                                                       tmp_path: Path) -> None:
    setup_customers(db, admin, tmp_path)
    seen: list[tuple[int, int]] = []
    result = importing.run_import(db, admin, purchases(tmp_path), kind="purchases",
                                  scanning=lambda done, total: seen.append((done, total)))
    assert result.committed and result.risk_flagged is not None
    assert not result.risk_scan_pending
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)
    assert not risk.scan_due(db)


def test_undoing_a_purchase_import_makes_the_scan_due(db, admin: Actor,
                                                      tmp_path: Path) -> None:
    setup_customers(db, admin, tmp_path)
    imported = importing.run_import(db, admin, purchases(tmp_path), kind="purchases")
    assert imported.committed and not risk.scan_due(db)
    importing.undo_last_batch(db, admin)
    assert risk.scan_due(db)
