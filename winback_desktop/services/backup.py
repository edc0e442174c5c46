"""Backups and restores of the whole database, their schedule and retention (admin only).

The file format and the engine-level work live in ``db.backup`` (the automatic backup
before a schema upgrade uses the same format); this module adds what an admin sees:
the permission check, the confirmation a restore needs, the audit log, where backups go,
how many are kept and when the next scheduled one is due.
"""

from __future__ import annotations

import logging
import time as _time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from winback_desktop.core.errors import ValidationError, WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db import backup as backup_file
from winback_desktop.db import migrate, restore_guard
from winback_desktop.db.models import Setting, User
from winback_desktop.db.session import Database
from winback_desktop.services import audit, settings
from winback_desktop.services.context import Actor, require

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]

RETENTION_KEY = "backup_retention"
SCHEDULE_KEY = "backup_schedule"
LAST_BACKUP_KEY = "backup_last_at"
DEFAULT_RETENTION = 10
FREQUENCIES = ("off", "daily", "weekly")
#: Backups in the backups folder that retention may delete (never other files there).
BACKUP_GLOB = "winback-*.zip"


class RestoreNotConfirmed(WinbackError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "Restoring replaces every customer, call and user in {database} with the backup. "
        "Confirm to go ahead.",
    )


@dataclass
class BackupInfo:
    """What a backup wrote (or what a backup file holds)."""

    path: str
    kind: str
    revision: str | None
    created_at: str
    app_version: str
    size_bytes: int
    rows: dict[str, int]
    seconds: float = 0.0
    checks: list[str] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["total_rows"] = self.total_rows
        return data


@dataclass
class RestoreInfo:
    path: str
    database: str
    revision: str | None
    rows: dict[str, int]
    seconds: float
    upgraded: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _info(path: Path, manifest: backup_file.Manifest, seconds: float = 0.0,
          checks: list[str] | None = None) -> BackupInfo:
    return BackupInfo(
        path=str(path), kind=str(manifest.kind), revision=manifest.revision,
        created_at=manifest.created_at, app_version=manifest.app_version,
        size_bytes=path.stat().st_size, rows=manifest.counts(), seconds=round(seconds, 3),
        checks=list(checks or []),
    )


def default_backup_path(directory: Path | None = None, label: str = "backup") -> Path:
    directory = directory or migrate.backups_dir()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return directory / f"winback-{label}-{stamp}.zip"


# --------------------------------------------------------------------------- backup


def backup(db: Database, actor: Actor, path: Path | str | None = None, *,
           progress: Progress | None = None, label: str = "backup",
           portable: bool = False) -> BackupInfo:
    """Back the whole database up into ``path`` (a file, a folder, or the backups folder).

    ``portable`` writes per-table JSON lines that load into either engine (for moving
    between SQLite and PostgreSQL); otherwise the engine's own format is used.

    Backups written into the backups folder count against the retention setting; the
    oldest beyond it are deleted afterwards.
    """
    require(actor, Permission.MANAGE_DATABASE)
    target = Path(path) if path is not None else default_backup_path(label=label)
    if target.is_dir():
        target = default_backup_path(target, label)
    started = _time.perf_counter()
    manifest = backup_file.write_backup(db.engine, target, progress or _quiet,
                                        portable=portable)
    info = _info(target, manifest, _time.perf_counter() - started)
    with db.session() as s:
        audit.record(s, actor, "database_backup", "database", db.backend,
                     after={"database": db.display_url, "path": info.path,
                            "kind": info.kind, "rows": info.total_rows,
                            "revision": info.revision})
        _set_last_backup(s, datetime.now(UTC))
        keep = retention(s)
    if _in_backups_dir(target):
        prune_backups(target.parent, keep)
    log.info("backup %s written: %s rows, %s bytes in %.1f s", target, info.total_rows,
             info.size_bytes, info.seconds)
    return info


def _quiet(done: int, total: int, label: str) -> None:
    del done, total, label


def backups_dir() -> Path:
    """Where backups of this PC's data are written (the backup dialog opens it)."""
    return migrate.backups_dir()


def _in_backups_dir(path: Path) -> bool:
    try:
        return path.resolve().parent == migrate.backups_dir().resolve()
    except OSError:
        return False


def prune_backups(directory: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` Winback backups in ``directory``."""
    keep = max(1, int(keep))
    found = sorted(directory.glob(BACKUP_GLOB), key=lambda p: (p.stat().st_mtime, p.name),
                   reverse=True)
    removed = []
    for old in found[keep:]:
        try:
            old.unlink()
            removed.append(old)
        except OSError as exc:  # in use or read-only: try again next time
            log.warning("could not delete old backup %s: %s", old, exc)
    return removed


def list_backups(directory: Path | None = None) -> list[Path]:
    """Backups in the backups folder, newest first."""
    directory = directory or migrate.backups_dir()
    return sorted(directory.glob(BACKUP_GLOB), key=lambda p: p.stat().st_mtime, reverse=True)


# --------------------------------------------------------------------------- verify / restore


def verify_backup(path: Path | str, progress: Progress | None = None) -> BackupInfo:
    """Check a backup file end to end (no database needed); raises ``BackupCorrupt``,
    or ``DatabaseTooNew`` for a backup of a newer schema: intact, but this version of the
    app could not restore it, so 'restore --check' must not call it good."""
    path = Path(path)
    if not path.is_file():
        raise backup_file.BackupCorrupt(path=str(path), detail="file not found")
    verified = backup_file.verify(path, progress or _quiet)
    backup_file.check_revision(verified.manifest)
    return _info(path, verified.manifest, checks=verified.checks)


def restore(db: Database, actor: Actor, path: Path | str, *, confirm: bool,
            progress: Progress | None = None,
            wait_seconds: float = restore_guard.DEFAULT_WAIT_S) -> RestoreInfo:
    """Replace the database with a backup after checking the backup is whole.

    Refuses without ``confirm``, refuses a damaged file or one from a newer schema; a
    backup of an older schema is restored and then upgraded. Other workstations must
    leave first: the restore waits up to ``wait_seconds`` for them, then stops saying
    who is still connected, before anything changed (``RestoreBlocked``).

    Audited before it starts (who, from which file) so that a restore killed half-way
    still shows who began it, and again -- the start and the outcome -- in the restored
    database, whose audit log is the backup's.
    """
    require(actor, Permission.MANAGE_DATABASE)
    path = Path(path)
    if not confirm:
        raise RestoreNotConfirmed(database=db.display_url)
    started = _time.perf_counter()
    verified = backup_file.verify(path, progress or _quiet)
    backup_file.check_revision(verified.manifest)
    begun = {"database": db.display_url, "path": str(path),
             "backup_created_at": verified.manifest.created_at,
             "revision": verified.manifest.revision}
    try:
        restore_guard.wait_for_others(db.engine, db.display_url, wait_seconds)
    except restore_guard.RestoreBlocked as blocked:
        if isinstance(blocked, restore_guard.RestoreFileBusy):  # the file takes no row now
            log.warning("restore of %s by %s blocked: %s", db.display_url, actor.login, blocked)
        else:
            _audit_quietly(db, actor, "database_restore_blocked",
                           begun | {"why": str(blocked)})
        raise
    _audit_quietly(db, actor, "database_restore_started", begun)
    log.warning("restore of %s from %s started by %s on %s", db.display_url, path,
                actor.login, actor.workstation)
    stats = backup_file.restore_into(db.engine, path, verified.manifest, progress or _quiet,
                                     wait_s=wait_seconds)
    seconds = _time.perf_counter() - started
    info = RestoreInfo(path=str(path), database=db.display_url,
                       revision=verified.manifest.revision,
                       rows={name: s.rows for name, s in stats.items()},
                       seconds=round(seconds, 3),
                       upgraded=verified.manifest.revision != migrate.head_revision())
    with db.session() as s:
        # The restored users may not include whoever restored: keep the login, drop the id.
        known = actor.user_id is not None and s.get(User, actor.user_id) is not None
        who = actor if known else Actor(None, actor.login, actor.role, actor.display_name,
                                        workstation=actor.workstation, channel=actor.channel)
        audit.record(s, who, "database_restore_started", "database", db.backend, after=begun)
        audit.record(s, who, "database_restore", "database", db.backend,
                     after={"database": db.display_url, "path": info.path, "backup_created_at":
                            verified.manifest.created_at, "revision": info.revision,
                            "rows": sum(info.rows.values())})
    log.info("restored %s from %s in %.1f s", db.display_url, path, seconds)
    return info


def _audit_quietly(db: Database, actor: Actor, action: str, after: dict[str, Any]) -> None:
    """Audit on a database that may be damaged, empty or too new (a restore fixes those):
    when it cannot take the row, the log file keeps the trace."""
    try:
        with db.session() as s:
            known = actor.user_id is not None and s.get(User, actor.user_id) is not None
            who = actor if known else Actor(None, actor.login, actor.role,
                                            actor.display_name, workstation=actor.workstation,
                                            channel=actor.channel)
            audit.record(s, who, action, "database", db.backend, after=after)
    except Exception as exc:
        log.warning("could not audit %s on %s (%s): %s", action, db.display_url,
                    type(exc).__name__, after)
    finally:
        db.engine.dispose()


# --------------------------------------------------------------------------- schedule


@dataclass(frozen=True)
class BackupSchedule:
    """When this workstation backs the database up: off, daily or weekly at a time."""

    frequency: str = "off"
    at: time = time(2, 0)
    #: Monday = 0 … Sunday = 6, for weekly backups
    weekday: int = 0

    def as_setting(self) -> dict[str, Any]:
        return {"frequency": self.frequency, "time": self.at.strftime("%H:%M"),
                "weekday": self.weekday}

    @classmethod
    def from_setting(cls, value: Any) -> BackupSchedule:
        if not isinstance(value, dict):
            return cls()
        try:
            frequency = str(value.get("frequency", "off"))
            at = time.fromisoformat(str(value.get("time", "02:00")))
            weekday = int(value.get("weekday", 0))
        except (TypeError, ValueError):
            return cls()
        if frequency not in FREQUENCIES or not 0 <= weekday <= 6:
            return cls()
        return cls(frequency, at.replace(second=0, microsecond=0), weekday)


def last_slot(schedule: BackupSchedule, now: datetime) -> datetime | None:
    """The latest scheduled moment at or before ``now`` (local wall time of ``now``)."""
    if schedule.frequency == "off":
        return None
    local = now.astimezone() if now.tzinfo is not None else now
    slot = local.replace(hour=schedule.at.hour, minute=schedule.at.minute, second=0,
                         microsecond=0)
    if schedule.frequency == "daily":
        return slot if slot <= local else slot - timedelta(days=1)
    slot -= timedelta(days=(slot.weekday() - schedule.weekday) % 7)
    return slot if slot <= local else slot - timedelta(days=7)


def is_due(schedule: BackupSchedule, last_backup: datetime | None, now: datetime) -> bool:
    """True when a scheduled moment has passed since the last backup.

    A PC that was off at 02:00 backs up when it next runs, once, not once per missed day.
    """
    slot = last_slot(schedule, now)
    if slot is None:
        return False
    return last_backup is None or last_backup < slot


def get_schedule(db: Database) -> BackupSchedule:
    with db.session() as s:
        return BackupSchedule.from_setting(settings.get(s, SCHEDULE_KEY))


def set_schedule(db: Database, actor: Actor, schedule: BackupSchedule) -> None:
    require(actor, Permission.MANAGE_DATABASE)
    if schedule.frequency not in FREQUENCIES or not 0 <= schedule.weekday <= 6:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Not a valid backup schedule."))
    with db.session() as s:
        settings.set_value(s, actor, SCHEDULE_KEY, schedule.as_setting())


def retention(session: Any) -> int:
    value = settings.get(session, RETENTION_KEY)
    try:
        return max(1, int(value)) if value is not None else DEFAULT_RETENTION
    except (TypeError, ValueError):
        return DEFAULT_RETENTION


def get_retention(db: Database) -> int:
    with db.session() as s:
        return retention(s)


def set_retention(db: Database, actor: Actor, keep: int) -> None:
    require(actor, Permission.MANAGE_DATABASE)
    if not 1 <= int(keep) <= 1000:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Keep between 1 and 1000 backups."))
    with db.session() as s:
        settings.set_value(s, actor, RETENTION_KEY, int(keep))


def _set_last_backup(session: Any, when: datetime) -> None:
    row = session.scalar(select(Setting).where(Setting.scope == settings.GLOBAL,
                                               Setting.key == LAST_BACKUP_KEY))
    if row is None:
        session.add(Setting(scope=settings.GLOBAL, key=LAST_BACKUP_KEY,
                            value=when.isoformat()))
    else:
        row.value = when.isoformat()


def last_backup_at(db: Database) -> datetime | None:
    """When the last backup of this database finished (any workstation), if known."""
    with db.session() as s:
        value = settings.get(s, LAST_BACKUP_KEY)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        except ValueError:
            return None
    return None


def due_backup(db: Database, now: datetime | None = None) -> bool:
    """Should the GUI start a scheduled backup now? Cheap: call it every few minutes."""
    now = now or datetime.now(UTC)
    return is_due(get_schedule(db), last_backup_at(db), now)


def run_scheduled_backup(db: Database, actor: Actor, now: datetime | None = None,
                         progress: Progress | None = None) -> BackupInfo | None:
    """Back up into the backups folder if the schedule says so; None when not due."""
    if not due_backup(db, now):
        return None
    return backup(db, actor, None, progress=progress, label="scheduled")
