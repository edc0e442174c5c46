<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>OfferReport</name>
    <message>
        <source>Offer</source>
        <extracomment>(key in the report&apos;s offer dict, English header, format)</extracomment>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>申请数</translation>
    </message>
    <message>
        <source>Auto-approved</source>
        <translation>自动批准</translation>
    </message>
    <message>
        <source>Approved by a person</source>
        <translation>人工批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已谢绝</translation>
    </message>
    <message>
        <source>Calls won back</source>
        <translation>通话挽回</translation>
    </message>
    <message>
        <source>Calls saved</source>
        <translation>通话保留</translation>
    </message>
    <message>
        <source>Acceptance rate</source>
        <translation>接受率</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>SLTV recovered</source>
        <translation>挽回的 SLTV</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>回报</translation>
    </message>
    <message>
        <source>Cost per accepted offer</source>
        <translation>每个已接受优惠的成本</translation>
    </message>
    <message>
        <source>Accepted offers</source>
        <translation>已接受优惠</translation>
    </message>
    <message>
        <source>Return per ¥ of cost</source>
        <translation>每 ¥ 成本的回报</translation>
    </message>
    <message>
        <source>Decisions by a person</source>
        <translation>人工决定数</translation>
    </message>
    <message>
        <source>Approval turnaround, average (minutes)</source>
        <translation>审批周转时间，平均（分钟）</translation>
    </message>
    <message>
        <source>Approval turnaround, median (minutes)</source>
        <translation>审批周转时间，中位数（分钟）</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>pct</source>
        <translation>百分比</translation>
    </message>
</context>
</TS>
