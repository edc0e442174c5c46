"""Calls: the lifecycle as a state machine (``core.call_flow``), outcomes, amendments.

``lifecycle``: start → answer → hang up → outcome → wrap-up → done, or abandoned;
``outcome``: what an outcome does to the task and customer (and the one-shot
``log_call``); ``amend``: correcting an outcome; ``views``: reading calls.
"""

from winback_desktop.services.calls.amend import amend_outcome, can_amend
from winback_desktop.services.calls.lifecycle import (
    CRASH,
    LEASE_EXPIRED,
    LOGOUT,
    QUIT,
    Abandoned,
    CallState,
    abandon_call,
    abandon_own_open_calls,
    abandon_stale_calls,
    answer_call,
    end_call,
    finish_call,
    finish_wrap_up,
    heartbeat,
    mark_answered,
    offer_accepted,
    record_outcome,
    start_call,
)
from winback_desktop.services.calls.outcome import (
    FINAL,
    CallAlreadyFinished,
    CallOutcome,
    CustomerDoNotCall,
    TaskClosed,
    WrongSuccess,
    check_success,
    log_call,
    mark_success,
    parse_disposition,
)
from winback_desktop.services.calls.views import (
    Amendment,
    CallInfo,
    CallParties,
    call_parties,
    customer_calls,
    list_open_calls,
    show_call,
)

__all__ = [
    "CRASH",
    "FINAL",
    "LEASE_EXPIRED",
    "LOGOUT",
    "QUIT",
    "Abandoned",
    "Amendment",
    "CallAlreadyFinished",
    "CallInfo",
    "CallOutcome",
    "CallParties",
    "CallState",
    "CustomerDoNotCall",
    "TaskClosed",
    "WrongSuccess",
    "abandon_call",
    "abandon_own_open_calls",
    "abandon_stale_calls",
    "amend_outcome",
    "answer_call",
    "call_parties",
    "can_amend",
    "check_success",
    "customer_calls",
    "end_call",
    "finish_call",
    "finish_wrap_up",
    "heartbeat",
    "list_open_calls",
    "log_call",
    "mark_answered",
    "mark_success",
    "offer_accepted",
    "parse_disposition",
    "record_outcome",
    "show_call",
    "start_call",
]
