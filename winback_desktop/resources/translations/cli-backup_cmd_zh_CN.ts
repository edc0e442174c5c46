<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>back the whole database up into a file</source>
        <translation>将整个数据库备份到一个文件</translation>
    </message>
    <message>
        <source>backup file or folder (default: this PC&apos;s backups folder)</source>
        <translation>备份文件或文件夹（默认：本机的备份文件夹）</translation>
    </message>
    <message>
        <source>write per-table JSON lines that load into SQLite or PostgreSQL</source>
        <translation>按表写出 JSON Lines，可载入 SQLite 或 PostgreSQL</translation>
    </message>
    <message>
        <source>replace the database with a backup (asks for confirmation)</source>
        <translation>用备份替换数据库（会要求确认）</translation>
    </message>
    <message>
        <source>do not ask: replace the database without confirmation</source>
        <translation>不询问：直接替换数据库，无需确认</translation>
    </message>
    <message>
        <source>how long to wait for other workstations to disconnect (default: 60)</source>
        <translation>等待其他工作站断开连接的时长（默认：60）</translation>
    </message>
    <message>
        <source>only verify the backup file; change nothing</source>
        <translation>只校验备份文件，不做任何更改</translation>
    </message>
    <message>
        <source>copy this PC&apos;s database into an empty team PostgreSQL server</source>
        <translation>将本机数据库复制到空的团队 PostgreSQL 服务器</translation>
    </message>
    <message>
        <source>postgresql://user:password@host:port/db</source>
        <translation>postgresql://用户:密码@主机:端口/数据库</translation>
    </message>
    <message>
        <source>check that a team PostgreSQL server answers</source>
        <translation>检查团队 PostgreSQL 服务器能否连接</translation>
    </message>
    <message>
        <source>Backup written to {path}: {rows} rows in {tables} tables, {size} MB, {seconds} s.</source>
        <translation>备份已写入 {path}：{tables} 张表共 {rows} 行，{size} MB，用时 {seconds} 秒。</translation>
    </message>
    <message>
        <source>Backup {path}: made {created} by version {version}, schema {revision}, {rows} rows ({customers} customers).</source>
        <translation>备份 {path}：由 {version} 版于 {created} 创建，架构 {revision}，共 {rows} 行（{customers} 位客户）。</translation>
    </message>
    <message>
        <source>This replaces everything in {database}. Type yes to continue: </source>
        <translation>这将替换 {database} 中的全部数据。输入 yes 继续：</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>The file is intact.</source>
        <translation>文件完好。</translation>
    </message>
    <message>
        <source>Restored {database} from {path}: {rows} rows verified.</source>
        <translation>已从 {path} 恢复 {database}：{rows} 行已校验。</translation>
    </message>
    <message>
        <source>Copied {rows} rows into {target} in {seconds} s; every table verified.</source>
        <translation>已将 {rows} 行复制到 {target}，用时 {seconds} 秒；每张表均已校验。</translation>
    </message>
    <message>
        <source>no Winback schema yet (run: winback --database URL db upgrade)</source>
        <translation>尚无 Winback 数据库架构（请运行：winback --database URL db upgrade）</translation>
    </message>
    <message>
        <source>schema needs an upgrade (run: winback --database URL db upgrade)</source>
        <translation>数据库架构需要升级（请运行：winback --database URL db upgrade）</translation>
    </message>
    <message>
        <source>schema is up to date</source>
        <translation>数据库架构为最新</translation>
    </message>
    <message>
        <source>schema is newer than this app: install the newer version</source>
        <translation>数据库架构比本程序新：请安装新版本</translation>
    </message>
    <message>
        <source>Connected to {url} (PostgreSQL {version}): {state}.</source>
        <translation>已连接到 {url}（PostgreSQL {version}）：{state}。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Not restored: everything in {database} would be replaced. Run again with --yes, or type yes when asked.</source>
        <translation>未恢复：{database} 中的全部数据将被替换。请加 --yes 重新运行，或在询问时输入 yes。</translation>
    </message>
</context>
</TS>
