"""What a use case changed, so every view showing that data can refresh.

A service that writes returns a result carrying ``Changes``; the GUI broadcasts them
and each screen refreshes only when a topic it shows is among them. Topics are an
enum, not free strings: a typo is an error when the code is checked, not a screen that
silently stops refreshing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, runtime_checkable


class Topic(StrEnum):
    """A kind of data that screens show and use cases change."""

    CUSTOMERS = "customers"
    IMPORTS = "imports"
    QUEUE = "queue"
    CALLS = "calls"
    PRESENCE = "presence"
    CAMPAIGNS = "campaigns"
    SEGMENTATION = "segmentation"
    SCRIPTS = "scripts"
    INTERVIEWS = "interviews"
    OFFERS = "offers"
    QA = "qa"
    COACHING = "coaching"
    REWARDS = "rewards"
    SCORECARDS = "scorecards"
    USERS = "users"
    SETTINGS = "settings"
    AUDIT = "audit"
    #: early-warning flags and purchase histories (issue 19)
    RISK = "risk"
    #: The whole database changed under the app (a restore): every view reloads.
    EVERYTHING = "*"


@dataclass(frozen=True, slots=True)
class Changes:
    """The topics one use case changed; empty when it changed nothing."""

    topics: frozenset[Topic] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *topics: Topic | str) -> Changes:
        """``Changes.of(Topic.QUEUE, Topic.CALLS)``; a string must name a topic."""
        return cls(frozenset(Topic(t) for t in topics))

    def __contains__(self, topic: object) -> bool:
        return Topic.EVERYTHING in self.topics or topic in self.topics

    def __bool__(self) -> bool:
        return bool(self.topics)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.topics | other.topics)

    def touches(self, topics: Iterable[Topic]) -> bool:
        """True when any of ``topics`` changed (always, after a whole-database change)."""
        return Topic.EVERYTHING in self.topics or not self.topics.isdisjoint(topics)


NO_CHANGES = Changes()


@runtime_checkable
class ChangeResult(Protocol):
    """A use case's result that says what it changed."""

    @property
    def changes(self) -> Changes: ...


@dataclass(frozen=True, slots=True)
class Done:
    """The result of a change that has nothing to report but what it changed."""

    changes: Changes
