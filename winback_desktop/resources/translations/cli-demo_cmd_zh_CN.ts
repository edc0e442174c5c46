<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fill an empty database with a realistic demo team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data loaded: {users} users, {customers} customers, {calls} calls.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
