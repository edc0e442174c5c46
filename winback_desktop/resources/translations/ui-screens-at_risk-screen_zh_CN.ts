<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AtRiskScreen</name>
    <message>
        <source>Customer ID</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>标记时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>P(alive)</source>
        <translation>仍活跃概率</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <source>Usually every</source>
        <translation>通常间隔</translation>
    </message>
    <message>
        <source>Spend, last 12 months</source>
        <translation>近 12 个月消费</translation>
    </message>
    <message>
        <source>SLTV</source>
        <translation>SLTV</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>Spent {total} in the last 12 months</source>
        <translation>近 12 个月消费 {total}</translation>
    </message>
    <message>
        <source>The probability that the customer still buys at all, from the BG/NBD model fitted on every purchase history. It falls slowly for frequent buyers; their own rhythm flags them sooner.</source>
        <translation>客户仍在购买的概率，来自基于全部购买记录拟合的 BG/NBD 模型。对高频客户下降较慢；其自身购买节奏会更早发出预警。</translation>
    </message>
    <message>
        <source>Open flags</source>
        <translation>未关闭的标记</translation>
    </message>
    <message>
        <source>All flags</source>
        <translation>全部标记</translation>
    </message>
    <message>
        <source>Scan now</source>
        <translation>立即扫描</translation>
    </message>
    <message>
        <source>Dismiss flag…</source>
        <translation>撤销标记…</translation>
    </message>
    <message>
        <source>Still a customer</source>
        <translation>仍是客户</translation>
    </message>
    <message>
        <source>The customer never left: status back to active, the flag closed, any plan ended; counted as neither a win-back nor a save</source>
        <translation>客户从未流失：状态恢复为活跃，关闭预警，结束挽回计划；既不算挽回也不算挽留</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>{count} customers flagged. Last scan: {when}.</source>
        <translation>已标记 {count} 位客户。上次扫描：{when}。</translation>
    </message>
    <message>
        <source>Select a customer to see why they were flagged.</source>
        <translation>选择一位客户，查看其被标记的原因。</translation>
    </message>
    <message>
        <source>{name} ({id}) — {status}</source>
        <translation>{name}（{id}）— {status}</translation>
    </message>
    <message>
        <source>Scanning purchase histories…</source>
        <translation>正在扫描购买记录…</translation>
    </message>
    <message>
        <source>Scanned {scanned} customers: {flagged} newly flagged at risk, {queued} queued in save campaigns.</source>
        <translation>已扫描 {scanned} 位客户：新标记 {flagged} 位有流失风险，{queued} 位加入挽留活动队列。</translation>
    </message>
    <message>
        <source>Dismiss flag</source>
        <translation>撤销标记</translation>
    </message>
    <message>
        <source>Why is {name} not at risk? (kept in the audit log)</source>
        <translation>为什么 {name} 没有流失风险？（记入审计日志）</translation>
    </message>
    <message>
        <source>{name} is still a customer: the flag is closed and their status is active.</source>
        <translation>{name} 仍是客户：预警已关闭，状态为活跃。</translation>
    </message>
    <message>
        <source>Flag dismissed; the customer is {status} again.</source>
        <translation>标记已撤销；客户恢复为“{status}”。</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>At risk</source>
        <translation>流失风险</translation>
    </message>
</context>
</TS>
