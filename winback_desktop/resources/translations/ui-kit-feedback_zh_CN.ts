<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Feedback</name>
    <message>
        <source>Unexpected error: {detail}</source>
        <translation>意外错误：{detail}</translation>
    </message>
    <message>
        <source>Winback Desktop</source>
        <translation>Winback Desktop</translation>
    </message>
</context>
</TS>
