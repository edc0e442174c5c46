<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Errors</name>
    <message>
      <source>The export was cancelled.</source>
      <translation>导出已取消。</translation>
    </message>
    <message>
      <source>The file {file} cannot be written: {detail}</source>
      <translation>无法写入文件 {file}：{detail}</translation>
    </message>
    <message>
      <source>{rows} rows do not fit in one Excel sheet (at most 1,048,575): narrow the filter or export as .csv.</source>
      <translation>{rows} 行无法放入一个 Excel 工作表（最多 1,048,575 行）：请缩小筛选范围或导出为 .csv。</translation>
    </message>
  </context>
</TS>