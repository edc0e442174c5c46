<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>This customer asked not to be called; the call was not started.</source>
        <extracomment>dispositions that close the task for good (the conversation happened) still-open task states that a do-not-call or a win-back closes</extracomment>
        <translation>该客户要求不再来电；未发起呼叫。</translation>
    </message>
    <message>
        <source>Task {task} is closed ({status}); it cannot be called again.</source>
        <translation>任务 {task} 已关闭（{status}），不能再次呼叫。</translation>
    </message>
    <message>
        <source>Call {call} already has a disposition.</source>
        <translation>通话 {call} 已有处理结果。</translation>
    </message>
    <message>
        <source>This customer was at risk, not lost: keeping them is &apos;saved&apos;, not &apos;won back&apos;.</source>
        <translation>该客户是有流失风险的客户，并未流失：留住他应记为“挽留成功”，而不是“已挽回”。</translation>
    </message>
    <message>
        <source>This customer was lost, not at risk: bringing them back is &apos;won back&apos;, not &apos;saved&apos;.</source>
        <translation>该客户已流失，不是风险客户：赢回他应记为“已挽回”，而不是“挽留成功”。</translation>
    </message>
    <message>
        <source>Unknown disposition &apos;{disposition}&apos;. Use one of: {choices}.</source>
        <extracomment>the call&apos;s step afterwards (core.call_flow.CallStep)</extracomment>
        <translation>未知的处理结果“{disposition}”。请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <source>A callback needs a date and time.</source>
        <extracomment>How far ahead a callback may be arranged.</extracomment>
        <translation>回拨需要日期和时间。</translation>
    </message>
    <message>
        <source>The callback time needs a time zone (e.g. 2026-11-24T10:00+08:00).</source>
        <translation>回拨时间需要带时区（例如 2026-11-24T10:00+08:00）。</translation>
    </message>
    <message>
        <source>A callback can be at most {days} days ahead.</source>
        <translation>回访最多只能安排在 {days} 天之内。</translation>
    </message>
    <message>
        <source>Task {task} is another agent&apos;s personal callback.</source>
        <translation>任务 {task} 是另一位坐席的个人回拨。</translation>
    </message>
</context>
</TS>
