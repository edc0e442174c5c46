<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Cannot reach the database: {detail}</source>
        <extracomment>modules whose exceptions mean the database (or the way to it) failed</extracomment>
        <translation>无法连接数据库：{detail}</translation>
    </message>
</context>
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
