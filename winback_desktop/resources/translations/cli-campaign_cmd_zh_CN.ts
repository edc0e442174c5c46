<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>second lifetime value</source>
        <translation>二次生命周期价值（SLTV）</translation>
    </message>
    <message>
        <source>show how a customer&apos;s SLTV is computed</source>
        <translation>显示客户 SLTV 的计算过程</translation>
    </message>
    <message>
        <source>customer id or external id</source>
        <translation>客户编号或外部编号</translation>
    </message>
    <message>
        <source>use this campaign&apos;s parameters</source>
        <translation>使用该活动的参数</translation>
    </message>
    <message>
        <source>recompute SLTV, tiers and segments</source>
        <translation>重新计算 SLTV、等级和细分</translation>
    </message>
    <message>
        <source>only this campaign&apos;s tasks (after its parameters changed)</source>
        <translation>仅重算该活动的任务（在其参数修改后）</translation>
    </message>
    <message>
        <source>campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>list campaigns</source>
        <translation>列出活动</translation>
    </message>
    <message>
        <source>create a campaign</source>
        <translation>创建活动</translation>
    </message>
    <message>
        <source>start it at once</source>
        <translation>立即启动</translation>
    </message>
    <message>
        <source>change a campaign</source>
        <translation>修改活动</translation>
    </message>
    <message>
        <source>new name</source>
        <translation>新名称</translation>
    </message>
    <message>
        <source>start (or resume) a campaign and queue its customers</source>
        <translation>启动（或恢复）活动并将其客户加入队列</translation>
    </message>
    <message>
        <source>pause a campaign</source>
        <translation>暂停活动</translation>
    </message>
    <message>
        <source>count the customers each rule would skip now</source>
        <translation>统计各条规则此刻会跳过的客户数</translation>
    </message>
    <message>
        <source>calling window in the customer&apos;s local time</source>
        <translation>呼叫时段（客户当地时间）</translation>
    </message>
    <message>
        <source>assigned agents</source>
        <translation>分配的坐席</translation>
    </message>
    <message>
        <source>customer filter: {key} in this list</source>
        <translation>客户筛选：{key} 属于此列表</translation>
    </message>
    <message>
        <source>customer filter: import batch ids</source>
        <translation>客户筛选：导入批次编号</translation>
    </message>
    <message>
        <source>SLTV model parameter, e.g. retention_rate=0.6 (repeatable)</source>
        <translation>SLTV 模型参数，例如 retention_rate=0.6（可重复）</translation>
    </message>
    <message>
        <source>hand out queued customers by SLTV or by expected value (callbacks always first)</source>
        <translation>按 SLTV 或按期望价值分配排队客户（回拨始终优先）</translation>
    </message>
    <message>
        <source>No annual margin or revenue is known: the model cannot value this customer. The SLTV stays unknown (not minus the cost); the customer counts as tier {tier}, the lowest, and is queued after every valued customer until spend data arrives.</source>
        <translation>没有年毛利或年消费额数据：模型无法为该客户估值。SLTV 保持未知（而不是记为负的成本）；该客户按最低档 {tier} 级处理，排在所有已估值客户之后，直到有消费数据为止。</translation>
    </message>
    <message>
        <source>SLTV {sltv} = Σ yearly value {gross} − cost {cost}</source>
        <translation>SLTV {sltv} = Σ 各年价值 {gross} − 成本 {cost}</translation>
    </message>
    <message>
        <source>year {year}: margin {margin} × retention {r:.4f} × discount {d:.4f} = {value}</source>
        <translation>第 {year} 年：毛利 {margin} × 留存 {r:.4f} × 折现 {d:.4f} = {value}</translation>
    </message>
    <message>
        <source>Yearly values are rounded to the fen so that they add up to the total.</source>
        <translation>各年数值按分取整，使其合计恰好等于总额。</translation>
    </message>
    <message>
        <source>imported SLTV (used for ranking): {value}</source>
        <translation>导入的 SLTV（用于排序）：{value}</translation>
    </message>
    <message>
        <source>tier {tier}, treatment {segment}</source>
        <translation>等级 {tier}，处理方式 {segment}</translation>
    </message>
    <message>
        <source>defaulted: {names}</source>
        <translation>使用默认值：{names}</translation>
    </message>
    <message>
        <source>{n} rows changed.</source>
        <translation>已更改 {n} 行。</translation>
    </message>
    <message>
        <source>No campaigns.</source>
        <translation>没有活动。</translation>
    </message>
    <message>
        <source>Created campaign &apos;{name}&apos; (id {id}).</source>
        <translation>已创建活动“{name}”（编号 {id}）。</translation>
    </message>
    <message>
        <source>Campaign &apos;{name}&apos; updated.</source>
        <translation>活动“{name}”已更新。</translation>
    </message>
    <message>
        <source>Campaign &apos;{name}&apos; is running; {n} customers queued.</source>
        <translation>活动“{name}”正在运行；已将 {n} 位客户加入队列。</translation>
    </message>
    <message>
        <source>Campaign &apos;{name}&apos; is paused.</source>
        <translation>活动“{name}”已暂停。</translation>
    </message>
    <message>
        <source>matching customers: {n}</source>
        <translation>符合条件的客户：{n}</translation>
    </message>
    <message>
        <source>skipped, do not call: {n}</source>
        <translation>跳过，勿扰（禁止呼叫）：{n}</translation>
    </message>
    <message>
        <source>skipped, outside the calling window now: {n}</source>
        <translation>跳过，当前不在呼叫时段内：{n}</translation>
    </message>
    <message>
        <source>skipped, attempts used up: {n}</source>
        <translation>跳过，尝试次数已用完：{n}</translation>
    </message>
    <message>
        <source>skipped, segment do not pursue: {n}</source>
        <translation>跳过，细分为不再跟进：{n}</translation>
    </message>
    <message>
        <source>callable now: {n}</source>
        <translation>现在可呼叫：{n}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>A calling window looks like 09:00-20:00, not &apos;{value}&apos;.</source>
        <translation>呼叫时段的格式应为 09:00-20:00，而不是“{value}”。</translation>
    </message>
    <message>
        <source>Not a number: &apos;{value}&apos;.</source>
        <translation>不是数字：“{value}”。</translation>
    </message>
    <message>
        <source>Use KEY=VALUE for an SLTV parameter, not &apos;{value}&apos;.</source>
        <translation>SLTV 参数请写成 键=值，而不是“{value}”。</translation>
    </message>
</context>
</TS>
