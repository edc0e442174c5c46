<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Map at least the customer ID, a phone or the e-mail column before importing.</source>
        <extracomment>Where a field is stored on the customer row. spreadsheet row of the first row for the same customer in this file (preview) who the row is: ``id:&lt;customer ID&gt;``, else ``phone:&lt;E.164&gt;``, else ``email:&lt;lower&gt;`` hash of what the row says (values and phones): equal rows, equal fingerprints an earlier valid row may have had the same key (a bit set in the reader&apos;s filter): the import writes such rows last, after it knows the file&apos;s repeats the row&apos;s insert values, prepared off the writer thread (see services.importing) its phone rows, likewise the customer id reserved for it, kept when the row is prepared again</extracomment>
        <translation>导入前请至少对应客户编号、电话或电子邮箱中的一列。</translation>
    </message>
    <message>
        <source>The row has no phone and no e-mail: nobody can call this customer.</source>
        <translation>该行没有电话也没有电子邮箱：无人能联系这位客户。</translation>
    </message>
    <message>
        <source>Map the customer ID or the phone column, the purchase date and the amount before importing purchases.</source>
        <extracomment>bits of the reader&apos;s repeat filter (8 MB): about 1.5 % false alarms at 1M rows</extracomment>
        <translation>导入购买记录前，请对应客户编号或电话列，以及购买日期和金额列。</translation>
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
        <source>The text holds a NUL character.</source>
        <extracomment>headers of a given mapping that this file lacks</extracomment>
        <translation>文本中含有 NUL 字符。</translation>
    </message>
    <message>
        <source>The text is longer than {limit} characters.</source>
        <translation>文本超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The reason &apos;{value}&apos; matches none of the defection reasons; it is imported as unknown and kept as a note.</source>
        <translation>原因“{value}”不对应任何流失原因，已按“未知”导入，并保留为说明。</translation>
    </message>
    <message>
        <source>The row has neither a customer ID nor a phone.</source>
        <translation>此行既没有客户编号也没有电话。</translation>
    </message>
    <message>
        <source>The purchase has no date.</source>
        <translation>此笔购买没有日期。</translation>
    </message>
    <message>
        <source>The purchase has no amount.</source>
        <translation>此笔购买没有金额。</translation>
    </message>
</context>
</TS>
