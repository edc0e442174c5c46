"""What reviewers and agents do about call quality: each function is one action and its
own unit of work (permission checked and changes audited by the ``qa`` building blocks).

The quality screen and ``winback qa`` call these; none of them opens a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from winback_desktop.core import qa as core_qa
from winback_desktop.core.permissions import Permission
from winback_desktop.db.session import Database
from winback_desktop.services import audit, qa, qa_details, recordings
from winback_desktop.services.changes import Changes, Done, Topic
from winback_desktop.services.context import Actor, require
from winback_desktop.services.qa import AgentQa, EvaluationInfo, SampleCall
from winback_desktop.services.qa_details import CallDetails

QA_CHANGED = Changes.of(Topic.QA)
# Below this score a reviewer may send the call back to its agent as a callback.
CALLBACK_BELOW_PCT = 70


@dataclass(frozen=True, slots=True)
class ScoreForm:
    form_id: int
    criteria: list[core_qa.Criterion]


@dataclass(frozen=True, slots=True)
class Evaluated:
    evaluation_id: int
    score_pct: int | None
    critical_fail: bool
    changes: Changes = QA_CHANGED

    @property
    def may_send_back(self) -> bool:
        """A failed evaluation can go back to the agent as a callback."""
        return self.critical_fail or (self.score_pct or 0) < CALLBACK_BELOW_PCT


@dataclass(frozen=True, slots=True)
class RecordingAttached:
    path: str
    changes: Changes = QA_CHANGED


def review_queue(db: Database, actor: Actor, week_start: date) -> list[SampleCall]:
    with db.session() as session:
        return qa.review_queue(session, actor, week_start)


def score_form(db: Database, actor: Actor) -> ScoreForm:
    """The published QA form reviewers score with (the default one on a new database)."""
    with db.session() as session:
        require(actor, Permission.EVALUATE_CALLS)
        form = qa.current_form(session)
        return ScoreForm(form.id, qa.criteria_of(form))


def call_details(db: Database, actor: Actor, call_id: int) -> CallDetails:
    with db.session() as session:
        return qa_details.call_details(session, actor, call_id)


def attach_recording(db: Database, actor: Actor, call_id: int,
                     path: Path) -> RecordingAttached:
    with db.session() as session:
        return RecordingAttached(recordings.attach(session, actor, call_id, path).path)


def evaluate_call(db: Database, actor: Actor, call_id: int, scores: dict[str, int], *,
                  form_id: int | None = None, coaching_notes: str | None = None,
                  calibration_session: str | None = None) -> Evaluated:
    with db.session() as session:
        ev = qa.evaluate(session, actor, call_id, scores, form_id=form_id,
                         coaching_notes=coaching_notes, calibration_session=calibration_session)
        return Evaluated(ev.id, ev.score_pct, ev.critical_fail)


def send_back(db: Database, actor: Actor, evaluation_id: int) -> Done:
    """The agent of a failed call calls the customer back (a personal callback)."""
    with db.session() as session:
        qa.send_back_as_callback(session, actor, evaluation_id)
    return Done(Changes.of(Topic.QA, Topic.QUEUE))


def evaluations(db: Database, actor: Actor) -> list[EvaluationInfo]:
    with db.session() as session:
        return qa.evaluations(session, actor)


def respond(db: Database, actor: Actor, evaluation_id: int, *, agree: bool,
            comment: str = "") -> Done:
    with db.session() as session:
        qa.respond(session, actor, evaluation_id, agree=agree, comment=comment)
    return Done(QA_CHANGED)


def calibration(db: Database, actor: Actor, name: str) -> list[core_qa.Spread]:
    with db.session() as session:
        return qa.calibration(session, actor, name)


def qa_report(db: Database, actor: Actor, start: date, end: date) -> list[AgentQa]:
    with db.session() as session:
        return qa.report(session, actor, start, end)


def export_qa_report(db: Database, actor: Actor, start: date, end: date, path: Path,
                     labels: dict[str, str]) -> list[AgentQa]:
    """The report for [start, end) as an xlsx file; the export is audited."""
    with db.session() as session:
        rows = qa.report(session, actor, start, end)
        require(actor, Permission.EXPORT_DATA)
        qa.export_report(rows, path, labels)
        audit.record(session, actor, "qa_report_exported", "qa_report", None,
                     after={"path": str(path), "from": start, "to": end, "agents": len(rows)})
        return rows
