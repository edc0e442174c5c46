<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Unknown SLTV tier &apos;{tier}&apos;.</source>
        <extracomment>task states that follow their customer&apos;s segment task states a ``do_not_pursue`` segment closes at once customers per statement of the set-based form</extracomment>
        <translation>未知的 SLTV 等级“{tier}”。</translation>
    </message>
    <message>
        <source>Unknown defection reason &apos;{reason}&apos;.</source>
        <translation>未知的流失原因“{reason}”。</translation>
    </message>
    <message>
        <source>Unknown treatment &apos;{treatment}&apos;.</source>
        <translation>未知的处理方式“{treatment}”。</translation>
    </message>
    <message>
        <source>Tier bounds must fall from A to D and D must be 0 or more.</source>
        <translation>等级下限必须从 A 到 D 依次递减，且 D 不小于 0。</translation>
    </message>
</context>
</TS>
