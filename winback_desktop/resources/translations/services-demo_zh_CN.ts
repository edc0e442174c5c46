<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Demo data goes only into an empty database; this one has customers.</source>
        <extracomment>region, weight, timezone, language, cities, phone factory</extracomment>
        <translation>演示数据只能载入空数据库；此数据库已有客户。</translation>
    </message>
    <message>
        <source>Demo data cannot be loaded: the login &apos;{login}&apos; exists.</source>
        <translation>无法载入演示数据：登录名“{login}”已存在。</translation>
    </message>
</context>
</TS>
