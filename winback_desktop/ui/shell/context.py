"""What every screen gets: the database, the logged-in actor and change notifications."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from winback_desktop.services.changes import Changes, Topic

if TYPE_CHECKING:
    from winback_desktop.services.context import Actor
    from winback_desktop.services.database import Database


class ChangeHub(QObject):
    """Anki-style "operation did X" broadcast: views refresh what a change touched.

    ``changed`` carries a ``Changes``; views call ``subscribe`` rather than connecting
    to it, so they refresh only for their topics and stop when they are deleted.
    """

    changed = Signal(object)
    language_changed = Signal(str)
    connection_changed = Signal(bool)

    def publish(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)

    def notify(self, *topics: Topic | str) -> None:
        """Broadcast ``topics``; a string must be a ``Topic`` value."""
        self.publish(Changes.of(*topics))

    def subscribe(self, view: QWidget, topics: Iterable[Topic],
                  refresh: Callable[[Changes], None]) -> None:
        """Call ``refresh`` on the GUI thread when a change touches one of ``topics``.

        A view that is hidden inside a visible window (a screen not on top) refreshes
        once when it is shown again, with everything that changed meanwhile; the
        subscription ends with the view.
        """
        _Subscription(self, view, frozenset(topics), refresh)


class _Subscription(QObject):
    """A child of its view, so Qt disconnects it when the view is deleted."""

    def __init__(self, hub: ChangeHub, view: QWidget, topics: frozenset[Topic],
                 refresh: Callable[[Changes], None]) -> None:
        super().__init__(view)
        self._view = view
        self._topics = topics
        self._refresh = refresh
        self._pending: Changes | None = None
        hub.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if not changes.touches(self._topics):
            return
        view = self._view
        if view.window().isVisible() and not view.isVisible():
            if self._pending is None:
                view.installEventFilter(self)
                self._pending = changes
            else:
                self._pending = self._pending | changes
            return
        self._refresh(changes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Show \
                and self._pending is not None:
            changes, self._pending = self._pending, None
            self._view.removeEventFilter(self)
            self._refresh(changes)
        return False


@dataclass
class AppContext:
    db: Database
    actor: Actor
    hub: ChangeHub = field(default_factory=ChangeHub)
    language: str = "en"
