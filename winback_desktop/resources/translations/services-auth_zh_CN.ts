<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The password needs at least {n} characters.</source>
        <extracomment>the wrong password that earns the first wait (per login and workstation)</extracomment>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>Too many failed logins with this name on this computer. Wait {seconds} seconds, then try again.</source>
        <translation>此登录名在本电脑上登录失败次数过多。请等待 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>新密码必须与当前密码不同。</translation>
    </message>
</context>
</TS>
