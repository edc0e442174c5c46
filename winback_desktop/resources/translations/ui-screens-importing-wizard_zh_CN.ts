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
        <source>{n} row read</source>
        <translation>共读取 {n} 行</translation>
    </message>
    <message>
        <source>{n} rows read</source>
        <translation>共读取 {n} 行</translation>
    </message>
    <message>
        <source>{rows}: {inserted}, {unchanged} imported before, {rejected} rejected.</source>
        <translation>{rows}：{inserted}，{unchanged} 笔此前已导入，拒绝 {rejected} 行。</translation>
    </message>
    <message>
        <source>{n} new purchase</source>
        <translation>新增购买 {n} 笔</translation>
    </message>
    <message>
        <source>{n} new purchases</source>
        <translation>新增购买 {n} 笔</translation>
    </message>
    <message>
        <source>Early-warning scan: {n} customer flagged at risk (see the At-risk screen).</source>
        <translation>流失预警扫描：{n} 位客户被标记为有流失风险（见“流失风险”界面）。</translation>
    </message>
    <message>
        <source>{rows}: {inserted}, {updated} updated, {skipped} skipped, {rejected} rejected.</source>
        <translation>{rows}：{inserted}，更新 {updated} 位，跳过 {skipped} 行，拒绝 {rejected} 行。</translation>
    </message>
    <message>
        <source>{n} new customer</source>
        <translation>新增 {n} 位客户</translation>
    </message>
    <message>
        <source>{n} new customers</source>
        <translation>新增 {n} 位客户</translation>
    </message>
    <message>
        <source>{n} early-warning flag closed: the list changed that customer&apos;s status.</source>
        <translation>已关闭 {n} 条预警：名单更改了该客户的状态。</translation>
    </message>
    <message>
        <source>Nothing was imported: some rows have errors and the import was set to all or nothing. Go back to the options, or import the valid rows only.</source>
        <translation>未导入任何数据：部分行有错误，且导入设置为“全部或全不”。可返回选项，或只导入有效行。</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <source>Name of this mapping:</source>
        <translation>映射名称：</translation>
    </message>
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
    <message>
        <source>Import purchases</source>
        <extracomment>emitted after an import or an undo changed customers which kind of list: ``customers`` or ``purchases``</extracomment>
        <translation>导入购买记录</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>This file has no column {columns}; those fields stay unmapped.</source>
        <translation>该文件没有列 {columns}；这些字段保持未映射。</translation>
    </message>
    <message>
        <source>Mapping &quot;{name}&quot; saved.</source>
        <translation>映射“{name}”已保存。</translation>
    </message>
    <message>
        <source>Waiting for another import of this database to finish…</source>
        <translation>正在等待该数据库的另一次导入完成…</translation>
    </message>
    <message>
        <source>Imported {done} of {total} rows…</source>
        <translation>已导入 {done} / {total} 行…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Early-warning scan: {n} customers flagged at risk (see the At-risk screen).</source>
        <translation>流失预警扫描：{n} 位客户被标记为有流失风险（见“流失风险”界面）。</translation>
    </message>
    <message>
        <source>{n} early-warning flags closed: the list changed those customers&apos; status.</source>
        <translation>已关闭 {n} 条预警：名单更改了这些客户的状态。</translation>
    </message>
    <message>
        <source>The import is finished.</source>
        <translation>导入已完成。</translation>
    </message>
    <message>
        <source>Import batch #{id}.</source>
        <translation>导入批次 #{id}。</translation>
    </message>
    <message>
        <source>Nothing was imported: no row can be imported. The error report gives each row&apos;s reason; fix the file, or go back to the options.</source>
        <translation>未导入任何数据：没有可导入的行。错误报告列出了每一行的原因；请修改文件，或返回选项页。</translation>
    </message>
    <message>
        <source>The import did not run.</source>
        <translation>导入未执行。</translation>
    </message>
    <message>
        <source>Error report saved to {path}.</source>
        <translation>错误报告已保存到 {path}。</translation>
    </message>
    <message>
        <source>Import #{id} undone: {removed} purchases removed, the rhythm of {restored} customers recomputed.</source>
        <translation>导入 #{id} 已撤销：删除 {removed} 笔购买，重新计算了 {restored} 位客户的购买节奏。</translation>
    </message>
    <message>
        <source>Import #{id} undone: {removed} customers removed, {restored} restored.</source>
        <translation>导入 #{id} 已撤销：删除 {removed} 位客户，恢复 {restored} 位。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>China (+86)</source>
        <extracomment>phone regions offered for numbers written without a country code</extracomment>
        <translation>中国大陆 (+86)</translation>
    </message>
    <message>
        <source>Hong Kong (+852)</source>
        <translation>中国香港 (+852)</translation>
    </message>
    <message>
        <source>Macau (+853)</source>
        <translation>中国澳门 (+853)</translation>
    </message>
    <message>
        <source>Taiwan (+886)</source>
        <translation>中国台湾 (+886)</translation>
    </message>
    <message>
        <source>Singapore (+65)</source>
        <translation>新加坡 (+65)</translation>
    </message>
    <message>
        <source>Malaysia (+60)</source>
        <translation>马来西亚 (+60)</translation>
    </message>
    <message>
        <source>Japan (+81)</source>
        <translation>日本 (+81)</translation>
    </message>
    <message>
        <source>South Korea (+82)</source>
        <translation>韩国 (+82)</translation>
    </message>
    <message>
        <source>Australia (+61)</source>
        <translation>澳大利亚 (+61)</translation>
    </message>
    <message>
        <source>United Kingdom (+44)</source>
        <translation>英国 (+44)</translation>
    </message>
    <message>
        <source>Germany (+49)</source>
        <translation>德国 (+49)</translation>
    </message>
    <message>
        <source>France (+33)</source>
        <translation>法国 (+33)</translation>
    </message>
    <message>
        <source>United States / Canada (+1)</source>
        <translation>美国 / 加拿大 (+1)</translation>
    </message>
</context>
</TS>
