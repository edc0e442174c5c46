<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ScheduledRiskScan</name>
    <message>
        <source>Daily early-warning scan: step {done} of {total}…</source>
        <extracomment>one translated line per step of a running scan</extracomment>
        <translation>每日预警扫描：第 {done} 步，共 {total} 步…</translation>
    </message>
    <message>
        <source>Daily early-warning scan: {n} customers flagged at risk.</source>
        <translation>每日预警扫描：{n} 位客户被标记为有流失风险。</translation>
    </message>
</context>
</TS>
