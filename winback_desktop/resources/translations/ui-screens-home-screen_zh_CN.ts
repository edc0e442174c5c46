<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HomeScreen</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Welcome, {name}. You are logged in as {login} ({role}).</source>
        <translation>欢迎，{name}。您当前以 {login}（{role}）身份登录。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tasks waiting in the queue</source>
        <translation>队列中等待的任务</translation>
    </message>
    <message>
        <source>Callbacks due today</source>
        <translation>今日到期的回拨</translation>
    </message>
    <message>
        <source>Calls today (team)</source>
        <translation>今日通话（团队）</translation>
    </message>
    <message>
        <source>My calls today</source>
        <translation>我今日的通话</translation>
    </message>
    <message>
        <source>Calls in the last 7 days (team)</source>
        <translation>近 7 天通话（团队）</translation>
    </message>
    <message>
        <source>Updated at {time}.</source>
        <translation>更新于 {time}。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
</context>
</TS>
