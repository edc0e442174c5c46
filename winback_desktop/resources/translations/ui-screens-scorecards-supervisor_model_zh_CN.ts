<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Scorecards</name>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Approval turnaround (min)</source>
        <translation>审批周转(分钟)</translation>
    </message>
    <message>
        <source>Approvals decided</source>
        <translation>已审批数</translation>
    </message>
    <message>
        <source>Team calls</source>
        <translation>团队通话数</translation>
    </message>
    <message>
        <source>Calls QA-reviewed</source>
        <translation>质检覆盖率</translation>
    </message>
    <message>
        <source>Coaching given</source>
        <translation>辅导次数</translation>
    </message>
    <message>
        <source>Team win-back rate</source>
        <translation>团队挽回率</translation>
    </message>
    <message>
        <source>Team burnout signals</source>
        <translation>团队倦怠信号</translation>
    </message>
</context>
</TS>
