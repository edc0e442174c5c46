"""``winback qa report`` and ``winback board`` through the real command line: the report
and its audited export come from the same service call the Quality screen makes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook

from tests.services.use_case_helpers import add_user, audit_actions
from winback_desktop.db.models import Call, CallTask, Campaign, Customer


def test_qa_report_export_and_board(winback, db, db_url, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a1 = add_user(db, admin, "a1", "agent")
    now = datetime.now(UTC)
    with db.session() as s:
        camp = Campaign(name="Q4", status="running")
        cust = Customer(name="王芳")
        s.add_all([camp, cust])
        s.flush()
        task = CallTask(campaign_id=camp.id, customer_id=cust.id, status="done")
        s.add(task)
        s.flush()
        s.add(Call(task_id=task.id, customer_id=cust.id, campaign_id=camp.id,
                   agent_id=a1.user_id, started_at=now, answered_at=now,
                   ended_at=now + timedelta(minutes=1), disposition="not_interested"))
    out = tmp_path / "qa.xlsx"
    result = winback("--database", db_url, "qa", "report", "--export", str(out), "--json")
    assert result.returncode == 0, result.stderr
    rows = {r["login"]: r for r in json.loads(result.stdout)}
    assert rows["a1"]["calls"] == 1 and rows["a1"]["evaluations"] == 0
    assert load_workbook(out).active is not None
    assert audit_actions(db)[-1] == "qa_report_exported"

    board = winback("--database", db_url, "board", "--json")
    assert board.returncode == 0, board.stderr
    assert json.loads(board.stdout)["queue_depth"] == {"Q4": 0}
