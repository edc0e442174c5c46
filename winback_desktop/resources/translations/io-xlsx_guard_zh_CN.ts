<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The file {file} unpacks to more than {size} MB from {packed} MB (over {ratio}:1), which no real customer list does. It is damaged or made to harm; save the list again from Excel.</source>
        <extracomment>Excel&apos;s own sheet limits Excel keeps at most 32,767 characters in a cell; as XML (UTF-8, escaped) at most ~4× one row&apos;s XML: 16,384 cells of ordinary size (a flood of whitespace is not a row) more than this many times smaller compressed, above the grace size, is a zip bomb one worksheet&apos;s XML (1M rows × 30 columns of ordinary cells fits) cells calamine may hold as one grid (~32 bytes each in Rust: about 1 GB) a used range this much larger than its cells is sparse: read a compacted copy a sheet&apos;s XML after its rows kept for reading it in windows (merged ranges and such)</extracomment>
        <translation>文件 {file} 从 {packed} MB 解压后超过 {size} MB（压缩比超过 {ratio}:1），真实的客户名单不会这样。文件已损坏或被恶意构造；请在 Excel 中重新保存名单。</translation>
    </message>
    <message>
        <source>The sheet &apos;{sheet}&apos; of {file} is too large to import ({size} MB of sheet data; the limit is {limit} MB). Split it into smaller files.</source>
        <translation>{file} 的工作表“{sheet}”太大，无法导入（表格数据 {size} MB，上限为 {limit} MB）。请拆分为较小的文件。</translation>
    </message>
    <message>
        <source>The file {file} is damaged: its sheet &apos;{sheet}&apos; holds more data than the file says. Copy or download it again.</source>
        <translation>文件 {file} 已损坏：其工作表“{sheet}”的数据比文件声明的多。请重新复制或下载。</translation>
    </message>
    <message>
        <source>The sheet &apos;{sheet}&apos; of {file} has a row or column beyond Excel&apos;s limits (1,048,576 rows, 16,384 columns). Save the list again from Excel.</source>
        <translation>{file} 的工作表“{sheet}”有超出 Excel 上限的行或列（1,048,576 行，16,384 列）。请在 Excel 中重新保存名单。</translation>
    </message>
    <message>
        <source>The sheet &apos;{sheet}&apos; of {file} has a cell near row {row} longer than Excel allows (32,767 characters). Shorten it and save the file again.</source>
        <translation>{file} 的工作表“{sheet}”在第 {row} 行附近有一个单元格超过 Excel 允许的长度（32,767 个字符）。请缩短后重新保存文件。</translation>
    </message>
    <message>
        <source>The sheet &apos;{sheet}&apos; of {file} uses {rows} rows × {columns} columns ({cells} cells; the limit is {limit}). Delete what lies outside the list (Ctrl+End shows the last used cell) and save it again.</source>
        <translation>{file} 的工作表“{sheet}”使用了 {rows} 行 × {columns} 列（{cells} 个单元格，上限为 {limit}）。请删除名单以外的内容（按 Ctrl+End 可找到最后使用的单元格）后重新保存。</translation>
    </message>
</context>
</TS>
