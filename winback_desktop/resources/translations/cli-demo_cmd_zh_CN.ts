<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>fill an empty database with a realistic demo team</source>
        <translation>向空数据库填入一个逼真的演示团队</translation>
    </message>
    <message>
        <source>number of customers</source>
        <translation>客户数量</translation>
    </message>
    <message>
        <source>Demo data loaded: {users} users, {customers} customers, {calls} calls.</source>
        <translation>演示数据已载入：{users} 个用户、{customers} 位客户、{calls} 通电话。</translation>
    </message>
</context>
</TS>
