<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Winback Desktop command line.</source>
        <extracomment>Modules that add commands; later issues append theirs here.</extracomment>
        <translation>Winback Desktop 命令行。</translation>
    </message>
</context>
</TS>
