<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Cannot sort by &apos;{column}&apos;.</source>
        <extracomment>region used to read a phone number typed into the search box Columns the list can be sorted by (server side). ORDER BY for sort keys whose index is composite (the index order, then id).</extracomment>
        <translation>无法按“{column}”排序。</translation>
    </message>
    <message>
        <source>Unknown export format &apos;{format}&apos;: use xlsx or csv.</source>
        <translation>未知的导出格式“{format}”：请使用 xlsx 或 csv。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Customer ID</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Defection reason</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>Defection date</source>
        <translation>流失日期</translation>
    </message>
    <message>
        <source>Reason note</source>
        <translation>原因说明</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>年消费额</translation>
    </message>
    <message>
        <source>Annual margin</source>
        <translation>年毛利</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>SLTV (imported)</source>
        <translation>SLTV（导入值）</translation>
    </message>
    <message>
        <source>SLTV (model)</source>
        <translation>SLTV（模型计算）</translation>
    </message>
    <message>
        <source>SLTV tier</source>
        <translation>SLTV 等级</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Last purchase date</source>
        <translation>最近购买日期</translation>
    </message>
    <message>
        <source>Purchase count</source>
        <translation>购买次数</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉次数</translation>
    </message>
    <message>
        <source>Overdue invoices</source>
        <translation>逾期发票</translation>
    </message>
    <message>
        <source>Downgrade</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <source>Import batch</source>
        <translation>导入批次</translation>
    </message>
    <message>
        <source>Last changed (UTC)</source>
        <translation>最后修改（UTC）</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
</context>
</TS>
