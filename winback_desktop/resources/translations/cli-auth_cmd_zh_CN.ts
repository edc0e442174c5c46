<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>log in: later commands on this database act as you</source>
        <translation>登录：之后对此数据库的命令以您的身份执行</translation>
    </message>
    <message>
        <source>your login (asked for when omitted)</source>
        <translation>您的登录名（省略时会询问）</translation>
    </message>
    <message>
        <source>read the password from standard input (scripts)</source>
        <translation>从标准输入读取密码（脚本用）</translation>
    </message>
    <message>
        <source>how long the login lasts (1 to 168 hours, default 12)</source>
        <translation>登录有效时长（1 到 168 小时，默认 12）</translation>
    </message>
    <message>
        <source>end this PC&apos;s login to the database</source>
        <translation>结束本电脑对该数据库的登录</translation>
    </message>
    <message>
        <source>who commands act as</source>
        <translation>命令以谁的身份执行</translation>
    </message>
    <message>
        <source>Password for {login}: </source>
        <translation>{login} 的密码：</translation>
    </message>
    <message>
        <source>Login: </source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>Logged in as {login} ({role}) until {until}.</source>
        <translation>已登录为 {login}（{role}），有效至 {until}。</translation>
    </message>
    <message>
        <source>Logged out.</source>
        <translation>已退出登录。</translation>
    </message>
    <message>
        <source>Nobody was logged in.</source>
        <translation>当前没有人登录。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>No password given.</source>
        <translation>未提供密码。</translation>
    </message>
    <message>
        <source>Say who logs in: winback login LOGIN.</source>
        <translation>请说明谁登录：winback login 登录名。</translation>
    </message>
</context>
</TS>
