<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Check the rows</source>
        <translation>检查数据行</translation>
    </message>
    <message>
        <source>The first rows as they will be read. Problem cells are marked; point at a cell to see why.</source>
        <translation>以下是将被读取的前几行。有问题的单元格已标出；将鼠标指向单元格可查看原因。</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;background:{err}&apos;&gt;&amp;nbsp;error&amp;nbsp;&lt;/span&gt; the row is rejected &amp;nbsp; &lt;span style=&apos;background:{warn}&apos;&gt;&amp;nbsp;warning&amp;nbsp;&lt;/span&gt; imported, check it &amp;nbsp; &lt;span style=&apos;background:{dup}&apos;&gt;&amp;nbsp;duplicate&amp;nbsp;&lt;/span&gt; customer ID seen before</source>
        <translation>&lt;span style=&apos;background:{err}&apos;&gt;&amp;nbsp;错误&amp;nbsp;&lt;/span&gt; 该行将被拒绝 &amp;nbsp; &lt;span style=&apos;background:{warn}&apos;&gt;&amp;nbsp;警告&amp;nbsp;&lt;/span&gt; 会导入，请核对 &amp;nbsp; &lt;span style=&apos;background:{dup}&apos;&gt;&amp;nbsp;重复&amp;nbsp;&lt;/span&gt; 客户编号已出现过</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;background:{err}&apos;&gt;&amp;nbsp;error&amp;nbsp;&lt;/span&gt; the row is rejected &amp;nbsp; &lt;span style=&apos;background:{warn}&apos;&gt;&amp;nbsp;warning&amp;nbsp;&lt;/span&gt; imported, check it</source>
        <translation>&lt;span style=&apos;background:{err}&apos;&gt;&amp;nbsp;错误&amp;nbsp;&lt;/span&gt; 该行将被拒绝 &amp;nbsp; &lt;span style=&apos;background:{warn}&apos;&gt;&amp;nbsp;警告&amp;nbsp;&lt;/span&gt; 会导入，请核对</translation>
    </message>
    <message>
        <source>{total}: {valid} valid, {invalid} with errors (a purchase whose customer cannot be found is an error).</source>
        <translation>{total}：{valid} 行有效，{invalid} 行有错误（找不到客户的购买记录视为错误）。</translation>
    </message>
    <message>
        <source>{n} row</source>
        <translation>共 {n} 行</translation>
    </message>
    <message>
        <source>{n} rows</source>
        <translation>共 {n} 行</translation>
    </message>
    <message>
        <source>{total}: {valid} valid, {invalid} with errors. Duplicates: {dup_file} in the file, {dup_db} already in the database.</source>
        <translation>{total}：{valid} 行有效，{invalid} 行有错误。重复：文件内 {dup_file} 行，数据库中已存在 {dup_db} 行。</translation>
    </message>
    <message>
        <source>{n} customer appears in several rows with different data; choose on the next page what happens to those rows.</source>
        <translation>有 {n} 位客户出现在多行中且数据不同；请在下一页选择如何处理这些行。</translation>
    </message>
    <message>
        <source>{n} customers appear in several rows with different data; choose on the next page what happens to those rows.</source>
        <translation>有 {n} 位客户出现在多行中且数据不同；请在下一页选择如何处理这些行。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>{header} (not imported)</source>
        <translation>{header}（不导入）</translation>
    </message>
    <message>
        <source>This customer ID appears earlier in the file.</source>
        <translation>该客户编号在文件前面已出现过。</translation>
    </message>
    <message>
        <source>This customer ID is already in the database.</source>
        <translation>该客户编号已存在于数据库中。</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Import options</source>
        <translation>导入选项</translation>
    </message>
    <message>
        <source>Nothing has been written yet.</source>
        <translation>目前尚未写入任何数据。</translation>
    </message>
    <message>
        <source>When a customer ID is already in the database:</source>
        <translation>当客户编号已存在于数据库中时：</translation>
    </message>
    <message>
        <source>Skip the row (keep the customer as it is)</source>
        <translation>跳过该行（保持客户原样）</translation>
    </message>
    <message>
        <source>Update the customer with the file&apos;s values</source>
        <translation>用文件中的值更新该客户</translation>
    </message>
    <message>
        <source>When rows of the file are the same customer with different data:</source>
        <translation>文件中有多行属于同一客户但数据不同时：</translation>
    </message>
    <message>
        <source>Reject those rows and tell me (fix the file)</source>
        <translation>拒绝这些行并提示我（修改文件）</translation>
    </message>
    <message>
        <source>Import the first of them, skip the others</source>
        <translation>导入其中第一行，跳过其余行</translation>
    </message>
    <message>
        <source>Import the last of them, skip the others</source>
        <translation>导入其中最后一行，跳过其余行</translation>
    </message>
    <message>
        <source>When some rows have errors:</source>
        <translation>当部分行有错误时：</translation>
    </message>
    <message>
        <source>Import nothing (all or nothing)</source>
        <translation>全部不导入（要么全部成功，要么全部不导入）</translation>
    </message>
    <message>
        <source>Import the valid rows, reject the others</source>
        <translation>导入有效行，拒绝其余行</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>When some rows have errors ({n} rows here):</source>
        <translation>当部分行有错误时（此文件有 {n} 行）：</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>&lt; Back to options</source>
        <translation>&lt; 返回选项</translation>
    </message>
    <message>
        <source>Import the valid rows</source>
        <translation>导入有效行</translation>
    </message>
    <message>
        <source>One transaction: cancelling leaves the database as it was.</source>
        <translation>整个导入是一个事务：取消后数据库保持原样。</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>撤销本次导入</translation>
    </message>
    <message>
        <source>Reading and checking every row…</source>
        <translation>正在读取并检查每一行…</translation>
    </message>
    <message>
        <source>Save error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
</TS>
