<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Unknown agent state &apos;{state}&apos;.</source>
        <translation>未知的坐席状态“{state}”。</translation>
    </message>
</context>
</TS>
