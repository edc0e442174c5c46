"""Which language a call's interview script is in (issue 16).

The rule: the customer's preferred language when it is set and the agent speaks it,
otherwise the agent's interface language; the campaign's script when it is in that
language, else the newest published script of the same kind in that language.
"""

from __future__ import annotations

from sqlalchemy import select

from winback_desktop.db.models import Call, CallTask, Campaign, Customer, InterviewScript, User
from winback_desktop.services import interviews as I
from winback_desktop.services import users
from winback_desktop.services.context import Actor


def _floor(db, admin, agent_language: str, spoken: list[str],  # type: ignore[no-untyped-def]
           customer_language: str | None) -> tuple[Actor, int, int, dict[str, int]]:
    with db.session() as s:
        I.ensure_default_scripts(s, admin)
        scripts = {row.language.split("_")[0]: row.id for row in s.scalars(
            select(InterviewScript).where(InterviewScript.kind == "win_back"))}
        agent_user = users.add_user(s, admin, "ag", "agent", "pw-123456")
        agent_user.language, agent_user.languages = agent_language, spoken
        # The campaign reads the Chinese script, as the demo's does.
        campaign = Campaign(name="Win back / 赢回", kind="win_back", status="running",
                            script_id=scripts["zh"])
        customer = Customer(name="Richard Lee", status="lost", defection_reason="unknown",
                            preferred_language=customer_language)
        s.add_all([campaign, customer])
        s.flush()
        task = CallTask(campaign_id=campaign.id, customer_id=customer.id, status="claimed")
        s.add(task)
        s.flush()
        call = Call(task_id=task.id, customer_id=customer.id, campaign_id=campaign.id,
                    agent_id=agent_user.id)
        s.add(call)
        s.flush()
        return Actor.of(agent_user), customer.id, call.id, scripts


def _script_language(db, actor: Actor, customer_id: int, call_id: int) -> str:  # type: ignore[no-untyped-def]
    with db.session() as s:
        state = I.start_response(s, actor, customer_id, call_id)
        return str(s.get(InterviewScript, state.script_id).language)


def test_an_english_agent_calling_an_english_customer_reads_the_english_script(
        db, admin) -> None:  # type: ignore[no-untyped-def]
    actor, customer, call, _ = _floor(db, admin, "en", ["en"], "en")
    assert _script_language(db, actor, customer, call).startswith("en")


def test_the_customer_language_wins_when_the_agent_speaks_it(db, admin) -> None:  # type: ignore[no-untyped-def]
    actor, customer, call, _ = _floor(db, admin, "en", ["en", "zh"], "zh_CN")
    assert _script_language(db, actor, customer, call).startswith("zh")


def test_an_agent_who_does_not_speak_the_customer_language_reads_their_own(
        db, admin) -> None:  # type: ignore[no-untyped-def]
    actor, customer, call, _ = _floor(db, admin, "en", ["en"], "zh")
    assert _script_language(db, actor, customer, call).startswith("en")


def test_without_a_customer_language_the_agent_language_decides(db, admin) -> None:  # type: ignore[no-untyped-def]
    actor, customer, call, _ = _floor(db, admin, "zh_CN", [], None)
    assert _script_language(db, actor, customer, call).startswith("zh")
    with db.session() as s:  # the same agent switches the interface to English
        s.get(User, actor.user_id).language = "en"
    with db.session() as s:
        chosen = I.script_for_call(s, customer, call, actor.user_id)
        assert s.get(InterviewScript, chosen).language.startswith("en")
