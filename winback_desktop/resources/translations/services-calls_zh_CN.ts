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
        <source>Unknown disposition &apos;{disposition}&apos;. Use one of: {choices}.</source>
        <translation>未知的处理结果“{disposition}”。请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <source>A callback needs a date and time.</source>
        <translation>回拨需要日期和时间。</translation>
    </message>
    <message>
        <source>The callback time needs a time zone (e.g. 2026-11-24T10:00+08:00).</source>
        <translation>回拨时间需要带时区（例如 2026-11-24T10:00+08:00）。</translation>
    </message>
</context>
</TS>
