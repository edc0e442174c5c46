"""The one background helper: results, failures, cancel, and views told what changed."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from winback_desktop.core.errors import NotFound
from winback_desktop.services.changes import Changes, Done, Topic
from winback_desktop.ui.kit.service_op import OpControl, OpError, OpGroup, ServiceOp
from winback_desktop.ui.shell.context import ChangeHub

TIMEOUT = 5_000


def _wait(qtbot: Any, op: ServiceOp[Any]) -> None:
    qtbot.waitUntil(lambda: op.done, timeout=TIMEOUT)


def test_a_result_with_changes_reaches_the_owner_and_every_subscribed_view(qtbot) -> None:  # type: ignore[no-untyped-def]
    hub = ChangeHub()
    owner, users_view, qa_view = QWidget(), QWidget(), QWidget()
    for w in (owner, users_view, qa_view):
        qtbot.addWidget(w)
    seen: dict[str, list[Changes]] = {"users": [], "qa": []}
    hub.subscribe(users_view, [Topic.USERS], seen["users"].append)
    hub.subscribe(qa_view, [Topic.QA], seen["qa"].append)
    results: list[Done] = []

    op = ServiceOp(owner, lambda _c: Done(Changes.of(Topic.USERS)), hub=hub)
    op.success(results.append).run()
    _wait(qtbot, op)

    assert results == [Done(Changes.of(Topic.USERS))]
    assert seen["users"] == [Changes.of(Topic.USERS)] and seen["qa"] == []


def test_topics_are_typed_an_unknown_name_is_refused() -> None:
    with pytest.raises(ValueError):
        Changes.of("user")  # a typo, not a topic
    everything = Changes.of(Topic.EVERYTHING)
    assert everything.touches([Topic.QA]) and Topic.OFFERS in everything
    assert "users" in Changes.of(Topic.USERS)  # plain strings still match their topic


def test_a_closed_owner_gets_no_callback_but_the_change_is_still_broadcast(qtbot) -> None:  # type: ignore[no-untyped-def]
    hub = ChangeHub()
    view = QWidget()
    qtbot.addWidget(view)
    seen: list[Changes] = []
    hub.subscribe(view, [Topic.OFFERS], seen.append)
    owner = QLabel("closing")
    gate = threading.Event()
    called: list[Any] = []

    def work(_c: OpControl) -> Done:
        gate.wait(TIMEOUT / 1000)
        return Done(Changes.of(Topic.OFFERS))

    op = ServiceOp(owner, work, hub=hub).success(called.append).finally_(
        lambda: called.append("finally")).run()
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _exists(owner), timeout=TIMEOUT)
    gate.set()
    _wait(qtbot, op)

    assert called == []  # nothing calls into the deleted label
    assert seen == [Changes.of(Topic.OFFERS)]  # the offer did change: other views refresh


def _exists(obj: Any) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def test_a_failure_is_one_translated_sentence_and_a_message_box_by_default(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from winback_desktop.ui.shell import i18n

    owner = QWidget()
    qtbot.addWidget(owner)
    errors: list[OpError] = []

    def missing(_c: OpControl) -> None:
        raise NotFound(what="customer 42")

    i18n.install("zh_CN")
    op = ServiceOp(owner, missing, hub=None).failure(errors.append).run()
    _wait(qtbot, op)
    assert errors[0].text.startswith("未找到") and "customer 42" in errors[0].text
    assert not errors[0].cancelled

    i18n.install("en")
    op = ServiceOp(owner, missing, hub=None).run()
    _wait(qtbot, op)
    box = owner.findChild(QMessageBox, "operationFailed")
    assert box is not None and box.text() == "Not found: customer 42."
    box.close()


def test_cancel_stops_the_work_and_shows_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    owner = QWidget()
    qtbot.addWidget(owner)
    started = threading.Event()
    steps: list[tuple[int, int, str]] = []

    def long_work(control: OpControl) -> None:
        control.progress(1, 3, "first")
        started.set()
        while True:
            control.check()

    op = ServiceOp(owner, long_work, hub=None).progress(
        lambda d, t, label: steps.append((d, t, label))).run()
    assert started.wait(TIMEOUT / 1000)
    op.cancel()
    _wait(qtbot, op)
    qtbot.waitUntil(lambda: steps == [(1, 3, "first")], timeout=TIMEOUT)
    assert owner.findChild(QMessageBox) is None


def test_a_hidden_screen_refreshes_once_when_it_is_shown_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    hub = ChangeHub()
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    front, back = QWidget(), QWidget()
    stack.addWidget(front)
    stack.addWidget(back)
    stack.show()
    seen: list[Changes] = []
    hub.subscribe(back, [Topic.QA, Topic.REWARDS], seen.append)

    hub.notify(Topic.QA)
    hub.notify(Topic.REWARDS)
    hub.notify(Topic.USERS)
    assert seen == []  # not on top: no queries for a screen nobody looks at
    stack.setCurrentWidget(back)
    assert seen == [Changes.of(Topic.QA, Topic.REWARDS)]
    hub.notify(Topic.QA)
    assert seen[-1] == Changes.of(Topic.QA)


def test_a_subscription_ends_with_its_view(qtbot) -> None:  # type: ignore[no-untyped-def]
    hub = ChangeHub()
    view = QWidget()
    seen: list[Changes] = []
    hub.subscribe(view, [Topic.USERS], seen.append)
    view.deleteLater()
    qtbot.waitUntil(lambda: not _exists(view), timeout=TIMEOUT)
    hub.notify(Topic.USERS)  # must not call into the deleted view
    assert seen == []


def test_a_serial_group_never_overlaps_and_knows_when_it_is_idle(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QWidget()
    qtbot.addWidget(owner)
    group = OpGroup(owner, None, serial=True)
    inside = 0
    most = 0
    lock = threading.Lock()

    def work(_c: OpControl) -> None:
        nonlocal inside, most
        with lock:
            inside += 1
            most = max(most, inside)
        threading.Event().wait(0.02)
        with lock:
            inside -= 1

    ops = [group.op(work).run() for _ in range(4)]
    assert not group.idle()
    qtbot.waitUntil(lambda: all(op.done for op in ops), timeout=TIMEOUT)
    assert most == 1 and group.idle()
