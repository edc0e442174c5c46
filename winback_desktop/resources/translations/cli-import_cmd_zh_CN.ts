<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name />
    <message>
      <source>import customers from .xlsx, .xlsm, .xls or .csv ('winback import undo' undoes the last import)</source>
      <extracomment>Errors printed in text mode before "… and N more".</extracomment>
      <translation>从 .xlsx、.xlsm、.xls 或 .csv 导入客户（“winback import undo”撤销上一次导入）</translation>
    </message>
    <message>
      <source>the file to import, or 'undo'</source>
      <translation>要导入的文件，或“undo”</translation>
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
      <source>what a known customer ID does (default: update for upsert, skip for insert-only)</source>
      <translation>遇到已有客户编号时的处理（默认：upsert 时更新，insert-only 时跳过）</translation>
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
      <source>{file}, sheet '{sheet}', header in row {row}.</source>
      <translation>{file}，工作表“{sheet}”，表头在第 {row} 行。</translation>
    </message>
    <message>
      <source>{rows} rows: {valid} valid, {invalid} with errors; {dup_file} repeated in the file, {dup_db} already known.</source>
      <translation>共 {rows} 行：有效 {valid} 行，有错误 {invalid} 行；文件内重复 {dup_file} 行，数据库中已有 {dup_db} 行。</translation>
    </message>
    <message>
      <source>Import #{batch}: {rows} rows, {inserted} new, {updated} updated, {unchanged} unchanged, {skipped} skipped, {rejected} rejected.</source>
      <translation>导入 #{batch}：共 {rows} 行，新增 {inserted}，更新 {updated}，未变 {unchanged}，跳过 {skipped}，拒绝 {rejected}。</translation>
    </message>
    <message>
      <source>Nothing was imported: {rejected} of {rows} rows have errors. Fix them, or use --valid-only to import the valid rows.</source>
      <translation>未导入任何数据：{rows} 行中有 {rejected} 行有错误。请修正，或使用 --valid-only 只导入有效行。</translation>
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
      <source>No saved mapping named '{name}'.</source>
      <translation>没有名为“{name}”的已保存映射。</translation>
    </message>
  </context>
</TS>