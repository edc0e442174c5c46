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
        <source>Not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <source>Agent</source>
        <extracomment>the row of an agent who asked for help seconds in a state after which the time turns amber, then red admins set up the not-ready reasons and the wrap-up limit from here</extracomment>
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
        <source>Coach…</source>
        <translation>辅导…</translation>
    </message>
    <message>
        <source>Send the selected agent a coaching message</source>
        <translation>给所选坐席发送辅导消息</translation>
    </message>
    <message>
        <source>Flag call</source>
        <translation>标记通话</translation>
    </message>
    <message>
        <source>Flag the selected agent&apos;s current call for review</source>
        <translation>标记所选坐席当前的通话以供质检</translation>
    </message>
    <message>
        <source>Answer help</source>
        <translation>响应求助</translation>
    </message>
    <message>
        <source>You are going to the agent who asked for help</source>
        <translation>您将前往请求帮助的坐席</translation>
    </message>
    <message>
        <source>Not ready…</source>
        <translation>设为未就绪…</translation>
    </message>
    <message>
        <source>Stop the queue for the selected agent</source>
        <translation>暂停所选坐席的分配</translation>
    </message>
    <message>
        <source>Log out…</source>
        <translation>登出…</translation>
    </message>
    <message>
        <source>Desk settings…</source>
        <translation>工作台设置…</translation>
    </message>
    <message>
        <source>Not-ready reasons and the wrap-up limit</source>
        <translation>未就绪原因与话后处理时限</translation>
    </message>
    <message>
        <source>Log the selected agent out</source>
        <translation>将所选坐席登出</translation>
    </message>
    <message>
        <source>Asking for help: {n}</source>
        <translation>请求帮助：{n}</translation>
    </message>
    <message>
        <source>{state} · HELP</source>
        <translation>{state} · 求助</translation>
    </message>
    <message>
        <source>{agent} asks for help</source>
        <translation>{agent} 正在请求帮助</translation>
    </message>
    <message>
        <source>{length} · talk {talk}</source>
        <translation>{length} · 通话 {talk}</translation>
    </message>
    <message>
        <source>Message sent to {agent}.</source>
        <translation>消息已发送给 {agent}。</translation>
    </message>
    <message>
        <source>{agent}: help answered.</source>
        <translation>{agent}：已响应求助。</translation>
    </message>
    <message>
        <source>{agent} is set to not ready.</source>
        <translation>{agent} 已设为未就绪。</translation>
    </message>
    <message>
        <source>Log out {agent}</source>
        <translation>登出 {agent}</translation>
    </message>
    <message>
        <source>Log {agent} out? Their desk closes within a few seconds; a customer they hold but have not called goes back to the queue.</source>
        <translation>要将 {agent} 登出吗？其工作台将在几秒内关闭；已领取但尚未拨打的客户会回到队列。</translation>
    </message>
    <message>
        <source>{agent} is logged out.</source>
        <translation>{agent} 已登出。</translation>
    </message>
    <message>
        <source>{states}
Queue: {queues}   ·   Callbacks due: {callbacks}   ·   Pending approvals: {approvals}   ·   Flagged calls: {flagged}</source>
        <translation>{states}
队列:{queues}   ·   到期回拨:{callbacks}   ·   待审批:{approvals}   ·   已标记通话:{flagged}</translation>
    </message>
    <message>
        <source>Select an agent first.</source>
        <translation>请先选择一位坐席。</translation>
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
