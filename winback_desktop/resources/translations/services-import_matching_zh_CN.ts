<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The row has no name: the customer is imported with the phone or e-mail only.</source>
        <translation>该行没有姓名：客户将只以电话或电子邮箱导入。</translation>
    </message>
    <message>
        <source>The phone {value} belongs to several customers: give the customer ID.</source>
        <translation>电话 {value} 属于多位客户：请提供客户编号。</translation>
    </message>
    <message>
        <source>The e-mail {value} belongs to several customers: give the customer ID.</source>
        <translation>电子邮箱 {value} 属于多位客户：请提供客户编号。</translation>
    </message>
    <message>
        <source>Rows {rows} are the same customer ({key}) with different {fields}: both are rejected. Fix the file, or choose to keep the first or the last row.</source>
        <translation>第 {rows} 行是同一客户（{key}），但{fields}不同：这些行均被拒绝。请修改文件，或选择保留第一行或最后一行。</translation>
    </message>
    <message>
        <source>Rows {rows} are the same customer ({key}) with different {fields}: row {kept} was imported, as chosen.</source>
        <translation>第 {rows} 行是同一客户（{key}），但{fields}不同：已按您的选择导入第 {kept} 行。</translation>
    </message>
</context>
</TS>
