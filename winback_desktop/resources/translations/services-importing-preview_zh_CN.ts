<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Unknown kind of list &apos;{kind}&apos;: use customers or purchases.</source>
        <translation>未知的名单类型“{kind}”：请使用 customers 或 purchases。</translation>
    </message>
</context>
</TS>
