<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Unknown field {{{field}}} in the file-name pattern.</source>
        <translation>文件名模式中有未知字段 {{{field}}}。</translation>
    </message>
    <message>
        <source>The field {{{field}}} appears twice in the pattern.</source>
        <translation>字段 {{{field}}} 在模式中出现了两次。</translation>
    </message>
    <message>
        <source>The pattern needs {call}, or {time} with {agent} or {phone}.</source>
        <translation>模式需要包含 {call},或者 {time} 加上 {agent} 或 {phone}。</translation>
    </message>
    <message>
        <source>Not a folder: {path}</source>
        <translation>不是文件夹:{path}</translation>
    </message>
    <message>
        <source>No such file: {path}</source>
        <translation>文件不存在:{path}</translation>
    </message>
</context>
</TS>
