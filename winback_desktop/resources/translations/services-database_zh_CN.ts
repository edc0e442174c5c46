<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Unsupported database driver in &apos;{url}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
