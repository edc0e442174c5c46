<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>per-agent scorecards for a period</source>
        <translation>按期间查看坐席成绩单</translation>
    </message>
    <message>
        <source>2026-11, 2026-W47, 2026-11-20, 2026-11-01..2026-11-15, today, week or month</source>
        <translation>2026-11、2026-W47、2026-11-20、2026-11-01..2026-11-15、today、week 或 month</translation>
    </message>
    <message>
        <source>also write the scorecards to FILE (.xlsx or .pdf)</source>
        <translation>同时把成绩单写入 FILE(.xlsx 或 .pdf)</translation>
    </message>
    <message>
        <source>show the supervisors&apos; scorecards instead</source>
        <translation>改为显示主管成绩单</translation>
    </message>
    <message>
        <source>rank agents for a period</source>
        <translation>按期间给坐席排名</translation>
    </message>
    <message>
        <source>points, awards and balances</source>
        <translation>积分、奖励与余额</translation>
    </message>
    <message>
        <source>points balance of agents</source>
        <translation>坐席积分余额</translation>
    </message>
    <message>
        <source>grant the points the rules give for a period (repeatable)</source>
        <translation>按规则发放某期间的积分(可重复执行)</translation>
    </message>
    <message>
        <source>spot award by a supervisor</source>
        <translation>主管即时奖励</translation>
    </message>
    <message>
        <source>who awards: must be the logged-in user</source>
        <translation>由谁奖励：必须是当前登录的用户</translation>
    </message>
    <message>
        <source>Nothing.</source>
        <translation>没有数据。</translation>
    </message>
    <message>
        <source>team ({n} agents): dials {dials}, win-backs {wins}, saves {saves}, SLTV recovered {sltv}</source>
        <translation>团队（{n} 名坐席）：拨打 {dials}，挽回 {wins}，挽留 {saves}，挽回的 SLTV {sltv}</translation>
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
        <source>Timed by the phone system</source>
        <translation>电话系统计时</translation>
    </message>
    <message>
        <source>Scorecards</source>
        <translation>成绩单</translation>
    </message>
    <message>
        <source>Talk, hold and handle times: {measured} calls measured by the phone system, {entered} entered with the buttons.</source>
        <translation>通话、保持和处理时长：{measured} 个通话由电话系统测得，{entered} 个由按钮录入。</translation>
    </message>
    <message>
        <source>{granted} grants, {reversed} reversals, {points} points.</source>
        <translation>发放 {granted} 笔,冲销 {reversed} 笔,共 {points} 分。</translation>
    </message>
    <message>
        <source>{points} points to {agent}; balance {balance}.</source>
        <translation>已给 {agent} {points} 分;余额 {balance}。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Not a period: &apos;{period}&apos;. Use 2026-11, 2026-W47, 2026-11-20 or 2026-11-01..2026-11-15.</source>
        <translation>无效的期间:&apos;{period}&apos;。请使用 2026-11、2026-W47、2026-11-20 或 2026-11-01..2026-11-15。</translation>
    </message>
    <message>
        <source>Export to .xlsx or .pdf, not &apos;{name}&apos;.</source>
        <translation>只能导出为 .xlsx 或 .pdf,不能是 &apos;{name}&apos;。</translation>
    </message>
</context>
</TS>
