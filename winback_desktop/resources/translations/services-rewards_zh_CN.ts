<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Unknown reward rule kind &apos;{kind}&apos;.</source>
        <translation>未知的奖励规则类型 &apos;{kind}&apos;。</translation>
    </message>
    <message>
        <source>A rule cannot end before it starts.</source>
        <translation>规则的结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>You cannot reward yourself.</source>
        <translation>不能奖励自己。</translation>
    </message>
    <message>
        <source>A spot award needs a reason.</source>
        <translation>即时奖励必须填写原因。</translation>
    </message>
    <message>
        <source>Points must be a positive number.</source>
        <translation>积分必须是正数。</translation>
    </message>
    <message>
        <source>This award would pass the monthly spot-award cap of {cap} points ({left} left for this agent).</source>
        <translation>此奖励会超过每月 {cap} 分的即时奖励上限(该坐席本月还剩 {left} 分)。</translation>
    </message>
    <message>
        <source>This entry was already reversed.</source>
        <translation>这条记录已经冲销过了。</translation>
    </message>
    <message>
        <source>Not enough points: {item} needs {need}, you have {have} available.</source>
        <translation>积分不足:{item} 需要 {need} 分,你可用 {have} 分。</translation>
    </message>
    <message>
        <source>Nobody approves their own request.</source>
        <translation>任何人都不能批准自己的申请。</translation>
    </message>
    <message>
        <source>This request was already decided.</source>
        <translation>这个申请已经处理过了。</translation>
    </message>
    <message>
        <source>Unknown leaderboard &apos;{metric}&apos;.</source>
        <translation>未知的排行榜 &apos;{metric}&apos;。</translation>
    </message>
</context>
</TS>
