<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The {field} is too long: at most {limit} characters ({length} given).</source>
        <extracomment>The unit of work running in this thread/task, so permission checks made deep inside a service can re-read the actor&apos;s role in the same transaction (issue 15).</extracomment>
        <translation>{field} 太长：最多 {limit} 个字符（实际 {length} 个）。</translation>
    </message>
    <message>
        <source>The {field} contains a NUL character, which cannot be stored.</source>
        <translation>{field} 含有 NUL 字符，无法保存。</translation>
    </message>
    <message>
        <source>The database refused a value: {detail}</source>
        <translation>数据库拒绝了一个值：{detail}</translation>
    </message>
    <message>
        <source>A number is too large: no id, count or amount can be that big.</source>
        <translation>数字太大：编号、数量或金额都不可能这么大。</translation>
    </message>
</context>
</TS>
