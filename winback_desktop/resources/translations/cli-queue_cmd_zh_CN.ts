<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>the call queue</source>
        <translation>呼叫队列</translation>
    </message>
    <message>
        <source>claim the next customer for an agent</source>
        <translation>为坐席领取下一位客户</translation>
    </message>
    <message>
        <source>agent login</source>
        <translation>坐席登录名</translation>
    </message>
    <message>
        <source>campaign name or id</source>
        <translation>活动名称或编号</translation>
    </message>
    <message>
        <source>give a claimed task back to the queue</source>
        <translation>把已领取的任务退回队列</translation>
    </message>
    <message>
        <source>agent login (default: whoever holds the task)</source>
        <translation>坐席登录名（默认：当前持有该任务的人）</translation>
    </message>
    <message>
        <source>list open tasks by priority</source>
        <translation>按优先级列出未完成的任务</translation>
    </message>
    <message>
        <source>at most this many rows</source>
        <translation>最多显示这么多行</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>record a finished call on a task</source>
        <translation>为任务记录一次已结束的通话</translation>
    </message>
    <message>
        <source>call notes</source>
        <translation>通话备注</translation>
    </message>
    <message>
        <source>callback time, ISO 8601; without an offset it is the customer&apos;s local time</source>
        <translation>回拨时间，ISO 8601 格式；不带时区偏移时按客户当地时间</translation>
    </message>
    <message>
        <source>a team callback (any agent may take it)</source>
        <translation>团队回拨（任何坐席都可接手）</translation>
    </message>
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
        <source>Nobody can be called now.</source>
        <translation>现在没有可以呼叫的客户。</translation>
    </message>
    <message>
        <source>Task {task}: {name} ({external_id}), SLTV {sltv}.</source>
        <translation>任务 {task}：{name}（{external_id}），SLTV {sltv}。</translation>
    </message>
    <message>
        <source>Task {task} is back in the queue.</source>
        <translation>任务 {task} 已退回队列。</translation>
    </message>
    <message>
        <source>The queue is empty.</source>
        <translation>队列为空。</translation>
    </message>
    <message>
        <source>Call {call} logged; task {task} is now {status}.</source>
        <translation>通话 {call} 已记录；任务 {task} 现在的状态为 {status}。</translation>
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
        <source>imported SLTV (used for ranking): {value}</source>
        <translation>导入的 SLTV（用于排序）：{value}</translation>
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
        <source>Nobody holds task {task}: say who with --agent LOGIN.</source>
        <translation>任务 {task} 无人持有：请用 --agent 登录名 指定坐席。</translation>
    </message>
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
    <message>
        <source>Not an ISO date and time: &apos;{value}&apos;.</source>
        <translation>不是 ISO 日期时间：“{value}”。</translation>
    </message>
</context>
</TS>
