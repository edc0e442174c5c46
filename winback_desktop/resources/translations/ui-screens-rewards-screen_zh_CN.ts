<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RewardsScreen</name>
    <message>
        <source>Leaderboard</source>
        <translation>排行榜</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>兑换积分</translation>
    </message>
    <message>
        <source>Awards and approvals</source>
        <translation>奖励与审批</translation>
    </message>
    <message>
        <source>Reward rules</source>
        <translation>奖励规则</translation>
    </message>
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
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Win-backs</source>
        <translation>挽回数</translation>
    </message>
    <message>
        <source>SLTV recovered</source>
        <translation>挽回的 SLTV</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>奖品</translation>
    </message>
    <message>
        <source>Request this reward</source>
        <translation>申请此奖品</translation>
    </message>
    <message>
        <source>Spot award</source>
        <translation>即时奖励</translation>
    </message>
    <message>
        <source>Rule points</source>
        <translation>规则积分</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Redemption</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>Win-back</source>
        <translation>挽回成功</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>挽留</translation>
    </message>
    <message>
        <source>Exit interview</source>
        <translation>流失访谈</translation>
    </message>
    <message>
        <source>QA score</source>
        <translation>质检得分</translation>
    </message>
    <message>
        <source>Win-back streak</source>
        <translation>连续挽回</translation>
    </message>
    <message>
        <source>Team goal</source>
        <translation>团队目标</translation>
    </message>
    <message>
        <source>Win-back by SLTV tier</source>
        <extracomment>what each kind of reward rule rewards (the rules table)</extracomment>
        <translation>按 SLTV 等级计的赢回</translation>
    </message>
    <message>
        <source>Save by SLTV tier</source>
        <translation>按 SLTV 等级计的挽留</translation>
    </message>
    <message>
        <source>Saves</source>
        <translation>挽留数</translation>
    </message>
    <message>
        <source>SLTV saved</source>
        <translation>挽留的 SLTV</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>What did they do well?</source>
        <translation>他/她哪里做得好?</translation>
    </message>
    <message>
        <source>Grant award</source>
        <translation>发放奖励</translation>
    </message>
    <message>
        <source>Redemption requests</source>
        <translation>兑换申请</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Points ledger</source>
        <translation>积分流水</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>记录号</translation>
    </message>
    <message>
        <source>Reverse selected entry…</source>
        <translation>冲销所选记录…</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <source>Your balance: {balance} points · {rank} of {n} on this board</source>
        <translation>你的余额：{balance} 积分 · 本榜第 {rank} 名（共 {n} 名）</translation>
    </message>
    <message>
        <source>Request sent to your supervisor.</source>
        <translation>申请已发送给你的主管。</translation>
    </message>
    <message>
        <source>Awarded {points} points.</source>
        <translation>已奖励 {points} 分。</translation>
    </message>
    <message>
        <source>Decision saved.</source>
        <translation>处理结果已保存。</translation>
    </message>
    <message>
        <source>Reverse entry</source>
        <translation>冲销记录</translation>
    </message>
    <message>
        <source>Add a reversal for entry {id}?</source>
        <translation>为记录 {id} 添加冲销?</translation>
    </message>
    <message>
        <source>Entry reversed.</source>
        <translation>记录已冲销。</translation>
    </message>
    <message>
        <source>Points must be whole numbers and parameters valid JSON.</source>
        <translation>积分必须是整数，参数必须是有效的 JSON。</translation>
    </message>
    <message>
        <source>Rules saved.</source>
        <translation>规则已保存。</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Rewards</source>
        <translation>奖励</translation>
    </message>
</context>
</TS>
