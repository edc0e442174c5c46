<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>database URL (default: this PC&apos;s SQLite file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print machine-readable JSON on stdout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language of messages: en or zh_CN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>winback: error: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>winback: interrupted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
