<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>InterviewReportScreen</name>
    <message>
        <source>Campaign:</source>
        <translation>活动:</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>全部活动</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Export xlsx…</source>
        <translation>导出 xlsx…</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>访谈数</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>SLTV tier</source>
        <translation>SLTV 等级</translation>
    </message>
    <message>
        <source>In the customer&apos;s words</source>
        <translation>客户原话</translation>
    </message>
    <message>
        <source>Times named</source>
        <translation>提及次数</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Adherence</source>
        <translation>遵循率</translation>
    </message>
    <message>
        <source>Fully adherent</source>
        <translation>完全遵循</translation>
    </message>
    <message>
        <source>Reason overridden</source>
        <translation>原因被更改</translation>
    </message>
    <message>
        <source>Reasons by campaign</source>
        <translation>按活动的原因</translation>
    </message>
    <message>
        <source>Reasons by month</source>
        <translation>按月份的原因</translation>
    </message>
    <message>
        <source>Reasons by SLTV tier</source>
        <translation>按 SLTV 等级的原因</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>导火索</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Competitor offers</source>
        <translation>竞争对手的条件</translation>
    </message>
    <message>
        <source>What would bring them back</source>
        <translation>怎样才能让客户回来</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Completed interviews: {completed}. Reason overridden by the agent: {overridden} ({rate:.0%}).</source>
        <translation>已完成访谈:{completed}。坐席更改原因:{overridden}({rate:.0%})。</translation>
    </message>
    <message>
        <source>Wrote {file}.</source>
        <translation>已写入 {file}。</translation>
    </message>
    <message>
        <source>Export xlsx</source>
        <translation>导出 xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>By campaign</source>
        <translation>按活动</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <source>By SLTV tier</source>
        <translation>按 SLTV 等级</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>导火索</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>What the competitor offers</source>
        <translation>竞争对手提供的条件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Adherence rate</source>
        <translation>遵循率</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Interview report</source>
        <translation>访谈报告</translation>
    </message>
</context>
</TS>
