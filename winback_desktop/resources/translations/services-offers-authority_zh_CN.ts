<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Unknown role or SLTV tier.</source>
        <translation>未知的角色或 SLTV 等级。</translation>
    </message>
    <message>
        <source>An authority limit cannot be negative.</source>
        <translation>权限额度不能为负数。</translation>
    </message>
</context>
</TS>
