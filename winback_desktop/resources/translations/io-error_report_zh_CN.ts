<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ErrorReport</name>
    <message>
      <source>Original row</source>
      <translation>原行号</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Rejected rows</source>
      <translation>被拒绝的行</translation>
    </message>
  </context>
</TS>