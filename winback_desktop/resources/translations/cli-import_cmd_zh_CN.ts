<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>import customers from .xlsx, .xlsm, .xls or .csv (&apos;winback import purchases FILE&apos; imports a purchase history; &apos;winback import undo&apos; undoes the last import)</source>
        <extracomment>Errors printed in text mode before &quot;… and N more&quot;.</extracomment>
        <translation>从 .xlsx、.xlsm、.xls 或 .csv 导入客户（&apos;winback import purchases 文件&apos; 导入购买记录；&apos;winback import undo&apos; 撤销上一次导入）</translation>
    </message>
    <message>
        <source>the file to import, &apos;purchases&apos; or &apos;undo&apos;</source>
        <translation>要导入的文件，或 &apos;purchases&apos;、&apos;undo&apos;</translation>
    </message>
    <message>
        <source>after &apos;purchases&apos;: the purchase history to import</source>
        <translation>跟在 &apos;purchases&apos; 后：要导入的购买记录文件</translation>
    </message>
    <message>
        <source>purchases: do not run the early-warning scan afterwards</source>
        <translation>购买记录：导入后不运行流失预警扫描</translation>
    </message>
    <message>
        <source>sheet name (default: the first)</source>
        <translation>工作表名称（默认：第一个）</translation>
    </message>
    <message>
        <source>saved column mapping name, or a JSON file {field: header}</source>
        <translation>已保存的列映射名称，或 JSON 文件 {field: header}</translation>
    </message>
    <message>
        <source>save the mapping used under this name</source>
        <translation>以此名称保存所用的映射</translation>
    </message>
    <message>
        <source>spreadsheet row of the header (default: detected)</source>
        <translation>表头所在行号（默认：自动识别）</translation>
    </message>
    <message>
        <source>upsert updates known customer IDs; insert-only never updates</source>
        <translation>upsert 会更新已有客户编号；insert-only 从不更新</translation>
    </message>
    <message>
        <source>what a known customer does (default: update for upsert, skip for insert-only)</source>
        <translation>已存在的客户如何处理（默认：upsert 时更新，insert-only 时跳过）</translation>
    </message>
    <message>
        <source>rows of the file that are one customer with different data: reject them all (default), import the first or the last</source>
        <translation>文件中属于同一客户但数据不同的多行：全部拒绝（默认）、导入第一行或导入最后一行</translation>
    </message>
    <message>
        <source>import the valid rows even when others have errors</source>
        <translation>即使其他行有错误，也导入有效行</translation>
    </message>
    <message>
        <source>default phone region, e.g. CN or US (default: the setting)</source>
        <translation>默认电话地区，例如 CN 或 US（默认：系统设置）</translation>
    </message>
    <message>
        <source>write the rejected rows and reasons to this .xlsx</source>
        <translation>将被拒绝的行及原因写入此 .xlsx</translation>
    </message>
    <message>
        <source>check the file and report problems without importing</source>
        <translation>只检查文件并报告问题，不导入</translation>
    </message>
    <message>
        <source>export lists to Excel or CSV</source>
        <translation>将列表导出为 Excel 或 CSV</translation>
    </message>
    <message>
        <source>export customers (current filters) to .xlsx or .csv</source>
        <translation>将客户（按当前筛选条件）导出为 .xlsx 或 .csv</translation>
    </message>
    <message>
        <source>status, e.g. lost or at_risk</source>
        <translation>状态，例如 lost 或 at_risk</translation>
    </message>
    <message>
        <source>defection reason</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>SLTV tier: A, B, C, D or negative</source>
        <translation>SLTV 等级：A、B、C、D 或 negative</translation>
    </message>
    <message>
        <source>treatment: quick, long_term, ...</source>
        <translation>处理方式：quick、long_term……</translation>
    </message>
    <message>
        <source>import batch number</source>
        <translation>导入批次编号</translation>
    </message>
    <message>
        <source>campaign number</source>
        <translation>活动编号</translation>
    </message>
    <message>
        <source>text in name, phone or customer ID</source>
        <translation>姓名、电话或客户编号中的文字</translation>
    </message>
    <message>
        <source>file format (default: from the file name)</source>
        <translation>文件格式（默认：根据文件名）</translation>
    </message>
    <message>
        <source>Waiting for another import of this database to finish…</source>
        <translation>正在等待该数据库的另一次导入完成…</translation>
    </message>
    <message>
        <source>{file}, sheet &apos;{sheet}&apos;, header in row {row}.</source>
        <translation>{file}，工作表“{sheet}”，表头在第 {row} 行。</translation>
    </message>
    <message>
        <source>{rows}: {valid} valid, {invalid} with errors; {dup_file} repeated in the file, {dup_db} already known.</source>
        <translation>{rows}：有效 {valid} 行，有错误 {invalid} 行；文件内重复 {dup_file} 行，数据库中已有 {dup_db} 行。</translation>
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
        <source>Purchases import #{batch}: {rows}, {inserted} new, {unchanged} imported before, {rejected} rejected.</source>
        <translation>购买记录导入 #{batch}：{rows}，新增 {inserted} 行，{unchanged} 行此前已导入，拒绝 {rejected} 行。</translation>
    </message>
    <message>
        <source>Import #{batch}: {rows}, {inserted} new, {updated} updated, {unchanged} unchanged, {skipped} skipped, {rejected} rejected.</source>
        <translation>导入 #{batch}：{rows}，新增 {inserted}，更新 {updated}，未变 {unchanged}，跳过 {skipped}，拒绝 {rejected}。</translation>
    </message>
    <message>
        <source>Early-warning scan: {count} customers flagged at risk (&apos;winback risk list&apos; shows why).</source>
        <translation>流失预警扫描：{count} 位客户被标记为有流失风险（用 &apos;winback risk list&apos; 查看原因）。</translation>
    </message>
    <message>
        <source>{count} early-warning flags closed: the list changed those customers&apos; status.</source>
        <translation>已关闭 {count} 条预警：名单更改了这些客户的状态。</translation>
    </message>
    <message>
        <source>Nothing was imported: {rejected} of {rows} rows have errors. Fix them, or use --valid-only to import the valid rows.</source>
        <translation>未导入任何数据：{rows} 行中有 {rejected} 行有错误。请修正，或使用 --valid-only 只导入有效行。</translation>
    </message>
    <message>
        <source>Nothing was imported: the file&apos;s one row has errors. Fix it (--error-report writes each row&apos;s reason).</source>
        <translation>未导入任何数据：文件中唯一的一行有错误。请修改（--error-report 会写出每一行的原因）。</translation>
    </message>
    <message>
        <source>Nothing was imported: all {n} rows have errors. Fix them (--error-report writes each row&apos;s reason).</source>
        <translation>未导入任何数据：全部 {n} 行都有错误。请修改（--error-report 会写出每一行的原因）。</translation>
    </message>
    <message>
        <source>Rows {rows}: customer {key}, different {fields}; {what}.</source>
        <translation>第 {rows} 行：客户 {key} 的{fields}不同；{what}。</translation>
    </message>
    <message>
        <source>all rejected</source>
        <translation>全部拒绝</translation>
    </message>
    <message>
        <source>row {row} imported</source>
        <translation>已导入第 {row} 行</translation>
    </message>
    <message>
        <source>Error report: {file}</source>
        <translation>错误报告：{file}</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation>……另有 {count} 条。</translation>
    </message>
    <message>
        <source>Import #{batch} undone: {removed} customers removed, {restored} restored.</source>
        <translation>已撤销导入 #{batch}：删除 {removed} 个客户，恢复 {restored} 个。</translation>
    </message>
    <message>
        <source>Exported {rows} customers to {file}.</source>
        <translation>已导出 {rows} 个客户到 {file}。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The mapping file {file} is not valid JSON: {detail}</source>
        <translation>映射文件 {file} 不是有效的 JSON：{detail}</translation>
    </message>
    <message>
        <source>No saved mapping named &apos;{name}&apos;.</source>
        <translation>没有名为“{name}”的已保存映射。</translation>
    </message>
    <message>
        <source>Name the purchase file: winback import purchases FILE</source>
        <translation>请给出购买记录文件：winback import purchases 文件</translation>
    </message>
    <message>
        <source>One file at a time: winback import FILE, or winback import purchases FILE.</source>
        <translation>一次只能导入一个文件：winback import 文件，或 winback import purchases 文件。</translation>
    </message>
</context>
</TS>
