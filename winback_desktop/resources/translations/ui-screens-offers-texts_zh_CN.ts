<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>OfferTexts</name>
    <message>
        <source>Approved (within authority)</source>
        <translation>已批准（权限内）</translation>
    </message>
    <message>
        <source>Waiting for a supervisor</source>
        <translation>等待主管审批</translation>
    </message>
    <message>
        <source>Waiting for an admin</source>
        <translation>等待管理员审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Counter-offer</source>
        <translation>还价</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Accepted by the customer</source>
        <translation>客户已接受</translation>
    </message>
    <message>
        <source>Declined by the customer</source>
        <translation>客户已谢绝</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Account credit</source>
        <translation>账户抵用金</translation>
    </message>
    <message>
        <source>Free period</source>
        <translation>免费期</translation>
    </message>
    <message>
        <source>Service fix</source>
        <translation>服务修复</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Fixed amount</source>
        <translation>固定金额</translation>
    </message>
    <message>
        <source>Percent of revenue</source>
        <translation>消费额百分比</translation>
    </message>
    <message>
        <source>Months of revenue</source>
        <translation>按月消费额</translation>
    </message>
    <message>
        <source>Pushed away (intentional)</source>
        <translation>被推走（有意）</translation>
    </message>
    <message>
        <source>Pushed away (service failure)</source>
        <translation>被推走（服务失误）</translation>
    </message>
    <message>
        <source>Pulled away (competitor)</source>
        <translation>被拉走（竞争对手）</translation>
    </message>
    <message>
        <source>Bought away (price)</source>
        <translation>被买走（价格）</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>迁走</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>负值</translation>
    </message>
</context>
</TS>
