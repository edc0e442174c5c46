<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The operation failed.</source>
        <translation>操作失败。</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>您无权执行此操作。</translation>
    </message>
    <message>
        <source>Wrong login or password.</source>
        <translation>登录名或密码错误。</translation>
    </message>
    <message>
        <source>This account is locked after too many failed logins. Try again at {until}.</source>
        <translation>登录失败次数过多，此账户已被锁定。请于 {until} 后重试。</translation>
    </message>
    <message>
        <source>Not logged in to {database}: run &apos;winback login&apos; first (scheduled jobs: set WINBACK_USER and WINBACK_PASSWORD).</source>
        <translation>尚未登录 {database}：请先运行 &apos;winback login&apos;（计划任务请设置 WINBACK_USER 和 WINBACK_PASSWORD）。</translation>
    </message>
    <message>
        <source>Your command-line login to {database} has expired or was ended: run &apos;winback login&apos; again.</source>
        <translation>您在命令行对 {database} 的登录已过期或已被结束：请重新运行 &apos;winback login&apos;。</translation>
    </message>
    <message>
        <source>Not found: {what}.</source>
        <translation>未找到：{what}。</translation>
    </message>
    <message>
        <source>Invalid input.</source>
        <translation>输入无效。</translation>
    </message>
    <message>
        <source>Someone else changed this first.</source>
        <translation>其他人已先修改了此项。</translation>
    </message>
    <message>
        <source>The database could not be used: {detail}</source>
        <translation>无法使用数据库：{detail}</translation>
    </message>
    <message>
        <source>Cannot reach the database: {detail}</source>
        <translation>无法连接数据库：{detail}</translation>
    </message>
    <message>
        <source>This database was created by a newer version of Winback Desktop (schema {revision}). Install the newer version to open it.</source>
        <translation>此数据库由更新版本的 Winback Desktop 创建（结构版本 {revision}）。请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>The database has no Winback schema yet. Run &apos;winback db upgrade&apos; first.</source>
        <translation>数据库中还没有 Winback 数据结构。请先运行“winback db upgrade”。</translation>
    </message>
    <message>
        <source>There is no database file at {path}.</source>
        <translation>{path} 处没有数据库文件（不存在）。</translation>
    </message>
    <message>
        <source>The database file {path} is on a network share. SQLite files on network drives get corrupted when several PCs use them; use a team PostgreSQL server instead.</source>
        <translation>数据库文件 {path} 位于网络共享上。多台电脑同时使用网络驱动器上的 SQLite 文件会导致损坏；请改用团队的 PostgreSQL 服务器。</translation>
    </message>
</context>
</TS>
