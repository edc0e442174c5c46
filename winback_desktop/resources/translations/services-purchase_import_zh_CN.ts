<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>No customer has the ID &apos;{value}&apos;.</source>
        <translation>没有客户编号为“{value}”的客户。</translation>
    </message>
    <message>
        <source>No customer has the phone {value}.</source>
        <translation>没有电话为 {value} 的客户。</translation>
    </message>
    <message>
        <source>The phone {value} belongs to several customers: give the customer ID.</source>
        <translation>电话 {value} 属于多位客户：请提供客户编号。</translation>
    </message>
</context>
</TS>
