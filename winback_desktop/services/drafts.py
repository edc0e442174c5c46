"""Autosaved drafts of what an agent typed during a call, so a crash loses nothing.

The call workspace saves the notes (and any half-filled fields) on every pause in
typing; the file is written atomically (temporary file, flush to disk, rename), so a
crash or power cut leaves either the old or the new draft, never a torn one. A draft is
cleared when the call's disposition is saved. One small JSON file per login and PC.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import tempfile
import threading
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from winback_desktop.services.paths import drafts_dir

log = logging.getLogger(__name__)


@dataclass
class Draft:
    task_id: int
    notes: str
    fields: dict[str, Any] = field(default_factory=dict)
    saved_at: str = ""


def _safe(login: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", login) or "_"


class DraftStore:
    """The drafts of one login on this PC."""

    def __init__(self, login: str, directory: Path | None = None) -> None:
        self.path = (directory or drafts_dir()) / f"{_safe(login)}.json"
        self._lock = threading.Lock()

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            # Keep the unreadable file for support; start afresh rather than fail a call.
            log.warning("drafts file %s unreadable (%s); kept as .bad", self.path, exc)
            with contextlib.suppress(OSError):
                os.replace(self.path, self.path.with_suffix(".bad"))
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, dict[str, Any]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=self.path.stem, suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def save(self, task_id: int, notes: str, fields: dict[str, Any] | None = None) -> Draft:
        draft = Draft(int(task_id), notes, dict(fields or {}), datetime.now(UTC).isoformat())
        with self._lock:
            data = self._read()
            data[str(draft.task_id)] = asdict(draft)
            self._write(data)
        return draft

    def load(self, task_id: int) -> Draft | None:
        with self._lock:
            raw = self._read().get(str(int(task_id)))
        if not isinstance(raw, dict):
            return None
        return Draft(int(raw.get("task_id", task_id)), str(raw.get("notes", "")),
                     dict(raw.get("fields") or {}), str(raw.get("saved_at", "")))

    def clear(self, task_id: int) -> None:
        with self._lock:
            data = self._read()
            if data.pop(str(int(task_id)), None) is not None:
                self._write(data)

    def all(self) -> list[Draft]:
        """Every unsaved draft, oldest first: shown after a crash so nothing is lost."""
        with self._lock:
            data = self._read()
        drafts = [Draft(int(v.get("task_id", k)), str(v.get("notes", "")),
                        dict(v.get("fields") or {}), str(v.get("saved_at", "")))
                  for k, v in data.items() if isinstance(v, dict)]
        return sorted(drafts, key=lambda d: d.saved_at)
