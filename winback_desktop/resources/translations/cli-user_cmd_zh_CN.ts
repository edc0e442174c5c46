<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>users and roles</source>
        <translation>用户与角色</translation>
    </message>
    <message>
        <source>add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>team name (created if new)</source>
        <translation>团队名称（不存在时自动创建）</translation>
    </message>
    <message>
        <source>password (prompted for when omitted)</source>
        <translation>密码（省略时提示输入）</translation>
    </message>
    <message>
        <source>list users</source>
        <translation>列出用户</translation>
    </message>
    <message>
        <source>change a user</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <source>the user&apos;s phone extension on the team&apos;s PBX (&quot;&quot; clears it)</source>
        <translation>该用户在团队交换机上的分机号（&quot;&quot; 表示清除）</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat password: </source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>Added {role} &apos;{login}&apos;.</source>
        <translation>已添加{role}“{login}”。</translation>
    </message>
    <message>
        <source>No users.</source>
        <translation>没有用户。</translation>
    </message>
    <message>
        <source>Extension of &apos;{login}&apos; set to {extension}.</source>
        <translation>已将“{login}”的分机号设为 {extension}。</translation>
    </message>
    <message>
        <source>Extension of &apos;{login}&apos; cleared.</source>
        <translation>已清除“{login}”的分机号。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>No password given: use --password or type one.</source>
        <translation>未提供密码：请使用 --password 或手动输入。</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
</TS>
