"""The import wizard's steps as use cases, each its own unit of work.

``importing.run_import`` and ``importing.undo_last_batch`` already are use cases (they
open their transactions, check permission, audit and report what changed); this adds
the wizard's smaller steps so the wizard never opens a session: the default phone
region, the preview against the database, and the saved column mappings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from winback_desktop.db.session import Database
from winback_desktop.services import importing, settings
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.context import Actor
from winback_desktop.services.importing import ImportPreview

#: saved mappings are offered by every import wizard; the save is audited
MAPPINGS_CHANGED = Changes.of(Topic.IMPORTS, Topic.AUDIT)


@dataclass(frozen=True, slots=True)
class MappingSaved:
    name: str
    changes: Changes = MAPPINGS_CHANGED


def default_phone_region(db: Database) -> str:
    """The region local phone numbers in a file are read in (a team setting)."""
    with db.session() as session:
        return str(settings.get(session, "default_phone_region") or "CN")


def preview(db: Database, actor: Actor, path: str | Path, *, sheet: str | None,
            mapping: Mapping[str, str] | None, default_region: str | None,
            header_row: int | None = None,
            progress: Callable[[int, int], None] | None = None,
            cancel: Callable[[], bool] | None = None,
            kind: str = "customers") -> ImportPreview:
    """Read the whole file without writing, matched against the customers on file."""
    with db.session() as session:
        return importing.preview(path, sheet=sheet, mapping=mapping, header_row=header_row,
                                 default_region=default_region, session=session,
                                 actor=actor, progress=progress, cancel=cancel, kind=kind)


def list_mappings(db: Database, actor: Actor) -> list[str]:
    with db.session() as session:
        return importing.list_mappings(session, actor)


def get_mapping(db: Database, actor: Actor, name: str) -> dict[str, str]:
    with db.session() as session:
        return importing.get_mapping(session, actor, name)


def save_mapping(db: Database, actor: Actor, name: str,
                 mapping: Mapping[str, str]) -> MappingSaved:
    with db.session() as session:
        importing.save_mapping(session, actor, name, mapping)
    return MappingSaved(name.strip())
