"""Win-back offers: catalogue, authority matrix, requests, approvals and outcomes.

DESIGN §6 and the book's quick win-back rule: offers are decided in advance, the agent
gives within their authority at once and otherwise keeps working while a supervisor
decides. The rules a user must be able to trust are enforced here, not in the UI:

* nobody decides on their own request;
* a supervisor cannot approve above their own authority (the request goes to an admin);
* when two people decide one request at once exactly one decision stands: every
  decision is an ``UPDATE … WHERE status IN (open) AND version_id = seen`` and the
  loser gets a ``Conflict`` that names who acted first (from the audit log, which is
  written in the winner's transaction);
* every state change writes an audit entry in the same transaction."""

from __future__ import annotations

from winback_desktop.services.offers.authority import (
    authority_matrix,
    authority_overrides,
    get_authority_matrix,
    set_authority_limit,
    set_authority_matrix,
    set_authority_override,
)
from winback_desktop.services.offers.catalogue import (
    add_default_offers,
    create_template,
    default_catalogue,
    ensure_default_authority,
    ensure_default_offers,
    get_template,
    list_templates,
    update_template,
)
from winback_desktop.services.offers.common import (
    DEFAULT_EXPIRY_MINUTES,
    EXPIRED_VISIBLE,
    EXPIRY_SETTING,
    BulkResult,
    Decision,
    Inbox,
    OfferChoice,
    OfferReport,
    OfferReportRow,
    OfferRequestInfo,
    RequestDetails,
    S,
    TemplateInfo,
)
from winback_desktop.services.offers.eligibility import eligible_offers
from winback_desktop.services.offers.reading import (
    customer_requests,
    my_requests,
    pending_count,
    pending_for,
    request_details,
)
from winback_desktop.services.offers.reports import export_report, offer_report
from winback_desktop.services.offers.requests import (
    bulk_decide,
    decide,
    expire_stale,
    record_outcome,
    request_info,
    request_offer,
)

__all__ = [
    "DEFAULT_EXPIRY_MINUTES",
    "EXPIRED_VISIBLE",
    "EXPIRY_SETTING",
    "BulkResult",
    "Decision",
    "Inbox",
    "OfferChoice",
    "OfferReport",
    "OfferReportRow",
    "OfferRequestInfo",
    "RequestDetails",
    "S",
    "TemplateInfo",
    "add_default_offers",
    "authority_matrix",
    "authority_overrides",
    "bulk_decide",
    "create_template",
    "customer_requests",
    "decide",
    "default_catalogue",
    "eligible_offers",
    "ensure_default_authority",
    "ensure_default_offers",
    "expire_stale",
    "export_report",
    "get_authority_matrix",
    "get_template",
    "list_templates",
    "my_requests",
    "offer_report",
    "pending_count",
    "pending_for",
    "record_outcome",
    "request_details",
    "request_info",
    "request_offer",
    "set_authority_limit",
    "set_authority_matrix",
    "set_authority_override",
    "update_template",
]
