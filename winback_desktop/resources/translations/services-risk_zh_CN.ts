<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Risk flag {flag} is already closed.</source>
        <extracomment>statuses the scan looks at: customers we still have scans asked for (a counter purchase imports and their undo raise) … … and the highest of them a finished scan had read</extracomment>
        <translation>风险标记 {flag} 已关闭。</translation>
    </message>
</context>
</TS>
