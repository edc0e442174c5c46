<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Errors</name>
    <message>
      <source>The file {file} cannot be read: {detail}</source>
      <extracomment>Uncompressed worksheet XML above this is a zip bomb or more than Excel can hold. Excel's own limit; CSV files may hold a little more.</extracomment>
      <translation>无法读取文件 {file}：{detail}</translation>
    </message>
    <message>
      <source>The file {file} does not exist.</source>
      <translation>文件 {file} 不存在。</translation>
    </message>
    <message>
      <source>The file {file} is empty.</source>
      <translation>文件 {file} 是空的。</translation>
    </message>
    <message>
      <source>The sheet '{sheet}' of {file} has no customer rows below its header.</source>
      <translation>{file} 的工作表“{sheet}”在表头下方没有客户数据行。</translation>
    </message>
    <message>
      <source>The file {file} is protected with a password. Open it in Excel, remove the password (File › Info › Protect Workbook) and save it again.</source>
      <translation>文件 {file} 受密码保护。请用 Excel 打开，取消密码（文件 › 信息 › 保护工作簿）后重新保存。</translation>
    </message>
    <message>
      <source>The file {file} is a web page (HTML) with a spreadsheet name, as some systems export it. Open it in Excel and save it as an .xlsx workbook.</source>
      <translation>文件 {file} 实际上是网页（HTML），只是用了表格文件的扩展名（某些系统会这样导出）。请用 Excel 打开并另存为 .xlsx 工作簿。</translation>
    </message>
    <message>
      <source>The file {file} is not a spreadsheet. Use an .xlsx, .xlsm, .xls or .csv file.</source>
      <translation>文件 {file} 不是电子表格。请使用 .xlsx、.xlsm、.xls 或 .csv 文件。</translation>
    </message>
    <message>
      <source>The file {file} is damaged or incomplete ({detail}). Copy or download it again.</source>
      <translation>文件 {file} 已损坏或不完整（{detail}）。请重新复制或下载。</translation>
    </message>
    <message>
      <source>The file {file} is too large to import ({size} MB; the limit is {limit} MB).</source>
      <translation>文件 {file} 太大，无法导入（{size} MB，上限为 {limit} MB）。</translation>
    </message>
    <message>
      <source>The file {file} has more than {limit} rows; split it into smaller files.</source>
      <translation>文件 {file} 超过 {limit} 行，请拆分为较小的文件。</translation>
    </message>
    <message>
      <source>The file {file} has no sheet named '{sheet}'. Its sheets: {sheets}.</source>
      <translation>文件 {file} 中没有名为“{sheet}”的工作表。现有工作表：{sheets}。</translation>
    </message>
    <message>
      <source>The text file {file} is not in a known encoding near row {row}. Save it again from Excel as 'CSV UTF-8'.</source>
      <translation>文本文件 {file} 在第 {row} 行附近的编码无法识别。请在 Excel 中另存为“CSV UTF-8”。</translation>
    </message>
  </context>
</TS>