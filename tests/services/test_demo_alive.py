"""The demo a first-time user loads is alive today (issue 16), on both engines.

Dates are relative to the day it is loaded: this week's scorecards, the leaderboard,
the home counters and the interview report have figures; supervisors find interviews,
offers with costs (some waiting now), QA evaluations (one disputed), coaching messages,
reward redemptions and callbacks due today. Same day and seed, same data.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from winback_desktop.core import metrics
from winback_desktop.db.models import (
    Call,
    CallTask,
    CoachingMessage,
    InterviewResponse,
    OfferRequest,
    QaEvaluation,
    RewardRedemption,
)
from winback_desktop.services import (
    dashboard,
    demo,
    interviews,
    offers,
    rewards,
    scorecards,
    users,
)
from winback_desktop.services.context import Actor

# A Wednesday afternoon: a working day with calls before and after "now".
TODAY = date(2026, 12, 2)
NOW = datetime(2026, 12, 2, 6, 30, tzinfo=UTC)


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def test_the_demo_is_alive_on_the_day_it_is_loaded(db: Any) -> None:
    demo.load_demo(db, Actor.system(), customers=400, today=TODAY, now=NOW)
    with db.session() as s:
        supervisor = Actor.of(users.get_user(s, "supervisor1"))
        last = _aware(s.scalar(select(func.max(Call.started_at))))
        first = _aware(s.scalar(select(func.min(Call.started_at))))
        assert NOW - timedelta(hours=6) < last <= NOW  # today's calls, up to this hour
        assert first.date() >= TODAY - timedelta(days=90)
        today_calls = dashboard.today_counts(s, supervisor, now=NOW)
        assert today_calls.calls_today > 0 and today_calls.calls_last_7_days > 0
        # exit interviews, completed and paused, feed the interview report
        statuses = dict(s.execute(select(InterviewResponse.status, func.count())
                                  .group_by(InterviewResponse.status)).all())
        assert statuses.get("completed", 0) >= 10 and statuses.get("paused", 0) >= 1
        report = interviews.interview_report(s, supervisor, date_from=TODAY - timedelta(days=30),
                                             date_to=TODAY)
        assert report.completed > 0 and report.by_campaign
        # offers with costs; some wait for a decision right now
        offers = list(s.scalars(select(OfferRequest)))
        assert offers and all(o.cost_minor > 0 for o in offers)
        pending = [o for o in offers if o.status == "pending"]
        assert pending and all(_aware(o.requested_at) <= NOW < _aware(o.expires_at)
                               for o in pending if o.expires_at)
        assert {"approved", "accepted", "declined"} & {o.status for o in offers}
        # QA evaluations with a dispute, coaching, redemptions
        qa_status = {e.status for e in s.scalars(select(QaEvaluation))}
        assert "disputed" in qa_status and "submitted" in qa_status
        assert s.scalar(select(func.count()).select_from(CoachingMessage))
        red = {r.status for r in s.scalars(select(RewardRedemption))}
        assert {"approved", "pending"} <= red
        # callbacks due today, each with its agent
        callbacks = list(s.scalars(select(CallTask).where(CallTask.status == "callback")))
        assert callbacks
        assert all(_aware(t.callback_at).date() == TODAY and t.callback_owner_id
                   for t in callbacks)
        # this week's scorecards and leaderboard have figures
        week = metrics.parse_period("week", TODAY)
        view = scorecards.team_view(s, supervisor, week)
        assert view.team.dials > 0
        # (a 400-customer demo is sparse: its leaderboard is read over 30 days)
        month = metrics.parse_period(f"{TODAY - timedelta(days=30)}..{TODAY}", TODAY)
        board = rewards.leaderboard(s, supervisor, month, "win_backs")
        assert board and max(r.value for r in board) > 0


def test_same_day_and_seed_give_the_same_demo(tmp_path: Path, sqlite_template: Path) -> None:
    import shutil

    from winback_desktop.db.session import Database

    prints = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.sqlite3"
        shutil.copyfile(sqlite_template, path)
        db = Database(f"sqlite:///{path.as_posix()}")
        try:
            demo.load_demo(db, Actor.system(), customers=150, today=TODAY, now=NOW, seed=11)
            with db.session() as s:
                prints.append((
                    s.execute(select(Call.customer_id, Call.agent_id, Call.started_at,
                                     Call.disposition).order_by(Call.id)).all(),
                    s.execute(select(OfferRequest.customer_id, OfferRequest.status,
                                     OfferRequest.cost_minor).order_by(OfferRequest.id)).all(),
                    s.execute(select(QaEvaluation.call_id, QaEvaluation.score_pct,
                                     QaEvaluation.status).order_by(QaEvaluation.id)).all(),
                ))
        finally:
            db.dispose()
    assert prints[0] == prints[1]


def test_qa_call_details_show_questions_and_answers_in_words(db: Any) -> None:
    """Not `competitor_name: Unicom` / `yes`: the question as scripted, the choice's label."""
    from winback_desktop.services import qa_details

    demo.load_demo(db, Actor.system(), customers=300, today=TODAY, now=NOW)
    with db.session() as s:
        supervisor = Actor.of(users.get_user(s, "supervisor1"))
        response = s.scalars(select(InterviewResponse).where(
            InterviewResponse.status == "completed").order_by(InterviewResponse.id)).first()
        assert response is not None and response.call_id is not None
        details = qa_details.call_details(s, supervisor, response.call_id)
        # the approvals screen shows the customer's last interview the same way
        request = s.scalars(select(OfferRequest).where(
            OfferRequest.customer_id == response.customer_id)).first()
        approval = offers.request_details(s, supervisor, request.id) if request else None
    assert details.answered
    keys = set((response.answers or {}).keys())
    for question, answer in details.answered:
        assert question not in keys  # the question's text, not its key
        assert answer not in ("yes", "no", "True", "False")
    if approval is not None:
        assert approval.interview
        assert all(q not in keys and a not in ("yes", "no") for q, a in approval.interview)
