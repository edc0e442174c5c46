<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CampaignsScreen</name>
    <message>
        <source>Customers matching the filter</source>
        <extracomment>preview fields, in the order the rules apply (a customer counts under the first rule that skips it)</extracomment>
        <translation>符合筛选条件的客户</translation>
    </message>
    <message>
        <source>Skipped: do not call</source>
        <translation>跳过：请勿致电</translation>
    </message>
    <message>
        <source>Skipped now: outside their calling window</source>
        <translation>当前跳过：不在客户的呼叫时段内</translation>
    </message>
    <message>
        <source>Skipped: attempts used up</source>
        <translation>跳过：尝试次数已用完</translation>
    </message>
    <message>
        <source>Skipped: segment is do-not-pursue</source>
        <translation>跳过：细分为不再追回</translation>
    </message>
    <message>
        <source>Eligible to call now</source>
        <translation>当前可呼叫</translation>
    </message>
    <message>
        <source>Already in this campaign&apos;s queue</source>
        <translation>已在此活动队列中</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>待处理任务</translation>
    </message>
    <message>
        <source>Preview: who would be called</source>
        <translation>预览：将呼叫哪些客户</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>&amp;New campaign</source>
        <translation>新建活动(&amp;N)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Which customers (nothing ticked = any)</source>
        <translation>哪些客户（不勾选 = 全部）</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>细分：</translation>
    </message>
    <message>
        <source>SLTV tier:</source>
        <translation>SLTV 等级：</translation>
    </message>
    <message>
        <source>Defection reason:</source>
        <translation>流失原因：</translation>
    </message>
    <message>
        <source>Customer status:</source>
        <translation>客户状态：</translation>
    </message>
    <message>
        <source>import batch numbers, e.g. 3, 4</source>
        <translation>导入批次编号，例如 3, 4</translation>
    </message>
    <message>
        <source>Import batch:</source>
        <translation>导入批次：</translation>
    </message>
    <message>
        <source>Calling rules</source>
        <translation>呼叫规则</translation>
    </message>
    <message>
        <source>(customer&apos;s local time)</source>
        <translation>（客户当地时间）</translation>
    </message>
    <message>
        <source>Calling window:</source>
        <translation>呼叫时段：</translation>
    </message>
    <message>
        <source>Max attempts:</source>
        <translation>最多尝试次数：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Retry gap:</source>
        <translation>重试间隔：</translation>
    </message>
    <message>
        <source>Lease (hold) time:</source>
        <translation>占用时长：</translation>
    </message>
    <message>
        <source>Highest SLTV first</source>
        <translation>SLTV 最高者优先</translation>
    </message>
    <message>
        <source>Highest expected value first</source>
        <translation>期望价值最高者优先</translation>
    </message>
    <message>
        <source>Expected value = P(win-back) learned from the team&apos;s outcomes × SLTV − expected offer cost − contact cost. Due callbacks always come first.</source>
        <translation>期望价值 = 从团队通话结果中学习到的挽回概率 × SLTV − 预期优惠成本 − 联系成本。到期的回拨始终优先。</translation>
    </message>
    <message>
        <source>Queue order:</source>
        <translation>队列顺序：</translation>
    </message>
    <message>
        <source>SLTV parameters</source>
        <translation>SLTV 参数</translation>
    </message>
    <message>
        <source>Retention rate r:</source>
        <translation>保留率 r：</translation>
    </message>
    <message>
        <source>Discount rate d:</source>
        <translation>折现率 d：</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Horizon T:</source>
        <translation>期限 T：</translation>
    </message>
    <message>
        <source>Margin rate:</source>
        <translation>毛利率：</translation>
    </message>
    <message>
        <source>Contact cost:</source>
        <translation>联系成本：</translation>
    </message>
    <message>
        <source>Agents working this campaign</source>
        <translation>参与此活动的坐席</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>启动(&amp;T)</translation>
    </message>
    <message>
        <source>P&amp;ause</source>
        <translation>暂停(&amp;A)</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>请为活动命名。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Campaign saved.</source>
        <translation>活动已保存。</translation>
    </message>
    <message>
        <source>Campaign started: {n} customers added to the queue.</source>
        <translation>活动已启动：{n} 位客户加入队列。</translation>
    </message>
    <message>
        <source>Campaign paused.</source>
        <translation>活动已暂停。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Campaigns</source>
        <translation>挽回活动</translation>
    </message>
</context>
</TS>
