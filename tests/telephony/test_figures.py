"""Scorecard times say whether the phone system measured them (issue 20), both engines."""

from __future__ import annotations

from datetime import timedelta

from tests.services.queue_helpers import NOW, agent, campaign, customers
from winback_desktop.core import metrics
from winback_desktop.services import calls, queue
from winback_desktop.services.telephony import events, figures
from winback_desktop.services.telephony.interface import EndCause, EventKind, PhoneEvent


def test_measured_and_entered_calls_are_told_apart(db, admin, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "agent01")
    customers(db, [{}, {}])
    campaign(db, admin, [a])
    ids = []
    for i in range(2):
        task = queue.claim_next_task(db, a, now=NOW + timedelta(minutes=i))
        assert task is not None
        start = NOW + timedelta(minutes=i)
        call_id = calls.start_call(db, a, task.task_id, now=start)
        if i == 0:  # the phone system reports answer and end
            events.record_event(db, a, PhoneEvent(EventKind.ANSWERED, call_id,
                                                  start + timedelta(seconds=3), "baresip"))
            events.record_event(db, a, PhoneEvent(EventKind.ENDED, call_id,
                                                  start + timedelta(seconds=40), "baresip",
                                                  cause=EndCause.CUSTOMER_HUNG_UP))
        else:  # the agent presses the buttons
            calls.mark_answered(db, a, call_id, now=start + timedelta(seconds=5))
            calls.end_call(db, a, call_id, now=start + timedelta(seconds=30))
        calls.finish_call(db, a, call_id, "not_interested", now=start + timedelta(seconds=50))
        ids.append(call_id)
    day = NOW.date()
    period = metrics.Period(day, day + timedelta(days=1), "day")
    assert figures.timing_sources(db, admin, period) == figures.TimingSources(1, 1)
    assert figures.timing_sources(db, a, period).handled == 2
    other = agent(db, admin, "agent02")
    assert figures.timing_sources(db, other, period).handled == 0  # only their own
    # per agent row: whose figures came from the phone system
    assert figures.timing_by_agent(db, admin, period) == {a.user_id: figures.TimingSources(1, 1)}
    assert figures.timing_by_agent(db, other, period) == {}
    # the exports carry the same per-agent figures
    import openpyxl

    from winback_desktop.services import scorecard_export, scorecards

    view = scorecards.scorecard_view(db, admin, period).team
    timing = figures.timing_by_agent(db, admin, period)
    labels = scorecard_export.default_labels()
    path = scorecard_export.export_xlsx(view, tmp_path / "team.xlsx", labels, "Team",
                                        timing=timing)
    ws = openpyxl.load_workbook(path)["Scorecards"]
    header = [c.value for c in ws[4]]
    phone_col = header.index("Calls timed by the phone system")
    row = next(r for r in ws.iter_rows(min_row=5, values_only=True) if r[0] == "agent01")
    assert (row[phone_col], row[phone_col + 1]) == (1, 1)
    pdf = scorecard_export.export_pdf(view, tmp_path / "team.pdf", labels, "Team",
                                      timing=timing)
    assert pdf.stat().st_size > 1000
