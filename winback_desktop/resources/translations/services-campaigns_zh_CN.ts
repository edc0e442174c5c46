<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>A campaign named &apos;{name}&apos; exists already.</source>
        <extracomment>keys of ``customer_filter``; each maps to a list of accepted values the orders a campaign can hand out its queued customers in (callbacks always first)</extracomment>
        <translation>名为“{name}”的活动已存在。</translation>
    </message>
    <message>
        <source>Unknown campaign kind &apos;{kind}&apos;: use win_back or save.</source>
        <translation>未知的活动类型“{kind}”：请使用 win_back 或 save。</translation>
    </message>
    <message>
        <source>Unknown customer filter &apos;{key}&apos;: use {keys}.</source>
        <translation>未知的客户筛选条件“{key}”：请使用 {keys}。</translation>
    </message>
    <message>
        <source>Unknown queue order &apos;{order}&apos;: use sltv or expected_value.</source>
        <translation>未知的队列顺序“{order}”：请使用 sltv 或 expected_value。</translation>
    </message>
    <message>
        <source>{name} must be at least {minimum}.</source>
        <translation>{name} 至少为 {minimum}。</translation>
    </message>
    <message>
        <source>A campaign needs a name.</source>
        <translation>活动需要名称。</translation>
    </message>
    <message>
        <source>Unknown campaign setting &apos;{key}&apos;.</source>
        <translation>未知的活动设置“{key}”。</translation>
    </message>
    <message>
        <source>The campaign &apos;{name}&apos; is closed.</source>
        <translation>活动“{name}”已关闭。</translation>
    </message>
</context>
</TS>
