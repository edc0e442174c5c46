<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TeamServerDialog</name>
    <message>
        <source>Team database server</source>
        <extracomment>the saved server&apos;s URL (with password): reconnect to it the workstation went back to its own SQLite file</extracomment>
        <translation>团队数据库服务器</translation>
    </message>
    <message>
        <source>server name or IP address</source>
        <translation>服务器名称或 IP 地址</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Create or upgrade schema</source>
        <translation>创建或升级数据库架构</translation>
    </message>
    <message>
        <source>Move this PC&apos;s data to the server…</source>
        <translation>将本机数据迁移到服务器…</translation>
    </message>
    <message>
        <source>Save and use</source>
        <translation>保存并使用</translation>
    </message>
    <message>
        <source>Use this PC&apos;s own database</source>
        <translation>使用本机数据库</translation>
    </message>
    <message>
        <source>Only an admin can change the database connection.</source>
        <translation>只有管理员可以更改数据库连接。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>the database is empty: create the schema next</source>
        <translation>数据库为空：下一步请创建架构</translation>
    </message>
    <message>
        <source>the schema is from an older version: upgrade it</source>
        <translation>数据库架构来自旧版本：请升级</translation>
    </message>
    <message>
        <source>the schema is up to date</source>
        <translation>数据库架构为最新</translation>
    </message>
    <message>
        <source>the schema is newer than this app: install the newer version</source>
        <translation>数据库架构比本程序新：请安装新版本</translation>
    </message>
    <message>
        <source>Connected (PostgreSQL {version}); {state}.</source>
        <translation>已连接（PostgreSQL {version}）；{state}。</translation>
    </message>
    <message>
        <source>Copied {rows} rows in {tables} tables; every count and checksum matches. Save and use the server now.</source>
        <translation>已复制 {tables} 张表共 {rows} 行；所有行数和校验和均一致。现在请保存并使用该服务器。</translation>
    </message>
    <message>
        <source>Saved. This workstation now uses {server}.</source>
        <translation>已保存。本工作站现在使用 {server}。</translation>
    </message>
    <message>
        <source>This workstation now uses its own database file.</source>
        <translation>本工作站现在使用本机的数据库文件。</translation>
    </message>
</context>
</TS>
