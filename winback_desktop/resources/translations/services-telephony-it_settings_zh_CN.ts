<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Enter the address of the Asterisk server.</source>
        <extracomment>the AMI password is in this PC&apos;s credential store the SIP password of baresip&apos;s account is in this PC&apos;s credential store</extracomment>
        <translation>请输入 Asterisk 服务器的地址。</translation>
    </message>
    <message>
        <source>Leave the password out of the SIP account; enter it in the password field, which keeps it in this PC&apos;s credential store.</source>
        <translation>SIP 账户中不要包含密码；请在密码栏输入，它会保存在本机的凭据管理器中。</translation>
    </message>
    <message>
        <source>The password could not be stored in this PC&apos;s credential store: {detail}</source>
        <translation>无法把密码存入本机的凭据管理器：{detail}</translation>
    </message>
    <message>
        <source>The database address for MicroSIP must not contain a password: put it in the PostgreSQL password file (pgpass.conf).</source>
        <translation>给 MicroSIP 使用的数据库地址不能包含密码：请把密码写入 PostgreSQL 密码文件（pgpass.conf）。</translation>
    </message>
    <message>
        <source>Enter where MicroSIP keeps microsip.ini.</source>
        <translation>请输入 MicroSIP 的 microsip.ini 所在位置。</translation>
    </message>
    <message>
        <source>{path} could not be written: {detail}</source>
        <translation>无法写入 {path}：{detail}</translation>
    </message>
</context>
</TS>
