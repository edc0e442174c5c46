<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Fields</name>
    <message>
        <source>Customer ID</source>
        <extracomment>label for the mapping editor, translated under the ``Fields`` context
----------
Columns of a purchase history: who bought (customer ID or phone), when, how much; the order ID makes a re-import add nothing.</extracomment>
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
        <source>Annual revenue</source>
        <translation>年消费额</translation>
    </message>
    <message>
        <source>Annual margin</source>
        <translation>年毛利</translation>
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
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>SLTV (imported)</source>
        <translation>SLTV（导入值）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Reason note</source>
        <translation>原因说明</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>勿扰</translation>
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
    <message>
        <source>Purchase date</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
</context>
</TS>
