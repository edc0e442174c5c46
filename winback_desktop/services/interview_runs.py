"""What an agent does in an exit interview during a call: one function per action, each
its own unit of work.

The interview runner (inside the call workspace) calls these and never opens a session;
the permission checks, the state machine over the script and the audit entries are in
``services.interviews`` (run inside the transaction opened here). Every answer is stored
as it is given, so a dropped call loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from winback_desktop.core import interview as iv
from winback_desktop.db.session import Database
from winback_desktop.services import interviews
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.context import Actor
from winback_desktop.services.interviews import Completion, Proposal, ResponseState, ScriptInfo

#: completing re-segments the customer and their open tasks
STARTED = Changes.of(Topic.INTERVIEWS)
COMPLETED = Changes.of(Topic.INTERVIEWS, Topic.CUSTOMERS, Topic.QUEUE, Topic.SEGMENTATION)


@dataclass(frozen=True, slots=True)
class InterviewStarted:
    """The interview on screen and the published scripts the agent may switch to."""

    state: ResponseState
    scripts: list[ScriptInfo]
    changes: Changes = STARTED


@dataclass(frozen=True, slots=True)
class InterviewCompleted:
    completion: Completion
    changes: Changes = COMPLETED


def start(db: Database, actor: Actor, customer_id: int, call_id: int | None,
          script_id: int | None = None) -> InterviewStarted:
    """Start the interview of ``customer_id`` in ``call_id`` (or resume the unfinished one)."""
    with db.session() as session:
        state = interviews.start_response(session, actor, customer_id, call_id, script_id)
        scripts = [s for s in interviews.list_scripts(session, actor)
                   if s.status == iv.STATUS_PUBLISHED and s.kind == state.script.kind]
        return InterviewStarted(state, scripts)


def answer(db: Database, actor: Actor, response_id: int, key: str, value: Any,
           *, notes: str | None = None) -> ResponseState:
    """Store one answer and move to the question it leads to."""
    with db.session() as session:
        return interviews.answer(session, actor, response_id, key, value, notes=notes)


def back(db: Database, actor: Actor, response_id: int, *, notes: str | None = None
         ) -> ResponseState:
    with db.session() as session:
        return interviews.back(session, actor, response_id, notes=notes)


def pause(db: Database, actor: Actor, response_id: int, *, notes: str | None = None
          ) -> ResponseState:
    """The call dropped or the customer will go on another day: everything is kept."""
    with db.session() as session:
        return interviews.pause(session, actor, response_id, notes=notes)


def proposal(db: Database, actor: Actor, response_id: int) -> Proposal:
    """The confirm page: the proposed defection reason and the grid's treatments."""
    with db.session() as session:
        return interviews.proposal(session, actor, response_id)


def complete(db: Database, actor: Actor, response_id: int, confirmed_reason: str | None,
             *, notes: str | None = None) -> InterviewCompleted:
    """Close the interview and re-segment the customer (one transaction)."""
    with db.session() as session:
        return InterviewCompleted(interviews.complete(session, actor, response_id,
                                                      confirmed_reason, notes=notes))
