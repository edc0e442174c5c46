<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MonitorButtons</name>
    <message>
        <source>Listen</source>
        <extracomment>a sentence for the board&apos;s message line</extracomment>
        <translation>监听</translation>
    </message>
    <message>
        <source>Your phone rings and you hear the selected agent&apos;s call; nobody hears you</source>
        <translation>您的电话会响起，您可以听到所选坐席的通话；没有人能听到您</translation>
    </message>
    <message>
        <source>Whisper</source>
        <translation>耳语</translation>
    </message>
    <message>
        <source>Your phone rings and you can speak to the agent; the customer does not hear you</source>
        <translation>您的电话会响起，您可以对坐席说话；客户听不到您</translation>
    </message>
    <message>
        <source>Barge</source>
        <translation>强插</translation>
    </message>
    <message>
        <source>Your phone rings and you join the call; both hear you</source>
        <translation>您的电话会响起，您将加入通话；双方都能听到您</translation>
    </message>
    <message>
        <source>Select an agent first.</source>
        <translation>请先选择一位坐席。</translation>
    </message>
    <message>
        <source>{agent} is not on a call.</source>
        <translation>{agent} 当前不在通话中。</translation>
    </message>
    <message>
        <source>Ringing your phone…</source>
        <translation>正在呼叫您的电话…</translation>
    </message>
    <message>
        <source>Pick up your phone: you join {agent}&apos;s call ({mode}).</source>
        <translation>请拿起电话：您将加入 {agent} 的通话（{mode}）。</translation>
    </message>
</context>
</TS>
