<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Vocabulary</name>
    <message>
        <source>Pushed away (intentional)</source>
        <translation>被推走（主动放弃）</translation>
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
        <translation>迁离</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Quick win-back</source>
        <translation>快速挽回</translation>
    </message>
    <message>
        <source>Long-term nurture</source>
        <translation>长期培育</translation>
    </message>
    <message>
        <source>Do not pursue</source>
        <translation>不再追回</translation>
    </message>
    <message>
        <source>Tier A</source>
        <translation>A 级</translation>
    </message>
    <message>
        <source>Tier B</source>
        <translation>B 级</translation>
    </message>
    <message>
        <source>Tier C</source>
        <translation>C 级</translation>
    </message>
    <message>
        <source>Tier D</source>
        <translation>D 级</translation>
    </message>
    <message>
        <source>Negative SLTV</source>
        <translation>SLTV 为负</translation>
    </message>
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
        <source>Retained</source>
        <translation>已挽留</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Win-back</source>
        <translation>挽回</translation>
    </message>
    <message>
        <source>Save (at risk)</source>
        <translation>挽留（有风险）</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
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
        <source>Callback at…</source>
        <translation>约定回拨…</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>不感兴趣</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>请勿致电</translation>
    </message>
    <message>
        <source>Refused offer</source>
        <translation>拒绝优惠</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>挽留成功</translation>
    </message>
    <message>
        <source>Still a customer</source>
        <translation>仍是客户</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>On call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>话后处理</translation>
    </message>
    <message>
        <source>On break</source>
        <translation>休息中</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Auto-approved</source>
        <translation>自动批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Countered</source>
        <translation>已还价</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已上报</translation>
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
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
</context>
</TS>
