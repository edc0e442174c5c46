<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>{file} is not a valid JSON file: line {line}, column {column}: {detail}.</source>
        <translation>{file} 不是有效的 JSON 文件:第 {line} 行,第 {column} 列:{detail}。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此字段为必填项。</translation>
    </message>
    <message>
        <source>Expected {expected}.</source>
        <translation>应为 {expected}。</translation>
    </message>
    <message>
        <source>Unknown field &apos;{name}&apos;.</source>
        <translation>未知字段“{name}”。</translation>
    </message>
    <message>
        <source>The file must hold one script object {{...}}.</source>
        <translation>文件必须包含一个脚本对象 {{...}}。</translation>
    </message>
    <message>
        <source>This is not a Winback interview script (format &apos;{format}&apos;).</source>
        <translation>这不是 Winback 访谈脚本(格式“{format}”)。</translation>
    </message>
    <message>
        <source>Format version {version} is not supported by this program.</source>
        <translation>本程序不支持格式版本 {version}。</translation>
    </message>
    <message>
        <source>Unknown question type &apos;{type}&apos;; use one of: {types}.</source>
        <translation>未知的问题类型“{type}”;请使用以下之一:{types}。</translation>
    </message>
</context>
</TS>
