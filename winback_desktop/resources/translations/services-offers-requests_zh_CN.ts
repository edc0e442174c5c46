<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>This customer is being worked by another agent.</source>
        <translation>该客户正由另一位坐席处理。</translation>
    </message>
    <message>
        <source>Say which task or customer.</source>
        <translation>请指明任务或客户。</translation>
    </message>
    <message>
        <source>This customer is already won back.</source>
        <translation>该客户已经挽回。</translation>
    </message>
    <message>
        <source>Offer {code} is not available for this customer.</source>
        <translation>优惠 {code} 不适用于该客户。</translation>
    </message>
    <message>
        <source>This customer already accepted an offer; record the call&apos;s outcome.</source>
        <translation>该客户已接受一项优惠；请记录本次通话的结果。</translation>
    </message>
    <message>
        <source>Request {id} for this customer is still waiting for a decision.</source>
        <translation>该客户的申请 {id} 仍在等待决定。</translation>
    </message>
    <message>
        <source>{who} already approved request {id} at {when}.</source>
        <translation>{who} 已于 {when} 批准了申请 {id}。</translation>
    </message>
    <message>
        <source>{who} already rejected request {id} at {when}.</source>
        <translation>{who} 已于 {when} 拒绝了申请 {id}。</translation>
    </message>
    <message>
        <source>{who} already made a counter-offer on request {id} at {when}.</source>
        <translation>{who} 已于 {when} 对申请 {id} 提出了还价。</translation>
    </message>
    <message>
        <source>Request {id} expired at {when}.</source>
        <translation>申请 {id} 已于 {when} 过期。</translation>
    </message>
    <message>
        <source>{who} sent request {id} to an admin at {when}; look at it again.</source>
        <translation>{who} 已于 {when} 将申请 {id} 转给管理员；请重新查看。</translation>
    </message>
    <message>
        <source>{who} already recorded that the customer accepted request {id}.</source>
        <translation>{who} 已记录客户接受了申请 {id}。</translation>
    </message>
    <message>
        <source>{who} already recorded that the customer declined request {id}.</source>
        <translation>{who} 已记录客户谢绝了申请 {id}。</translation>
    </message>
    <message>
        <source>{who} changed request {id} at {when}; look at it again.</source>
        <translation>{who} 已于 {when} 更改了申请 {id}；请重新查看。</translation>
    </message>
    <message>
        <source>Say what the counter-offer is.</source>
        <translation>请说明还价优惠的内容。</translation>
    </message>
    <message>
        <source>A cost cannot be negative.</source>
        <translation>成本不能为负数。</translation>
    </message>
    <message>
        <source>Decide with approve, reject or counter.</source>
        <translation>请用 approve、reject 或 counter 作出决定。</translation>
    </message>
    <message>
        <source>Nobody may decide on their own offer request.</source>
        <translation>任何人都不能对自己的优惠申请作出决定。</translation>
    </message>
    <message>
        <source>Nobody may decide on a request for a customer they are working.</source>
        <translation>任何人都不能审批自己正在跟进的客户的申请。</translation>
    </message>
    <message>
        <source>This offer is above your authority; it waits for an admin.</source>
        <translation>该优惠超出您的权限；等待管理员决定。</translation>
    </message>
    <message>
        <source>The counter-offer is above your own authority.</source>
        <translation>该还价优惠超出您自己的权限。</translation>
    </message>
    <message>
        <source>Request {id} is still waiting for a decision.</source>
        <translation>申请 {id} 仍在等待决定。</translation>
    </message>
</context>
</TS>
