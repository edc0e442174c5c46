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
    <message>
        <source>Unknown kind of list &apos;{kind}&apos;: use customers or purchases.</source>
        <extracomment>{field: header}: detected, or the given mapping restricted to this file&apos;s headers headers a given mapping names that the file does not have rows that claim one customer with different data (rejected unless chosen otherwise) rows of the file that claim one customer with different data, and what was done the import waited for another import of the same database to finish first purchases: customers the early-warning scan after the import flagged purchases: the scan after the import did not finish (it stays due: the admin&apos;s workstation runs it at its next check) customers: open early-warning flags closed because the list changed the status</extracomment>
        <translation>未知的名单类型“{kind}”：请使用 customers 或 purchases。</translation>
    </message>
    <message>
        <source>Unknown import mode &apos;{mode}&apos;: use upsert or insert-only.</source>
        <extracomment>reserves customer ids: given here on PostgreSQL, by :meth:`begin` on SQLite the batch&apos;s constant columns, bind-processed; set by the writer once it began</extracomment>
        <translation>未知的导入模式“{mode}”：请使用 upsert 或 insert-only。</translation>
    </message>
    <message>
        <source>Unknown duplicate choice &apos;{choice}&apos;: use skip or update.</source>
        <translation>未知的重复处理方式“{choice}”：请使用 skip 或 update。</translation>
    </message>
    <message>
        <source>Unknown conflict choice &apos;{choice}&apos;: use reject, first or last.</source>
        <translation>未知的冲突处理方式“{choice}”：请使用 reject、first 或 last。</translation>
    </message>
    <message>
        <source>An insert-only import never updates customers: choose skip.</source>
        <translation>仅插入模式从不更新客户：请选择 skip。</translation>
    </message>
    <message>
        <source>Import #{batch} cannot be undone: some of its customers have been worked on or changed since.</source>
        <extracomment>rows that may repeat an earlier one: written once the whole file is known rows refused here (the reader counted the others); added at the end customer id → its entry in ``audit_updates`` (to take an update back) phone rows of inserted customers, written a few chunks at a time</extracomment>
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
