<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerLabels</name>
    <message>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <source>Won back</source>
        <translation>已挽回</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Pushed away (intentional)</source>
        <translation>主动推走（有意）</translation>
    </message>
    <message>
        <source>Pushed away (unintentional)</source>
        <translation>被推走（无意）</translation>
    </message>
    <message>
        <source>Pulled away</source>
        <translation>被竞争对手拉走</translation>
    </message>
    <message>
        <source>Bought away</source>
        <translation>因价格流失</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>不再需要/迁离</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>负值</translation>
    </message>
    <message>
        <source>Quick win-back</source>
        <translation>快速挽回</translation>
    </message>
    <message>
        <source>Long-term</source>
        <translation>长期培育</translation>
    </message>
    <message>
        <source>Do not pursue</source>
        <translation>不再争取</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>语音信箱</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>约定回拨</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>不感兴趣</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <source>Refused offer</source>
        <translation>拒绝优惠</translation>
    </message>
    <message>
        <source>Auto-approved</source>
        <translation>自动批准</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已上报</translation>
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
        <source>Countered</source>
        <translation>已还价</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>客户已接受</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>客户已拒绝</translation>
    </message>
    <message>
        <source>Unexpected error: {detail}</source>
        <translation>意外错误：{detail}</translation>
    </message>
</context>
</TS>
