<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>win-back offers and approvals</source>
        <translation>挽回优惠与审批</translation>
    </message>
    <message>
        <source>list the offer catalogue</source>
        <translation>列出优惠目录</translation>
    </message>
    <message>
        <source>also list earlier versions of each offer</source>
        <translation>同时列出每个优惠的旧版本</translation>
    </message>
    <message>
        <source>propose an offer for a queued customer</source>
        <translation>为队列中的客户提出优惠</translation>
    </message>
    <message>
        <source>call task id</source>
        <translation>呼叫任务编号</translation>
    </message>
    <message>
        <source>offer code or id</source>
        <translation>优惠代码或编号</translation>
    </message>
    <message>
        <source>note for the approver</source>
        <translation>给审批人的备注</translation>
    </message>
    <message>
        <source>approve, reject or counter a request</source>
        <translation>批准、拒绝或还价一个申请</translation>
    </message>
    <message>
        <source>note for the agent</source>
        <translation>给坐席的备注</translation>
    </message>
    <message>
        <source>catalogue offer proposed instead (counter)</source>
        <translation>改为提出的目录优惠（还价）</translation>
    </message>
    <message>
        <source>cost of the counter-offer in yuan, e.g. 250.00</source>
        <translation>还价优惠的成本（元），例如 250.00</translation>
    </message>
    <message>
        <source>what the counter-offer is, in words</source>
        <translation>用文字说明还价优惠</translation>
    </message>
    <message>
        <source>record whether the customer accepted the offer</source>
        <translation>记录客户是否接受了优惠</translation>
    </message>
    <message>
        <source>why the customer declined</source>
        <translation>客户拒绝的原因</translation>
    </message>
    <message>
        <source>acceptance, cost per accepted offer, return per offer, turnaround</source>
        <translation>接受率、每个已接受优惠的成本、每个优惠的回报、审批周转</translation>
    </message>
    <message>
        <source>Requests: {n}, accepted offers: {a}, acceptance rate: {rate}</source>
        <translation>申请：{n}，已接受优惠：{a}，接受率：{rate}</translation>
    </message>
    <message>
        <source>Of the accepted offers, calls won back: {w}, saved: {s}</source>
        <translation>已接受的优惠中，通话挽回：{w}，保留：{s}</translation>
    </message>
    <message>
        <source>Cost: {cost}, SLTV recovered: {sltv}, cost per accepted offer: {per}</source>
        <translation>成本：{cost}，挽回的 SLTV：{sltv}，每个已接受优惠的成本：{per}</translation>
    </message>
    <message>
        <source>agent proposing it (default: you; supervisors may name an agent)</source>
        <translation>提出申请的坐席（默认：您本人；主管可指定一名坐席）</translation>
    </message>
    <message>
        <source>who decides: must be the logged-in user</source>
        <translation>由谁决定：必须是当前登录的用户</translation>
    </message>
    <message>
        <source>who records it (default: you; supervisors may name an agent)</source>
        <translation>由谁记录（默认：您本人；主管可指定一名坐席）</translation>
    </message>
    <message>
        <source>also write an xlsx file</source>
        <translation>同时写出 xlsx 文件</translation>
    </message>
    <message>
        <source>expire requests nobody decided in time</source>
        <translation>使无人及时决定的申请过期</translation>
    </message>
    <message>
        <source>add the shipped default offers that are missing</source>
        <translation>添加缺少的内置默认优惠</translation>
    </message>
    <message>
        <source>No offers.</source>
        <translation>没有优惠。</translation>
    </message>
    <message>
        <source>Request {id}: {offer} for {customer}, cost {cost}: {status}</source>
        <translation>申请 {id}：给 {customer} 的 {offer}，成本 {cost}：{status}</translation>
    </message>
    <message>
        <source>Approval turnaround: {avg} min average, {median} min median</source>
        <translation>审批周转：平均 {avg} 分钟，中位数 {median} 分钟</translation>
    </message>
    <message>
        <source>Expired {n} request(s).</source>
        <translation>已使 {n} 个申请过期。</translation>
    </message>
    <message>
        <source>Added {n} default offer(s).</source>
        <translation>已添加 {n} 个默认优惠。</translation>
    </message>
</context>
</TS>
