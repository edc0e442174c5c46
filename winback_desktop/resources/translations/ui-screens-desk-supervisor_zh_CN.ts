<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CoachingDialog</name>
    <message>
        <source>Coaching message to {agent}</source>
        <translation>发给 {agent} 的辅导消息</translation>
    </message>
    <message>
        <source>To: &lt;b&gt;{agent}&lt;/b&gt;</source>
        <translation>发给：&lt;b&gt;{agent}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>They are on a call: the message appears on their desk when the call ends.</source>
        <translation>对方正在通话：消息将在通话结束后显示在其工作台上。</translation>
    </message>
    <message>
        <source>The message appears on their desk within 2 seconds.</source>
        <translation>消息将在 2 秒内显示在对方的工作台上。</translation>
    </message>
    <message>
        <source>Short and concrete, e.g. &quot;Ask what the competitor offered&quot;</source>
        <translation>简短具体，例如“问问竞争对手给了什么条件”</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>{n} / {max} characters</source>
        <translation>{n} / {max} 个字符</translation>
    </message>
</context>
<context>
    <name>ForceNotReadyDialog</name>
    <message>
        <source>Set {agent} to not ready</source>
        <translation>将 {agent} 设为未就绪</translation>
    </message>
    <message>
        <source>{agent} gets no more customers until they come back to ready. Reason:</source>
        <translation>{agent} 在恢复就绪前不会再分到客户。原因：</translation>
    </message>
</context>
</TS>
