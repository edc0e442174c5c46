<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Winback Desktop</source>
        <translation>Winback Desktop</translation>
    </message>
</context>
</TS>
