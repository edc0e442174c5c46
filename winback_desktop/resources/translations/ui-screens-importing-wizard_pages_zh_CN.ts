<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Purchase histories from Excel (.xlsx, .xlsm, .xls) or CSV: one row per purchase or order line.</source>
        <translation>来自 Excel（.xlsx、.xlsm、.xls）或 CSV 的购买记录：每行一笔购买或一条订单明细。</translation>
    </message>
    <message>
        <source>Customer lists from Excel (.xlsx, .xlsm, .xls) or CSV.</source>
        <translation>来自 Excel（.xlsx、.xlsm、.xls）或 CSV 的客户名单。</translation>
    </message>
    <message>
        <source>The first rows may be a title block: the header row is found automatically. Nothing is imported before the last step.</source>
        <translation>前几行可以是标题区：表头行会被自动识别。最后一步之前不会导入任何数据。</translation>
    </message>
    <message>
        <source>Path of the purchase history</source>
        <translation>购买记录文件路径</translation>
    </message>
    <message>
        <source>Path of the customer list</source>
        <translation>客户名单的路径</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>CSV files may be UTF-8 (with or without BOM), GBK/GB18030 or UTF-16, as Excel saves them.</source>
        <translation>CSV 文件可以是 UTF-8（带或不带 BOM）、GBK/GB18030 或 UTF-16，与 Excel 保存的格式一致。</translation>
    </message>
    <message>
        <source>Choose the purchase history</source>
        <translation>选择购买记录文件</translation>
    </message>
    <message>
        <source>Choose the customer list</source>
        <translation>选择客户名单</translation>
    </message>
    <message>
        <source>Spreadsheets ({patterns})</source>
        <translation>电子表格 ({patterns})</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>Choose the sheet</source>
        <translation>选择工作表</translation>
    </message>
    <message>
        <source>The workbook has several sheets; which one holds the customers?</source>
        <translation>该工作簿有多个工作表；客户数据在哪一个？</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>匹配列</translation>
    </message>
    <message>
        <source>Each column of the file goes into one purchase field; the customer is found by ID or phone. Columns set to &quot;Do not import&quot; are left out.</source>
        <translation>文件的每一列对应一个购买字段；按客户编号或电话找到客户。设为“不导入”的列将被忽略。</translation>
    </message>
    <message>
        <source>Each column of the file goes into one customer field; columns set to &quot;Do not import&quot; are left out.</source>
        <translation>文件的每一列对应一个客户字段；设为“不导入”的列将被忽略。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几个值</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Saved mappings:</source>
        <translation>已保存的映射：</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>载入</translation>
    </message>
    <message>
        <source>Save mapping as…</source>
        <translation>映射另存为…</translation>
    </message>
    <message>
        <source>Phone numbers without country code are in:</source>
        <translation>不带国家代码的电话号码属于：</translation>
    </message>
    <message>
        <source>Header row found on row {row} of sheet &quot;{sheet}&quot;; {n} columns.</source>
        <translation>在工作表“{sheet}”的第 {row} 行找到表头，共 {n} 列。</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>{n} of {total} columns will be imported.</source>
        <translation>将导入 {total} 列中的 {n} 列。</translation>
    </message>
    <message>
        <source>Map the customer ID or the phone column, the purchase date and the amount.</source>
        <translation>请对应客户编号或电话列，以及购买日期和金额列。</translation>
    </message>
    <message>
        <source>Map at least the customer ID, a phone or the e-mail column.</source>
        <translation>请至少对应客户编号、电话或电子邮箱中的一列。</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <source>Name of this mapping:</source>
        <translation>映射名称：</translation>
    </message>
</context>
</TS>
