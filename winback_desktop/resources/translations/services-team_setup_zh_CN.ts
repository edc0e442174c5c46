<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Cannot connect to {host}:{port}: {detail}</source>
        <extracomment>Credential store service name; the entry&apos;s user name is ``user@host:port/db``.</extracomment>
        <translation>无法连接到 {host}:{port}：{detail}</translation>
    </message>
    <message>
        <source>The server {host}:{port} refused the connection. Check that PostgreSQL is running there and accepts network connections (listen_addresses, firewall).</source>
        <translation>服务器 {host}:{port} 拒绝连接。请检查该服务器上 PostgreSQL 是否在运行并接受网络连接（listen_addresses、防火墙）。</translation>
    </message>
    <message>
        <source>The server rejected user {user}: wrong password, or this PC is not allowed in pg_hba.conf.</source>
        <translation>服务器拒绝了用户 {user}：密码错误，或 pg_hba.conf 未允许本机连接。</translation>
    </message>
    <message>
        <source>The server has no database named {database}. Check the name or ask IT to create it.</source>
        <translation>服务器上没有名为 {database} 的数据库。请检查名称，或请 IT 创建该数据库。</translation>
    </message>
    <message>
        <source>No answer from {host}:{port} within {seconds} seconds. Check the host name, the network and the firewall.</source>
        <translation>{host}:{port} 在 {seconds} 秒内无响应。请检查主机名、网络和防火墙。</translation>
    </message>
    <message>
        <source>The host name {host} is not known. Check the spelling or use its IP address.</source>
        <translation>无法识别主机名 {host}。请检查拼写或改用 IP 地址。</translation>
    </message>
    <message>
        <source>A team server URL starts with postgresql:// (got {url}).</source>
        <translation>团队服务器地址应以 postgresql:// 开头（收到的是 {url}）。</translation>
    </message>
    <message>
        <source>The team server database {database} already holds users or customers. Moving data needs an empty database.</source>
        <translation>团队服务器数据库 {database} 中已有用户或客户。迁移数据需要一个空数据库。</translation>
    </message>
    <message>
        <source>The copy of table {table} does not match the original ({source} rows, copied {target}); nothing was saved on the server.</source>
        <translation>表 {table} 的副本与原表不一致（原有 {source} 行，复制了 {target} 行）；服务器上未保存任何内容。</translation>
    </message>
    <message>
        <source>This PC has no credential store for the database password: {detail}</source>
        <translation>本机没有可保存数据库密码的凭据存储：{detail}</translation>
    </message>
</context>
</TS>
