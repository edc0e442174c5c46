<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>There is no import to undo.</source>
        <extracomment>Rows per chunk: large enough that PostgreSQL&apos;s per-``COPY`` round trips stay a small share (2,000 left the server idle 10 % of the time), small enough for steady progress and a bounded queue. Rows kept with their original cells for the error report. Customer columns an import may set (and compares on update).</extracomment>
        <translation>没有可撤销的导入。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>Map at least the customer ID or the name column before importing.</source>
        <extracomment>{field: header}: detected, or the given mapping restricted to this file&apos;s headers headers a given mapping names that the file does not have</extracomment>
        <translation>导入前请至少映射“客户编号”或“姓名”列。</translation>
    </message>
    <message>
        <source>Unknown import mode &apos;{mode}&apos;: use upsert or insert-only.</source>
        <extracomment>reserves customer ids: given here on PostgreSQL, by :meth:`begin` on SQLite the batch&apos;s constant columns, bind-processed; set by the writer once it began</extracomment>
        <translation>未知的导入模式“{mode}”：请使用 upsert 或 insert-only。</translation>
    </message>
    <message>
        <source>Unknown duplicate choice &apos;{choice}&apos;: use skip, update or new.</source>
        <translation>未知的重复处理方式“{choice}”：请使用 skip、update 或 new。</translation>
    </message>
    <message>
        <source>An insert-only import never updates customers: choose skip or new.</source>
        <translation>“仅新增”导入从不更新客户：请选择“跳过”或“作为新客户”。</translation>
    </message>
    <message>
        <source>Import #{batch} cannot be undone: some of its customers have been worked on or changed since.</source>
        <extracomment>phone rows of inserted customers, written a few chunks at a time</extracomment>
        <translation>无法撤销导入 #{batch}：其中部分客户此后已被跟进或修改。</translation>
    </message>
    <message>
        <source>A mapping name has 1 to 100 characters.</source>
        <translation>映射名称须为 1 到 100 个字符。</translation>
    </message>
    <message>
        <source>Unknown import field &apos;{field}&apos;.</source>
        <translation>未知的导入字段“{field}”。</translation>
    </message>
</context>
</TS>
