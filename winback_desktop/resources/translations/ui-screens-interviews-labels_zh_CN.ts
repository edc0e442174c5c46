<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>InterviewLabels</name>
    <message>
        <source>Pushed away (intentional)</source>
        <translation>有意推走</translation>
    </message>
    <message>
        <source>Pushed away (service failure)</source>
        <translation>无意推走(服务失误)</translation>
    </message>
    <message>
        <source>Pulled away (competitor)</source>
        <translation>被拉走(竞争对手)</translation>
    </message>
    <message>
        <source>Bought away (price)</source>
        <translation>被买走(价格)</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>迁移</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
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
        <source>Win-back</source>
        <translation>挽回</translation>
    </message>
    <message>
        <source>Save (at risk)</source>
        <translation>挽留(有流失风险)</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>单选</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>多选</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>量表</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>是 / 否</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>自由文本</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Trigger for leaving</source>
        <translation>离开的导火索</translation>
    </message>
    <message>
        <source>Competitor named</source>
        <translation>提到的竞争对手</translation>
    </message>
    <message>
        <source>What the competitor offers</source>
        <translation>竞争对手提供的条件</translation>
    </message>
    <message>
        <source>What would bring them back</source>
        <translation>怎样才能让客户回来</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Pushed (int.)</source>
        <extracomment>short column headers for the five reasons in the choice table</extracomment>
        <translation>有意推走</translation>
    </message>
    <message>
        <source>Pushed (svc.)</source>
        <translation>无意推走</translation>
    </message>
    <message>
        <source>Pulled</source>
        <translation>被拉走</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>被买走</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>迁移</translation>
    </message>
</context>
</TS>
