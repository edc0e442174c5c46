<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>OffersPanel</name>
    <message>
        <source>Win-back offers</source>
        <translation>挽回优惠</translation>
    </message>
    <message>
        <source>Note for the approver: why this customer</source>
        <translation>给审批人的备注：为什么值得给这位客户</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>提出优惠</translation>
    </message>
    <message>
        <source>Customer accepted</source>
        <translation>客户接受</translation>
    </message>
    <message>
        <source>Customer declined</source>
        <translation>客户谢绝</translation>
    </message>
    <message>
        <source>Price still too high</source>
        <translation>价格仍然太高</translation>
    </message>
    <message>
        <source>Staying with competitor</source>
        <translation>继续留在竞争对手处</translation>
    </message>
    <message>
        <source>No longer needs it</source>
        <translation>不再需要</translation>
    </message>
    <message>
        <source>Wants to think about it</source>
        <translation>想再考虑一下</translation>
    </message>
    <message>
        <source>Reason for declining</source>
        <translation>谢绝原因</translation>
    </message>
    <message>
        <source>✔ Within your authority</source>
        <translation>✔ 在您的权限内</translation>
    </message>
    <message>
        <source>▲ Needs an admin&apos;s approval</source>
        <translation>▲ 需要管理员批准</translation>
    </message>
    <message>
        <source>▲ Needs a supervisor&apos;s approval</source>
        <translation>▲ 需要主管批准</translation>
    </message>
    <message>
        <source>Cost {cost} · SLTV back {sltv}</source>
        <translation>成本 {cost} · 挽回 SLTV {sltv}</translation>
    </message>
    <message>
        <source>Expected return {value}</source>
        <translation>预期回报 {value}</translation>
    </message>
    <message>
        <source>Offers appear here when you take a customer.</source>
        <translation>接入客户后，优惠会显示在这里。</translation>
    </message>
    <message>
        <source>No offer in the catalogue fits this customer.</source>
        <translation>目录中没有适合该客户的优惠。</translation>
    </message>
    <message>
        <source>Give the customer a choice; the best return is first.</source>
        <translation>给客户几个选择；回报最高的排在最前。</translation>
    </message>
    <message>
        <source>Ask for approval</source>
        <translation>申请审批</translation>
    </message>
    <message>
        <source>&lt;b&gt;Expired:&lt;/b&gt; nobody decided on {offer} in time. Choose again or call back.</source>
        <translation>&lt;b&gt;已过期：&lt;/b&gt;无人及时对 {offer} 作出决定。请重新选择或回电。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Approved&lt;/b&gt; (within your authority): present {offer} ({cost}).</source>
        <translation>&lt;b&gt;已批准&lt;/b&gt;（在您的权限内）：向客户提出 {offer}（{cost}）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Approved by {who}&lt;/b&gt;: present {offer} ({cost}) now.</source>
        <translation>&lt;b&gt;{who} 已批准&lt;/b&gt;：现在向客户提出 {offer}（{cost}）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Counter-offer from {who}&lt;/b&gt;: present {offer} ({cost}) instead.</source>
        <translation>&lt;b&gt;{who} 提出还价&lt;/b&gt;：改为向客户提出 {offer}（{cost}）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rejected by {who}&lt;/b&gt;: {offer} cannot be given. Choose another offer.</source>
        <translation>&lt;b&gt;{who} 已拒绝&lt;/b&gt;：不能给出 {offer}。请选择其他优惠。</translation>
    </message>
    <message>
        <source>an admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>a supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sent for approval&lt;/b&gt; to {whom}: {offer} ({cost}). Keep working; suggest a callback. The answer appears here.</source>
        <translation>&lt;b&gt;已提交&lt;/b&gt;给{whom}审批：{offer}（{cost}）。请继续工作；可建议客户约定回电。审批结果会显示在这里。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accepted&lt;/b&gt;: {offer} ({cost}). Finish the call and record its outcome.</source>
        <translation>&lt;b&gt;已接受&lt;/b&gt;：{offer}（{cost}）。请完成通话并记录结果。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Declined&lt;/b&gt;: {offer}. {reason}</source>
        <translation>&lt;b&gt;客户谢绝&lt;/b&gt;：{offer}。{reason}</translation>
    </message>
</context>
</TS>
