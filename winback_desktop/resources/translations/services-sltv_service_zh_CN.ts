<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Invalid SLTV parameters: {detail}</source>
        <extracomment>from this many rows a SQLite recompute rebuilds the affected indexes instead SQLite page cache during a bulk recompute (KiB) global setting: the parameters customers are valued with outside any campaign</extracomment>
        <translation>SLTV 参数无效：{detail}</translation>
    </message>
</context>
</TS>
