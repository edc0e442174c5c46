<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The report was cancelled.</source>
        <extracomment>team setting: what an hour of an agent&apos;s time costs, in minor units breakdowns of the report, in the order screens and exports show them months of defectors the cohort view follows, ending with the period&apos;s last month</extracomment>
        <translation>报表已取消。</translation>
    </message>
</context>
</TS>
