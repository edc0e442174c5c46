"""What every screen gets: the database, the logged-in actor and change notifications."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from winback_desktop.db.session import Database
from winback_desktop.services.context import Actor


class ChangeHub(QObject):
    """Anki-style "operation did X" broadcast: screens refresh what a change touched.

    ``changed`` carries a set of topics such as ``{"customers", "queue"}``.
    """

    changed = Signal(object)
    language_changed = Signal(str)
    connection_changed = Signal(bool)

    def notify(self, *topics: str) -> None:
        self.changed.emit(set(topics))


@dataclass
class AppContext:
    db: Database
    actor: Actor
    hub: ChangeHub = field(default_factory=ChangeHub)
    language: str = "en"
