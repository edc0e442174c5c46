<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Risk</name>
    <message>
        <source>No purchase for {days} days; usually buys every {gap} days</source>
        <extracomment>signal codes, in the order a flag lists them</extracomment>
        <translation>已 {days} 天未购买；平时每 {gap} 天购买一次</translation>
    </message>
    <message>
        <source>Spent {drop}% less in the last {window} days than in an average {window} days before</source>
        <translation>近 {window} 天消费比此前平均每 {window} 天少 {drop}%</translation>
    </message>
    <message>
        <source>Only {percent}% likely to be still buying (BG/NBD model)</source>
        <translation>仍在购买的概率仅 {percent}%（BG/NBD 模型）</translation>
    </message>
    <message>
        <source>Purchases in the last {window} days: {recent}, against {past} per {window} days before</source>
        <translation>近 {window} 天购买 {recent} 次，此前平均每 {window} 天 {past} 次</translation>
    </message>
    <message>
        <source>Complaints on record: {count}</source>
        <translation>投诉记录：{count} 次</translation>
    </message>
    <message>
        <source>Overdue invoices: {count}</source>
        <translation>逾期账单：{count} 张</translation>
    </message>
    <message>
        <source>Downgraded: {detail}</source>
        <translation>已降级：{detail}</translation>
    </message>
    <message>
        <source>Silent for longer than usual</source>
        <translation>沉默时间超出平常</translation>
    </message>
    <message>
        <source>Buying less often</source>
        <translation>购买频次下降</translation>
    </message>
    <message>
        <source>Spending less</source>
        <translation>消费金额下降</translation>
    </message>
    <message>
        <source>Probably no longer buying</source>
        <translation>很可能已不再购买</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Overdue invoices</source>
        <translation>逾期账单</translation>
    </message>
    <message>
        <source>Downgrade</source>
        <translation>降级</translation>
    </message>
</context>
</TS>
