<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Welcome to Winback Desktop</source>
        <translation>欢迎使用 Winback Desktop</translation>
    </message>
    <message>
        <source>This database is empty. Load the demo team to explore the program, or create the first administrator to start with your own data.</source>
        <translation>此数据库是空的。可以载入演示团队来体验本程序，或创建第一个管理员，开始使用您自己的数据。</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Create the first admin</source>
        <translation>创建第一个管理员</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>第一个管理员</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Create admin</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>Demo data loaded</source>
        <translation>演示数据已载入</translation>
    </message>
    <message>
        <source>Continue to login</source>
        <translation>继续登录</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Loading the demo team and customers…</source>
        <translation>正在载入演示团队和客户…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Created {users} users, {customers} customers, {calls} calls and {campaigns} campaigns.

Log in as admin, supervisor1 or supervisor2, or agent01 to agent10. Every demo password is: {password}</source>
        <translation>已创建 {users} 个用户、{customers} 位客户、{calls} 通电话和 {campaigns} 个活动。

可用 admin、supervisor1 或 supervisor2、agent01 至 agent10 登录。所有演示账户的密码均为：{password}</translation>
    </message>
</context>
</TS>
