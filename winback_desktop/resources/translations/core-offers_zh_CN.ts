<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The cost rule value &apos;{key}&apos; must be a number.</source>
        <extracomment>Statuses a supervisor or admin can still decide on. Statuses in which the agent may present the offer and record the customer&apos;s answer. Statuses after which nothing more happens to a request.</extracomment>
        <translation>成本规则中的 &apos;{key}&apos; 必须是数字。</translation>
    </message>
    <message>
        <source>An offer needs a cost rule.</source>
        <translation>优惠需要一个成本规则。</translation>
    </message>
    <message>
        <source>Unknown cost rule &apos;{type}&apos;: use fixed, percent_revenue or free_period.</source>
        <translation>未知的成本规则 &apos;{type}&apos;：请使用 fixed、percent_revenue 或 free_period。</translation>
    </message>
    <message>
        <source>A fixed cost needs an amount of zero or more.</source>
        <translation>固定成本需要零或更大的金额。</translation>
    </message>
    <message>
        <source>A percentage must be above 0 and at most 100.</source>
        <translation>百分比必须大于 0 且不超过 100。</translation>
    </message>
    <message>
        <source>The number of months must be 1 to 36.</source>
        <translation>月数必须在 1 到 36 之间。</translation>
    </message>
    <message>
        <source>The win probability must be above 0 and at most 1.</source>
        <translation>挽回概率必须大于 0 且不超过 1。</translation>
    </message>
    <message>
        <source>Unknown value in offer eligibility: {value}.</source>
        <translation>优惠适用条件中有未知的值：{value}。</translation>
    </message>
</context>
</TS>
