<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomersModel</name>
    <message>
        <source>Customer ID</source>
        <extracomment>English header, marked under the ``CustomersModel`` context server-side sort key (``customer_query.SORTS``) or None when not sortable first click sorts descending (values, dates) instead of ascending (names)</extracomment>
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
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Defection reason</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>Lost on</source>
        <translation>流失日期</translation>
    </message>
    <message>
        <source>SLTV</source>
        <translation>SLTV</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>年消费额</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Do not call</source>
        <extracomment>what a row shows while its page is on the way the first page of the current query is on screen (rows shown) the exact number of matching customers is known a background read failed (translated message) a page arrived (for tests and the status line) a read failed: no more page requests until the next refresh (no retry storm) offsets of every page fetch started (read by tests and the benchmark)</extracomment>
        <translation>勿扰</translation>
    </message>
</context>
</TS>
