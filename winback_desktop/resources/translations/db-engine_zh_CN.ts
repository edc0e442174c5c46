<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Not a database URL: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported database &apos;{backend}&apos;: use sqlite:/// or postgresql://.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
