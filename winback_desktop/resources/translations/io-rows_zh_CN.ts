<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Map at least the customer ID or the name column before importing.</source>
        <extracomment>Where a field is stored on the customer row. spreadsheet row of the first row with the same customer ID in this file the row&apos;s insert values, prepared off the writer thread (see services.importing) its phone rows, likewise the customer id reserved for it, kept when the row is prepared again</extracomment>
        <translation>导入前请至少映射“客户编号”或“姓名”列。</translation>
    </message>
    <message>
        <source>Unknown import field &apos;{field}&apos;.</source>
        <translation>未知的导入字段“{field}”。</translation>
    </message>
    <message>
        <source>Row {row} cannot be the header: only the first {limit} rows can.</source>
        <translation>第 {row} 行不能作为表头：只有前 {limit} 行可以。</translation>
    </message>
    <message>
        <source>The text is longer than {limit} characters.</source>
        <extracomment>headers of a given mapping that this file lacks</extracomment>
        <translation>文本超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The reason &apos;{value}&apos; matches none of the defection reasons; it is imported as unknown and kept as a note.</source>
        <translation>原因“{value}”不对应任何流失原因，已按“未知”导入，并保留为说明。</translation>
    </message>
    <message>
        <source>The row has neither a customer ID nor a name.</source>
        <translation>该行既没有客户编号也没有姓名。</translation>
    </message>
</context>
</TS>
