<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>database URL (default: this PC&apos;s SQLite file)</source>
        <translation>数据库 URL（默认：本机的 SQLite 文件）</translation>
    </message>
    <message>
        <source>print machine-readable JSON on stdout</source>
        <translation>在标准输出打印机器可读的 JSON</translation>
    </message>
    <message>
        <source>language of messages: en or zh_CN</source>
        <translation>消息语言：en 或 zh_CN</translation>
    </message>
    <message>
        <source>Unexpected error: {detail}</source>
        <translation>意外错误：{detail}</translation>
    </message>
    <message>
        <source>winback: error: </source>
        <translation>winback：错误：</translation>
    </message>
    <message>
        <source>winback: interrupted</source>
        <translation>winback：已中断</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>&apos;{value}&apos; is not a date; use YYYY-MM-DD.</source>
        <translation>“{value}”不是日期，请使用 YYYY-MM-DD 格式。</translation>
    </message>
</context>
</TS>
