<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Not restored: {count} other connection(s) still use {database} after waiting {seconds} seconds ({who}). Close Winback on those workstations, then try again. Nothing was changed.</source>
        <extracomment>how long a restore waits for other sessions by default (seconds)</extracomment>
        <translation>未恢复：等待 {seconds} 秒后，仍有 {count} 个其他连接在使用 {database}（{who}）。请关闭这些工作站上的 Winback 后重试。未做任何更改。</translation>
    </message>
    <message>
        <source>Not restored: another program or workstation still uses {database} after waiting {seconds} seconds. Close Winback there, then try again. Nothing was changed.</source>
        <translation>未恢复：等待 {seconds} 秒后，仍有其他程序或工作站在使用 {database}。请关闭那里的 Winback 后重试。未做任何更改。</translation>
    </message>
</context>
</TS>
