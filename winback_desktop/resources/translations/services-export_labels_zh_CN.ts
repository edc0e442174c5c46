<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Export</name>
    <message>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <source>Won back</source>
        <translation>已挽回</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>已挽留</translation>
    </message>
    <message>
        <source>Pushed away (intentional)</source>
        <translation>被推走（主动放弃）</translation>
    </message>
    <message>
        <source>Pushed away (service failure)</source>
        <translation>被推走（服务失误）</translation>
    </message>
    <message>
        <source>Pulled away (competitor)</source>
        <translation>被拉走（竞争对手）</translation>
    </message>
    <message>
        <source>Bought away (price)</source>
        <translation>被买走（价格）</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>迁离</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>负值</translation>
    </message>
    <message>
        <source>Quick win-back</source>
        <translation>快速挽回</translation>
    </message>
    <message>
        <source>Long-term nurture</source>
        <translation>长期培育</translation>
    </message>
    <message>
        <source>Do not pursue</source>
        <translation>不再追回</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Cantonese</source>
        <translation>粤语</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
</TS>
