<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Set your own phone extension before listening in.</source>
        <translation>监听前请先设置您自己的电话分机。</translation>
    </message>
    <message>
        <source>{agent} has no phone extension set.</source>
        <translation>{agent} 尚未设置电话分机。</translation>
    </message>
</context>
</TS>
