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
        <source>average agent {value}</source>
        <translation>坐席平均 {value}</translation>
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
        <source>Times: {measured} calls measured by the phone system, {entered} entered by hand</source>
        <translation>时长：{measured} 通由电话系统测得，{entered} 通为手动记录</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>更新于 {time}</translation>
    </message>
    <message>
        <source>Points earned this period: {earned}
Rank: {rank} of {n}
Balance: {balance}</source>
        <translation>本期获得积分：{earned}
排名：第 {rank} 名（共 {n} 名）
余额：{balance}</translation>
    </message>
    <message>
        <source>Not updated: {reason}</source>
        <translation>未更新：{reason}</translation>
    </message>
    <message>
        <source>Win-backs and saves per day</source>
        <translation>每日挽回与挽留数</translation>
    </message>
    <message>
        <source>Calls timed by the phone system</source>
        <translation>由电话系统计时的通话</translation>
    </message>
    <message>
        <source>Calls timed with the buttons</source>
        <translation>用按钮计时的通话</translation>
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
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Win-backs per day</source>
        <translation>每日挽回数</translation>
    </message>
    <message>
        <source>Team (all agents&apos; calls)</source>
        <translation>团队（全部坐席的通话）</translation>
    </message>
    <message>
        <source>Average agent</source>
        <translation>坐席平均</translation>
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
        <source>Timed by the phone system</source>
        <translation>电话系统计时</translation>
    </message>
    <message>
        <source>Of {handled} handled calls, {measured} had their answer and hang-up reported by the phone system; {entered} were timed with the buttons.</source>
        <translation>在 {handled} 个已处理通话中，{measured} 个的接听和挂断由电话系统报告；{entered} 个用按钮计时。</translation>
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
    <message>
        <source>{value} = {num} ÷ {den} {of}</source>
        <translation>{value} = {num} ÷ {den}（{of}）</translation>
    </message>
    <message>
        <source>Mean over the {n} agents who have this figure.</source>
        <translation>有此数据的 {n} 名坐席的平均值。</translation>
    </message>
    <message>
        <source>The team as one ({n} agents): counts are totals, rates and averages are over all the team&apos;s calls.</source>
        <translation>把团队当作整体（{n} 名坐席）：计数为合计，比率和平均值按团队全部通话计算。</translation>
    </message>
    <message>
        <source>Each figure&apos;s mean over the {n} agents: what one agent&apos;s counts are compared with.</source>
        <translation>各项数据在 {n} 名坐席上的平均值：单个坐席的计数与之比较。</translation>
    </message>
    <message>
        <source>{name}: win-backs</source>
        <translation>{name}：挽回</translation>
    </message>
    <message>
        <source>{name}: saves</source>
        <translation>{name}：挽留</translation>
    </message>
    <message>
        <source>Average agent: win-backs</source>
        <translation>坐席平均：挽回</translation>
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
