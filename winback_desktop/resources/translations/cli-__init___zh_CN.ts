<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Winback Desktop command line.</source>
        <extracomment>Modules under ``winback_desktop.cli`` that add commands; one per line, in help order.</extracomment>
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
