<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>database schema commands</source>
        <translation>数据库结构命令</translation>
    </message>
    <message>
        <source>bring the database schema to this version (backs up first)</source>
        <translation>将数据库结构升级到本版本（先备份）</translation>
    </message>
    <message>
        <source>show the schema revision</source>
        <translation>显示数据库结构版本</translation>
    </message>
    <message>
        <source>Database {url} is at schema {rev}.</source>
        <translation>数据库 {url} 的结构版本为 {rev}。</translation>
    </message>
    <message>
        <source>Backup written to {path}</source>
        <translation>备份已写入 {path}</translation>
    </message>
    <message>
        <source>Customer ID {id} was held by {n} customers: customer {kept} keeps it, customers {released} gave it up (see the audit log).</source>
        <translation>客户编号 {id} 曾被 {n} 位客户共用：客户 {kept} 保留该编号，客户 {released} 的编号已清除（详见审计日志）。</translation>
    </message>
    <message>
        <source>Database {url}: schema {current}, this app needs {head}.</source>
        <translation>数据库 {url}：结构版本 {current}，本程序需要 {head}。</translation>
    </message>
</context>
</TS>
