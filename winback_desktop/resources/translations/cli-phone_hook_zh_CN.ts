<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>_common</name>
    <message>
        <source>winback: error: </source>
        <translation>winback：错误：</translation>
    </message>
</context>
</TS>
