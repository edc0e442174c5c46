<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>This interview is already completed.</source>
        <translation>此访谈已完成。</translation>
    </message>
    <message>
        <source>a published interview script</source>
        <translation>已发布的访谈脚本</translation>
    </message>
    <message>
        <source>Only a published script can be used in a call.</source>
        <translation>只有已发布的脚本才能在通话中使用。</translation>
    </message>
    <message>
        <source>Unknown defection reason &apos;{reason}&apos;.</source>
        <translation>未知的流失原因“{reason}”。</translation>
    </message>
</context>
</TS>
