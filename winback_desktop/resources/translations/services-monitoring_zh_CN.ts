<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The message is empty.</source>
        <extracomment>Counting a million queued tasks costs tens of milliseconds; the board refreshes every 1.5 s on every supervisor&apos;s PC, so depths are reused for a few seconds.</extracomment>
        <translation>消息是空的。</translation>
    </message>
    <message>
        <source>Keep coaching messages under {n} characters.</source>
        <translation>辅导消息请少于 {n} 个字符。</translation>
    </message>
</context>
</TS>
