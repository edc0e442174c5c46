<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApprovalsScreen</name>
    <message>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>SLTV</source>
        <translation>SLTV</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>Offer approvals</source>
        <translation>优惠审批</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Note to the agent</source>
        <translation>给坐席的备注</translation>
    </message>
    <message>
        <source>Why; what to tell the customer</source>
        <translation>原因；该如何告诉客户</translation>
    </message>
    <message>
        <source>Counter-offer</source>
        <translation>还价</translation>
    </message>
    <message>
        <source>Counter cost</source>
        <translation>还价成本</translation>
    </message>
    <message>
        <source>Counter wording</source>
        <translation>还价说明</translation>
    </message>
    <message>
        <source>e.g. ¥300 credit instead</source>
        <translation>例如：改为 ¥300 抵用金</translation>
    </message>
    <message>
        <source>{n} request(s) waiting for you</source>
        <translation>{n} 个申请等待您处理</translation>
    </message>
    <message>
        <source>(custom: cost and wording below)</source>
        <translation>（自定义：在下方填写成本和说明）</translation>
    </message>
    <message>
        <source>{n} new offer request(s) waiting for approval</source>
        <translation>{n} 个新的优惠申请等待审批</translation>
    </message>
    <message>
        <source>Approve {n}</source>
        <translation>批准 {n} 个</translation>
    </message>
    <message>
        <source>Reject {n}</source>
        <translation>拒绝 {n} 个</translation>
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
        <source>{n} requests selected.</source>
        <translation>已选择 {n} 个申请。</translation>
    </message>
    <message>
        <source>Choose a request to see the customer.</source>
        <translation>选择一个申请以查看客户。</translation>
    </message>
    <message>
        <source>Defection reason</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>Lost since</source>
        <translation>流失日期</translation>
    </message>
    <message>
        <source>SLTV tier</source>
        <translation>SLTV 等级</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>年消费额</translation>
    </message>
    <message>
        <source>Annual margin</source>
        <translation>年毛利</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Requested by {agent} at {when}</source>
        <translation>由 {agent} 于 {when} 申请</translation>
    </message>
    <message>
        <source>Agent note</source>
        <translation>坐席备注</translation>
    </message>
    <message>
        <source>SLTV explained</source>
        <translation>SLTV 计算说明</translation>
    </message>
    <message>
        <source>last 12 months&apos; margin</source>
        <translation>最近 12 个月毛利</translation>
    </message>
    <message>
        <source>revenue × margin rate</source>
        <translation>消费额 × 毛利率</translation>
    </message>
    <message>
        <source>no revenue or margin known</source>
        <translation>消费额和毛利均未知</translation>
    </message>
    <message>
        <source>Annual margin {m} ({source}); retention {r}, discount {d}, {t} years</source>
        <translation>年毛利 {m}（{source}）；保留率 {r}，折现率 {d}，{t} 年</translation>
    </message>
    <message>
        <source>Year {n}</source>
        <translation>第 {n} 年</translation>
    </message>
    <message>
        <source>Less expected win-back cost</source>
        <translation>减去预期挽回成本</translation>
    </message>
    <message>
        <source>Imported SLTV: {v}</source>
        <translation>导入的 SLTV：{v}</translation>
    </message>
    <message>
        <source>Return if won back: {v}</source>
        <translation>挽回后的回报：{v}</translation>
    </message>
    <message>
        <source>Exit interview</source>
        <translation>流失访谈</translation>
    </message>
    <message>
        <source>No interview answers yet.</source>
        <translation>尚无访谈回答。</translation>
    </message>
    <message>
        <source>Earlier offers</source>
        <translation>以往优惠</translation>
    </message>
    <message>
        <source>Done: {n} request(s).</source>
        <translation>已完成：{n} 个申请。</translation>
    </message>
    <message>
        <source>{n} request(s) above your authority were sent to an admin.</source>
        <translation>{n} 个超出您权限的申请已转给管理员。</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Offer approvals</source>
        <translation>优惠审批</translation>
    </message>
</context>
</TS>
