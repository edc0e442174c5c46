<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>database schema commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bring the database schema to this version (backs up first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show the schema revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database {url} is at schema {rev}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database {url}: schema {current}, this app needs {head}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
