<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
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
