<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Unsupported database driver in &apos;{url}&apos;.</source>
        <translation>“{url}”中的数据库驱动不受支持。</translation>
    </message>
</context>
</TS>
