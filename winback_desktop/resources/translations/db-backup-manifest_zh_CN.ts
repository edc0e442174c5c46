<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The backup {path} is damaged or incomplete: {detail}</source>
        <extracomment>``progress(done, total, label)``; label is a table name or a step.</extracomment>
        <translation>备份 {path} 已损坏或不完整：{detail}</translation>
    </message>
    <message>
        <source>This backup was made with pg_dump and can only be restored into a PostgreSQL server with pg_restore installed on this PC.</source>
        <translation>此备份由 pg_dump 生成，只能恢复到 PostgreSQL 服务器，且本机需安装 pg_restore。</translation>
    </message>
    <message>
        <source>{tool} failed: {detail}</source>
        <translation>{tool} 执行失败：{detail}</translation>
    </message>
</context>
</TS>
