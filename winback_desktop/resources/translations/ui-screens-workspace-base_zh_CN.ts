<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WorkspaceBase</name>
    <message>
        <source>Call in progress</source>
        <extracomment>set once the agent agreed to leave mid-call (quit, logout) the bare digit shortcuts, live only at the outcome step (the screen adds them)</extracomment>
        <translation>通话进行中</translation>
    </message>
    <message>
        <source>You are on a call with {name}. Leave anyway? The call is closed without an outcome and the customer goes back to the queue; your notes are kept as a draft.</source>
        <translation>您正在与 {name} 通话。仍要离开吗？该通话将在没有结果的情况下关闭，客户回到队列；您的备注会保存为草稿。</translation>
    </message>
    <message>
        <source>Status: {state}</source>
        <translation>状态：{state}</translation>
    </message>
    <message>
        <source>{n} customer(s) you held in an earlier session went back to the queue.</source>
        <translation>您在上一次会话中占用的 {n} 位客户已放回队列。</translation>
    </message>
    <message>
        <source>Could not renew your hold on this customer: {error} Your notes are kept.</source>
        <translation>无法续期对此客户的占用：{error} 您的备注已保留。</translation>
    </message>
</context>
</TS>
