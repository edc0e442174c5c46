<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Winback Desktop command line.</source>
        <extracomment>Modules under ``winback_desktop.cli`` that add commands; one per line, in help order. The top-level commands each module registers. A command line that names one of them imports only that module (and what it imports), not all eighteen with their services: the start-up of every command pays for its own imports only. Kept in step with the modules by tests/unit/test_house.py. common options that take a value (their value is never the command&apos;s name)</extracomment>
        <translation>Winback Desktop 命令行。</translation>
    </message>
</context>
<context>
    <name>_common</name>
    <message>
        <source>winback: error: </source>
        <translation>winback：错误：</translation>
    </message>
</context>
</TS>
