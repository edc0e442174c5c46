<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>&apos;{value}&apos; is not a valid phone number.</source>
        <translation>“{value}”不是有效的电话号码。</translation>
    </message>
    <message>
        <source>Excel shortened the phone number to &apos;{value}&apos;; its last digits are lost. Format the column as text in the source and export again.</source>
        <translation>Excel 已将电话号码缩写为“{value}”，末尾数字已丢失。请在源文件中将该列设为文本格式后重新导出。</translation>
    </message>
</context>
</TS>
