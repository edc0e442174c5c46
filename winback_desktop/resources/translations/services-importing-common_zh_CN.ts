<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>There is no import to undo.</source>
        <extracomment>Rows per chunk: large enough that PostgreSQL&apos;s per-``COPY`` round trips stay a small share (2,000 left the server idle 10 % of the time), small enough for steady progress and a bounded queue. Rows kept with their original cells for the error report. Customer columns an import may set (and compares on update). what a kept import or its undo changes: every view of customers, batches and flags</extracomment>
        <translation>没有可撤销的导入。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何数据。</translation>
    </message>
</context>
</TS>
