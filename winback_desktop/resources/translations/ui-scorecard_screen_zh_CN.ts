<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MetricTiles</name>
    <message>
        <source>team {value}</source>
        <translation>团队 {value}</translation>
    </message>
    <message>
        <source>target {value}</source>
        <translation>目标 {value}</translation>
    </message>
</context>
<context>
    <name>ScorecardScreen</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间:</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Burnout signals</source>
        <translation>倦怠信号</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Supervisors</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>My scorecard</source>
        <translation>我的成绩单</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>更新于 {time}</translation>
    </message>
    <message>
        <source>Points balance: {balance}
Rank: {rank} of {n}</source>
        <translation>积分余额:{balance}
名次:第 {rank} / {n}</translation>
    </message>
    <message>
        <source>Scorecards</source>
        <translation>成绩单</translation>
    </message>
    <message>
        <source>None: steady pace.</source>
        <translation>无:节奏平稳。</translation>
    </message>
    <message>
        <source>Team average</source>
        <translation>团队平均</translation>
    </message>
    <message>
        <source>Win-backs per day</source>
        <translation>每日挽回数</translation>
    </message>
    <message>
        <source>Export scorecards</source>
        <translation>导出成绩单</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>Scorecards</name>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Team average</source>
        <translation>团队平均</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Win-backs per day</source>
        <translation>每日挽回数</translation>
    </message>
    <message>
        <source>Dials</source>
        <translation>拨打数</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>接通数</translation>
    </message>
    <message>
        <source>Right-party contacts</source>
        <translation>本人接通数</translation>
    </message>
    <message>
        <source>Right-party rate</source>
        <translation>本人接通率</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>访谈数</translation>
    </message>
    <message>
        <source>Interview completion</source>
        <translation>访谈完成率</translation>
    </message>
    <message>
        <source>Win-backs</source>
        <translation>挽回数</translation>
    </message>
    <message>
        <source>Win-back rate</source>
        <translation>挽回率</translation>
    </message>
    <message>
        <source>SLTV recovered</source>
        <translation>挽回的 SLTV</translation>
    </message>
    <message>
        <source>Offer cost</source>
        <translation>优惠成本</translation>
    </message>
    <message>
        <source>Offer cost / SLTV</source>
        <translation>优惠成本 / SLTV</translation>
    </message>
    <message>
        <source>Avg handle (s)</source>
        <translation>平均处理时长(秒)</translation>
    </message>
    <message>
        <source>Avg talk (s)</source>
        <translation>平均通话时长(秒)</translation>
    </message>
    <message>
        <source>Avg wrap (s)</source>
        <translation>平均话后处理(秒)</translation>
    </message>
    <message>
        <source>QA average</source>
        <translation>质检平均分</translation>
    </message>
    <message>
        <source>QA evaluations</source>
        <translation>质检次数</translation>
    </message>
    <message>
        <source>Critical fails</source>
        <translation>致命错误</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Burnout signals</source>
        <translation>倦怠信号</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Approval turnaround (min)</source>
        <translation>审批周转(分钟)</translation>
    </message>
    <message>
        <source>Approvals decided</source>
        <translation>已审批数</translation>
    </message>
    <message>
        <source>Team calls</source>
        <translation>团队通话数</translation>
    </message>
    <message>
        <source>Calls QA-reviewed</source>
        <translation>质检覆盖率</translation>
    </message>
    <message>
        <source>Coaching given</source>
        <translation>辅导次数</translation>
    </message>
    <message>
        <source>Team win-back rate</source>
        <translation>团队挽回率</translation>
    </message>
    <message>
        <source>Team burnout signals</source>
        <translation>团队倦怠信号</translation>
    </message>
    <message>
        <source>Handle time up {pct}% ({recent} s vs {base} s)</source>
        <translation>处理时长上升 {pct}%({recent} 秒,此前 {base} 秒)</translation>
    </message>
    <message>
        <source>{minutes} minutes of calls without a break</source>
        <translation>连续通话 {minutes} 分钟未休息</translation>
    </message>
    <message>
        <source>QA falling: {recent} from {previous}</source>
        <translation>质检分下降:{previous} → {recent}</translation>
    </message>
    <message>
        <source>Contact rate falling {pct}%</source>
        <translation>接通率下降 {pct}%</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Scorecards</source>
        <translation>成绩单</translation>
    </message>
</context>
</TS>
