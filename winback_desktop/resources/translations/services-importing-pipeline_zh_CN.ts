<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Unknown import mode &apos;{mode}&apos;: use upsert or insert-only.</source>
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
</context>
</TS>
