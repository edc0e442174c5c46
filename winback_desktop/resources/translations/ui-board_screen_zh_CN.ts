<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoardScreen</name>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>On call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>话后处理</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Agent</source>
        <extracomment>seconds in a state after which the time turns amber, then red</extracomment>
        <translation>坐席</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time in state</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>SLTV</source>
        <translation>SLTV</translation>
    </message>
    <message>
        <source>Script step</source>
        <translation>脚本步骤</translation>
    </message>
    <message>
        <source>Call length</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <source>Send coaching message…</source>
        <translation>发送辅导消息…</translation>
    </message>
    <message>
        <source>Flag current call for review</source>
        <translation>标记当前通话待质检</translation>
    </message>
    <message>
        <source>{states}
Queue: {queues}   ·   Callbacks due: {callbacks}   ·   Pending approvals: {approvals}   ·   Flagged calls: {flagged}</source>
        <translation>{states}
队列:{queues}   ·   到期回拨:{callbacks}   ·   待审批:{approvals}   ·   已标记通话:{flagged}</translation>
    </message>
    <message>
        <source>Select an agent first.</source>
        <translation>请先选择一名坐席。</translation>
    </message>
    <message>
        <source>Coaching message</source>
        <translation>辅导消息</translation>
    </message>
    <message>
        <source>Message to the agent:</source>
        <translation>发给坐席的消息:</translation>
    </message>
    <message>
        <source>Message sent.</source>
        <translation>消息已发送。</translation>
    </message>
    <message>
        <source>This agent is not on a call.</source>
        <translation>该坐席当前没有通话。</translation>
    </message>
    <message>
        <source>Call flagged for review.</source>
        <translation>通话已标记待质检。</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Live board</source>
        <translation>实时看板</translation>
    </message>
</context>
</TS>
