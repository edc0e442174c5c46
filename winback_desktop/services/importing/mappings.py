"""Importing: saved column mappings."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import (
    select,
)
from sqlalchemy.orm import Session

from winback_desktop.core.errors import NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    ImportMapping,
)
from winback_desktop.io.fields import SCHEMAS
from winback_desktop.services import (
    audit,
)
from winback_desktop.services.context import Actor, require

# ------------------------------------------------------------------------ saved mappings


def save_mapping(session: Session, actor: Actor, name: str,
                 mapping: Mapping[str, str]) -> None:
    """Save (or replace) a named ``{field: header}`` mapping."""
    require(actor, Permission.IMPORT_CUSTOMERS)
    name = name.strip()
    if not name or len(name) > 100:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "A mapping name has 1 to 100 characters."))
    known = {f.key for schema in SCHEMAS.values() for f in schema.fields}
    for key in mapping:
        if key not in known:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown import field '{field}'."),
                                  field=key)
    data = {k: str(v) for k, v in mapping.items() if v}
    row = session.scalar(select(ImportMapping).where(ImportMapping.name == name))
    before = None if row is None else dict(row.mapping)
    if row is None:
        session.add(ImportMapping(name=name, mapping=data))
    else:
        row.mapping = data
    audit.record(session, actor, "import_mapping_saved", "import_mapping", name,
                 before=before, after=data)


def list_mappings(session: Session, actor: Actor) -> list[str]:
    require(actor, Permission.IMPORT_CUSTOMERS)
    return list(session.scalars(select(ImportMapping.name).order_by(ImportMapping.name)))


def get_mapping(session: Session, actor: Actor, name: str) -> dict[str, str]:
    require(actor, Permission.IMPORT_CUSTOMERS)
    row = session.scalar(select(ImportMapping).where(ImportMapping.name == name))
    if row is None:
        raise NotFound(what=name)
    return dict(row.mapping)


def delete_mapping(session: Session, actor: Actor, name: str) -> None:
    require(actor, Permission.IMPORT_CUSTOMERS)
    row = session.scalar(select(ImportMapping).where(ImportMapping.name == name))
    if row is None:
        raise NotFound(what=name)
    audit.record(session, actor, "import_mapping_deleted", "import_mapping", name,
                 before=dict(row.mapping))
    session.delete(row)

