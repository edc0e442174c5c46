"""The call workspace's reads and hand-overs, one function per agent action.

The workspace screen never opens a session: taking the next customer is *one* use case
here (claim, load the card, and give the customer back if the card cannot be shown, so
an agent never sits on a customer they cannot see), and so are opening a callback,
giving back what a crashed session held, listing the running campaigns and explaining
a customer's SLTV. The call's own steps (dial, answer, outcome) are ``services.calls``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field

from winback_desktop.core import sltv
from winback_desktop.core.errors import DatabaseUnavailable, WinbackError
from winback_desktop.db.session import Database
from winback_desktop.services import calls, campaigns, customer_card, queue, sltv_service, win_model
from winback_desktop.services.changes import NO_CHANGES, Changes, Topic
from winback_desktop.services.context import Actor
from winback_desktop.services.customer_card import CustomerCard
from winback_desktop.services.queue import ClaimedTask

TAKEN = Changes.of(Topic.QUEUE, Topic.PRESENCE)


@dataclass(frozen=True, slots=True)
class TakenCustomer:
    """The customer the agent now holds and their card."""

    task: ClaimedTask
    card: CustomerCard
    changes: Changes = TAKEN


@dataclass(frozen=True, slots=True)
class CampaignChoice:
    campaign_id: int
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Leftovers:
    """What an earlier (crashed) session of this agent held and gave back now."""

    released: int
    changes: Changes = field(default_factory=lambda: Changes.of(Topic.QUEUE, Topic.CALLS))


@dataclass(frozen=True, slots=True)
class SltvExplained:
    explanation: sltv.SltvExplanation
    chance: win_model.PWinExplanation | None


def _with_card(db: Database, actor: Actor, task: ClaimedTask) -> TakenCustomer:
    try:
        with db.session() as session:
            card = customer_card.customer_card(session, actor, task.customer_id)
    except BaseException:
        # never sit on a customer the agent cannot see
        with contextlib.suppress(Exception):
            queue.release_task(db, actor, task.task_id)
        raise
    return TakenCustomer(task, card)


def take_next_customer(db: Database, actor: Actor, campaign_id: int | None = None
                       ) -> TakenCustomer | None:
    """Claim the best waiting customer and load their card; None when nobody waits."""
    task = queue.claim_next_task(db, actor, campaign_id=campaign_id)
    if task is None:
        return None
    return _with_card(db, actor, task)


def open_callback(db: Database, actor: Actor, task_id: int) -> TakenCustomer:
    """Claim one callback from "My callbacks" and load its card."""
    return _with_card(db, actor, queue.claim_task(db, actor, task_id))


def running_campaigns(db: Database, actor: Actor) -> list[CampaignChoice]:
    """The campaigns this user can take customers from now: running ones they are
    assigned to (the queue gives nobody customers of other campaigns, so an empty list
    means "not assigned", which the desk says)."""
    return [CampaignChoice(cid, name, kind)
            for cid, name, kind in campaigns.my_running_campaigns(db, actor)]


def _retry(fn: Callable[[], object], attempts: int = 4) -> None:
    """Once more when SQLite reports a snapshot conflict; a refusal is left alone."""
    for attempt in range(attempts):
        try:
            fn()
            return
        except DatabaseUnavailable as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
        except WinbackError:
            return


def release_leftovers(db: Database, actor: Actor) -> Leftovers:
    """Calls a crashed session left open are closed as abandoned and customers it still
    held go back to the queue now, not when their lease runs out."""
    _retry(lambda: calls.abandon_own_open_calls(db, actor, calls.CRASH))
    with db.session() as session:
        held = queue.get_claimed(session, actor)
    for task_id in held:
        _retry(lambda t=task_id: queue.release_task(db, actor, t))  # type: ignore[misc]
    return Leftovers(len(held), TAKEN if held else NO_CHANGES)


def explain_sltv(db: Database, actor: Actor, customer_id: int, campaign_id: int | None
                 ) -> SltvExplained:
    """Every term of the held customer's SLTV and their chance of coming back."""
    with db.session() as session:
        explanation = sltv_service.explain_customer(session, actor, customer_id,
                                                    campaign_id=campaign_id)
    return SltvExplained(explanation, win_model.explain_for(db, actor, customer_id,
                                                            campaign_id))
