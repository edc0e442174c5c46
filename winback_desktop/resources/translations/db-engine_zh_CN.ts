<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Not a database URL: {url}</source>
        <translation>不是有效的数据库 URL：{url}</translation>
    </message>
    <message>
        <source>Unsupported database &apos;{backend}&apos;: use sqlite:/// or postgresql://.</source>
        <translation>不支持的数据库“{backend}”：请使用 sqlite:/// 或 postgresql://。</translation>
    </message>
</context>
</TS>
