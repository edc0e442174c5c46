"""Interviews: shared constants, conversions, and the guard that keeps published scripts fixed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, attributes

from winback_desktop.core import interview as iv
from winback_desktop.core.domain import TaskStatus
from winback_desktop.db.models import (
    InterviewQuestion,
    InterviewScript,
)

IN_PROGRESS, PAUSED, COMPLETED = "in_progress", "paused", "completed"
OPEN_RESPONSE = (IN_PROGRESS, PAUSED)
OPEN_TASK = (TaskStatus.QUEUED.value, TaskStatus.CLAIMED.value, TaskStatus.CALLBACK.value)
DEFAULT_SCRIPTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "scripts"


# ----------------------------------------------------------------- conversions


def to_core(row: InterviewScript) -> iv.Script:
    return iv.Script(
        name=row.name, version=row.version, kind=row.kind, language=row.language,
        description=row.description or "", status=row.status,
        questions=tuple(iv.question_from_storage(q.key, q.text, q.qtype, q.required,
                                                 q.help_text, q.options)
                        for q in sorted(row.questions, key=lambda q: q.position)))


def _questions_rows(script: iv.Script) -> list[InterviewQuestion]:
    return [InterviewQuestion(position=i, key=q.key, text=q.text, qtype=q.qtype,
                              required=q.required, help_text=q.help_text or None,
                              options=iv.question_options(q))
            for i, q in enumerate(script.questions)]


@dataclass(frozen=True)
class ScriptInfo:
    id: int
    name: str
    version: int
    status: str
    kind: str
    language: str
    questions: int
    campaigns: list[str]
    responses: int
    published_at: datetime | None
    parent_id: int | None


# ----------------------------------------------------------------- immutability


def _guard_published(session: Session, _ctx: Any, _instances: Any) -> None:
    """Refuse any flush that would change a published or retired script's content."""
    for obj in list(session.dirty) + list(session.new) + list(session.deleted):
        if isinstance(obj, InterviewQuestion):
            script = obj.script if obj.script is not None else (
                session.get(InterviewScript, obj.script_id) if obj.script_id else None)
            if script is None:
                continue
            status_hist = attributes.get_history(script, "status")
            frozen_status = (status_hist.deleted[0] if status_hist.deleted
                             else script.status)
            if frozen_status != iv.STATUS_DRAFT and obj in session.deleted and \
                    script in session.deleted:
                continue  # deleting a whole script cascades; refused below if published
            if frozen_status != iv.STATUS_DRAFT:
                raise iv.ScriptImmutable(name=script.name, version=script.version,
                                         status=frozen_status)
        elif isinstance(obj, InterviewScript) and obj not in session.new:
            hist = attributes.get_history(obj, "status")
            old_status = hist.deleted[0] if hist.deleted else obj.status
            if old_status == iv.STATUS_DRAFT:
                continue
            if obj in session.deleted:
                raise iv.ScriptImmutable(name=obj.name, version=obj.version, status=old_status)
            for name in ("name", "version", "kind", "language", "description"):
                if attributes.get_history(obj, name).has_changes():
                    raise iv.ScriptImmutable(name=obj.name, version=obj.version,
                                             status=old_status)
            if hist.added and hist.added[0] == iv.STATUS_DRAFT:
                raise iv.ScriptImmutable(name=obj.name, version=obj.version, status=old_status)


from sqlalchemy import event  # noqa: E402  (kept next to the one listener it registers)

event.listen(Session, "before_flush", _guard_published)

