<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Call {call} cannot do that at step &apos;{step}&apos;.</source>
        <extracomment>steps of a call that is still open (its agent is on it) steps of a closed call outcomes that only a conversation can produce how long an agent may correct their own outcome; a supervisor may at any time</extracomment>
        <translation>通话 {call} 处于“{step}”步骤，现在不能这样做。</translation>
    </message>
    <message>
        <source>&apos;{outcome}&apos; needs a conversation: mark the call answered first.</source>
        <translation>“{outcome}”需要与客户通话：请先标记为已接听。</translation>
    </message>
    <message>
        <source>Outcomes can be corrected by the agent within 15 minutes; ask a supervisor to amend this one.</source>
        <translation>坐席只能在 15 分钟内更正结果；请让主管修改这一条。</translation>
    </message>
    <message>
        <source>Say why the outcome is being changed.</source>
        <translation>请说明修改结果的原因。</translation>
    </message>
    <message>
        <source>Call {call} is at step &apos;{step}&apos;: it cannot be marked answered now.</source>
        <extracomment>why each action is refused, in the user&apos;s words</extracomment>
        <translation>通话 {call} 处于“{step}”步骤：现在不能标记为已接听。</translation>
    </message>
    <message>
        <source>Call {call} is at step &apos;{step}&apos;: it cannot be hung up now.</source>
        <translation>通话 {call} 处于“{step}”步骤：现在不能挂断。</translation>
    </message>
    <message>
        <source>Call {call} is at step &apos;{step}&apos;: an offer can only be accepted while the customer is on the line.</source>
        <translation>通话 {call} 处于“{step}”步骤：只有客户在线时才能接受优惠。</translation>
    </message>
    <message>
        <source>Call {call} is at step &apos;{step}&apos;: its outcome is already recorded or it was closed.</source>
        <translation>通话 {call} 处于“{step}”步骤：结果已记录或通话已关闭。</translation>
    </message>
    <message>
        <source>Call {call} is at step &apos;{step}&apos;: record the outcome before finishing wrap-up.</source>
        <translation>通话 {call} 处于“{step}”步骤：请先记录结果再结束话后处理。</translation>
    </message>
    <message>
        <source>Call {call} is at step &apos;{step}&apos;: only a recorded outcome can be amended.</source>
        <translation>通话 {call} 处于“{step}”步骤：只能修改已记录的结果。</translation>
    </message>
</context>
</TS>
