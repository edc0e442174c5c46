<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CustomerDetailPane</name>
    <message>
        <source>Customer ID</source>
        <extracomment>calls and offers the card lists (the tab title counts them all)</extracomment>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Phones</source>
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
        <source>Second lifetime value</source>
        <translation>二次生命周期价值</translation>
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
        <source>Annual margin</source>
        <translation>年毛利</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买次数</translation>
    </message>
    <message>
        <source>City / time zone</source>
        <translation>城市 / 时区</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
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
        <source>Imported from</source>
        <translation>导入来源</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>客户卡片</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Select a customer to see the card and history.</source>
        <translation>选择一位客户以查看卡片和历史记录。</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>Do not call</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <source>tier {tier}</source>
        <translation>{tier} 级</translation>
    </message>
    <message>
        <source>imported: {value}</source>
        <translation>导入值：{value}</translation>
    </message>
    <message>
        <source>last {date}</source>
        <translation>最近 {date}</translation>
    </message>
    <message>
        <source>#{id} {file} ({when})</source>
        <translation>#{id} {file}（{when}）</translation>
    </message>
    <message>
        <source>entered by hand or demo data</source>
        <translation>手工录入或演示数据</translation>
    </message>
    <message>
        <source>Calls ({n})</source>
        <translation>通话（{n}）</translation>
    </message>
    <message>
        <source>Offers ({n})</source>
        <translation>优惠（{n}）</translation>
    </message>
</context>
<context>
    <name>CustomersScreen</name>
    <message>
        <source>Search name, phone or customer ID…</source>
        <translation>搜索姓名、电话或客户编号…</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the customers shown to Excel or CSV</source>
        <translation>将当前显示的客户导出为 Excel 或 CSV</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Tier {tier}</source>
        <translation>{tier} 级</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>全部活动</translation>
    </message>
    <message>
        <source>All imports</source>
        <translation>全部导入批次</translation>
    </message>
    <message>
        <source>#{id} {file} ({date})</source>
        <translation>#{id} {file}（{date}）</translation>
    </message>
    <message>
        <source>Counting customers…</source>
        <translation>正在统计客户…</translation>
    </message>
    <message>
        <source>1 customer</source>
        <translation>1 位客户</translation>
    </message>
    <message>
        <source>{n} customers</source>
        <translation>{n} 位客户</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 for Excel (*.csv)</source>
        <translation>CSV，UTF-8 供 Excel 使用 (*.csv)</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>Exporting customers…</source>
        <translation>正在导出客户…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exported {n} customers to {file}</source>
        <translation>已将 {n} 位客户导出到 {file}</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
</context>
</TS>
