<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Programme</name>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>日期…</translation>
    </message>
</context>
<context>
    <name>ProgrammeScreen</name>
    <message>
        <source>Period:</source>
        <translation>期间:</translation>
    </message>
    <message>
        <source>Hourly labour cost:</source>
        <translation>每小时人工成本：</translation>
    </message>
    <message>
        <source>What an hour of an agent&apos;s time costs; labour cost = handle hours × this</source>
        <translation>坐席每小时的成本；人工成本 = 处理时长（小时）× 此值</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Export &amp;xlsx…</source>
        <translation>导出 xlsx(&amp;X)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Break down by:</source>
        <translation>细分依据：</translation>
    </message>
    <message>
        <source>Breakdowns</source>
        <translation>细分</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>群组</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Counting {start} – {end}…</source>
        <translation>正在统计 {start} – {end}…</translation>
    </message>
    <message>
        <source>{start} – {end}: {calls} calls, {won} won back.</source>
        <translation>{start} – {end}：通话 {calls} 次，挽回 {won} 位。</translation>
    </message>
    <message>
        <source>P(win) the model gave each call when it was made, against how often such calls won, by tenth of the predictions ({tries} calls).</source>
        <translation>模型在每次通话时给出的挽回概率，与此类通话实际成功的频率对比，按预测值的十分位分组（共 {tries} 次通话）。</translation>
    </message>
    <message>
        <source>No call of this period was made with a P(win) from the model yet.</source>
        <translation>本期间还没有带有模型挽回概率的通话。</translation>
    </message>
    <message>
        <source>Export the programme report</source>
        <translation>导出项目报表</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Programme</source>
        <translation>挽回项目</translation>
    </message>
</context>
</TS>
