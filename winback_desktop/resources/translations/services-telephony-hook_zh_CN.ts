<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Phone events are recorded only for this workstation ({here}), not for {workstation}: the event was refused.</source>
        <translation>电话事件只为本工作站（{here}）记录，不为 {workstation} 记录：该事件已被拒绝。</translation>
    </message>
    <message>
        <source>The phone event for {number} belongs to another agent&apos;s call, not to the agent signed in on this workstation ({workstation}): it was refused.</source>
        <translation>{number} 的电话事件属于另一位坐席的通话，而不是在本工作站（{workstation}）登录的坐席：已被拒绝。</translation>
    </message>
    <message>
        <source>No open call to {number} on this workstation ({workstation}).</source>
        <translation>本工作站（{workstation}）没有拨往 {number} 的进行中通话。</translation>
    </message>
    <message>
        <source>Unknown phone event &apos;{event}&apos;. Use one of: {choices}.</source>
        <translation>未知的电话事件“{event}”。请使用以下之一：{choices}。</translation>
    </message>
</context>
</TS>
