<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Unknown offer kind &apos;{kind}&apos;.</source>
        <translation>未知的优惠类型 &apos;{kind}&apos;。</translation>
    </message>
    <message>
        <source>An offer needs a name.</source>
        <translation>优惠需要一个名称。</translation>
    </message>
    <message>
        <source>The offer&apos;s end date is before its start date.</source>
        <translation>优惠的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>An offer needs a code of 1 to 50 characters.</source>
        <translation>优惠需要 1 到 50 个字符的代码。</translation>
    </message>
    <message>
        <source>The offer code &apos;{code}&apos; is taken.</source>
        <translation>优惠代码 &apos;{code}&apos; 已被使用。</translation>
    </message>
    <message>
        <source>Offer {code} has a newer version; edit that one.</source>
        <translation>优惠 {code} 有更新的版本；请编辑那个版本。</translation>
    </message>
</context>
</TS>
