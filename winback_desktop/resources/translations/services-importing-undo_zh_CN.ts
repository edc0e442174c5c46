<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Import #{batch} cannot be undone: some of its customers have been worked on or changed since.</source>
        <translation>无法撤销导入 #{batch}：其中部分客户此后已被跟进或修改。</translation>
    </message>
</context>
</TS>
