<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>A mapping name has 1 to 100 characters.</source>
        <translation>映射名称须为 1 到 100 个字符。</translation>
    </message>
    <message>
        <source>Unknown import field &apos;{field}&apos;.</source>
        <translation>未知的导入字段“{field}”。</translation>
    </message>
</context>
</TS>
