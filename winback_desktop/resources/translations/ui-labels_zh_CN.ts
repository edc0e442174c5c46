<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Roles</name>
    <message>
      <source>Agent</source>
      <translation>坐席</translation>
    </message>
    <message>
      <source>Supervisor</source>
      <translation>主管</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>管理员</translation>
    </message>
  </context>
</TS>